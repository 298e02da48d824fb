// A site that made more corrections in 30 days than the threshold.
import type { AnomalyItem } from '@alutrace/shared';
import type { AppDb } from '../../db/open-database';
import type { AnomalyQuery } from './anomaly-query';
import { correctionsInWindow, groupBy } from './corrections-window';

export function detectSiteCorrections(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const limit = q.thresholds.siteCorrections30d;
  const { rows, end } = correctionsInWindow(db, q, true);
  return [...groupBy(rows, (r) => r.site)]
    .filter(([, rs]) => rs.length > limit)
    .map(([site, rs]) => ({
      id: `site_corrections:${site}:${end.toISOString().slice(0, 10)}`,
      kind: 'site_corrections' as const,
      site,
      at: new Date(end.getTime() - 1).toISOString(),
      status: 'open' as const,
      expected: limit,
      actual: rs.length,
      unit: 'count' as const,
      subject: site,
      detail: null,
      entries: rs.map((r) => ({ seq: r.seq, lotId: null })),
    }));
}
