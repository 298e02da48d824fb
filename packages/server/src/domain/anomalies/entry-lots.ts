// The lot an entry made, for the link from an anomaly to the lot page.
import { asc, eq } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { lots } from '../../db/schema';

export function firstLotMadeAt(db: AppDb, seq: number): string | null {
  return (
    db.select({ lotId: lots.lotId }).from(lots).where(eq(lots.createdSeq, seq)).orderBy(asc(lots.lotId)).limit(1).get()
      ?.lotId ?? null
  );
}
