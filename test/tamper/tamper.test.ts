// The tamper suite: a real ledger on a real SQLite file, changed the ways an
// attacker with the file could change it. Every change must be found by
// `alutrace verify` (on the database) and by `alutrace verify-export` (on an
// export taken afterwards), naming the right entry and reason; an untouched
// ledger must always verify.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath, openDatabase, openLedger } from '@alutrace/server';
import {
  breakPrevLink,
  deleteCheckpointsAbove,
  deleteEntry,
  flipCanonicalByte,
  flipLeafHashBit,
  flipNodesBit,
  forgeCheckpointSignature,
  insertForgedEntry,
  makeTempDir,
  sampleEntry,
  setColumn,
  swapEntries,
  truncateTail,
} from '@alutrace/server/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';

const ENTRIES = 40;
let dir: string;

beforeEach(() => {
  dir = makeTempDir('alutrace-tamper-');
  // One append per transaction, so each size has its own signed checkpoint.
  const opened = openLedger({ dataDir: dir, checkpointIntervalMs: 0, synchronous: 'NORMAL' });
  for (let i = 0; i < ENTRIES; i++) opened.ledger.append([sampleEntry(i, i % 3 ? 'PG01' : 'TD03')]);
  opened.close();
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Sqlite = ReturnType<typeof openDatabase>['$client'];

function tamper(change: (sqlite: Sqlite) => void): void {
  const db = openDatabase(databasePath(dir));
  try {
    change(db.$client);
  } finally {
    db.$client.close();
  }
}

interface Found {
  code: string;
  seq: number | null;
}

async function verifyDb(extra: string[] = []): Promise<{ exit: number; failure: Found | null }> {
  const r = await cli(['verify', '--data-dir', dir, '--json', ...extra]);
  const report = JSON.parse(r.out) as { failure: Found | null };
  return { exit: r.code, failure: report.failure && { code: report.failure.code, seq: report.failure.seq } };
}

async function verifyExport(extra: string[] = []): Promise<{ exit: number; failure: Found | null }> {
  const file = join(dir, 'ledger.jsonl');
  const exported = await cli(['export', '--data-dir', dir, '--out', file]);
  expect(exported.code, exported.err).toBe(0);
  const key = (await cli(['key', '--data-dir', dir])).out.trim();
  const r = await cli(['verify-export', file, '--key', key, '--json', ...extra]);
  const report = JSON.parse(r.out) as { failure: Found | null };
  return { exit: r.code, failure: report.failure && { code: report.failure.code, seq: report.failure.seq } };
}

async function expectFound(expected: Found, extra: { db?: string[]; file?: string[] } = {}): Promise<void> {
  const db = await verifyDb(extra.db);
  expect(db.failure, 'verify').toEqual(expected);
  expect(db.exit).toBe(1);
  const file = await verifyExport(extra.file);
  expect(file.failure, 'verify-export').toEqual(expected);
  expect(file.exit).toBe(1);
}

describe('the tamper suite', () => {
  it('an untouched ledger verifies, from the database and from an export', async () => {
    expect(await verifyDb()).toEqual({ exit: 0, failure: null });
    expect(await verifyExport()).toEqual({ exit: 0, failure: null });
  });

  it('finds one changed byte in an entry', async () => {
    tamper((s) => flipCanonicalByte(s, 23, 60));
    await expectFound({ code: 'LEAF_HASH_MISMATCH', seq: 23 });
  });

  it('finds a change to only a look-up column', async () => {
    tamper((s) => setColumn(s, 31, 'site', 'XX99'));
    await expectFound({ code: 'INDEX_MISMATCH', seq: 31 });
  });

  it('finds an edited leaf_hash column', async () => {
    tamper((s) => flipLeafHashBit(s, 14));
    await expectFound({ code: 'LEAF_HASH_MISMATCH', seq: 14 });
  });

  it('finds an edited nodes column (an export recomputes the tree, so only the database check can see it)', async () => {
    tamper((s) => flipNodesBit(s, 23));
    const db = await verifyDb();
    expect(db).toEqual({ exit: 1, failure: { code: 'NODE_HASH_MISMATCH', seq: 23 } });
    expect(await verifyExport()).toEqual({ exit: 0, failure: null });
  });

  it('finds a broken prev link even when every hash after it was recomputed', async () => {
    tamper((s) => breakPrevLink(s, 19));
    await expectFound({ code: 'CHAIN_BROKEN', seq: 19 });
  });

  it('finds a deleted entry', async () => {
    tamper((s) => deleteEntry(s, 12));
    await expectFound({ code: 'SEQ_GAP', seq: 12 });
  });

  it('finds two swapped entries', async () => {
    tamper((s) => swapEntries(s, 5, 6));
    await expectFound({ code: 'SEQ_MISMATCH', seq: 5 });
  });

  it('finds a forged entry inserted with every hash recomputed', async () => {
    tamper((s) => insertForgedEntry(s, 17, { grossG: 9_999_000, note: 'forged' }));
    await expectFound({ code: 'ROOT_MISMATCH', seq: 17 });
  });

  it('finds a truncated tail through the stored checkpoints', async () => {
    tamper((s) => truncateTail(s, 3));
    await expectFound({ code: 'TRUNCATED', seq: 37 });
  });

  it('finds a truncated tail whose checkpoints were removed too, through a saved checkpoint', async () => {
    const saved = join(dir, 'trusted-checkpoint.txt');
    writeFileSync(saved, `${(await cli(['checkpoint', '--data-dir', dir])).out}\n`);
    tamper((s) => {
      truncateTail(s, 3);
      deleteCheckpointsAbove(s, 37);
    });
    // Without the saved checkpoint the shortened ledger is self-consistent…
    expect((await verifyDb()).failure).toBeNull();
    // …with it, the missing entries are named.
    await expectFound(
      { code: 'TRUNCATED', seq: 37 },
      { db: ['--trusted-checkpoint', saved], file: ['--trusted-checkpoint', saved] },
    );
  });

  it('finds a forged checkpoint signature', async () => {
    tamper((s) => forgeCheckpointSignature(s, 30));
    await expectFound({ code: 'BAD_SIGNATURE', seq: null });
  });

  it('finds changes made to the export file itself', async () => {
    const file = join(dir, 'ledger.jsonl');
    await cli(['export', '--data-dir', dir, '--out', file]);
    const key = (await cli(['key', '--data-dir', dir])).out.trim();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const entryLine = (seq: number) => lines.findIndex((l) => l.includes(`"type":"entry","seq":${seq},`));
    const check = async (edited: string[]) => {
      writeFileSync(file, `${edited.join('\n')}\n`);
      const r = await cli(['verify-export', file, '--key', key, '--json']);
      return (JSON.parse(r.out) as { failure: Found | null }).failure;
    };
    const i = entryLine(8);
    expect(await check(lines.map((l, j) => (j === i ? l.replace('1523008', '1623008') : l)))).toMatchObject({
      code: 'LEAF_HASH_MISMATCH',
      seq: 8,
    });
    expect(await check(lines.filter((_, j) => j !== entryLine(20)))).toMatchObject({ code: 'SEQ_GAP', seq: 20 });
    expect(await check(lines.slice(0, entryLine(35)))).toMatchObject({ code: 'TRUNCATED', seq: 35 });
    expect(await check([lines[0] as string, '{oops', ...lines.slice(1)])).toMatchObject({ code: 'MALFORMED_EXPORT' });
  });

  it('refuses signatures by a key other than the one trusted', async () => {
    const other = makeTempDir('alutrace-other-');
    try {
      openLedger({ dataDir: other }).close();
      const otherKey = (await cli(['key', '--data-dir', other])).out.trim();
      const r = await cli(['verify', '--data-dir', dir, '--key', otherKey, '--json']);
      expect(r.code).toBe(1);
      expect((JSON.parse(r.out) as { failure: Found }).failure.code).toBe('BAD_SIGNATURE');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
