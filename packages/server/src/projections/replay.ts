// Derived state is a function of the log: replaying every entry through the
// projections (the same ones the append runs) must give the derived tables
// exactly. `rebuildDerived` makes it so in place; `checkDerived` replays
// into a scratch database and names the first row that differs, changing
// nothing.
import { canonicalize, type JsonValue } from '@alutrace/shared';
import { type AppDb, openDatabase } from '../db/open-database';
import { EntryReader } from '../ledger/entry-reader';
import { DERIVED_TABLES } from './derived-tables';
import { projectEntries } from './index';

const BATCH = 1000;

/** Runs every entry of `source`, in order, through the projections into `target`. */
function replayInto(source: AppDb, target: AppDb, onProgress?: (done: number, total: number) => void): number {
  const reader = new EntryReader(source.$client);
  const total = (source.$client.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
  for (let from = 0; from < total; from += BATCH) {
    projectEntries(reader.readRange(from, Math.min(from + BATCH, total)), target);
    onProgress?.(Math.min(from + BATCH, total), total);
  }
  return total;
}

export interface RebuildReport {
  entries: number;
  tables: { name: string; rows: number }[];
}

/** Clears the derived tables and replays the log into them, in one transaction (the server may keep running). */
export function rebuildDerived(db: AppDb, onProgress?: (done: number, total: number) => void): RebuildReport {
  return db.$client
    .transaction(() => {
      for (const t of DERIVED_TABLES) t.clear(db);
      const entries = replayInto(db, db, onProgress);
      return { entries, tables: DERIVED_TABLES.map((t) => ({ name: t.name, rows: t.rows(db).length })) };
    })
    .immediate();
}

export interface DerivedDifference {
  table: string;
  key: string;
  /** The row as the database holds it, or null when the log has it and the table does not. */
  stored: Record<string, unknown> | null;
  /** The row as the log says it should be, or null when the table has a row the log does not. */
  fromLog: Record<string, unknown> | null;
}

export interface DerivedReport {
  ok: boolean;
  entries: number;
  tablesChecked: string[];
  rowsChecked: number;
  difference: DerivedDifference | null;
}

/** Replays the log into a scratch database and compares every derived table, row by row. */
export function checkDerived(db: AppDb, onProgress?: (done: number, total: number) => void): DerivedReport {
  const scratch = openDatabase(':memory:');
  try {
    const entries = replayInto(db, scratch, onProgress);
    let rowsChecked = 0;
    for (const t of DERIVED_TABLES) {
      const stored = t.rows(db);
      const fromLog = t.rows(scratch);
      const difference = firstDifference(t.name, t.key, stored, fromLog);
      rowsChecked += Math.max(stored.length, fromLog.length);
      if (difference) return { ok: false, entries, tablesChecked: [t.name], rowsChecked, difference };
    }
    return { ok: true, entries, tablesChecked: DERIVED_TABLES.map((t) => t.name), rowsChecked, difference: null };
  } finally {
    scratch.$client.close();
  }
}

function firstDifference(
  table: string,
  keyOf: (row: Record<string, unknown>) => string,
  stored: Record<string, unknown>[],
  fromLog: Record<string, unknown>[],
): DerivedDifference | null {
  const byKey = new Map(stored.map((r) => [keyOf(r), r]));
  const keys = [...new Set([...fromLog.map(keyOf), ...stored.map(keyOf)])].sort();
  const logByKey = new Map(fromLog.map((r) => [keyOf(r), r]));
  for (const key of keys) {
    const a = byKey.get(key) ?? null;
    const b = logByKey.get(key) ?? null;
    if (a === null || b === null || canonicalize(a as JsonValue) !== canonicalize(b as JsonValue)) {
      return { table, key, stored: a, fromLog: b };
    }
  }
  return null;
}
