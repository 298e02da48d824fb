// Reads the officials' witness keys and cosignatures from a database opened
// read-only (verify and export need no App). A database from before
// cosigning existed has neither table: then there are none.
import { type CosignatureRecord, type CosignerKey, parseCosignerKey } from '@alutrace/shared';
import type Database from 'better-sqlite3';

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Every registered witness key, oldest first (a key that no longer parses is left out: verify reports its lines as unknown). */
export function readWitnessKeys(sqlite: Database.Database): CosignerKey[] {
  if (!hasTable(sqlite, 'witness_keys')) return [];
  const out: CosignerKey[] = [];
  for (const r of sqlite.prepare<[], { vkey: string }>('SELECT vkey FROM witness_keys ORDER BY created_at, id').all()) {
    try {
      out.push(parseCosignerKey(r.vkey));
    } catch {
      // not a key: its cosignatures cannot be checked, and count as unknown
    }
  }
  return out;
}

/** Every stored cosignature (tree size, the text cosigned, the line), by tree size. */
export function readCosignatures(sqlite: Database.Database, below = Number.MAX_SAFE_INTEGER): CosignatureRecord[] {
  if (!hasTable(sqlite, 'cosignatures')) return [];
  return sqlite
    .prepare<[number], CosignatureRecord>(
      'SELECT tree_size AS treeSize, body, line FROM cosignatures WHERE tree_size <= ? ORDER BY tree_size, id',
    )
    .all(below);
}
