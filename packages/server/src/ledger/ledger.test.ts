import { statSync } from 'node:fs';
import {
  bytesToHex,
  canonicalize,
  GENESIS_PREV,
  hashLeaf,
  hexToBytes,
  MemoryTree,
  parseVerifierKey,
  utf8ToBytes,
  verifyCheckpoint,
} from '@alutrace/shared';
import { describe, expect } from 'vitest';
import { AppError } from '../errors';
import { makeTempDir, sampleEntry, test, testActor } from '../testing/fixtures';
import { openLedger } from './open-ledger';
import { signingKeyPath } from './signing-key';

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('recorded times', () => {
  test('never run backwards along the log, even when the clock is stepped back', () => {
    const dataDir = makeTempDir('alutrace-clock-');
    let clock = Date.parse('2026-11-28T08:00:00.000Z');
    const opened = openLedger({ dataDir, now: () => new Date(clock) });
    try {
      const a = opened.ledger.append([sampleEntry(0)]).entries[0]?.entry.recordedAt;
      clock -= 60_000; // NTP steps the clock back a minute
      const b = opened.ledger.append([sampleEntry(1)]).entries[0]?.entry.recordedAt;
      clock += 120_000;
      const c = opened.ledger.append([sampleEntry(2)]).entries[0]?.entry.recordedAt;
      expect([a, b, c]).toEqual(['2026-11-28T08:00:00.000Z', '2026-11-28T08:00:00.000Z', '2026-11-28T08:01:00.000Z']);
    } finally {
      opened.close();
    }
    // And after a restart, from the last entry on disk.
    const reopened = openLedger({ dataDir, now: () => new Date('2026-11-28T07:00:00.000Z') });
    try {
      expect(reopened.ledger.append([sampleEntry(3)]).entries[0]?.entry.recordedAt).toBe('2026-11-28T08:01:00.000Z');
    } finally {
      reopened.close();
    }
  });
});

