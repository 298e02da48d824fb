// Processing runs whose metal yield lay outside the consumption-weighted
// band of their scrap grades: the flag the processing projection wrote when
// the run was recorded (shared/lots/run-balance.ts). The band is the grade
// catalogue's, not a threshold of this list.
import type { AnomalyItem } from '@alutrace/shared';
import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { anomalies, runs } from '../../db/schema';
import type { AnomalyQuery } from './anomaly-query';

export function detectYieldOutOfBand(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const where: (SQL | undefined)[] = [
    eq(anomalies.kind, 'yield_out_of_band'),
    q.site ? eq(anomalies.site, q.site) : undefined,
    q.fromAt ? gte(runs.occurredAt, q.fromAt) : undefined,
    q.toAt ? lt(runs.occurredAt, q.toAt) : undefined,
    q.includeResolved ? undefined : eq(anomalies.voided, false),
  ];
  const rows = db
    .select({
      seq: anomalies.seq,
      site: anomalies.site,
      lotId: anomalies.lotId,
      expected: anomalies.expected,
      actual: anomalies.actual,
      voided: anomalies.voided,
      runId: runs.runId,
      at: runs.occurredAt,
    })
    .from(anomalies)
    .innerJoin(runs, eq(runs.seq, anomalies.seq))
    .where(and(...where))
    .orderBy(asc(anomalies.seq))
    .all();
  return rows.map((r) => ({
    id: `yield_out_of_band:${r.seq}`,
    kind: 'yield_out_of_band',
    site: r.site,
    at: r.at,
    status: r.voided ? 'resolved' : 'open',
    expected: r.expected,
    actual: r.actual,
    unit: 'ppm',
    subject: r.runId,
    detail: null,
    entries: [{ seq: r.seq, lotId: r.lotId }],
  }));
}
