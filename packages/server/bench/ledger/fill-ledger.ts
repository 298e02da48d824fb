// Builds the large ledger that verify and the proofs are measured on, once
// per run: synchronous NORMAL and transactions of 1,000 entries (a bulk
// import, not the product's FULL default, to keep the build short), with the
// default checkpoint interval. The fill is itself an append figure at scale,
// so the same rows are then replayed into a raw table for its baseline.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { databasePath, openLedger } from '../../src/ledger/open-ledger';
import { ScrapCollectionFeed } from '../data/scrap-collection-feed';
import { openRawDatabase, RawInserter, readLedgerRows } from './raw-insert-baseline';

export const FILL_PER_TRANSACTION = 1_000;

export interface FilledLedger {
  dataDir: string;
  dbFile: string;
  entries: number;
  verifierKey: string;
  /** Time inside `append` only; generating the entries is not counted. */
  appendMs: number;
  meanCanonicalBytes: number;
  dbFileBytes: number;
  checkpoints: number;
}

export function fillLedger(dataDir: string, entries: number, progress: (done: number) => void): FilledLedger {
  const feed = new ScrapCollectionFeed();
  const opened = openLedger({ dataDir, synchronous: 'NORMAL' });
  let appendMs = 0;
  try {
    for (let done = 0; done < entries; ) {
      const batch = feed.batch(Math.min(FILL_PER_TRANSACTION, entries - done));
      const t0 = performance.now();
      opened.ledger.append(batch);
      appendMs += performance.now() - t0;
      done += batch.length;
      if (done % 100_000 === 0 || done === entries) progress(done);
    }
  } finally {
    opened.close();
  }
  const dbFile = databasePath(dataDir);
  const sqlite = new Database(dbFile, { readonly: true });
  const stats = sqlite
    .prepare<[], { mean: number; checkpoints: number }>(
      'SELECT avg(length(canonical)) AS mean, (SELECT count(*) FROM ledger_checkpoints) AS checkpoints FROM ledger_entries',
    )
    .get();
  sqlite.close();
  return {
    dataDir,
    dbFile,
    entries,
    verifierKey: opened.verifierKey,
    appendMs,
    meanCanonicalBytes: stats?.mean ?? 0,
    // Closing the last connection checkpoints the WAL into the main file.
    dbFileBytes: statSync(dbFile).size,
    checkpoints: stats?.checkpoints ?? 0,
  };
}

/** Replays the filled ledger's rows into a raw table, same batches; returns the insert time only. */
export function replayFillRaw(filled: FilledLedger, workDir: string): number {
  const rawDir = mkdtempSync(join(workDir, 'fill-raw-'));
  const source = new Database(filled.dbFile, { readonly: true });
  const raw = new RawInserter(openRawDatabase(join(rawDir, 'raw.db'), 'NORMAL'));
  let ms = 0;
  try {
    for (let from = 0; from < filled.entries; from += FILL_PER_TRANSACTION) {
      const rows = readLedgerRows(source, from, from + FILL_PER_TRANSACTION);
      ms += raw.insertAll(rows, FILL_PER_TRANSACTION);
    }
  } finally {
    raw.close();
    source.close();
    rmSync(rawDir, { recursive: true, force: true });
  }
  return ms;
}