describe('appending to the ledger', () => {
  test('gives entries consecutive seqs, each pointing at the hash of the one before', ({ opened }) => {
    const { ledger } = opened;
    const first = ledger.append([sampleEntry(0), sampleEntry(1)]);
    const second = ledger.append([sampleEntry(2)]);
    const all = [...first.entries, ...second.entries];
    expect(all.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(all[0]?.entry.prev).toBe(GENESIS_PREV);
    expect(all[1]?.entry.prev).toBe(all[0]?.leafHash);
    expect(all[2]?.entry.prev).toBe(all[1]?.leafHash);
    expect(ledger.size).toBe(3);
  });

  test('stores the exact canonical bytes and their RFC 6962 leaf hash', ({ opened }) => {
    const { entries } = opened.ledger.append([sampleEntry(0)]);
    const row = opened.db.$client.prepare('SELECT canonical, leaf_hash FROM ledger_entries WHERE seq = 0').get() as {
      canonical: Buffer;
      leaf_hash: Buffer;
    };
    const entry = entries[0]?.entry;
    expect(row.canonical.toString('utf8')).toBe(canonicalize(entry));
    expect(bytesToHex(row.leaf_hash)).toBe(bytesToHex(hashLeaf(utf8ToBytes(canonicalize(entry)))));
    expect(entry).toMatchObject({ v: 1, kind: 'test.recorded', site: 'PG01' });
    expect(entry?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  test('answers roots and proofs from stored nodes exactly as a full in-memory tree does', ({ opened }) => {
    const { ledger } = opened;
    const memory = new MemoryTree();
    for (let i = 0; i < 70; i++) {
      const { entries } = ledger.append([sampleEntry(i)]);
      memory.append(hexToBytes(entries[0]?.leafHash as string));
    }
    for (let size = 0; size <= 70; size++) {
      expect(bytesToHex(ledger.tree.root(size))).toBe(bytesToHex(memory.root(size)));
      for (let i = 0; i < size; i++) {
        expect(ledger.tree.inclusionProof(i, size).map(bytesToHex)).toEqual(
          memory.inclusionProof(i, size).map(bytesToHex),
        );
      }
      for (let from = 0; from <= size; from++) {
        expect(ledger.tree.consistencyProof(from, size).map(bytesToHex)).toEqual(
          memory.consistencyProof(from, size).map(bytesToHex),
        );
      }
    }
  });

  test('signs a checkpoint after each append that the verifier key accepts', ({ opened }) => {
    const { ledger } = opened;
    const genesis = ledger.head();
    expect(genesis?.treeSize).toBe(0);
    const { checkpoint } = ledger.append([sampleEntry(0), sampleEntry(1)]);
    expect(checkpoint?.treeSize).toBe(2);
    const cp = verifyCheckpoint(
      checkpoint?.note as string,
      parseVerifierKey(opened.verifierKey),
      'alutrace.local/ledger',
    );
    expect(bytesToHex(cp.root)).toBe(bytesToHex(ledger.tree.root(2)));
    expect(ledger.head()?.treeSize).toBe(2);
  });

  test('signs at most one checkpoint per interval under load, and the deferred one soon after', async ({ dataDir }) => {
    const opened = openLedger({ dataDir, checkpointIntervalMs: 200, synchronous: 'NORMAL' });
    try {
      expect(opened.ledger.append([sampleEntry(0)]).checkpoint).toBeNull(); // the genesis checkpoint was just signed
      expect(opened.ledger.append([sampleEntry(1)]).checkpoint).toBeNull();
      expect(opened.ledger.head()?.treeSize).toBe(0);
      await new Promise((r) => setTimeout(r, 350));
      expect(opened.ledger.head()?.treeSize).toBe(2);
    } finally {
      opened.close();
    }
  });

  test('refuses an entry JSON cannot hold exactly, and writes nothing', ({ opened }) => {
    const { ledger } = opened;
    ledger.append([sampleEntry(0)]);
    const bad = { ...sampleEntry(1), body: { netG: Number.NaN } };
    const err = appError(() => ledger.append([sampleEntry(1), bad]));
    expect(err.code).toBe('INVALID_ENTRY');
    expect(err.message).toMatch(/entry 1: entry\.body\.netG: NaN/);
    expect(ledger.size).toBe(1);
    expect(ledger.append([sampleEntry(1)]).entries[0]?.seq).toBe(1);
  });

  test.for([
    ['a bad kind', { kind: 'Collection' }],
    ['a bad site', { site: 'pg 01' }],
    ['an actor without id', { actor: { type: 'user' } }],
    ['a local time', { occurredAt: '2026-11-28 09:30' }],
  ] as const)('refuses %s with INVALID_ENTRY', ([, change], { opened }) => {
    const err = appError(() => opened.ledger.append([{ ...sampleEntry(0), ...change } as never]));
    expect(err.code).toBe('INVALID_ENTRY');
    expect(opened.ledger.size).toBe(0);
  });
});

describe('atomicity', () => {
  test('an append whose domain hook throws midway leaves the ledger exactly as it was', ({ opened }) => {
    const { ledger, db } = opened;
    db.$client.exec('CREATE TABLE test_lots (id TEXT PRIMARY KEY, net_g INTEGER NOT NULL)');
    ledger.append([sampleEntry(0)], {
      onAppended: (_entries, tx) => {
        tx.$client.prepare('INSERT INTO test_lots VALUES (?, ?)').run('A', 1);
        return null;
      },
    });
    const before = {
      size: ledger.size,
      root: bytesToHex(ledger.tree.root(1)),
      head: ledger.head(),
      lots: db.$client.prepare('SELECT * FROM test_lots').all(),
    };
    expect(() =>
      ledger.append([sampleEntry(1), sampleEntry(2)], {
        onAppended: (_entries, tx) => {
          tx.$client.prepare('INSERT INTO test_lots VALUES (?, ?)').run('B', 2);
          throw new Error('balance check failed');
        },
      }),
    ).toThrow('balance check failed');
    expect(ledger.size).toBe(before.size);
    expect(bytesToHex(ledger.tree.root(1))).toBe(before.root);
    expect(ledger.head()).toEqual(before.head);
    expect(db.$client.prepare('SELECT * FROM test_lots').all()).toEqual(before.lots);
    expect(db.$client.prepare('SELECT count(*) AS n FROM ledger_entries').get()).toEqual({ n: 1 });
    // The in-memory tip was restored too: the next append continues the chain.
    const next = ledger.append([sampleEntry(3)]);
    expect(next.entries[0]?.seq).toBe(1);
    expect(next.entries[0]?.entry.prev).toBe(ledger.entryBySeq(0)?.leafHash);
  });

  test('the database refuses updates and deletes of entries and checkpoints', ({ opened }) => {
    opened.ledger.append([sampleEntry(0)]);
    const sql = opened.db.$client;
    expect(() => sql.prepare("UPDATE ledger_entries SET kind = 'x.y'").run()).toThrow(/append-only/);
    expect(() => sql.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/);
    expect(() => sql.prepare('DELETE FROM ledger_checkpoints').run()).toThrow(/append-only/);
    expect(() => sql.prepare("UPDATE ledger_checkpoints SET note = ''").run()).toThrow(/append-only/);
  });

  test('continues the chain when another process appended to the same file', ({ opened, dataDir }) => {
    opened.ledger.append([sampleEntry(0)]);
    const other = openLedger({ dataDir, checkpointIntervalMs: 0, synchronous: 'NORMAL' });
    other.ledger.append([sampleEntry(1), sampleEntry(2)]);
    other.close();
    const { entries } = opened.ledger.append([sampleEntry(3)]);
    expect(entries[0]?.seq).toBe(3);
    expect(entries[0]?.entry.prev).toBe(opened.ledger.entryBySeq(2)?.leafHash);
    const memory = new MemoryTree([0, 1, 2, 3].map((s) => hexToBytes(opened.ledger.entryBySeq(s)?.leafHash as string)));
    expect(bytesToHex(opened.ledger.tree.root(4))).toBe(bytesToHex(memory.root()));
  });
});

describe('checkpoints signed while another process appends', () => {
  test('pair each tree size with its own root, even when the other process commits mid-signature', ({
    opened,
    dataDir,
  }) => {
    const { ledger } = opened;
    ledger.append([sampleEntry(0)]);
    const other = openLedger({ dataDir, checkpointIntervalMs: 0, synchronous: 'NORMAL' });
    // The other process commits between the moment this one reads its tip and the moment it
    // reads its head: the worst moment, made certain here by hooking the head read once.
    const readHead = ledger.head.bind(ledger);
    let interleaved = false;
    ledger.head = () => {
      if (!interleaved) {
        interleaved = true;
        other.ledger.append([sampleEntry(1), sampleEntry(2)]);
      }
      return readHead();
    };
    ledger.append([sampleEntry(3)]);
    expect(interleaved).toBe(true);
    other.close();
    const sql = opened.db.$client;
    const rows = sql.prepare('SELECT tree_size, root_hash FROM ledger_checkpoints').all() as {
      tree_size: number;
      root_hash: Buffer;
    }[];
    expect(rows.length).toBeGreaterThan(1);
    for (const { tree_size, root_hash } of rows) {
      const leaves = Array.from({ length: tree_size }, (_, s) => hexToBytes(ledger.entryBySeq(s)?.leafHash as string));
      expect(bytesToHex(root_hash), `the checkpoint of size ${tree_size}`).toBe(
        bytesToHex(new MemoryTree(leaves).root()),
      );
    }
  });
});

describe('idempotency', () => {
  test('the same key and content return the first result and write nothing', ({ opened }) => {
    const { ledger } = opened;
    const first = ledger.append([sampleEntry(0)], {
      idempotency: { scope: 'user:a', key: 'k1' },
      onAppended: () => ({ lot: 'A' }),
    });
    const again = ledger.append([sampleEntry(0)], {
      idempotency: { scope: 'user:a', key: 'k1' },
      onAppended: () => ({ lot: 'B' }),
    });
    expect(again.replayed).toBe(true);
    expect(again.result).toEqual({ lot: 'A' });
    expect(again.entries).toEqual(first.entries);
    expect(ledger.size).toBe(1);
  });

  test('the same key with different content fails with IDEMPOTENCY_CONFLICT and writes nothing', ({ opened }) => {
    const { ledger } = opened;
    ledger.append([sampleEntry(0)], { idempotency: { scope: 'user:a', key: 'k1' } });
    const err = appError(() => ledger.append([sampleEntry(1)], { idempotency: { scope: 'user:a', key: 'k1' } }));
    expect(err.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(ledger.size).toBe(1);
  });

  test('keys are per caller: the same key from two callers is two requests', ({ opened }) => {
    const { ledger } = opened;
    const a = ledger.append([sampleEntry(0)], { idempotency: { scope: 'token:scale-1', key: 'ticket-42' } });
    const b = ledger.append([sampleEntry(1)], { idempotency: { scope: 'token:scale-2', key: 'ticket-42' } });
    expect([a.replayed, b.replayed]).toEqual([false, false]);
    expect(ledger.size).toBe(2);
    const retry = ledger.append([sampleEntry(1)], { idempotency: { scope: 'token:scale-2', key: 'ticket-42' } });
    expect(retry.replayed).toBe(true);
    expect(ledger.size).toBe(2);
  });

  test('a failed append does not use up its key', ({ opened }) => {
    const { ledger } = opened;
    expect(() =>
      ledger.append([sampleEntry(0)], {
        idempotency: { scope: 'user:a', key: 'k1' },
        onAppended: () => {
          throw new Error('no');
        },
      }),
    ).toThrow('no');
    expect(ledger.append([sampleEntry(0)], { idempotency: { scope: 'user:a', key: 'k1' } }).replayed).toBe(false);
  });
});

describe('the signing key', () => {
  test('is created once with mode 0600 and reused on the next start', ({ dataDir }) => {
    const a = openLedger({ dataDir });
    a.close();
    expect(statSync(signingKeyPath(dataDir)).mode & 0o777).toBe(0o600);
    const b = openLedger({ dataDir });
    expect(b.keyCreated).toBe(false);
    expect(b.verifierKey).toBe(a.verifierKey);
    b.close();
  });

  test('a ledger refuses to start under another origin than its checkpoints carry', ({ dataDir }) => {
    openLedger({ dataDir }).close();
    expect(() => openLedger({ dataDir, origin: 'other.example/log' })).toThrow(/alutrace.local\/ledger/);
  });

  test('the actor of the test helper is valid', ({ opened }) => {
    expect(opened.ledger.append([{ ...sampleEntry(0), actor: testActor }]).entries).toHaveLength(1);
  });
});
