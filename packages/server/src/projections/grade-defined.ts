// grade.defined → the grades row of its code: the last definition wins.
import type { EventBody } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import { grades } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';

export function projectGradeDefined(body: EventBody<'grade.defined'>, at: AppendedEntry, db: AppDb): void {
  const row = {
    code: body.code,
    nameZh: body.nameZh,
    nameEn: body.nameEn,
    family: body.family,
    defaultSourceClass: body.defaultSourceClass,
    yieldMinPct: body.yieldMinPct,
    yieldMaxPct: body.yieldMaxPct,
    isri: body.isri,
    active: body.active,
    definedSeq: at.seq,
    updatedAt: at.entry.recordedAt,
  };
  db.insert(grades).values(row).onConflictDoUpdate({ target: grades.code, set: row }).run();
}
