// The tables that are projections of the log, and nothing else: `rebuild`
// clears and replays them, `verify --derived` compares them with a replay.
// A projection that writes a new table adds it here.
import { asc } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { alloys, grades } from '../db/schema';

export interface DerivedTable {
  name: string;
  /** Every row, in primary-key order. */
  rows(db: AppDb): Record<string, unknown>[];
  /** The primary key of a row, to name it in a report. */
  key(row: Record<string, unknown>): string;
  clear(db: AppDb): void;
}

export const DERIVED_TABLES: readonly DerivedTable[] = [
  {
    name: 'grades',
    rows: (db) => db.select().from(grades).orderBy(asc(grades.code)).all(),
    key: (row) => String(row.code),
    clear: (db) => {
      db.delete(grades).run();
    },
  },
  {
    name: 'alloys',
    rows: (db) => db.select().from(alloys).orderBy(asc(alloys.code)).all(),
    key: (row) => String(row.code),
    clear: (db) => {
      db.delete(alloys).run();
    },
  },
];
