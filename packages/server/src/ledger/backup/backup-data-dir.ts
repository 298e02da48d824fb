// An online backup of a data directory: the database through SQLite's backup
// API, which copies a consistent snapshot while the server keeps writing
// (copying the files instead loses what is still in the -wal file, or tears
// a page being checkpointed), then the key files, then a verification of the
// copy before the manifest that marks it as good is written.
import { closeSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatVerifierKey, readCheckpointNote } from '@alutrace/shared';
import { openDatabase } from '../../db/open-database';
import { DATABASE_FILE, databasePath } from '../open-ledger';
import { readHeadNote } from '../read-head';
import { readSigningKey } from '../signing-key';
import { type BackupManifest, writeBackupManifest } from './backup-manifest';
import { BackupRefusal, type CopyOutcome } from './backup-problems';
import { listSecretFiles } from './data-dir-files';
import {
  copyPrivateFile,
  createPrivateFile,
  digestFile,
  type FileDigest,
  makePrivateDir,
  removeSqliteLeftovers,
  syncDir,
} from './private-files';
import { verifyCopy } from './verify-copy';

export interface BackupOptions {
  dataDir: string;
  /** A new or empty directory. */
  outDir: string;
  workers?: number /** Progress of the copy's verification, the long part. */;
  onProgress?: (done: number, total: number) => void;
}

export interface BackupResult extends CopyOutcome {
  outDir: string;
  /** The size of the live ledger's head checkpoint read before copying; the copy holds at least this many entries. */
  liveSize: number | null;
  /** Written only when the copy verified. */
  manifest: BackupManifest | null;
  /** Data-directory entries not copied because they are not regular files. */
  skipped: string[];
}

// Copy every page in one step: a step reads one snapshot, whereas between
// steps a write by the server restarts the copy, which under steady writes
// might never finish. The step holds a read transaction only, which in WAL
// mode does not block the server's writes.
const ALL_PAGES = 0x7fffffff;

export async function backupDataDir(options: BackupOptions): Promise<BackupResult> {
  const { dataDir, outDir } = options;
  refuseNonEmpty(outDir);
  const liveDb = databasePath(dataDir);
  if (!existsSync(liveDb)) {
    throw new BackupRefusal({
      en: `${dataDir} holds no ledger (${DATABASE_FILE})`,
      zh: `${dataDir} 中没有账本（${DATABASE_FILE}）`,
    });
  }
  let liveKey: string;
  try {
    liveKey = formatVerifierKey(readSigningKey(dataDir));
  } catch (e) {
    const why = (e as Error).message;
    throw new BackupRefusal({
      en: `cannot read the signing key in ${dataDir}: ${why}`,
      zh: `无法读取 ${dataDir} 中的签名密钥：${why}`,
    });
  }
  const { secretFiles, skipped } = listSecretFiles(dataDir);
  const created = !existsSync(outDir);
  makePrivateDir(outDir);
  try {
    const copyDb = databasePath(outDir);
    const source = openDatabase(liveDb, { readonly: true });
    let liveHead: string | null;
    try {
      // Read before copying, so that the copy necessarily extends it.
      liveHead = readHeadNote(source.$client);
      // Created first so that the copy is 0600 from the start; SQLite gives its journal the same mode.
      closeSync(createPrivateFile(copyDb));
      await source.$client.backup(copyDb, { progress: () => ALL_PAGES });
    } finally {
      source.$client.close();
    }
    removeSqliteLeftovers(copyDb);
    const keys = secretFiles.map((name) => copyPrivateFile(join(dataDir, name), join(outDir, name), name));
    const live = readNote(liveHead);
    const liveSize = live?.size ?? null;
    const outcome = await verifyCopy(outDir, {
      trustedCheckpoint: liveHead,
      expectedVerifierKey: liveKey,
      ...(live ? { origin: live.origin } : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    // A copy that fails is kept for inspection, but without a manifest restore refuses it.
    if (!outcome.ok || !outcome.report) return { ...outcome, outDir, liveSize, manifest: null, skipped };
    const files: FileDigest[] = [digestFile(copyDb, DATABASE_FILE), ...keys];
    const manifest: BackupManifest = {
      format: 'alutrace-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      treeSize: outcome.report.treeSize,
      rootHash: outcome.report.rootHash,
      origin: live?.origin ?? readSigningKey(outDir).name,
      verifierKey: liveKey,
      liveCheckpoint: liveHead,
      files,
    };
    writeBackupManifest(outDir, manifest);
    syncDir(outDir);
    return { ...outcome, outDir, liveSize, manifest, skipped };
  } catch (e) {
    // An I/O failure leaves nothing behind; the directory was new or empty.
    if (created) rmSync(outDir, { recursive: true, force: true });
    else for (const name of readdirSync(outDir)) rmSync(join(outDir, name), { recursive: true, force: true });
    throw e;
  }
}

/** The live head's size and origin; null without one, or when it is unreadable (the verifier then says why). */
function readNote(note: string | null): { size: number; origin: string } | null {
  try {
    return note ? readCheckpointNote(note) : null;
  } catch {
    return null;
  }
}

/** Refuses a path that is not a directory or holds anything; a missing one is fine. */
export function refuseNonEmpty(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) {
    throw new BackupRefusal({ en: `${dir} exists and is not a directory`, zh: `${dir} 已存在且不是目录` });
  }
  const entries = readdirSync(dir);
  if (entries.length > 0) {
    throw new BackupRefusal({
      en: `${dir} is not empty (${entries.length} entries): give a new or empty directory, nothing is overwritten`,
      zh: `${dir} 不是空目录（有 ${entries.length} 项）：请指定新的或空的目录，不会覆盖任何文件`,
    });
  }
}
