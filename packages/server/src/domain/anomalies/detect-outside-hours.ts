// Collections weighed outside their site's usual hours (Asia/Shanghai):
// the site's own hours where set, else the usual ones. A collection
// corrected away is resolved.
import { type AnomalyItem, withinHours } from '@alutrace/shared';
import { and, asc, eq, gte, lt, ne, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { ledgerEntries, lots } from '../../db/schema';
import { type AnomalyQuery, shanghaiParts } from './anomaly-query';

export function detectOutsideHours(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const where: (SQL | undefined)[] = [
    eq(ledgerEntries.kind, 'collection.recorded'),
    q.site ? eq(ledgerEntries.site, q.site) : undefined,
    q.fromAt ? gte(ledgerEntries.occurredAt, q.fromAt) : undefined,
    q.toAt ? lt(ledgerEntries.occurredAt, q.toAt) : undefined,
    q.includeResolved ? undefined : ne(lots.state, 'voided'),
  ];
  const rows = db
    .select({
      seq: ledgerEntries.seq,
      site: ledgerEntries.site,
      at: ledgerEntries.occurredAt,
      lotId: lots.lotId,
      state: lots.state,
    })
    .from(ledgerEntries)
    .innerJoin(lots, eq(lots.createdSeq, ledgerEntries.seq))
    .where(and(...where))
    .orderBy(asc(ledgerEntries.seq))
    .all();
  const items: AnomalyItem[] = [];
  for (const r of rows) {
    const site = r.site as string;
    const hours = q.thresholds.siteHours[site] ?? q.thresholds.usualHours;
    const { minute } = shanghaiParts(r.at);
    if (withinHours(minute, hours)) continue;
    items.push({
      id: `outside_hours:${r.seq}`,
      kind: 'outside_hours',
      site,
      at: r.at,
      status: r.state === 'voided' ? 'resolved' : 'open',
      expected: 0,
      actual: minute,
      unit: 'minute_of_day',
      subject: r.lotId,
      detail: `${hours.start}–${hours.end}`,
      entries: [{ seq: r.seq, lotId: r.lotId }],
    });
  }
  return items;
}
