import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { databasePath, openDatabase, openLedger } from '@alutrace/server';
import { flipCanonicalByte, makeTempDir, sampleEntry } from '@alutrace/server/testing';
import { parseVerifierKey, readCheckpointNote } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const root = join(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = makeTempDir('alutrace-cli-');
  const opened = openLedger({ dataDir: dir, checkpointIntervalMs: 0, synchronous: 'NORMAL' });
  for (let i = 0; i < 5; i++) opened.ledger.append([sampleEntry(i)]);
  opened.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the alutrace command line', () => {
  it('lists its commands with --help', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'verify', 'export', 'verify-export', 'checkpoint', 'key']) expect(r.out).toContain(c);
  });

  it.each(['serve', 'verify', 'export', 'verify-export', 'checkpoint', 'key'])(
    'explains "%s" with --help',
    async (name) => {
      const r = await cli([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: alutrace ${name}`));
    },
  );

  it('exits 2 with a clear message for an unknown command or option', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
    const option = await cli(['verify', '--frob']);
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/Unknown option '--frob'/);
  });

  it('exits 2 when the data directory holds no ledger', async () => {
    const r = await cli(['verify', '--data-dir', join(dir, 'nothing-here')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/signing key/);
  });

  it('exits 2 when export has no --out', async () => {
    const r = await cli(['export', '--data-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out FILE is required');
  });

  it('prints the verifier key and the newest checkpoint', async () => {
    const key = (await cli(['key', '--data-dir', dir])).out.trim();
    expect(parseVerifierKey(key).name).toBe('alutrace.local/ledger');
    const note = (await cli(['checkpoint', '--data-dir', dir])).out;
    expect(readCheckpointNote(`${note}\n`).size).toBe(5);
  });

  it('prints a readable report in English and Chinese', async () => {
    const r = await cli(['verify', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('alutrace verify: OK — 5 entries checked');
    expect(r.out).toContain('校验通过');
  });

  it('runs as `pnpm alutrace` and exits 0 for an intact ledger, 1 for an altered one', async () => {
    const run = promisify(execFile);
    const ok = await run('pnpm', ['-s', 'alutrace', 'verify', '--data-dir', dir], { cwd: root });
    expect(ok.stdout).toContain('OK');
    const copy = makeTempDir('alutrace-cli-tampered-');
    try {
      const opened = openLedger({ dataDir: copy, checkpointIntervalMs: 0, synchronous: 'NORMAL' });
      for (let i = 0; i < 3; i++) opened.ledger.append([sampleEntry(i)]);
      opened.close();
      const db = openDatabase(databasePath(copy));
      flipCanonicalByte(db.$client, 1);
      db.$client.close();
      const failed = await run('pnpm', ['-s', 'alutrace', 'verify', '--data-dir', copy], { cwd: root }).catch(
        (e: { code: number; stdout: string }) => e,
      );
      expect('code' in failed ? failed.code : 0).toBe(1);
      expect(failed.stdout).toContain('FAILED at entry 1 (LEAF_HASH_MISMATCH)');
      expect(failed.stdout).toContain('第 1 条记录');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
