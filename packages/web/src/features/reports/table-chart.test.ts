import type { ReportTable } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { tableChart } from './table-chart';

const table: ReportTable = {
  report: 'volumes',
  title: { zh: '回收量', en: 'Recovery volumes' },
  filters: {},
  columns: [
    { key: 'period', label: { zh: '期间', en: 'Period' }, kind: 'text' },
    { key: 'family', label: { zh: '品类', en: 'Family' }, kind: 'text' },
    { key: 'collectedG', label: { zh: '收购量', en: 'Collected' }, kind: 'mass', unit: 't' },
    { key: 'producedG', label: { zh: '产出', en: 'Produced' }, kind: 'mass', unit: 't' },
  ],
  rows: [
    { period: '2026-01', family: 'UBC', collectedG: 1_500_000, producedG: 1_000_000 },
    { period: '2026-01', family: 'cast', collectedG: 500_000, producedG: 0 },
    { period: '2026-02', family: 'cast', collectedG: 2_000_000, producedG: null },
  ],
  provenance: {
    treeSize: 3,
    rootHash: 'ab',
    checkpoint: '',
    factorVersions: {},
    timeZone: 'Asia/Shanghai',
    computedFrom: 'derived',
    computedAt: '2026-12-01T00:00:00Z',
  },
};

type Series = { name: string; data: (number | null)[] }[];

describe('a chart drawn from a report table', () => {
  it('adds up each period for each measure, in tonnes', () => {
    const option = tableChart(table, {
      category: 'period',
      measures: ['collectedG', 'producedG'],
      type: 'bar',
      lang: 'en',
    });
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-01', '2026-02']);
    const series = option.series as Series;
    expect(series.map((s) => s.name)).toEqual(['Collected', 'Produced']);
    expect(series[0]?.data).toEqual([2, 2]);
    expect(series[1]?.data).toEqual([1, null]);
    expect((option.yAxis as { name: string }).name).toBe('Collected (t)');
  });

  it('splits one measure by a second dimension, leaving gaps where a group has no row', () => {
    const option = tableChart(table, {
      category: 'period',
      measures: ['collectedG'],
      splitBy: 'family',
      type: 'bar',
      stack: true,
      lang: 'zh',
    });
    const series = option.series as Series;
    expect(series.map((s) => s.name)).toEqual(['UBC', 'cast']);
    expect(series[0]?.data).toEqual([1.5, null]);
    expect(series[1]?.data).toEqual([0.5, 2]);
  });

  it('names codes, and leaves out a category no measure has a figure for', () => {
    const option = tableChart(table, {
      category: 'family',
      measures: ['producedG'],
      type: 'bar',
      lang: 'en',
      label: (key, value) => `${key}:${value}`,
    });
    // "cast" has produced 0 in January and null in February: nothing to draw along a dimension.
    expect((option.xAxis as { data: string[] }).data).toEqual(['family:UBC']);
    expect((option.series as Series)[0]?.data).toEqual([1]);
    const only = tableChart(
      { ...table, rows: table.rows.filter((r) => r.family === 'cast' && r.period === '2026-02') },
      { category: 'family', measures: ['producedG'], type: 'bar', lang: 'en' },
    );
    expect((only.xAxis as { data: string[] }).data).toEqual([]);
  });
});
