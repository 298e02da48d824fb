// A report's reads from the derived tables: the aggregates kept in the
// append transaction (report_facts), the sites and the emission factors. Query builder only (no SQL strings, no SQLite
// functions): sums and groups a PostgreSQL back end runs as they are.
import type { EmissionFactorVersion } from '@alutrace/shared';
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { emissionFactors, reportFacts, reportFactsMonthly, reportFactsWeekly, sites, targets } from '../db/schema';
import { dayAfter, isoWeek, wholeWeeks } from './periods';
import type { FactQuery, FactRow, KeyColumn, ReportSource, SiteInfo, YieldTarget } from './report-source';

/** Whether a range covers whole calendar months (from a 1st, or the beginning, to a month's last day). */
function wholeMonths(q: FactQuery): boolean {
  const next = new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString();
  return (q.from === null || q.from.endsWith('-01')) && next.slice(8, 10) === '01';
}

export function liveFacts(db: AppDb, q: FactQuery): FactRow[] {
  if (q.bucket === 'week') {
    // Whole ISO weeks from the weekly table; the days of a partial week at either end by day.
    const weeks = q.from === null ? null : wholeWeeks(q.from, q.to);
    if (!weeks) return liveFacts(db, { ...q, bucket: 'day' });
    const edges: FactRow[] = [];
    if (q.from !== null && q.from < weeks.monday) {
      edges.push(...liveFacts(db, { ...q, bucket: 'day', to: dayAfter(weeks.monday, -1) }));
    }
    if (q.to > weeks.sunday) edges.push(...liveFacts(db, { ...q, bucket: 'day', from: dayAfter(weeks.sunday, 1) }));
    return [...edges, ...factsFrom(db, q, 'week', weeks)];
  }
  // Monthly sums over whole months come from the monthly table: a year is twelve rows per key.
  return factsFrom(db, q, q.bucket === 'month' && wholeMonths(q) ? 'month' : 'day', null);
}

function factsFrom(
  db: AppDb,
  q: FactQuery,
  table: 'day' | 'month' | 'week',
  weeks: { monday: string; sunday: string } | null,
): FactRow[] {
  const monthly = table === 'month';
  const t = table === 'week' ? reportFactsWeekly : monthly ? reportFactsMonthly : reportFacts;
  const keyColumns = {
    site: t.site,
    grade: t.grade,
    sourceClass: t.sourceClass,
    family: t.family,
    detail: t.detail,
    counterpart: t.counterpart,
  } as const;
  const bucket =
    table === 'week'
      ? reportFactsWeekly.week
      : monthly
        ? reportFactsMonthly.month
        : q.bucket === 'day'
          ? reportFacts.day
          : reportFacts.month;
  const where: SQL[] = [inArray(t.measure, [...q.measures])];
  if (table === 'week' && weeks) {
    where.push(gte(reportFactsWeekly.week, isoWeek(weeks.monday)), lte(reportFactsWeekly.week, isoWeek(weeks.sunday)));
  } else if (monthly) {
    where.push(lte(reportFactsMonthly.month, q.to.slice(0, 7)));
    if (q.from !== null) where.push(gte(reportFactsMonthly.month, q.from.slice(0, 7)));
  } else {
    where.push(lte(reportFacts.day, q.to));
    if (q.from !== null) where.push(gte(reportFacts.day, q.from));
  }
  if (q.sites !== null) {
    const sites = [...q.sites];
    const bySite = inArray(t.site, sites);
    where.push(q.eitherEnd ? (or(bySite, inArray(t.counterpart, sites)) as SQL) : bySite);
  }
  if (q.grade !== undefined) where.push(eq(t.grade, q.grade));
  if (q.family !== undefined) where.push(eq(t.family, q.family));
  if (q.sourceClass !== undefined) where.push(eq(t.sourceClass, q.sourceClass));
  const keys = q.by.map((k) => keyColumns[k]);
  const rows = db
    .select({
      measure: t.measure,
      bucket,
      ...Object.fromEntries(q.by.map((k) => [k, keyColumns[k]])),
      massG: sql<number>`sum(${t.massG})`,
      count: sql<number>`sum(${t.count})`,
      recycledG: sql<number>`sum(${t.recycledG})`,
      postConsumerG: sql<number>`sum(${t.postConsumerG})`,
    })
    .from(t)
    .where(and(...where))
    .groupBy(t.measure, bucket, ...keys)
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

export function liveYieldTargets(db: AppDb): YieldTarget[] {
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.metric, 'yield'), eq(targets.active, true), isNull(targets.supersededBySeq)))
    .orderBy(asc(targets.seq))
    .all()
    .filter((t) => t.scopeKind === 'all' || t.scopeKind === 'site')
    .map((t) => ({
      seq: t.seq,
      code: t.code,
      site: t.scopeKind === 'site' ? t.scopeValue : null,
      from: t.fromDay,
      to: t.toDay,
      comparison: t.comparison,
      valuePpm: t.value,
    }));
}

/** The derived tables as a report source; provenance is the caller's (the checkpoint read in the same snapshot). */
export function liveSource(db: AppDb, provenance: ReportSource['provenance']): ReportSource {
  return {
    provenance,
    facts: (q) => liveFacts(db, q),
    sites: () => liveSites(db),
    emissionFactors: () => liveEmissionFactors(db),
    yieldTargets: () => liveYieldTargets(db),
  };
}
