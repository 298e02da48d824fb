// Writes the lifecycle projections share: lot rows, lot events, the lot
// sequence per site and day. Used only by the projections in this folder.
import { labelDigest, parseLotId } from '@alutrace/shared';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { perDatabase } from '../db/per-database';
import { grades, lotEvents, lotSequences, lots } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';

export type LotRow = typeof lots.$inferSelect;

const p = <K extends string>(name: K) => sql.placeholder(name);

// Built once per database (see db/per-database.ts): every lifecycle append runs them.
const queries = perDatabase((db) => ({
  lot: db
    .select()
    .from(lots)
    .where(eq(lots.lotId, p('lotId')))
    .prepare(),
  gradeFamily: db
    .select({ family: grades.family })
    .from(grades)
    .where(eq(grades.code, p('code')))
    .prepare(),
  insertLot: db
    .insert(lots)
    .values(
      Object.fromEntries(
        Object.keys(getTableColumns(lots)).map((k) => [k, p(k)]),
      ) as unknown as typeof lots.$inferInsert,
    )
    .prepare(),
  insertLotEvent: db
    .insert(lotEvents)
    .values({
      lotId: p('lotId'),
      seq: p('seq'),
      kind: p('kind'),
      action: p('action'),
      site: p('site'),
      massG: p('massG'),
    })
    .prepare(),
  lastSequence: db
    .select({ last: lotSequences.last })
    .from(lotSequences)
    .where(and(eq(lotSequences.site, p('site')), eq(lotSequences.day, p('day'))))
    .prepare(),
  insertSequence: db
    .insert(lotSequences)
    .values({ site: p('site'), day: p('day'), last: p('last') })
    .prepare(),
  updateSequence: db
    .update(lotSequences)
    .set({ last: sql`${p('last')}` })
    .where(and(eq(lotSequences.site, p('site')), eq(lotSequences.day, p('day'))))
    .prepare(),
}));
export type LotPatch = Partial<Omit<LotRow, 'lotId'>>;

export function getLot(db: AppDb, lotId: string): LotRow {
  const row = queries(db).lot.get({ lotId });
  // The rules checked the lot before the entry was written, and a rebuild replays a log that passed them.
  if (!row) throw new Error(`projection: lot ${lotId} is not in the lots table`);
  return row;
}

/** One prepared update per set of columns a projection changes (there are a handful). */
const patches = perDatabase(() => new Map<string, { run(values: Record<string, unknown>): unknown }>());

export function patchLot(db: AppDb, lotId: string, at: AppendedEntry, patch: LotPatch): void {
  const values: Record<string, unknown> = { ...patch, lastSeq: at.seq };
  const columns = Object.keys(values).sort();
  const signature = columns.join(',');
  let update = patches(db).get(signature);
  if (!update) {
    const set = Object.fromEntries(columns.map((c) => [c, sql`${p(`set_${c}`)}`])) as LotPatch;
    update = db
      .update(lots)
      .set(set)
      .where(eq(lots.lotId, p('lotId')))
      .prepare();
    patches(db).set(signature, update);
  }
  update.run({ lotId, ...Object.fromEntries(columns.map((c) => [`set_${c}`, toParam(values[c])])) });
}

/** Values as SQLite stores them: booleans as 0 and 1 (a placeholder skips drizzle's column mapping). */
function toParam(v: unknown): unknown {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

export function lotEvent(db: AppDb, lotId: string, at: AppendedEntry, action: string, massG: number): void {
  queries(db).insertLotEvent.run({ lotId, seq: at.seq, kind: at.entry.kind, action, site: at.entry.site, massG });
}

/** The fields every new lot gets from the entry that creates it. */
/** Inserts a new lot row (prepared once per database: every collection does it). */
export function insertLot(db: AppDb, row: typeof lots.$inferInsert): void {
  queries(db).insertLot.run(row);
}

export function gradeFamily(db: AppDb, code: string): string | null {
  return queries(db).gradeFamily.get({ code })?.family ?? null;
}

export function creation(at: AppendedEntry) {
  return {
    createdSeq: at.seq,
    createdLeafHash: at.leafHash,
    labelDigest: labelDigest(at.leafHash),
    createdAt: at.entry.recordedAt,
    lastSeq: at.seq,
  };
}

/** Keeps the last sequence given out per site and day (the next lot id is one more). */
export function noteLotSequence(db: AppDb, lotId: string): void {
  const parts = parseLotId(lotId);
  if (!parts) throw new Error(`projection: ${lotId} is not a lot id`);
  const q = queries(db);
  const key = { site: parts.site, day: parts.day };
  const row = q.lastSequence.get(key);
  if (!row) q.insertSequence.run({ ...key, last: parts.sequence });
  else if (parts.sequence > row.last) q.updateSequence.run({ ...key, last: parts.sequence });
}

export function lotEventsOf(db: AppDb, seq: number) {
  return db.select().from(lotEvents).where(eq(lotEvents.seq, seq)).all();
}

export function lotEventAt(db: AppDb, lotId: string, seq: number) {
  return db
    .select()
    .from(lotEvents)
    .where(and(eq(lotEvents.lotId, lotId), eq(lotEvents.seq, seq)))
    .all();
}
