// A report's reads from the derived tables: the aggregates kept in the
// append transaction (report_facts), the dispatches, the sites and the
// emission factors. Query builder only (no SQL strings, no SQLite
// functions): sums and groups a PostgreSQL back end runs as they are.
import type { EmissionFactorVersion } from '@alutrace/shared';
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { anomalies, dispatches, dispatchLots, emissionFactors, ledgerEntries, reportFacts, sites } from '../db/schema';
import { shanghaiDay } from '../projections/report-contributions';
import type { DispatchedLot, FactQuery, FactRow, KeyColumn, ReportSource, SiteInfo } from './report-source';

const KEY_COLUMNS = {
  site: reportFacts.site,
  grade: reportFacts.grade,
  sourceClass: reportFacts.sourceClass,
  family: reportFacts.family,
  detail: reportFacts.detail,
  counterpart: reportFacts.counterpart,
} as const;

export function liveFacts(db: AppDb, q: FactQuery): FactRow[] {
  const bucket = q.bucket === 'day' ? reportFacts.day : reportFacts.month;
  const where: SQL[] = [inArray(reportFacts.measure, [...q.measures]), lte(reportFacts.day, q.to)];
  if (q.from !== null) where.push(gte(reportFacts.day, q.from));
  if (q.sites !== null) where.push(inArray(reportFacts.site, [...q.sites]));
  if (q.grade !== undefined) where.push(eq(reportFacts.grade, q.grade));
  if (q.family !== undefined) where.push(eq(reportFacts.family, q.family));
  if (q.sourceClass !== undefined) where.push(eq(reportFacts.sourceClass, q.sourceClass));
  const keys = q.by.map((k) => KEY_COLUMNS[k]);
  const rows = db
    .select({
      measure: reportFacts.measure,
      bucket,
      ...Object.fromEntries(q.by.map((k) => [k, KEY_COLUMNS[k]])),
      massG: sql<number>`sum(${reportFacts.massG})`,
      count: sql<number>`sum(${reportFacts.count})`,
      recycledG: sql<number>`sum(${reportFacts.recycledG})`,
      postConsumerG: sql<number>`sum(${reportFacts.postConsumerG})`,
    })
    .from(reportFacts)
    .where(and(...where))
    .groupBy(reportFacts.measure, bucket, ...keys)
    .all() as unknown as (Partial<Record<KeyColumn, string>> & Omit<FactRow, KeyColumn>)[];
  return rows.map((r) => ({
    site: '',
    grade: '',
    sourceClass: '',
    family: '',
    detail: '',
    counterpart: '',
    ...r,
    massG: Number(r.massG),
    count: Number(r.count),
    recycledG: Number(r.recycledG),
    postConsumerG: Number(r.postConsumerG),
  }));
}

export function liveSites(db: AppDb): Map<string, SiteInfo> {
  const rows = db
    .select({
      code: sites.code,
      kind: sites.kind,
      nameZh: sites.nameZh,
      nameEn: sites.nameEn,
      district: sites.district,
      park: sites.park,
    })
    .from(sites)
    .all();
  return new Map(rows.map((r) => [r.code, r]));
}

export function liveEmissionFactors(db: AppDb): EmissionFactorVersion[] {
  return db
    .select()
    .from(emissionFactors)
    .orderBy(asc(emissionFactors.version))
    .all()
    .map((r) => ({
      version: r.version,
      primaryKgPerT: r.primaryKgPerT,
      recycledKgPerT: r.recycledKgPerT,
      primarySource: r.primarySource,
      recycledSource: r.recycledSource,
      seq: r.definedSeq,
      definedAt: r.definedAt,
    }));
}

/** The instant a Shanghai day starts, shifted by whole days (a margin: occurredAt is not normalised). */
function startOf(day: string, shiftDays: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 8 * 3_600_000 + shiftDays * 86_400_000).toISOString();
}

export function liveDispatchedLots(
  db: AppDb,
  from: string,
  to: string,
  siteFilter: readonly string[] | null,
): DispatchedLot[] {
  const rows = db
    .select({
      fromSite: dispatches.fromSite,
      toSite: dispatches.toSite,
      occurredAt: dispatches.occurredAt,
      lotId: dispatchLots.lotId,
      dispatchedG: dispatchLots.dispatchedG,
      receivedG: dispatchLots.receivedG,
      receivedAt: ledgerEntries.occurredAt,
      flagged: anomalies.seq,
    })
    .from(dispatches)
    .innerJoin(dispatchLots, eq(dispatchLots.dispatchId, dispatches.dispatchId))
    .leftJoin(ledgerEntries, eq(ledgerEntries.seq, dispatchLots.receivedSeq))
    .leftJoin(
      anomalies,
      and(
        eq(anomalies.seq, dispatchLots.receivedSeq),
        eq(anomalies.lotId, dispatchLots.lotId),
        eq(anomalies.kind, 'transit_discrepancy'),
        eq(anomalies.voided, false),
      ),
    )
    .where(
      and(
        eq(dispatches.voided, false),
        gte(dispatches.occurredAt, startOf(from, -1)),
        lte(dispatches.occurredAt, startOf(to, 2)),
      ),
    )
    .all();
  const out: DispatchedLot[] = [];
  for (const r of rows) {
    const day = shanghaiDay(r.occurredAt);
    if (day < from || day > to) continue;
    if (siteFilter !== null && !siteFilter.includes(r.fromSite) && !siteFilter.includes(r.toSite)) continue;
    out.push({
      fromSite: r.fromSite,
      toSite: r.toSite,
      day,
      lotId: r.lotId,
      dispatchedG: r.dispatchedG,
      received:
        r.receivedG === null || r.receivedAt === null
          ? null
          : { day: shanghaiDay(r.receivedAt), receivedG: r.receivedG, beyondTolerance: r.flagged !== null },
    });
  }
  return out;
}

/** The derived tables as a report source; provenance is the caller's (the checkpoint read in the same snapshot). */
export function liveSource(db: AppDb, provenance: ReportSource['provenance']): ReportSource {
  return {
    provenance,
    facts: (q) => liveFacts(db, q),
    sites: () => liveSites(db),
    emissionFactors: () => liveEmissionFactors(db),
    dispatchedLots: (from, to, s) => liveDispatchedLots(db, from, to, s),
  };
}
