// Sellers delivering more than the daily or monthly volume, found through
// seller_index (the keyed hash of the ID number), never by reading a sealed
// record: no ID number, name or last characters reach the list. A seller is
// named by a reference derived from the keyed hash, the same for every list
// of this server; an official who needs the person opens one of the
// collections with sealed.read, which the access log records.
import { createHash } from 'node:crypto';
import type { AnomalyItem } from '@alutrace/shared';
import { and, asc, eq, gte, lt, ne, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { ledgerEntries, lots, sellerIndex } from '../../db/schema';
import { type AnomalyQuery, inRange, shanghaiDayStart, shanghaiParts } from './anomaly-query';

/** The most entries an item lists; the figure counts them all. */
const MAX_ENTRIES = 100;

interface Delivery {
  hash: string;
  seq: number;
  lotId: string;
  massG: number;
  at: string;
}

export function sellerRef(keyedHash: Buffer): string {
  return `S-${createHash('sha256').update('alutrace seller reference\n').update(keyedHash).digest('hex').slice(0, 10)}`;
}

export function detectSellerVolumes(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const deliveries = read(db, q);
  const items: AnomalyItem[] = [];
  const daily = group(deliveries, (d) => shanghaiParts(d.at).day);
  for (const [key, ds] of daily) {
    const day = key.split('|')[1] as string;
    // The range is whole days: a day is in it when its deliveries are.
    if (!ds.some((d) => inRange(q, d.at))) continue;
    const item = volumeItem('seller_daily_volume', day, ds, q.thresholds.sellerDailyG, q.site);
    if (item) items.push(item);
  }
  for (const [key, ds] of group(deliveries, (d) => shanghaiParts(d.at).month)) {
    const month = key.split('|')[1] as string;
    const item = volumeItem('seller_monthly_volume', month, ds, q.thresholds.sellerMonthlyG, q.site);
    if (item) items.push(item);
  }
  return items;
}

/** Collections that name a seller, at the site asked for, in the whole months the range touches. */
function read(db: AppDb, q: AnomalyQuery): Delivery[] {
  // One reference per seller, not per collection.
  const refs = new Map<string, string>();
  const refOf = (keyedHash: Buffer): string => {
    const key = keyedHash.toString('hex');
    let ref = refs.get(key);
    if (ref === undefined) {
      ref = sellerRef(keyedHash);
      refs.set(key, ref);
    }
    return ref;
  };
  const from = q.fromAt ? shanghaiDayStart(`${shanghaiParts(q.fromAt).month}-01`) : null;
  const to = q.toAt ? nextMonthStart(q.toAt) : null;
  const where: (SQL | undefined)[] = [
    eq(ledgerEntries.kind, 'collection.recorded'),
    ne(lots.state, 'voided'),
    q.site ? eq(ledgerEntries.site, q.site) : undefined,
    from ? gte(ledgerEntries.occurredAt, from) : undefined,
    to ? lt(ledgerEntries.occurredAt, to) : undefined,
  ];
  return db
    .select({
      keyedHash: sellerIndex.keyedHash,
      seq: sellerIndex.seq,
      lotId: lots.lotId,
      massG: lots.massG,
      at: ledgerEntries.occurredAt,
    })
    .from(sellerIndex)
    .innerJoin(ledgerEntries, eq(ledgerEntries.seq, sellerIndex.seq))
    .innerJoin(lots, eq(lots.createdSeq, sellerIndex.seq))
    .where(and(...where))
    .orderBy(asc(sellerIndex.seq))
    .all()
    .map((r) => ({ hash: refOf(r.keyedHash), seq: r.seq, lotId: r.lotId, massG: r.massG, at: r.at }));
}

/** The first instant of the Asia/Shanghai month after the one just before `exclusiveEnd`. */
function nextMonthStart(exclusiveEnd: string): string {
  const last = shanghaiParts(new Date(Date.parse(exclusiveEnd) - 1).toISOString()).month;
  const [y, m] = last.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return shanghaiDayStart(`${next}-01`);
}

function group(ds: Delivery[], period: (d: Delivery) => string): Map<string, Delivery[]> {
  const out = new Map<string, Delivery[]>();
  for (const d of ds) {
    const key = `${d.hash}|${period(d)}`;
    out.set(key, [...(out.get(key) ?? []), d]);
  }
  return out;
}

function volumeItem(
  kind: 'seller_daily_volume' | 'seller_monthly_volume',
  period: string,
  ds: Delivery[],
  limitG: number,
  site: string | null,
): AnomalyItem | null {
  const totalG = ds.reduce((s, d) => s + d.massG, 0);
  if (totalG <= limitG) return null;
  const ref = (ds[0] as Delivery).hash;
  return {
    id: `${kind}:${ref}:${period}${site ? `:${site}` : ''}`,
    kind,
    site,
    at: (ds.at(-1) as Delivery).at,
    status: 'open',
    expected: limitG,
    actual: totalG,
    unit: 'g',
    subject: ref,
    detail: period,
    entries: ds.slice(0, MAX_ENTRIES).map((d) => ({ seq: d.seq, lotId: d.lotId })),
  };
}
