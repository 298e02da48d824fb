// target.defined → one targets row per definition. A definition that
// supersedes another marks that one superseded_by_seq, so the definitions in
// force are the rows without it, and every earlier one stays readable.
import type { EventBody } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { targets } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';

export function projectTargetDefined(body: EventBody<'target.defined'>, at: AppendedEntry, db: AppDb): void {
  db.insert(targets)
    .values({
      seq: at.seq,
      code: body.code,
      nameZh: body.nameZh,
      nameEn: body.nameEn,
      metric: body.metric,
      scopeKind: body.scope.kind,
      scopeValue:
        body.scope.kind === 'site' ? body.scope.site : body.scope.kind === 'district' ? body.scope.district : null,
      period: body.period,
      fromDay: body.from,
      toDay: body.to,
      comparison: body.comparison,
      value: body.value,
      active: body.active,
      supersedesSeq: body.supersedes?.seq ?? null,
      supersededBySeq: null,
      definedBy: `${at.entry.actor.type}:${at.entry.actor.id}`,
      definedAt: at.entry.recordedAt,
    })
    .run();
  if (body.supersedes) {
    db.update(targets).set({ supersededBySeq: at.seq }).where(eq(targets.seq, body.supersedes.seq)).run();
  }
}
