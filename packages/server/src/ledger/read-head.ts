// Reads the newest signed checkpoint of a database opened read-only (the
// CLI's verify, export and checkpoint commands, which need no Ledger).
import type Database from 'better-sqlite3';

export function readHeadNote(sqlite: Database.Database): string | null {
  const row = sqlite
    .prepare<[], { note: string }>('SELECT note FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1')
    .get();
  return row?.note ?? null;
}
