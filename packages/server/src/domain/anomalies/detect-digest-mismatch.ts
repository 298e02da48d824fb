// Labels scanned with a digest other than their lot's, as the scanners
// reported them (scan_mismatches, an operational table): one item per lot,
// counting the reports in the range, with the digests seen and where. A
// label for a lot the ledger does not hold is listed with no entry.
import type { AnomalyItem } from '@alutrace/shared';
import { and, asc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { lots, scanMismatches } from '../../db/schema';
import type { AnomalyQuery } from './anomaly-query';

export function detectDigestMismatches(db: AppDb, q: AnomalyQuery): AnomalyItem[] {
  const where: (SQL | undefined)[] = [
    q.site ? or(eq(scanMismatches.site, q.site), eq(lots.originSite, q.site)) : undefined,
    q.fromAt ? gte(scanMismatches.at, q.fromAt) : undefined,
    q.toAt ? lt(scanMismatches.at, q.toAt) : undefined,
  ];
  const rows = db
    .select({
      lotId: scanMismatches.lotId,
      digest: scanMismatches.digestSeen,
      site: scanMismatches.site,
      at: scanMismatches.at,
      origin: lots.originSite,
      createdSeq: lots.createdSeq,
    })
    .from(scanMismatches)
    .leftJoin(lots, eq(lots.lotId, scanMismatches.lotId))
    .where(and(...where))
    .orderBy(asc(scanMismatches.id))
    .all();
  const byLot = new Map<string, typeof rows>();
  for (const r of rows) byLot.set(r.lotId, [...(byLot.get(r.lotId) ?? []), r]);
  return [...byLot.values()].map((reports) => {
    const first = reports[0] as (typeof rows)[number];
    const digests = [...new Set(reports.map((r) => r.digest))];
    const sites = [...new Set(reports.map((r) => r.site).filter((s): s is string => s !== null))];
    return {
      id: `label_digest_mismatch:${first.lotId}`,
      kind: 'label_digest_mismatch',
      site: first.origin ?? first.site,
      at: (reports.at(-1) as (typeof rows)[number]).at,
      status: 'open',
      expected: 0,
      actual: reports.length,
      unit: 'count',
      subject: first.lotId,
      detail: `d=${digests.join(', d=')}${sites.length > 0 ? ` @ ${sites.join(', ')}` : ''}`,
      // No entry for a lot the ledger never had: the label itself is the forgery.
      entries: first.createdSeq === null ? [] : [{ seq: first.createdSeq, lotId: first.lotId }],
    };
  });
}
