// The reports engine's own cases (issue 9): monthly recovery volumes for a
// year by site × grade under 50 ms, and every report under 200 ms, each next
// to the naive GROUP BY over the raw entries.
import { REPORT_INPUTS, type ReportName } from '@alutrace/shared';
import { computeReport } from '../../../src/reports/compute-report';
import { naiveByKind, naiveMonthlyCollected, naiveVolumes } from '../naive-baselines';
import type { ReportBenchCase, ReportBenchContext } from '../report-case';

const report = (name: ReportName, filters: Record<string, unknown>) => (ctx: ReportBenchContext) =>
  computeReport(ctx.app, name, REPORT_INPUTS[name].parse({ ...ctx.year, ...filters }) as never);

const sqlite = (ctx: ReportBenchContext) => ctx.app.db.$client;

export const cases: ReportBenchCase[] = [
  {
    name: 'reports.volumes: a year by month, site × grade',
    targetMs: 50,
    run: report('volumes', { period: 'month', groupBy: ['site', 'grade'] }),
    baseline: {
      name: 'GROUP BY month, site, grade of collections (json_extract)',
      run: (ctx) => naiveMonthlyCollected(sqlite(ctx), ctx.year.from, ctx.year.to),
    },
  },
  {
    name: 'reports.volumes: a year by month, five measures',
    targetMs: 200,
    run: report('volumes', { period: 'month' }),
    baseline: {
      name: 'five GROUP BYs by month over the bodies (json_each)',
      run: (ctx) => naiveVolumes(sqlite(ctx), ctx.year.from, ctx.year.to),
    },
  },
  {
    name: 'reports.volumes: a year by week, district × family',
    targetMs: 200,
    run: report('volumes', { period: 'week', groupBy: ['district', 'family'] }),
    baseline: {
      name: 'GROUP BY month, site, grade of collections (json_extract)',
      run: (ctx) => naiveMonthlyCollected(sqlite(ctx), ctx.year.from, ctx.year.to),
    },
  },
  {
    name: 'reports.yield: a year by month, per recycler',
    targetMs: 200,
    run: report('yield', { period: 'month' }),
    baseline: {
      name: 'GROUP BY month, site of run inputs (json_each)',
      run: (ctx) => naiveByKind(sqlite(ctx), 'processing.recorded', 'inputs', 'consumedG', ctx.year.from, ctx.year.to),
    },
  },
  {
    name: 'reports.dross: a year by month, site × kind',
    targetMs: 200,
    run: report('dross', { period: 'month', groupBy: ['site', 'kind'] }),
    baseline: {
      name: 'GROUP BY month, site of run by-products (json_each)',
      run: (ctx) => naiveByKind(sqlite(ctx), 'processing.recorded', 'byproducts', 'massG', ctx.year.from, ctx.year.to),
    },
  },
  {
    name: 'reports.discrepancies: a year, every route',
    targetMs: 200,
    run: report('discrepancies', { asOf: '2026-12-01' }),
    baseline: {
      name: 'GROUP BY month, site of dispatched lots (json_each)',
      run: (ctx) => naiveByKind(sqlite(ctx), 'lots.dispatched', 'lots', 'massG', ctx.year.from, ctx.year.to),
    },
  },
  {
    name: 'reports.shipments: a year by quarter, chain × buyer',
    targetMs: 200,
    run: report('shipments', { period: 'quarter' }),
    baseline: {
      name: 'GROUP BY month, site of shipments (json_extract)',
      run: (ctx) => naiveByKind(sqlite(ctx), 'product.shipped', null, 'massG', ctx.year.from, ctx.year.to),
    },
  },
  {
    name: 'reports.emissions: a year by month, per recycler',
    targetMs: 200,
    run: report('emissions', { period: 'month', groupBy: ['site'] }),
    baseline: {
      name: 'GROUP BY month, site of run outputs (json_each)',
      run: (ctx) => naiveByKind(sqlite(ctx), 'processing.recorded', 'outputs', 'massG', ctx.year.from, ctx.year.to),
    },
  },
];
