// Recovery volumes (DOMAIN.md): net mass collected, received, consumed by
// processing, produced as recycled aluminium and shipped, by period and by up
// to two of site, district, park, grade, grade family and source class.
// Produced and shipped metal has no grade or source class: those cells are
// empty for it (its content, post-consumer apart, is in the shipments report).
import { VOLUME_MEASURES, type VolumeDimension, type VolumesInput } from '@alutrace/shared';
import type { ReportMeasure } from '../projections/report-contributions';
import { bucketFor, periodOf } from './periods';
import { type BuiltReport, cell, column, echo, PERIOD_COLUMN, scopeSites, sortRows } from './report-kit';
import type { KeyColumn, ReportSource } from './report-source';

const DIMENSION_COLUMNS: Record<VolumeDimension, ReturnType<typeof column>> = {
  site: column('site', '站点', 'Site', 'text'),
  district: column('district', '区县', 'District', 'text'),
  park: column('park', '园区', 'Park', 'text'),
  grade: column('grade', '品级', 'Grade', 'text'),
  family: column('family', '品级类别', 'Grade family', 'text'),
  source_class: column('source_class', '来源类别', 'Source class', 'text'),
};

export const MEASURE_COLUMNS: Record<(typeof VOLUME_MEASURES)[number], ReturnType<typeof column>> = {
  collected: column('collected_g', '回收量', 'Collected', 'mass', 't'),
  received: column('received_g', '接收量', 'Received', 'mass', 't'),
  consumed: column('consumed_g', '投料量', 'Consumed by processing', 'mass', 't'),
  produced: column('produced_g', '再生铝产量', 'Recycled aluminium produced', 'mass', 't'),
  shipped: column('shipped_g', '再生铝销售量', 'Recycled aluminium shipped', 'mass', 't'),
};

/** Which fact column a dimension is read from. */
const SOURCE_OF: Record<VolumeDimension, KeyColumn> = {
  site: 'site',
  district: 'site',
  park: 'site',
  grade: 'grade',
  family: 'family',
  source_class: 'sourceClass',
};

export function buildVolumes(src: ReportSource, input: VolumesInput): BuiltReport {
  const measures = input.measures ?? [...VOLUME_MEASURES];
  const dims = input.groupBy;
  const sites = src.sites();
  const by = [...new Set(dims.map((d) => SOURCE_OF[d]))];
  const facts = src.facts({
    measures: measures as ReportMeasure[],
    from: input.from,
    to: input.to,
    // Weeks from the weekly aggregates (the days of a partial week at either end from the daily ones).
    bucket: input.period === 'week' ? 'week' : bucketFor(input.period),
    by,
    sites: scopeSites(sites, input),
    grade: input.grade,
    family: input.family,
    sourceClass: input.sourceClass,
  });
  const dimensionValue = (d: VolumeDimension, f: (typeof facts)[number]): string => {
    if (d === 'district') return sites.get(f.site)?.district ?? '';
    if (d === 'park') return sites.get(f.site)?.park ?? '';
    return f[SOURCE_OF[d]];
  };
  const groups = new Map<string, { keys: string[]; mass: Map<string, number>; count: number }>();
  for (const f of facts) {
    const keys = [periodOf(f.bucket, input.period), ...dims.map((d) => dimensionValue(d, f))];
    const id = keys.join('\u0000');
    let g = groups.get(id);
    if (!g) {
      g = { keys, mass: new Map(), count: 0 };
      groups.set(id, g);
    }
    g.mass.set(f.measure, (g.mass.get(f.measure) ?? 0) + f.massG);
    g.count += f.count;
  }
  const columns = [PERIOD_COLUMN, ...dims.map((d) => DIMENSION_COLUMNS[d]), ...measures.map((m) => MEASURE_COLUMNS[m])];
  const totals: Record<string, number> = Object.fromEntries(measures.map((m) => [MEASURE_COLUMNS[m].key, 0]));
  const rows = [];
  for (const g of groups.values()) {
    // A group whose every event was corrected away counts nothing and is not listed.
    if (g.count === 0) continue;
    const row: Record<string, string | number | null> = { period: g.keys[0] as string };
    dims.forEach((d, i) => {
      row[DIMENSION_COLUMNS[d].key] = cell(g.keys[i + 1]);
    });
    for (const m of measures) {
      const key = MEASURE_COLUMNS[m].key;
      row[key] = g.mass.get(m) ?? 0;
      totals[key] = (totals[key] ?? 0) + (row[key] as number);
    }
    rows.push(row);
  }
  return {
    report: 'volumes',
    title: { zh: '回收与再生铝量', en: 'Recovery volumes' },
    filters: echo({ ...input, measures }),
    columns,
    rows: sortRows(rows, ['period', ...dims.map((d) => DIMENSION_COLUMNS[d].key)]),
    totals,
    factorVersions: {},
  };
}
