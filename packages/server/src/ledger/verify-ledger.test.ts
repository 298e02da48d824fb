import { parseVerifierKey } from '@alutrace/shared';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { sampleEntry, test } from '../testing/fixtures';
import {
  deleteEntry,
  flipCanonicalByte,
  forgeCheckpointSignature,
  insertForgedEntry,
  setColumn,
  swapEntries,
  truncateTail,
} from '../testing/tamper';
import type { OpenedLedger } from './open-ledger';
import { verifyLedger } from './verify-ledger';

function fill(opened: OpenedLedger, count: number): void {
  for (let i = 0; i < count; i++) opened.ledger.append([sampleEntry(i)]);
}

// Small ranges (2^3 leaves) so that a few dozen entries exercise the
// cross-range checks; 0 workers runs them in this thread, 2 on worker threads.
const modes = [
  { name: 'in this thread', workers: 0, chunkLevel: 3 },
  { name: 'on worker threads', workers: 2, chunkLevel: 3 },
  { name: 'as one large range', workers: 0, chunkLevel: 16 },
];

describe.each(modes)('verify $name', ({ workers, chunkLevel }) => {
  const verify = (opened: OpenedLedger, extra: { trustedCheckpoint?: string } = {}) =>
    verifyLedger(opened.db.$client, {
      verifier: parseVerifierKey(opened.verifierKey),
      origin: 'alutrace.local/ledger',
      workers,
      chunkLevel,
      ...extra,
    });

  test('an untouched ledger verifies', async ({ opened }) => {
    fill(opened, 37);
    const report = await verify(opened);
    expect(report).toMatchObject({
      ok: true,
      entriesChecked: 37,
      treeSize: 37,
      checkpointsChecked: 38,
      coveredSize: 37,
    });
    expect(report.failure).toBeNull();
  });

  test('an empty ledger verifies', async ({ opened }) => {
    expect(await verify(opened)).toMatchObject({ ok: true, treeSize: 0, checkpointsChecked: 1 });
  });

  test('names the seq of an entry whose bytes changed', async ({ opened }) => {
    fill(opened, 30);
    flipCanonicalByte(opened.db.$client, 17);
    expect((await verify(opened)).failure).toMatchObject({ code: 'LEAF_HASH_MISMATCH', seq: 17 });
  });

  test('names a look-up column that no longer matches its entry', async ({ opened }) => {
    fill(opened, 30);
    setColumn(opened.db.$client, 12, 'kind', 'test.other');
    expect((await verify(opened)).failure).toMatchObject({
      code: 'INDEX_MISMATCH',
      seq: 12,
      params: { column: 'kind', stored: 'test.other', actual: 'test.recorded' },
    });
  });

  test('finds a deleted entry', async ({ opened }) => {
    fill(opened, 30);
    deleteEntry(opened.db.$client, 16);
    expect((await verify(opened)).failure).toMatchObject({ code: 'SEQ_GAP', seq: 16 });
  });

  test('finds two swapped entries', async ({ opened }) => {
    fill(opened, 30);
    swapEntries(opened.db.$client, 9, 21);
    expect((await verify(opened)).failure).toMatchObject({ code: 'SEQ_MISMATCH', seq: 9, params: { claimed: 21 } });
  });

  test('finds a forged entry whose hashes were all recomputed, through the signed checkpoints', async ({ opened }) => {
    fill(opened, 30);
    insertForgedEntry(opened.db.$client, 11, { note: 'forged' });
    expect((await verify(opened)).failure).toMatchObject({ code: 'ROOT_MISMATCH', seq: 11, params: { size: 12 } });
  });

  test('finds a truncated tail through a stored checkpoint', async ({ opened }) => {
    fill(opened, 30);
    truncateTail(opened.db.$client, 4);
    expect((await verify(opened)).failure).toMatchObject({ code: 'TRUNCATED', seq: 26, params: { size: 27 } });
  });

  test('finds a forged checkpoint signature', async ({ opened }) => {
    fill(opened, 30);
    forgeCheckpointSignature(opened.db.$client, 20);
    expect((await verify(opened)).failure).toMatchObject({ code: 'BAD_SIGNATURE', seq: null, params: { size: 20 } });
  });

  test('verifies incrementally from a trusted checkpoint', async ({ opened }) => {
    fill(opened, 21);
    const trusted = opened.ledger.head()?.note as string;
    fill(opened, 30);
    const report = await verify(opened, { trustedCheckpoint: trusted });
    expect(report).toMatchObject({ ok: true, trustedSize: 21, entriesChecked: 30, treeSize: 51 });
  });

  test('incremental verification still finds a change after the trusted checkpoint', async ({ opened }) => {
    fill(opened, 21);
    const trusted = opened.ledger.head()?.note as string;
    fill(opened, 30);
    flipCanonicalByte(opened.db.$client, 40);
    expect((await verify(opened, { trustedCheckpoint: trusted })).failure).toMatchObject({
      code: 'LEAF_HASH_MISMATCH',
      seq: 40,
    });
  });

  test('incremental verification finds a rewrite before the trusted checkpoint', async ({ opened }) => {
    fill(opened, 21);
    const trusted = opened.ledger.head()?.note as string;
    fill(opened, 10);
    insertForgedEntry(opened.db.$client, 5, { note: 'forged' });
    expect((await verify(opened, { trustedCheckpoint: trusted })).failure).toMatchObject({ code: 'INCONSISTENT' });
  });

  test('incremental verification finds a tail truncated below the trusted checkpoint', async ({ opened }) => {
    fill(opened, 21);
    const trusted = opened.ledger.head()?.note as string;
    truncateTail(opened.db.$client, 5);
    expect((await verify(opened, { trustedCheckpoint: trusted })).failure).toMatchObject({
      code: 'TRUNCATED',
      seq: 16,
    });
  });
});

describe('verify in parallel and in sequence', () => {
  test('report the same first failure for any single change', async ({ opened }) => {
    fill(opened, 45);
    const sqlite = opened.db.$client;
    const verifier = parseVerifierKey(opened.verifierKey);
    sqlite.exec('CREATE TABLE backup AS SELECT * FROM ledger_entries');
    await fc.assert(
      fc.asyncProperty(fc.nat(44), fc.nat(400), async (seq, offset) => {
        sqlite.exec(
          'DROP TRIGGER IF EXISTS ledger_entries_no_delete; DELETE FROM ledger_entries; INSERT INTO ledger_entries SELECT * FROM backup',
        );
        const { n } = sqlite.prepare('SELECT length(canonical) AS n FROM ledger_entries WHERE seq = ?').get(seq) as {
          n: number;
        };
        flipCanonicalByte(sqlite, seq, offset % n);
        const a = await verifyLedger(sqlite, { verifier, workers: 0, chunkLevel: 16 });
        const b = await verifyLedger(sqlite, { verifier, workers: 0, chunkLevel: 2 });
        expect(a.failure).toMatchObject({ code: 'LEAF_HASH_MISMATCH', seq });
        expect(b.failure).toEqual(a.failure);
      }),
      { numRuns: 25 },
    );
  });
});
