// alloy.defined → the alloys row of its code: the last definition wins.
import type { EventBody } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import { alloys } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';

export function projectAlloyDefined(body: EventBody<'alloy.defined'>, at: AppendedEntry, db: AppDb): void {
  const row = {
    code: body.code,
    standard: body.standard,
    nameZh: body.nameZh,
    nameEn: body.nameEn,
    active: body.active,
    definedSeq: at.seq,
    updatedAt: at.entry.recordedAt,
  };
  db.insert(alloys).values(row).onConflictDoUpdate({ target: alloys.code, set: row }).run();
}
