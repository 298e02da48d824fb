// Dispatches with lots still not received N days after they left, counted
// against "now" (the list's clock). A dispatch corrected away is not listed:
// its lots went back to the sender.
import type { AnomalyItem } from '@alutrace/shared';
import { and, asc, eq, gte, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { dispatches, dispatchLots } from '../../db/schema';
import { type AnomalyQuery, DAY_MS } from './anomaly-query';

export function detectNotReceived(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const days = q.thresholds.notReceivedDays;
  const latest = new Date(q.now.getTime() - days * DAY_MS).toISOString();
  const where: (SQL | undefined)[] = [
    eq(dispatches.voided, false),
    isNull(dispatchLots.receivedSeq),
    lte(dispatches.occurredAt, latest),
    q.site ? or(eq(dispatches.fromSite, q.site), eq(dispatches.toSite, q.site)) : undefined,
    q.fromAt ? gte(dispatches.occurredAt, q.fromAt) : undefined,
    q.toAt ? lt(dispatches.occurredAt, q.toAt) : undefined,
  ];
  const rows = db
    .select({
      dispatchId: dispatches.dispatchId,
      seq: dispatches.seq,
      from: dispatches.fromSite,
      to: dispatches.toSite,
      at: dispatches.occurredAt,
      lotId: dispatchLots.lotId,
    })
    .from(dispatchLots)
    .innerJoin(dispatches, eq(dispatches.dispatchId, dispatchLots.dispatchId))
    .where(and(...where))
    .orderBy(asc(dispatches.seq), asc(dispatchLots.lotId))
    .all();
  const byDispatch = new Map<string, { row: (typeof rows)[number]; lots: string[] }>();
  for (const r of rows) {
    const d = byDispatch.get(r.dispatchId) ?? { row: r, lots: [] };
    d.lots.push(r.lotId);
    byDispatch.set(r.dispatchId, d);
  }
  return [...byDispatch.values()].map(({ row, lots }) => ({
    id: `not_received:${row.seq}`,
    kind: 'not_received',
    site: row.from,
    at: row.at,
    status: 'open',
    expected: days,
    actual: Math.floor((q.now.getTime() - Date.parse(row.at)) / DAY_MS),
    unit: 'days',
    subject: row.dispatchId,
    detail: `${row.from} → ${row.to}: ${lots.join(', ')}`,
    entries: lots.map((lotId) => ({ seq: row.seq, lotId })),
  }));
}
