// Ledger.appendAsync: appends submitted together share one transaction (one
// fsync), yet each one stays all or nothing, in the order submitted.
import { parseVerifierKey } from '@alutrace/shared';
import Database from 'better-sqlite3';
import { describe, expect } from 'vitest';
import { AppError } from '../errors';
import { sampleEntry, test } from '../testing/fixtures';
import { databasePath, type OpenedLedger, openLedger } from './open-ledger';
import type { AppendResult } from './types';
import { verifyLedger } from './verify-ledger';

const verify = (opened: OpenedLedger) =>
  verifyLedger(opened.db.$client, {
    verifier: parseVerifierKey(opened.verifierKey),
    origin: 'alutrace.local/ledger',
    workers: 0,
  });

function value<T>(settled: PromiseSettledResult<T> | undefined): T {
  if (settled?.status !== 'fulfilled') throw new Error(`expected a fulfilled append, got ${String(settled?.status)}`);
  return settled.value;
}

function reason(settled: PromiseSettledResult<unknown> | undefined): unknown {
  if (settled?.status !== 'rejected') throw new Error(`expected a refused append, got ${String(settled?.status)}`);
  return settled.reason;
}

describe('group commit', () => {
  test('appends submitted in the same turn share one transaction and get seqs in the order submitted', async ({
    opened,
  }) => {
    const { ledger } = opened;
    const before = { ...ledger.groupStats };
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => ledger.appendAsync([sampleEntry(i)])));
    expect(ledger.groupStats.transactions - before.transactions).toBe(1);
    expect(ledger.groupStats.appends - before.appends).toBe(5);
    expect(results.map((r) => r.entries[0]?.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.entries[0]?.entry.body.lotId)).toEqual(
      [0, 1, 2, 3, 4].map((i) => sampleEntry(i).body.lotId),
    );
    for (let i = 1; i < results.length; i++) {
      expect(results[i]?.entries[0]?.entry.prev).toBe(results[i - 1]?.entries[0]?.leafHash);
    }
    // One checkpoint after the group, covering all of it (the fixture signs after every commit).
    expect(results.map((r) => r.checkpoint?.treeSize)).toEqual([5, 5, 5, 5, 5]);
    expect(ledger.size).toBe(5);
    expect(await verify(opened)).toMatchObject({ ok: true, entriesChecked: 5, coveredSize: 5 });
  });

  test('a refused append writes nothing, and the others in its group commit', async ({ opened }) => {
    const { ledger, db } = opened;
    db.$client.exec('CREATE TABLE test_lots (seq INTEGER NOT NULL)');
    const recordLot = (entries: { seq: number }[], tx: typeof db) => {
      tx.$client.prepare('INSERT INTO test_lots VALUES (?)').run(entries[0]?.seq);
      return null;
    };
    const settled = await Promise.allSettled([
      ledger.appendAsync([sampleEntry(0)], { onAppended: recordLot }),
      // Refused by the domain's own check, before any entry is written.
      ledger.appendAsync(() => {
        throw new AppError('CONFLICT', { what: 'site', id: 'PG01' });
      }),
      ledger.appendAsync([sampleEntry(1), sampleEntry(2)], { onAppended: recordLot }),
      // Refused by its derived writes, after its entries and a lots row were written.
      ledger.appendAsync([sampleEntry(3)], {
        onAppended: (entries, tx) => {
          recordLot(entries, tx);
          throw new Error('balance check failed');
        },
      }),
      // Refused by validation, in its second entry.
      ledger.appendAsync([sampleEntry(4), { ...sampleEntry(5), body: { netG: Number.NaN } }]),
      ledger.appendAsync([sampleEntry(6)], { onAppended: recordLot }),
    ]);
    expect(ledger.groupStats.transactions).toBe(1);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect((reason(settled[1]) as AppError).code).toBe('CONFLICT');
    expect((reason(settled[3]) as Error).message).toBe('balance check failed');
    expect((reason(settled[4]) as AppError).code).toBe('INVALID_ENTRY');

    const kept = [settled[0], settled[2], settled[5]].map((s) => value(s).entries.map((e) => e.seq));
    expect(kept).toEqual([[0], [1, 2], [3]]);
    expect(db.$client.prepare('SELECT seq FROM test_lots ORDER BY seq').pluck().all()).toEqual([0, 1, 3]);
    expect(db.$client.prepare('SELECT count(*) FROM ledger_entries').pluck().get()).toBe(4);
    // The chain runs through the kept entries only.
    expect(ledger.entryBySeq(3)?.entry.prev).toBe(ledger.entryBySeq(2)?.leafHash);
    expect(value(settled[5]).checkpoint?.treeSize).toBe(4);

    // The in-memory tip is right too: the next appends, either way, continue the chain.
    const next = ledger.append([sampleEntry(7)]);
    expect(next.entries[0]?.seq).toBe(4);
    expect(next.entries[0]?.entry.prev).toBe(ledger.entryBySeq(3)?.leafHash);
    const after = await ledger.appendAsync([sampleEntry(8)]);
    expect(after.entries[0]?.seq).toBe(5);
    expect(await verify(opened)).toMatchObject({ ok: true, entriesChecked: 6, coveredSize: 6 });
  });

  test('in one group, a repeated idempotency key is replayed and a conflicting one refused', async ({ opened }) => {
    const { ledger } = opened;
    const settled = await Promise.allSettled([
      ledger.appendAsync([sampleEntry(0)], {
        idempotency: { scope: 'user:a', key: 'k1' },
        onAppended: () => ({ lot: 'A' }),
      }),
      ledger.appendAsync([sampleEntry(0)], {
        idempotency: { scope: 'user:a', key: 'k1' },
        onAppended: () => ({ lot: 'B' }),
      }),
      ledger.appendAsync([sampleEntry(1)], { idempotency: { scope: 'user:a', key: 'k1' } }),
    ]);
    const first = value(settled[0]) as AppendResult<{ lot: string }>;
    const again = value(settled[1]) as AppendResult<{ lot: string }>;
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ replayed: true, result: { lot: 'A' }, checkpoint: null });
    expect(again.entries).toEqual(first.entries);
    expect((reason(settled[2]) as AppError).code).toBe('IDEMPOTENCY_CONFLICT');
    expect(ledger.size).toBe(1);
  });

  test('a group whose transaction cannot start fails as a whole and writes nothing', async ({ opened, dataDir }) => {
    const { ledger, db } = opened;
    await ledger.appendAsync([sampleEntry(0)]);
    // Another process holds the write lock for longer than we wait.
    const other = new Database(databasePath(dataDir));
    db.$client.pragma('busy_timeout = 20');
    other.exec('BEGIN IMMEDIATE');
    const settled = await Promise.allSettled([
      ledger.appendAsync([sampleEntry(1)]),
      ledger.appendAsync([sampleEntry(2)]),
    ]);
    other.exec('ROLLBACK');
    other.close();
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect((reason(settled[0]) as { code?: string }).code).toBe('SQLITE_BUSY');
    expect(ledger.size).toBe(1);
    const next = await ledger.appendAsync([sampleEntry(3)]);
    expect(next.entries[0]?.seq).toBe(1);
    expect(await verify(opened)).toMatchObject({ ok: true, entriesChecked: 2 });
  });

  test('continues the chain and the head after another process appended and signed', async ({ opened, dataDir }) => {
    const { ledger } = opened;
    await ledger.appendAsync([sampleEntry(0)]);
    expect(ledger.head()?.treeSize).toBe(1);
    const other = openLedger({ dataDir, checkpointIntervalMs: 0, synchronous: 'NORMAL' });
    other.ledger.append([sampleEntry(1), sampleEntry(2)]);
    other.close();
    // Read from the file again, not from what this process remembers.
    expect(ledger.head()?.treeSize).toBe(3);
    expect(ledger.size).toBe(3);
    const [a, b] = await Promise.all([ledger.appendAsync([sampleEntry(3)]), ledger.appendAsync([sampleEntry(4)])]);
    expect([a.entries[0]?.seq, b.entries[0]?.seq]).toEqual([3, 4]);
    expect(a.entries[0]?.entry.prev).toBe(ledger.entryBySeq(2)?.leafHash);
    expect(await verify(opened)).toMatchObject({ ok: true, entriesChecked: 5, coveredSize: 5 });
  });

  test('an append from inside an append hook is refused', async ({ opened }) => {
    const { ledger } = opened;
    let nested: Promise<unknown> | undefined;
    await ledger.appendAsync([sampleEntry(0)], {
      onAppended: () => {
        nested = ledger.appendAsync([sampleEntry(1)]);
        return null;
      },
    });
    await expect(nested).rejects.toThrow(/inside an append hook/);
    expect(ledger.size).toBe(1);
  });

  test('closing the ledger commits the appends still waiting for their group', async ({ dataDir }) => {
    const opened = openLedger({ dataDir, synchronous: 'NORMAL' });
    const pending = opened.ledger.appendAsync([sampleEntry(0)]);
    opened.close();
    expect((await pending).entries[0]?.seq).toBe(0);
    await expect(opened.ledger.appendAsync([sampleEntry(1)])).rejects.toThrow(/closed/);
    const reopened = openLedger({ dataDir, synchronous: 'NORMAL' });
    expect(reopened.ledger.size).toBe(1);
    expect(reopened.ledger.head()?.treeSize).toBe(1);
    reopened.close();
  });
});
