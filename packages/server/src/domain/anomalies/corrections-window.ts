// The corrections of the 30 days that end at the list's window end (now, or
// the end of the range when it lies in the past): what the two correction
// detectors count.
import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { ledgerEntries } from '../../db/schema';
import { type AnomalyQuery, DAY_MS, windowEnd } from './anomaly-query';

export const CORRECTION_WINDOW_DAYS = 30;

export interface CorrectionRow {
  seq: number;
  site: string | null;
  actorId: string;
}

export function correctionsInWindow(
  db: AppDb,
  q: AnomalyQuery,
  siteFilter: boolean,
): { rows: CorrectionRow[]; end: Date } {
  const end = windowEnd(q);
  const start = new Date(end.getTime() - CORRECTION_WINDOW_DAYS * DAY_MS);
  const where: (SQL | undefined)[] = [
    eq(ledgerEntries.kind, 'correction.recorded'),
    gte(ledgerEntries.recordedAt, start.toISOString()),
    lt(ledgerEntries.recordedAt, end.toISOString()),
    siteFilter && q.site ? eq(ledgerEntries.site, q.site) : undefined,
  ];
  const rows = db
    .select({ seq: ledgerEntries.seq, site: ledgerEntries.site, actorId: ledgerEntries.actorId })
    .from(ledgerEntries)
    .where(and(...where))
    .orderBy(asc(ledgerEntries.seq))
    .all();
  return { rows, end };
}

export function groupBy<T>(rows: readonly T[], key: (r: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}
