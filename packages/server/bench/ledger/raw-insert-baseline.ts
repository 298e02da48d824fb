// The baseline for append: the rows the ledger wrote, inserted with plain
// better-sqlite3 into a table built from the same DDL, in a database with
// the same pragmas, in transactions of the same size. What remains between
// the two figures is exactly what the ledger adds per entry: validation,
// the UUID, canonical JSON, SHA-256 of the leaf and of the interior nodes,
// the per-transaction tip check and checkpoint signing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { SyncMode } from '../../src/db/open-database';
import { splitIntoBatches } from './batches';

/** One ledger_entries row, in column order. */
export type LedgerRow = [
  seq: number,
  id: string,
  kind: string,
  site: string | null,
  actorId: string,
  occurredAt: string,
  recordedAt: string,
  canonical: Buffer,
  leafHash: Buffer,
  nodes: Buffer | null,
];

// The ledger's own DDL (tables and indexes); the append-only triggers live in
// 0001 and are left out, as the brief of the baseline says.
const LEDGER_DDL = readFileSync(fileURLToPath(new URL('../../drizzle/0000_ledger.sql', import.meta.url)), 'utf8');

// The same statement as INSERT_ENTRY in src/ledger/ledger.ts (not exported).
const INSERT_ROW = `INSERT INTO ledger_entries
  (seq, id, kind, site, actor_id, occurred_at, recorded_at, canonical, leaf_hash, nodes)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const SELECT_ROWS = `SELECT seq, id, kind, site, actor_id, occurred_at, recorded_at, canonical, leaf_hash, nodes
  FROM ledger_entries WHERE seq >= ? AND seq < ? ORDER BY seq`;

/** Opens a fresh database the way src/db/open-database.ts does, with the ledger's table. */
export function openRawDatabase(file: string, synchronous: SyncMode): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.exec(LEDGER_DDL);
  return sqlite;
}

/** Reads the rows [from, to) the ledger stored, exactly as stored. */
export function readLedgerRows(ledgerDb: Database.Database, from: number, to: number): LedgerRow[] {
  return ledgerDb.prepare<[number, number], LedgerRow>(SELECT_ROWS).raw().all(from, to);
}

export class RawInserter {
  private readonly insert: Database.Statement<LedgerRow>;
  private readonly insertBatch: (rows: LedgerRow[]) => void;

  constructor(private readonly sqlite: Database.Database) {
    this.insert = sqlite.prepare<LedgerRow>(INSERT_ROW);
    // BEGIN IMMEDIATE, as Ledger.append does.
    const tx = sqlite.transaction((rows: LedgerRow[]) => {
      for (const row of rows) this.insert.run(...row);
    });
    this.insertBatch = (rows) => tx.immediate(rows);
  }

  /** Inserts `rows` in transactions of `perTransaction`; returns the milliseconds spent. */
  insertAll(rows: LedgerRow[], perTransaction: number): number {
    const batches = splitIntoBatches(rows, perTransaction);
    const t0 = performance.now();
    for (const batch of batches) this.insertBatch(batch);
    return performance.now() - t0;
  }

  close(): void {
    this.sqlite.close();
  }
}
