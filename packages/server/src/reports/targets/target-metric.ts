// A target's metric, period by period, read through the report engine
// (computeReport), so a target's figure is exactly the report's figure and
// rests on the same signed checkpoint:
//   collected, received, produced, shipped   the volumes report's measure of that name (g)
//   yield              the yield report: Σ metal out ÷ Σ scrap in
//   dross_utilisation  the dross report: Σ utilised (aluminium recovery, cement or
//                      refractory) ÷ Σ generated; disposal is not utilisation
// Days are read one by one for periods up to two years (the engine's limit
// for daily rows), by month beyond that (each month's figure dated its 1st).
import {
  isRatioMetric,
  REPORT_INPUTS,
  type ReportProvenance,
  type ReportTable,
  type TargetView,
} from '@alutrace/shared';
import { computeReport, type ReportDeps } from '../compute-report';
import { daysBetween } from '../periods';
import type { DailyValue } from './target-progress';

/** Daily rows are read for periods up to this many days (compute-report.ts's limit for 'day'). */
const MAX_DAILY_DAYS = 731;

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** A period label of the report ('2026-03-14' or '2026-03') as the day it is dated. */
function dayOf(period: unknown): string {
  const p = String(period);
  return p.length === 7 ? `${p}-01` : p;
}

function seriesOf(table: ReportTable, numerator: string, denominator: string | null): DailyValue[] {
  const byDay = new Map<string, DailyValue>();
  for (const row of table.rows) {
    const day = dayOf(row.period);
    const d = byDay.get(day) ?? { day, numeratorG: 0, ...(denominator ? { denominatorG: 0 } : {}) };
    d.numeratorG += num(row[numerator]);
    if (denominator) d.denominatorG = (d.denominatorG ?? 0) + num(row[denominator]);
    byDay.set(day, d);
  }
  return [...byDay.values()];
}

/** The metric of `target` from its first day to `to` (included), and the checkpoint it was read at. */
export function targetMetricSeries(
  deps: ReportDeps,
  target: TargetView,
  to: string,
): { daily: DailyValue[]; provenance: ReportProvenance } {
  const period = daysBetween(target.from, to) <= MAX_DAILY_DAYS ? 'day' : 'month';
  const scope =
    target.scope.kind === 'site'
      ? { site: target.scope.site }
      : target.scope.kind === 'district'
        ? { district: target.scope.district }
        : {};
  const range = { from: target.from, to, period };
  if (target.metric === 'yield') {
    const t = computeReport(deps, 'yield', REPORT_INPUTS.yield.parse({ ...range, ...scope }));
    return { daily: seriesOf(t, 'metal_out_g', 'scrap_in_g'), provenance: t.provenance };
  }
  if (target.metric === 'dross_utilisation') {
    const t = computeReport(deps, 'dross', REPORT_INPUTS.dross.parse({ ...range, ...scope, groupBy: [] }));
    return { daily: seriesOf(t, 'utilised_g', 'generated_g'), provenance: t.provenance };
  }
  if (isRatioMetric(target.metric)) throw new Error(`no series for ratio ${target.metric}`);
  const t = computeReport(
    deps,
    'volumes',
    REPORT_INPUTS.volumes.parse({ ...range, ...scope, groupBy: [], measures: [target.metric] }),
  );
  return { daily: seriesOf(t, `${target.metric}_g`, null), provenance: t.provenance };
}
