// Restores a backup into a new or empty data directory. Everything is copied
// into a hidden sibling of the target first and checked there — each file
// against the manifest's digest, then the whole ledger with the verifier and
// against the manifest's tree size and root — and only then renamed into
// place, so a failed or interrupted restore leaves no half-made data directory.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { NoteVerifier } from '@alutrace/shared';
import { SEALED_KEY_FILE } from '../../sealed/vault-key';
import { DATABASE_FILE } from '../open-ledger';
import { SIGNING_KEY_FILE } from '../signing-key';
import { refuseNonEmpty } from './backup-data-dir';
import { type BackupManifest, readBackupManifest } from './backup-manifest';
import { BackupRefusal, type CopyOutcome, type Problem } from './backup-problems';
import { BACKUP_MANIFEST_FILE, isBackupFileName } from './data-dir-files';
import { copyPrivateFile, makePrivateDir, syncDir } from './private-files';
import { verifyCopy } from './verify-copy';

export interface RestoreOptions {
  backupDir: string;
  /** A new or empty directory. */
  dataDir: string;
  /** Verify with this (published) key rather than the backup's own. */
  verifier?: NoteVerifier;
  workers?: number /** Progress of the copy's verification, the long part. */;
  onProgress?: (done: number, total: number) => void;
}

export interface RestoreResult extends CopyOutcome {
  dataDir: string;
  manifest: BackupManifest | null;
}

export async function restoreDataDir(options: RestoreOptions): Promise<RestoreResult> {
  const { backupDir, dataDir } = options;
  if (!existsSync(join(backupDir, BACKUP_MANIFEST_FILE))) {
    throw new BackupRefusal({
      en: `${backupDir} is not a verified alutrace backup: it has no ${BACKUP_MANIFEST_FILE} (a backup that failed its verification has none)`,
      zh: `${backupDir} 不是已校验的 alutrace 备份：其中没有 ${BACKUP_MANIFEST_FILE}（校验失败的备份没有此文件）`,
    });
  }
  refuseNonEmpty(dataDir);
  const read = readBackupManifest(backupDir);
  if ('invalid' in read) {
    return refused(dataDir, null, {
      en: `${BACKUP_MANIFEST_FILE} is damaged: ${read.invalid}`,
      zh: `${BACKUP_MANIFEST_FILE} 已损坏：${read.invalid}`,
    });
  }
  const { manifest } = read;
  const listed = manifest.files.map((f) => f.name);
  const odd = listed.find((name) => !isBackupFileName(name));
  if (odd !== undefined) {
    return refused(dataDir, manifest, {
      en: `the manifest lists "${odd}", which no backup holds`,
      zh: `清单中列有备份不会包含的文件“${odd}”`,
    });
  }
  for (const needed of [DATABASE_FILE, SIGNING_KEY_FILE, SEALED_KEY_FILE]) {
    if (!listed.includes(needed) || !existsSync(join(backupDir, needed))) {
      return refused(dataDir, manifest, { en: `the backup has no ${needed}`, zh: `备份中缺少 ${needed}` });
    }
  }

  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  const staging = mkdtempSync(join(parent, `.${basename(dataDir)}.restoring-`));
  makePrivateDir(staging);
  try {
    const outcome = await copyAndVerify(backupDir, staging, manifest, options);
    if (!outcome.ok) {
      rmSync(staging, { recursive: true, force: true });
      return { ...outcome, dataDir, manifest };
    }
    syncDir(staging);
    // rename(2) replaces an empty directory, so an empty target is taken as well as a missing one.
    renameSync(staging, dataDir);
    syncDir(parent);
    return { ...outcome, dataDir, manifest };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

async function copyAndVerify(
  backupDir: string,
  staging: string,
  manifest: BackupManifest,
  options: RestoreOptions,
): Promise<CopyOutcome> {
  for (const file of manifest.files) {
    const from = join(backupDir, file.name);
    if (!existsSync(from)) {
      return problem({ en: `the backup has no ${file.name}`, zh: `备份中缺少 ${file.name}` });
    }
    // The digest is of the bytes written here, so what is verified next is what was checked.
    const copied = copyPrivateFile(from, join(staging, file.name), file.name);
    if (copied.sha256 !== file.sha256 || copied.bytes !== file.bytes) {
      return problem({
        en: `${file.name} is not the file that was backed up (its SHA-256 differs from the manifest's)`,
        zh: `${file.name} 与备份时的文件不同（SHA-256 与清单不符）`,
      });
    }
  }
  const outcome = await verifyCopy(staging, {
    trustedCheckpoint: manifest.liveCheckpoint,
    expectedVerifierKey: manifest.verifierKey,
    origin: manifest.origin,
    ...(options.verifier ? { verifier: options.verifier } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (!outcome.ok || !outcome.report) return outcome;
  const { treeSize, rootHash } = outcome.report;
  if (treeSize !== manifest.treeSize || rootHash !== manifest.rootHash) {
    return {
      ...outcome,
      ok: false,
      problem: {
        en: `the backup holds a tree of size ${treeSize}, root ${rootHash}; its manifest says size ${manifest.treeSize}, root ${manifest.rootHash}`,
        zh: `备份中的树大小为 ${treeSize}、根哈希 ${rootHash}；清单记载为大小 ${manifest.treeSize}、根哈希 ${manifest.rootHash}`,
      },
    };
  }
  return outcome;
}

function problem(p: Problem): CopyOutcome {
  return { ok: false, report: null, problem: p };
}

function refused(dataDir: string, manifest: BackupManifest | null, p: Problem): RestoreResult {
  return { ...problem(p), dataDir, manifest };
}
