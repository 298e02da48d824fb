// `alutrace backup` and `alutrace restore`: a backup restores to a ledger that
// verifies with the same tree size and root; bad backups and occupied targets
// are refused without writing anything; every file is the owner's alone.
// The same under concurrent writes: backup-under-writes.test.ts.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath, openDatabase } from '@alutrace/server';
import { flipCanonicalByte, startTestServer } from '@alutrace/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';
import {
  entryCount,
  expectPrivate,
  manifestOf,
  onCleanup,
  runCleanups,
  smallLedger,
  tempDir,
  verified,
} from './backup-fixtures';

afterEach(runCleanups);

/** Runs restore and checks that it refused, leaving `target` absent or empty and no staging directory behind. */
async function expectRestoreRefused(backupDir: string, target: string, code: number, message: RegExp): Promise<void> {
  const r = await cli(['restore', backupDir, '--data-dir', target]);
  expect(r.code, r.out + r.err).toBe(code);
  expect(r.out + r.err).toMatch(message);
  expect(!existsSync(target) || readdirSync(target).length === 0).toBe(true);
  const parent = join(target, '..');
  expect(readdirSync(parent).filter((n) => n.includes('.restoring-'))).toEqual([]);
}

describe('alutrace backup and restore', () => {
  it('backs up a running server and restores it; the restored ledger verifies with the same tree size and root', async () => {
    const server = await startTestServer();
    onCleanup(() => server.stop());
    // The first-run password file is a one-off secret of this machine.
    expect(existsSync(join(server.dataDir, 'initial-admin-password'))).toBe(true);
    const live = await verified(server.dataDir);
    const backupDir = join(tempDir('alutrace-backup-out-'), 'backup');

    const backup = await cli(['backup', '--data-dir', server.dataDir, '--out', backupDir]);
    expect(backup.code, backup.out + backup.err).toBe(0);
    expect(backup.out).toContain('alutrace backup: OK');
    expect(backup.out).toContain('已备份到');
    const manifest = manifestOf(backupDir);
    expect(manifest).toMatchObject({ treeSize: live.treeSize, rootHash: live.rootHash });
    expect(backup.out).toContain(live.rootHash);
    expect(readdirSync(backupDir).sort()).toEqual(['alutrace.db', 'backup-manifest.json', 'sealed-key', 'signing-key']);
    expectPrivate(backupDir);

    const target = join(tempDir('alutrace-restore-'), 'data');
    const restore = await cli(['restore', backupDir, '--data-dir', target]);
    expect(restore.code, restore.out + restore.err).toBe(0);
    expect(restore.out).toContain(`tree size ${live.treeSize}, root ${live.rootHash}`);
    expect(restore.out).toContain('The verifier key is unchanged');
    expect(readdirSync(target).sort()).toEqual(['alutrace.db', 'sealed-key', 'signing-key']);
    expectPrivate(target);
    expect(await verified(target)).toMatchObject({ ok: true, treeSize: live.treeSize, rootHash: live.rootHash });
    const key = await cli(['key', '--data-dir', target]);
    expect(key.out.trim()).toBe(manifest.verifierKey);
  });

  it('copies every other file of the data directory as a key file, and not the initial password', async () => {
    const dataDir = smallLedger();
    writeFileSync(join(dataDir, 'sealed-data-key'), 'a later key file\n', { mode: 0o644 });
    writeFileSync(join(dataDir, 'initial-admin-password'), 'one-off\n', { mode: 0o600 });
    const backupDir = join(tempDir('alutrace-backup-out-'), 'backup');
    const r = await cli(['backup', '--data-dir', dataDir, '--out', backupDir]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(manifestOf(backupDir).files.map((f) => f.name)).toEqual([
      'alutrace.db',
      'sealed-data-key',
      'sealed-key',
      'signing-key',
    ]);
    expectPrivate(backupDir);
    const target = join(tempDir('alutrace-restore-'), 'data');
    expect((await cli(['restore', backupDir, '--data-dir', target])).code).toBe(0);
    expect(readFileSync(join(target, 'sealed-data-key'), 'utf8')).toBe('a later key file\n');
    expect(existsSync(join(target, 'initial-admin-password'))).toBe(false);
    expectPrivate(target);
  });

  it('refuses a non-empty --out directory and writes nothing into it', async () => {
    const dataDir = smallLedger();
    const out = tempDir('alutrace-backup-out-');
    writeFileSync(join(out, 'something'), 'mine');
    const r = await cli(['backup', '--data-dir', dataDir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not empty/);
    expect(readdirSync(out)).toEqual(['something']);
    const file = join(out, 'something');
    expect((await cli(['backup', '--data-dir', dataDir, '--out', file])).err).toMatch(/not a directory/);
    expect((await cli(['backup', '--data-dir', dataDir])).err).toContain('--out DIR is required');
    const nothing = await cli(['backup', '--data-dir', join(out, 'no-ledger'), '--out', join(out, 'b')]);
    expect([nothing.code, nothing.err]).toEqual([2, expect.stringMatching(/holds no ledger/)]);
    expect(readdirSync(out)).toEqual(['something']);
  });

  it('refuses a non-empty restore target and writes nothing into it', async () => {
    const backupDir = join(tempDir('alutrace-backup-out-'), 'backup');
    expect((await cli(['backup', '--data-dir', smallLedger(), '--out', backupDir])).code).toBe(0);
    const target = join(tempDir('alutrace-restore-'), 'data');
    const other = smallLedger(3);
    const before = readdirSync(other).sort();
    const r = await cli(['restore', backupDir, '--data-dir', other]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not empty/);
    expect(readdirSync(other).sort()).toEqual(before);
    expect(entryCount(other)).toBe(3);
    await expectRestoreRefused(join(target, 'no-such-backup'), target, 2, /no backup-manifest\.json/);
  });

  it('leaves a backup that fails verification without a manifest, so restore refuses it', async () => {
    const dataDir = smallLedger();
    const db = openDatabase(databasePath(dataDir));
    flipCanonicalByte(db.$client, 4);
    db.$client.close();
    const backupDir = join(tempDir('alutrace-backup-out-'), 'backup');
    const r = await cli(['backup', '--data-dir', dataDir, '--out', backupDir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('LEAF_HASH_MISMATCH');
    expect(r.out).toContain('is NOT good');
    expect(existsSync(join(backupDir, 'backup-manifest.json'))).toBe(false);
    expectPrivate(backupDir);
    await expectRestoreRefused(backupDir, join(tempDir('alutrace-restore-'), 'data'), 2, /no backup-manifest\.json/);
  });

  const damages: [string, (backupDir: string) => void, RegExp][] = [
    ['an entry altered', (dir) => alterEntry(dir, false), /alutrace\.db is not the file that was backed up/],
    ['an entry altered and the manifest made to match', (dir) => alterEntry(dir, true), /LEAF_HASH_MISMATCH/],
    ['the signing key deleted', (dir) => unlinkSync(join(dir, 'signing-key')), /the backup has no signing-key/],
    ['another signing key and a manifest to match', (dir) => replaceKey(dir), /the signing key is .* not /],
  ];

  it.each(damages)('refuses a backup with %s, and leaves the target as it was', async (_, damage, message) => {
    const backupDir = join(tempDir('alutrace-backup-out-'), 'backup');
    expect((await cli(['backup', '--data-dir', smallLedger(), '--out', backupDir])).code).toBe(0);
    damage(backupDir);
    const parent = tempDir('alutrace-restore-');
    await expectRestoreRefused(backupDir, join(parent, 'absent'), 1, message);
    await expectRestoreRefused(backupDir, parent, 1, message);
  });

  it('refuses to restore a backup not signed by the key given with --key', async () => {
    const backupDir = join(tempDir('alutrace-backup-out-'), 'backup');
    expect((await cli(['backup', '--data-dir', smallLedger(), '--out', backupDir])).code).toBe(0);
    const otherKey = (await cli(['key', '--data-dir', smallLedger(1)])).out.trim();
    const target = join(tempDir('alutrace-restore-'), 'data');
    const r = await cli(['restore', backupDir, '--data-dir', target, '--key', otherKey]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`not ${otherKey}`);
    expect(existsSync(target)).toBe(false);
    const own = await cli(['restore', backupDir, '--data-dir', target, '--key', manifestOf(backupDir).verifierKey]);
    expect(own.code, own.out + own.err).toBe(0);
  });

  it('explains both commands with --help', async () => {
    expect((await cli(['--help'])).out).toMatch(/backup[\s\S]*restore/);
    for (const name of ['backup', 'restore']) {
      const r = await cli([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: alutrace ${name}`));
    }
  });
});

function alterEntry(backupDir: string, updateManifest: boolean): void {
  const file = join(backupDir, 'alutrace.db');
  const db = openDatabase(file, { readonly: false });
  flipCanonicalByte(db.$client, 3);
  db.$client.close();
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  if (updateManifest) rewriteDigests(backupDir);
}

function replaceKey(backupDir: string): void {
  const other = smallLedger(1);
  writeFileSync(join(backupDir, 'signing-key'), readFileSync(join(other, 'signing-key')));
  rewriteDigests(backupDir);
}

/** What an attacker who edits the backup would do to its manifest. */
function rewriteDigests(backupDir: string): void {
  const manifest = manifestOf(backupDir);
  for (const f of manifest.files) {
    const bytes = readFileSync(join(backupDir, f.name));
    f.bytes = bytes.length;
    f.sha256 = createHash('sha256').update(bytes).digest('hex');
  }
  writeFileSync(join(backupDir, 'backup-manifest.json'), JSON.stringify(manifest));
}
