// Transit discrepancies (DOMAIN.md rule 5), by route (from site → to site),
// for lots dispatched from `from` to `to`: open = dispatched and not yet
// received, aged in days from the dispatch to `asOf`; resolved = received,
// aged from the dispatch to the receipt, with the difference (dispatched −
// received) and how many lots were beyond the tolerance in force when they
// arrived. Read from the transit aggregates (transit_* measures, keyed by the
// dispatch's day): a corrected dispatch counts nowhere, a corrected receipt
// leaves its lots open again. `site` matches either end of a route.
import type { DiscrepanciesInput } from '@alutrace/shared';
import { daysFromTo } from './periods';
import { type BuiltReport, column, echo, scopeSites, sortRows } from './report-kit';
import type { ReportSource } from './report-source';

interface Route {
  fromSite: string;
  toSite: string;
  /** Lots and grams sent, by dispatch day. */
  sent: Map<string, { lots: number; g: number }>;
  /** Lots received, by dispatch day and receipt day. */
  arrived: { day: string; receivedDay: string; lots: number }[];
  arrivedLots: number;
  receivedG: number;
  arrivedSentG: number;
  flagged: number;
}

function halfUp(sum: number, n: number): number {
  return Math.floor((2 * sum + n) / (2 * n));
}

export function buildDiscrepancies(src: ReportSource, input: DiscrepanciesInput, asOf: string): BuiltReport {
  const facts = src.facts({
    measures: ['transit_sent', 'transit_arrived', 'transit_arrived_sent', 'transit_flagged'],
    from: input.from,
    to: input.to,
    bucket: 'day',
    by: ['site', 'counterpart', 'detail'],
    sites: scopeSites(src.sites(), input),
    eitherEnd: true,
  });
  const routes = new Map<string, Route>();
  for (const f of facts) {
    const id = `${f.site}\u0000${f.counterpart}`;
    let r = routes.get(id);
    if (!r) {
      r = {
        fromSite: f.site,
        toSite: f.counterpart,
        sent: new Map(),
        arrived: [],
        arrivedLots: 0,
        receivedG: 0,
        arrivedSentG: 0,
        flagged: 0,
      };
      routes.set(id, r);
    }
    if (f.measure === 'transit_sent') {
      const s = r.sent.get(f.bucket) ?? { lots: 0, g: 0 };
      s.lots += f.count;
      s.g += f.massG;
      r.sent.set(f.bucket, s);
    } else if (f.measure === 'transit_arrived') {
      if (f.count !== 0) r.arrived.push({ day: f.bucket, receivedDay: f.detail, lots: f.count });
      r.arrivedLots += f.count;
      r.receivedG += f.massG;
    } else if (f.measure === 'transit_arrived_sent') r.arrivedSentG += f.massG;
    else r.flagged += f.count;
  }
  const rows = [];
  const totals = { lots: 0, dispatched_g: 0, received_g: 0, difference_g: 0, beyond_tolerance: 0 };
  const show = (status: 'open' | 'resolved') => input.status === 'all' || input.status === status;
  for (const r of routes.values()) {
    const route = { route: `${r.fromSite} → ${r.toSite}`, from_site: r.fromSite, to_site: r.toSite };
    // Open: what each dispatch day sent, less what of it arrived.
    const arrivedByDay = new Map<string, number>();
    for (const a of r.arrived) arrivedByDay.set(a.day, (arrivedByDay.get(a.day) ?? 0) + a.lots);
    let openLots = 0;
    let openG = 0;
    let ageSum = 0;
    let oldest = 0;
    for (const [day, s] of r.sent) {
      const open = s.lots - (arrivedByDay.get(day) ?? 0);
      if (open <= 0) continue;
      const age = daysFromTo(day, asOf);
      openLots += open;
      ageSum += open * age;
      oldest = Math.max(oldest, age);
    }
    const sentG = [...r.sent.values()].reduce((x, s) => x + s.g, 0);
    openG = sentG - r.arrivedSentG;
    if (openLots > 0 && show('open')) {
      rows.push({
        ...route,
        status: 'open',
        lots: openLots,
        dispatched_g: openG,
        received_g: null,
        difference_g: null,
        beyond_tolerance: null,
        oldest_days: oldest,
        mean_days: halfUp(ageSum, openLots),
      });
      totals.lots += openLots;
      totals.dispatched_g += openG;
    }
    if (r.arrivedLots > 0 && show('resolved')) {
      let resolvedAgeSum = 0;
      let resolvedOldest = 0;
      for (const a of r.arrived) {
        const age = daysFromTo(a.day, a.receivedDay);
        resolvedAgeSum += a.lots * age;
        resolvedOldest = Math.max(resolvedOldest, age);
      }
      rows.push({
        ...route,
        status: 'resolved',
        lots: r.arrivedLots,
        dispatched_g: r.arrivedSentG,
        received_g: r.receivedG,
        difference_g: r.arrivedSentG - r.receivedG,
        beyond_tolerance: r.flagged,
        oldest_days: resolvedOldest,
        mean_days: halfUp(resolvedAgeSum, r.arrivedLots),
      });
      totals.lots += r.arrivedLots;
      totals.dispatched_g += r.arrivedSentG;
      totals.received_g += r.receivedG;
      totals.difference_g += r.arrivedSentG - r.receivedG;
      totals.beyond_tolerance += r.flagged;
    }
  }
  return {
    report: 'discrepancies',
    title: { zh: '运输差异', en: 'Transit discrepancies' },
    filters: echo({ ...input, asOf }),
    columns: [
      column('route', '线路', 'Route', 'text'),
      column('from_site', '发出站点', 'From', 'text'),
      column('to_site', '接收站点', 'To', 'text'),
      column('status', '状态', 'Status', 'text'),
      column('lots', '批次数', 'Lots', 'count'),
      column('dispatched_g', '发出量', 'Dispatched', 'mass', 'kg'),
      column('received_g', '接收量', 'Received', 'mass', 'kg'),
      column('difference_g', '差异', 'Difference', 'mass', 'kg'),
      column('beyond_tolerance', '超出允差', 'Beyond tolerance', 'count'),
      column('oldest_days', '最长天数', 'Oldest (days)', 'days'),
      column('mean_days', '平均天数', 'Mean age (days)', 'days'),
    ],
    rows: sortRows(rows, ['from_site', 'to_site', 'status']),
    totals,
    factorVersions: {},
  };
}
