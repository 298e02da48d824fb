// Transit discrepancies (DOMAIN.md rule 5), by route (from site → to site):
// open = lots dispatched and not yet received, their age the days since the
// dispatch up to `asOf`; resolved = lots received, their age the days from
// dispatch to receipt, with the difference (dispatched − received) and how
// many were beyond the tolerance in force when they arrived. A corrected
// dispatch counts nowhere; a corrected receipt leaves its lot open again.
import type { DiscrepanciesInput } from '@alutrace/shared';
import { daysFromTo } from './periods';
import { type BuiltReport, column, echo, scopeSites, sortRows } from './report-kit';
import type { ReportSource } from './report-source';

export function buildDiscrepancies(src: ReportSource, input: DiscrepanciesInput, asOf: string): BuiltReport {
  const lots = src.dispatchedLots(input.from, input.to, scopeSites(src.sites(), input));
  const groups = new Map<
    string,
    {
      fromSite: string;
      toSite: string;
      status: 'open' | 'resolved';
      lots: number;
      dispatchedG: number;
      receivedG: number;
      beyond: number;
      ages: number[];
    }
  >();
  for (const l of lots) {
    const status = l.received ? 'resolved' : 'open';
    if (input.status !== 'all' && input.status !== status) continue;
    const id = [l.fromSite, l.toSite, status].join('\u0000');
    let g = groups.get(id);
    if (!g) {
      g = {
        fromSite: l.fromSite,
        toSite: l.toSite,
        status,
        lots: 0,
        dispatchedG: 0,
        receivedG: 0,
        beyond: 0,
        ages: [],
      };
      groups.set(id, g);
    }
    g.lots += 1;
    g.dispatchedG += l.dispatchedG;
    if (l.received) {
      g.receivedG += l.received.receivedG;
      if (l.received.beyondTolerance) g.beyond += 1;
      g.ages.push(daysFromTo(l.day, l.received.day));
    } else g.ages.push(daysFromTo(l.day, asOf));
  }
  const rows = [];
  const totals = { lots: 0, dispatched_g: 0, received_g: 0, difference_g: 0, beyond_tolerance: 0 };
  for (const g of groups.values()) {
    const resolved = g.status === 'resolved';
    const sum = g.ages.reduce((s, a) => s + a, 0);
    rows.push({
      route: `${g.fromSite} → ${g.toSite}`,
      from_site: g.fromSite,
      to_site: g.toSite,
      status: g.status,
      lots: g.lots,
      dispatched_g: g.dispatchedG,
      received_g: resolved ? g.receivedG : null,
      difference_g: resolved ? g.dispatchedG - g.receivedG : null,
      beyond_tolerance: resolved ? g.beyond : null,
      oldest_days: Math.max(...g.ages),
      // Half up: (2·sum + n) div 2n.
      mean_days: Math.floor((2 * sum + g.ages.length) / (2 * g.ages.length)),
    });
    totals.lots += g.lots;
    totals.dispatched_g += g.dispatchedG;
    if (resolved) {
      totals.received_g += g.receivedG;
      totals.difference_g += g.dispatchedG - g.receivedG;
      totals.beyond_tolerance += g.beyond;
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
