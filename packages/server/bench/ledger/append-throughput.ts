// Append throughput through the real ledger API, next to raw inserts of the
// very rows that run wrote. Each repetition starts from empty databases, so
// both sides grow the same B-trees from the same size.
//
// Fairness: the raw side replays the ledger's stored rows (read back after
// the ledger run) rather than re-deriving them with canonicalBytes, so both
// sides write byte-identical values — the same UUIDs, canonical bytes, leaf
// hashes and node blobs — and the baseline pays nothing the ledger computes.
// Entries are generated before the clock starts on both sides.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SyncMode } from '../../src/db/open-database';
import { databasePath, openLedger } from '../../src/ledger/open-ledger';
import { ScrapCollectionFeed } from '../data/scrap-collection-feed';
import { median, perSecond } from '../stats';
import { splitIntoBatches } from './batches';
import { openRawDatabase, RawInserter, readLedgerRows } from './raw-insert-baseline';

export interface AppendCase {
  synchronous: SyncMode;
  perTransaction: number;
  /** Entries timed per repetition (after the warm-up). */
  entries: number;
}

export interface AppendFigures extends AppendCase {
  ledgerRates: number[];
  rawRates: number[];
  ledgerRate: number;
  rawRate: number;
  /**
   * The median of the per-repetition ratios. Each ledger run is paired with
   * the raw run right after it, so a burst of load from other processes
   * skews one pair rather than one side.
   */
  ratio: number;
}

export function measureAppend(c: AppendCase, repetitions: number, workDir: string): AppendFigures {
  const ledgerRates: number[] = [];
  const rawRates: number[] = [];
  for (let rep = 0; rep < repetitions; rep++) {
    const dir = mkdtempSync(join(workDir, 'append-'));
    try {
      const { ledger, raw } = appendOnce(c, dir);
      ledgerRates.push(ledger);
      rawRates.push(raw);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    ...c,
    ledgerRates,
    rawRates,
    ledgerRate: median(ledgerRates),
    rawRate: median(rawRates),
    ratio: median(ledgerRates.map((rate, i) => rate / (rawRates[i] as number))),
  };
}

function appendOnce(c: AppendCase, dir: string): { ledger: number; raw: number } {
  // Warm-up: enough transactions for the JIT and SQLite's page cache, and to
  // absorb the checkpoint an append after a quiet spell signs at once.
  const warmupEntries = Math.max(500, 5 * c.perTransaction);
  const feed = new ScrapCollectionFeed();
  const warmup = splitIntoBatches(feed.batch(warmupEntries), c.perTransaction);
  const measured = splitIntoBatches(feed.batch(c.entries), c.perTransaction);

  // The checkpoint interval is left at the product default (1000 ms).
  const opened = openLedger({ dataDir: dir, synchronous: c.synchronous });
  let ledgerMs: number;
  try {
    for (const batch of warmup) opened.ledger.append(batch);
    const t0 = performance.now();
    for (const batch of measured) opened.ledger.append(batch);
    ledgerMs = performance.now() - t0;
  } finally {
    opened.close();
  }

  const stored = new Database(databasePath(dir), { readonly: true });
  const rows = readLedgerRows(stored, 0, warmupEntries + c.entries);
  stored.close();
  const raw = new RawInserter(openRawDatabase(join(dir, 'raw.db'), c.synchronous));
  let rawMs: number;
  try {
    raw.insertAll(rows.slice(0, warmupEntries), c.perTransaction);
    rawMs = raw.insertAll(rows.slice(warmupEntries), c.perTransaction);
  } finally {
    raw.close();
  }
  return { ledger: perSecond(c.entries, ledgerMs), raw: perSecond(c.entries, rawMs) };
}
