// Recycled aluminium shipped (DOMAIN.md), by downstream chain and buyer (or
// the shipping recycler), with its recycled content (ISO 22095 mass
// balance, from each lot's content) and the post-consumer share kept apart
// (ISO 14021): never merged into a figure that claims post-consumer content.
import { ratioPpm, type ShipmentsInput } from '@alutrace/shared';
import { bucketFor, periodOf } from './periods';
import { type BuiltReport, cell, column, echo, PERIOD_COLUMN, scopeSites, sortRows } from './report-kit';
import type { KeyColumn, ReportSource } from './report-source';

const DIMENSIONS = {
  chain: { source: 'detail', column: column('chain', '下游产业链', 'Downstream chain', 'text') },
  buyer: { source: 'counterpart', column: column('buyer', '采购方', 'Buyer', 'text') },
  site: { source: 'site', column: column('site', '再生铝企业', 'Recycler', 'text') },
} as const satisfies Record<string, { source: KeyColumn; column: unknown }>;

export function buildShipments(src: ReportSource, input: ShipmentsInput): BuiltReport {
  const dims = input.groupBy;
  const facts = src.facts({
    measures: ['shipped'],
    from: input.from,
    to: input.to,
    bucket: bucketFor(input.period),
    by: dims.map((d) => DIMENSIONS[d].source),
    sites: scopeSites(src.sites(), input),
  });
  const groups = new Map<string, { keys: string[]; massG: number; recycledG: number; postG: number; count: number }>();
  for (const f of facts) {
    const keys = [periodOf(f.bucket, input.period), ...dims.map((d) => f[DIMENSIONS[d].source])];
    const id = keys.join('\u0000');
    const g = groups.get(id) ?? { keys, massG: 0, recycledG: 0, postG: 0, count: 0 };
    g.massG += f.massG;
    g.recycledG += f.recycledG;
    g.postG += f.postConsumerG;
    g.count += f.count;
    groups.set(id, g);
  }
  const rows = [];
  const totals = { lots: 0, shipped_g: 0, recycled_g: 0, post_consumer_g: 0, pre_consumer_g: 0 };
  for (const g of groups.values()) {
    if (g.count === 0) continue;
    const row: Record<string, string | number | null> = { period: g.keys[0] as string };
    dims.forEach((d, i) => {
      row[DIMENSIONS[d].column.key] = cell(g.keys[i + 1]);
    });
    Object.assign(row, {
      lots: g.count,
      shipped_g: g.massG,
      recycled_g: g.recycledG,
      post_consumer_g: g.postG,
      pre_consumer_g: g.recycledG - g.postG,
      recycled_ppm: ratioPpm(g.recycledG, g.massG),
      post_consumer_ppm: ratioPpm(g.postG, g.massG),
    });
    rows.push(row);
    totals.lots += g.count;
    totals.shipped_g += g.massG;
    totals.recycled_g += g.recycledG;
    totals.post_consumer_g += g.postG;
    totals.pre_consumer_g += g.recycledG - g.postG;
  }
  return {
    report: 'shipments',
    title: { zh: '再生铝销售去向', en: 'Recycled aluminium shipped' },
    filters: echo(input),
    columns: [
      PERIOD_COLUMN,
      ...dims.map((d) => DIMENSIONS[d].column),
      column('lots', '批次数', 'Lots', 'count'),
      column('shipped_g', '销售量', 'Shipped', 'mass', 't'),
      column('recycled_g', '再生料含量', 'Recycled content', 'mass', 't'),
      column('post_consumer_g', '其中消费后', 'of which post-consumer', 'mass', 't'),
      column('pre_consumer_g', '其中消费前', 'of which pre-consumer', 'mass', 't'),
      column('recycled_ppm', '再生料比例', 'Recycled share', 'ratio'),
      column('post_consumer_ppm', '消费后比例', 'Post-consumer share', 'ratio'),
    ],
    rows: sortRows(rows, ['period', ...dims.map((d) => DIMENSIONS[d].column.key)]),
    totals: {
      ...totals,
      recycled_ppm: totals.shipped_g > 0 ? ratioPpm(totals.recycled_g, totals.shipped_g) : null,
      post_consumer_ppm: totals.shipped_g > 0 ? ratioPpm(totals.post_consumer_g, totals.shipped_g) : null,
    },
    factorVersions: {},
  };
}
