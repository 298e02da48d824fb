// Metal yield per recycler and period (DOMAIN.md): metal out ÷ scrap in, over
// the runs that made metal, the metal out being what those runs made less
// the metal put in (product lots, primary aluminium, alloying elements), so
// that only the scrap's yield is counted (as the run balance flags it). With
// the grade mix of the scrap and the target: a yield target in force
// (target.defined, engineer R2's targets) for the recycler or the whole base,
// else the plan's 90 % (综合成品率).
import { ratioPpm, type YieldInput } from '@alutrace/shared';
import { bucketFor, periodEnd, periodOf, periodStart } from './periods';
import { type BuiltReport, column, echo, PERIOD_COLUMN, scopeSites, sortRows } from './report-kit';
import type { ReportSource, YieldTarget } from './report-source';

/** The plan's target (铝型（板）材综合成品率90%以上), used unless a target says otherwise. */
export const DEFAULT_YIELD_TARGET_PPM = 900_000;

/**
 * The target a row is held to: of the yield targets in force whose period overlaps the row's, one
 * for its recycler before one for the whole base, the latest defined first; else the plan's 90 %.
 */
function targetFor(targets: readonly YieldTarget[], site: string, start: string, end: string) {
  const overlapping = targets.filter((t) => t.from <= end && t.to >= start && (t.site === null || t.site === site));
  const chosen = overlapping.filter((t) => t.site === site).at(-1) ?? overlapping.filter((t) => t.site === null).at(-1);
  return chosen
    ? { valuePpm: chosen.valuePpm, comparison: chosen.comparison, code: chosen.code }
    : { valuePpm: DEFAULT_YIELD_TARGET_PPM, comparison: 'at_least' as const, code: null };
}

export function buildYield(src: ReportSource, input: YieldInput): BuiltReport {
  const targets = src.yieldTargets();
  const facts = src.facts({
    measures: ['consumed', 'yield_metal_out'],
    from: input.from,
    to: input.to,
    bucket: bucketFor(input.period),
    by: ['site', 'grade'],
    sites: scopeSites(src.sites(), input),
  });
  const groups = new Map<
    string,
    {
      period: string;
      site: string;
      scrapG: number;
      metalG: number;
      runs: number;
      count: number;
      mix: Map<string, number>;
    }
  >();
  for (const f of facts) {
    const period = periodOf(f.bucket, input.period);
    const id = `${period}\u0000${f.site}`;
    let g = groups.get(id);
    if (!g) {
      g = { period, site: f.site, scrapG: 0, metalG: 0, runs: 0, count: 0, mix: new Map() };
      groups.set(id, g);
    }
    g.count += f.count;
    if (f.measure === 'yield_metal_out') {
      g.metalG += f.massG;
      g.runs += f.count;
    } else {
      g.scrapG += f.massG;
      g.mix.set(f.grade, (g.mix.get(f.grade) ?? 0) + f.massG);
    }
  }
  const rows = [];
  let scrapG = 0;
  let metalG = 0;
  let runs = 0;
  for (const g of groups.values()) {
    if (g.count === 0) continue;
    const yieldPpm = g.scrapG > 0 ? ratioPpm(g.metalG, g.scrapG) : null;
    const start = periodStart(g.period, input.period);
    const target = targetFor(
      targets,
      g.site,
      // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings
      start < input.from ? input.from : start,
      periodEnd(g.period, input.period, input.to),
    );
    const met =
      yieldPpm === null
        ? null
        : target.comparison === 'at_least'
          ? yieldPpm >= target.valuePpm
          : yieldPpm <= target.valuePpm;
    rows.push({
      period: g.period,
      site: g.site,
      runs: g.runs,
      scrap_in_g: g.scrapG,
      metal_out_g: g.metalG,
      yield_ppm: yieldPpm,
      target_ppm: target.valuePpm,
      target: target.code,
      status: met === null ? null : met ? 'met' : 'below',
      grade_mix: gradeMix(g.mix, g.scrapG),
    });
    scrapG += g.scrapG;
    metalG += g.metalG;
    runs += g.runs;
  }
  return {
    report: 'yield',
    title: { zh: '再生铝企业金属收得率', en: 'Metal yield per recycler' },
    filters: echo({ ...input, defaultTargetPpm: DEFAULT_YIELD_TARGET_PPM }),
    columns: [
      PERIOD_COLUMN,
      column('site', '再生铝企业', 'Recycler', 'text'),
      column('runs', '炉次', 'Runs', 'count'),
      column('scrap_in_g', '废铝投入', 'Scrap in', 'mass', 't'),
      column('metal_out_g', '金属产出', 'Metal out', 'mass', 't'),
      column('yield_ppm', '收得率', 'Yield', 'ratio'),
      column('target_ppm', '目标', 'Target', 'ratio'),
      column('target', '目标代码', 'Target code', 'text'),
      column('status', '是否达标', 'Status', 'text'),
      column('grade_mix', '品级构成', 'Grade mix', 'text'),
    ],
    rows: sortRows(rows, ['period', 'site']),
    totals: {
      runs,
      scrap_in_g: scrapG,
      metal_out_g: metalG,
      yield_ppm: scrapG > 0 ? ratioPpm(metalG, scrapG) : null,
      // The whole base's target over the range (a recycler's own target is in its rows).
      target_ppm: targetFor(targets, '', input.from, input.to).valuePpm,
    },
    factorVersions: {},
  };
}

/** "UBC 62.5 %; MIXED 37.5 %": each grade's share of the scrap in, largest first, ppm rounded half up. */
export function gradeMix(mix: ReadonlyMap<string, number>, totalG: number): string | null {
  if (totalG <= 0) return null;
  return [...mix.entries()]
    .filter(([, g]) => g !== 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([grade, g]) => `${grade || '—'} ${(ratioPpm(g, totalG) / 10_000).toFixed(1)} %`)
    .join('; ');
}
