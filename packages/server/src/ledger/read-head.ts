// Reads the newest signed checkpoint of a database opened read-only (the
// CLI's verify, export and checkpoint commands, which need no Ledger).
import type { StoredCheckpoint } from '@alutrace/shared';
import type Database from 'better-sqlite3';

export function readHeadNote(sqlite: Database.Database): string | null {
  const row = sqlite
    .prepare<[], { note: string }>('SELECT note FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1')
    .get();
  return row?.note ?? null;
}

/**
 * Every stored checkpoint, then the number of entries — in that order, so
 * that a checkpoint signed in between never looks like a truncation. Rows
 * below `end` never change afterwards, so verify and export can read them
 * page by page while the server keeps appending.
 */
export function readLedgerBounds(sqlite: Database.Database): { checkpoints: StoredCheckpoint[]; end: number } {
  const checkpoints = sqlite
    .prepare<[], StoredCheckpoint>('SELECT tree_size AS size, note FROM ledger_checkpoints ORDER BY tree_size')
    .all();
  const last = sqlite.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM ledger_entries').get();
  return { checkpoints, end: last?.seq == null ? 0 : last.seq + 1 };
}
