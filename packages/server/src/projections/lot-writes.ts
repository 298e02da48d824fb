// Writes the lifecycle projections share: lot rows, lot events, the lot
// sequence per site and day. Used only by the projections in this folder.
import { labelDigest, parseLotId } from '@alutrace/shared';
import { and, eq } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { lotEvents, lotSequences, lots } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';

export type LotRow = typeof lots.$inferSelect;
export type LotPatch = Partial<Omit<LotRow, 'lotId'>>;

export function getLot(db: AppDb, lotId: string): LotRow {
  const row = db.select().from(lots).where(eq(lots.lotId, lotId)).get();
  // The rules checked the lot before the entry was written, and a rebuild replays a log that passed them.
  if (!row) throw new Error(`projection: lot ${lotId} is not in the lots table`);
  return row;
}

export function patchLot(db: AppDb, lotId: string, at: AppendedEntry, patch: LotPatch): void {
  db.update(lots)
    .set({ ...patch, lastSeq: at.seq })
    .where(eq(lots.lotId, lotId))
    .run();
}

export function lotEvent(db: AppDb, lotId: string, at: AppendedEntry, action: string, massG: number): void {
  db.insert(lotEvents).values({ lotId, seq: at.seq, kind: at.entry.kind, action, site: at.entry.site, massG }).run();
}

/** The fields every new lot gets from the entry that creates it. */
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
  const where = and(eq(lotSequences.site, parts.site), eq(lotSequences.day, parts.day));
  const row = db.select({ last: lotSequences.last }).from(lotSequences).where(where).get();
  if (!row) db.insert(lotSequences).values({ site: parts.site, day: parts.day, last: parts.sequence }).run();
  else if (parts.sequence > row.last) db.update(lotSequences).set({ last: parts.sequence }).where(where).run();
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
