// Receipts whose mass differs from the dispatch by more than the transit
// tolerance in force (DOMAIN.md rule 5), computed over the receipts that
// stand; with status "all", also the discrepancies flagged on receipts that
// were later corrected away (resolved).
import { type AnomalyItem, formatMassKg, pctText } from '@alutrace/shared';
import { aliasedTable, and, asc, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { anomalies, dispatches, dispatchLots, ledgerEntries } from '../../db/schema';
import { type AnomalyQuery, ppmOf } from './anomaly-query';

export function detectTransitDiscrepancies(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const tolerance = q.thresholds.transitTolerancePpm;
  const receipt = aliasedTable(ledgerEntries, 'receipt');
  const where: (SQL | undefined)[] = [
    isNotNull(dispatchLots.receivedSeq),
    sql`abs(${dispatchLots.dispatchedG} - ${dispatchLots.receivedG}) * 1000000 > ${dispatchLots.dispatchedG} * ${tolerance}`,
    q.site ? eq(dispatches.toSite, q.site) : undefined,
    q.fromAt ? gte(receipt.occurredAt, q.fromAt) : undefined,
    q.toAt ? lt(receipt.occurredAt, q.toAt) : undefined,
  ];
  const standing = db
    .select({
      lotId: dispatchLots.lotId,
      sentG: dispatchLots.dispatchedG,
      receivedG: dispatchLots.receivedG,
      receivedSeq: dispatchLots.receivedSeq,
      dispatchSeq: dispatches.seq,
      site: dispatches.toSite,
      at: receipt.occurredAt,
    })
    .from(dispatchLots)
    .innerJoin(dispatches, eq(dispatches.dispatchId, dispatchLots.dispatchId))
    .innerJoin(receipt, eq(receipt.seq, dispatchLots.receivedSeq))
    .where(and(...where))
    .orderBy(asc(dispatchLots.receivedSeq), asc(dispatchLots.lotId))
    .all();
  const items = standing.map((r) =>
    item(r.lotId, r.sentG, r.receivedG as number, r.receivedSeq as number, r.dispatchSeq, r.site, r.at, 'open'),
  );
  if (q.includeResolved) items.push(...resolved(db, q));
  return items;
}

/** Discrepancies flagged on receipts since corrected (the receipt no longer stands). */
function resolved(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const where: (SQL | undefined)[] = [
    eq(anomalies.kind, 'transit_discrepancy'),
    eq(anomalies.voided, true),
    q.site ? eq(anomalies.site, q.site) : undefined,
    q.fromAt ? gte(ledgerEntries.occurredAt, q.fromAt) : undefined,
    q.toAt ? lt(ledgerEntries.occurredAt, q.toAt) : undefined,
  ];
  return db
    .select({
      seq: anomalies.seq,
      lotId: anomalies.lotId,
      expected: anomalies.expected,
      actual: anomalies.actual,
      site: anomalies.site,
      at: ledgerEntries.occurredAt,
    })
    .from(anomalies)
    .innerJoin(ledgerEntries, eq(ledgerEntries.seq, anomalies.seq))
    .where(and(...where))
    .orderBy(asc(anomalies.seq))
    .all()
    .map((r) => item(r.lotId, r.expected, r.actual, r.seq, null, r.site, r.at, 'resolved'));
}

function item(
  lotId: string,
  sentG: number,
  receivedG: number,
  receivedSeq: number,
  dispatchSeq: number | null,
  site: string,
  at: string,
  status: 'open' | 'resolved',
): AnomalyItem {
  const diffG = receivedG - sentG;
  const sign = diffG < 0 ? '−' : '+';
  return {
    id: `transit_discrepancy:${receivedSeq}:${lotId}`,
    kind: 'transit_discrepancy',
    site,
    at,
    status,
    expected: sentG,
    actual: receivedG,
    unit: 'g',
    subject: lotId,
    detail: `${sign}${formatMassKg(Math.abs(diffG))} (${pctText(ppmOf(Math.abs(diffG), sentG))})`,
    entries: [...(dispatchSeq === null ? [] : [{ seq: dispatchSeq, lotId }]), { seq: receivedSeq, lotId }],
  };
}
