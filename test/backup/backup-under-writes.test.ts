// Backups taken while another process appends to the ledger, as a running
// server would: each must verify, extend the ledger as it was when the backup
// started, and restore. (A plain copy of alutrace.db instead of SQLite's backup
// API fails here: the copy lacks what is still in the -wal file.)
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';
import { entryCount, expectPrivate, manifestOf, onCleanup, runCleanups, tempDir, verified } from './backup-fixtures';

const root = join(import.meta.dirname, '..', '..');

afterEach(runCleanups);

describe('backup under writes', () => {
  it('takes backups while another process appends, each verifying and extending the live ledger', async () => {
    const dataDir = tempDir('alutrace-backup-live-');
    const writer = startWriter(dataDir);
    onCleanup(() => stopWriter(writer));
    await waitFor(writer, () => entriesSoFar(dataDir) >= 200);

    const first = entryCount(dataDir);
    const sizes: number[] = [];
    for (let round = 0; round < 5; round++) {
      const before = entryCount(dataDir);
      const backupDir = join(tempDir('alutrace-backup-out-'), `backup-${round}`);
      const backup = await cli(['backup', '--data-dir', dataDir, '--out', backupDir]);
      expect(backup.code, backup.out + backup.err).toBe(0);
      const manifest = manifestOf(backupDir);
      expect(manifest.treeSize).toBeGreaterThanOrEqual(before);
      expectPrivate(backupDir);

      const target = join(tempDir('alutrace-restore-'), 'data');
      const restore = await cli(['restore', backupDir, '--data-dir', target]);
      expect(restore.code, restore.out + restore.err).toBe(0);
      expect(await verified(target)).toMatchObject({ treeSize: manifest.treeSize, rootHash: manifest.rootHash });
      sizes.push(manifest.treeSize);
    }
    expect(writer.failure()).toBeNull();
    await stopWriter(writer);
    // The writer kept writing throughout, and no backup went back in time.
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1] as number);
    expect(sizes.at(-1)).toBeGreaterThan(first);
    expect(entryCount(dataDir)).toBeGreaterThan(sizes.at(-1) as number);
  });
});

interface Writer {
  child: ChildProcess;
  /** Why the writer stopped by itself, if it did. */
  failure(): string | null;
}

function startWriter(dataDir: string): Writer {
  const script = join(import.meta.dirname, 'append-forever.ts');
  // About 500 entries a second: steady writes, and a ledger that stays small enough to verify ten times in seconds.
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, '5'], { cwd: root, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return {
    child,
    failure: () =>
      child.exitCode !== null || (child.signalCode !== null && child.signalCode !== 'SIGTERM')
        ? `the writer stopped (${child.exitCode ?? child.signalCode}): ${stderr}`
        : null,
  };
}

/** The number of entries, or 0 while the writer is still creating the database. */
function entriesSoFar(dataDir: string): number {
  try {
    return entryCount(dataDir);
  } catch {
    return 0;
  }
}

async function stopWriter({ child }: Writer): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function waitFor(writer: Writer, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    const failure = writer.failure();
    if (failure) throw new Error(failure);
    if (Date.now() > until) throw new Error('timed out waiting for the writer');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
