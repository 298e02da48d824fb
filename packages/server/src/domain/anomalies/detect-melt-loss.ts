// Processing runs that lost more than the melt-loss threshold of what went
// in (DOMAIN.md rule 3), against the thresholds in force now rather than the
// rule the run was flagged with when recorded, so that an official's change
// applies to every run. A run corrected away is resolved.
import type { AnomalyItem } from '@alutrace/shared';
import { and, asc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { runs } from '../../db/schema';
import type { AnomalyQuery } from './anomaly-query';
import { ppmOf } from './anomaly-query';
import { firstLotMadeAt } from './entry-lots';

export function detectMeltLoss(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const limit = q.thresholds.meltLossPpm;
  const where: (SQL | undefined)[] = [
    sql`${runs.lossG} > 0`,
    sql`${runs.lossG} * 1000000 > (${runs.inputG} + ${runs.additionsG}) * ${limit}`,
    q.site ? eq(runs.site, q.site) : undefined,
    q.fromAt ? gte(runs.occurredAt, q.fromAt) : undefined,
    q.toAt ? lt(runs.occurredAt, q.toAt) : undefined,
    q.includeResolved ? undefined : eq(runs.voided, false),
  ];
  const rows = db
    .select()
    .from(runs)
    .where(and(...where))
    .orderBy(asc(runs.seq))
    .all();
  return rows.map((r) => ({
    id: `high_melt_loss:${r.seq}`,
    kind: 'high_melt_loss',
    site: r.site,
    at: r.occurredAt,
    status: r.voided ? 'resolved' : 'open',
    expected: limit,
    actual: ppmOf(r.lossG, r.inputG + r.additionsG),
    unit: 'ppm',
    subject: r.runId,
    detail: null,
    entries: [{ seq: r.seq, lotId: firstLotMadeAt(db, r.seq) }],
  }));
}
