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
  /** Lots still on their way, and their age in days, by dispatch day. */
  open: { lots: number; g: number; age: number }[];
  /** Lots received, by their age in days. */
  arrived: { age: number; lots: number }[];
  arrivedLots: number;
  receivedG: number;
  arrivedSentG: number;
  flagged: number;
}

function halfUp(sum: number, n: number): number {
  return Math.floor((2 * sum + n) / (2 * n));
}

export function buildDiscrepancies(src: ReportSource, input: DiscrepanciesInput, asOf: string): BuiltReport {
  const scope = { from: input.from, to: input.to, sites: scopeSites(src.sites(), input), eitherEnd: true };
  const routes = new Map<string, Route>();
  const route = (fromSite: string, toSite: string): Route => {
    const id = `${fromSite}\u0000${toSite}`;
    let r = routes.get(id);
    if (!r) {
      r = { fromSite, toSite, open: [], arrived: [], arrivedLots: 0, receivedG: 0, arrivedSentG: 0, flagged: 0 };
      routes.set(id, r);
    }
    return r;
  };
  // What is still on its way: per dispatch day, dispatched less received (non-zero only while open).
  for (const f of src.facts({ ...scope, measures: ['transit_open'], bucket: 'day', by: ['site', 'counterpart'] })) {
    if (f.count > 0)
      route(f.site, f.counterpart).open.push({ lots: f.count, g: f.massG, age: daysFromTo(f.bucket, asOf) });
  }
  // What arrived, by age: a month of receipts sums into one row per route and age.
  const arrived = src.facts({
    ...scope,
    measures: ['transit_arrived', 'transit_arrived_sent', 'transit_flagged'],
    bucket: 'month',
    by: ['site', 'counterpart', 'detail'],
  });
  for (const f of arrived) {
    const r = route(f.site, f.counterpart);
    if (f.measure === 'transit_arrived') {
      if (f.count !== 0) r.arrived.push({ age: Number(f.detail), lots: f.count });
      r.arrivedLots += f.count;
      r.receivedG += f.massG;
    } else if (f.measure === 'transit_arrived_sent') r.arrivedSentG += f.massG;
    else r.flagged += f.count;
  }
  const rows = [];
  const totals = { lots: 0, dispatched_g: 0, received_g: 0, difference_g: 0, beyond_tolerance: 0 };
  const show = (status: 'open' | 'resolved') => input.status === 'all' || input.status === status;
  for (const r of routes.values()) {
    const routeCells = { route: `${r.fromSite} → ${r.toSite}`, from_site: r.fromSite, to_site: r.toSite };
    const openLots = r.open.reduce((x, o) => x + o.lots, 0);
    const openG = r.open.reduce((x, o) => x + o.g, 0);
    if (openLots > 0 && show('open')) {
      rows.push({
        ...routeCells,
        status: 'open',
        lots: openLots,
        dispatched_g: openG,
        received_g: null,
        difference_g: null,
        beyond_tolerance: null,
        oldest_days: Math.max(...r.open.map((o) => o.age)),
        mean_days: halfUp(
          r.open.reduce((x, o) => x + o.lots * o.age, 0),
          openLots,
        ),
      });
      totals.lots += openLots;
      totals.dispatched_g += openG;
    }
    if (r.arrivedLots > 0 && show('resolved')) {
      let resolvedAgeSum = 0;
      let resolvedOldest = 0;
      for (const a of r.arrived) {
        resolvedAgeSum += a.lots * a.age;
        resolvedOldest = Math.max(resolvedOldest, a.age);
      }
      rows.push({
        ...routeCells,
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
