// A chart option drawn from a ReportTable alone, so that every report (and a
// target's progress) gets its chart without code of its own: one category
// column along the x axis, and either several measures side by side or one
// measure split by a second dimension.
import type { ReportColumn, ReportTable } from '@alutrace/shared';
import type { ChartOption } from './echarts-setup';
import { chartValue, columnUnit } from './format-cell';

export interface TableChartSpec {
  /** The column along the x axis (a period, a site…). */
  category: string;
  /** Measures drawn as series; with `splitBy`, only the first is drawn. */
  measures: string[];
  /** A second dimension: one series per value of this column. */
  splitBy?: string | undefined;
  type: 'bar' | 'line';
  stack?: boolean;
  /** A horizontal line for a target, in the measure's shown unit. */
  target?: { value: number; label: string } | undefined;
  lang: 'zh' | 'en';
  /** A code's name for the axis and legend ('ubc' → 废铝易拉罐); default the value itself. */
  label?: (columnKey: string, value: string) => string;
}

/** The columns a chart can draw: figures, not names. */
export function measureColumns(table: ReportTable): ReportColumn[] {
  return table.columns.filter((c) => c.kind !== 'text' && c.kind !== 'date');
}

export function dimensionColumns(table: ReportTable): ReportColumn[] {
  return table.columns.filter((c) => c.kind === 'text' || c.kind === 'date');
}

function columnOf(table: ReportTable, key: string): ReportColumn | undefined {
  return table.columns.find((c) => c.key === key);
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function axisName(column: ReportColumn | undefined, lang: 'zh' | 'en'): string {
  if (!column) return '';
  const unit = columnUnit(column);
  return unit ? `${column.label[lang]} (${unit})` : column.label[lang];
}

export function tableChart(table: ReportTable, spec: TableChartSpec): ChartOption {
  const label = spec.label ?? ((_key: string, value: string) => value);
  const categoryText = (row: ReportTable['rows'][number]) => String(row[spec.category] ?? '—');
  const allCategories = uniqueInOrder(table.rows.map(categoryText));
  const first = columnOf(table, spec.measures[0] ?? '');
  let series: { name: string; data: (number | null)[] }[];
  if (spec.splitBy && first) {
    const splitKey = spec.splitBy;
    const names = uniqueInOrder(table.rows.map((row) => String(row[splitKey] ?? '—')));
    series = names.map((name) => {
      const byCategory = new Map<string, number>();
      for (const row of table.rows) {
        if (String(row[splitKey] ?? '—') !== name) continue;
        const value = chartValue(first, row[first.key] ?? null);
        if (value === null) continue;
        const at = categoryText(row);
        byCategory.set(at, (byCategory.get(at) ?? 0) + value);
      }
      return { name: label(splitKey, name), data: allCategories.map((c) => byCategory.get(c) ?? null) };
    });
  } else {
    series = spec.measures.flatMap((key) => {
      const column = columnOf(table, key);
      if (!column) return [];
      const byCategory = new Map<string, number>();
      for (const row of table.rows) {
        const value = chartValue(column, row[key] ?? null);
        if (value !== null) byCategory.set(categoryText(row), (byCategory.get(categoryText(row)) ?? 0) + value);
      }
      return [{ name: column.label[spec.lang], data: allCategories.map((c) => byCategory.get(c) ?? null) }];
    });
  }
  // A category no series has a figure for (metal, which has no grade family, in a chart of scrap by family) is
  // left out; along the periods a zero stays, as a month with nothing collected is news too.
  const isFigure = (v: number | null | undefined) =>
    v !== null && v !== undefined && (spec.category === 'period' || v !== 0);
  const kept = allCategories.map((_, i) => series.some((s) => isFigure(s.data[i])));
  const categories = allCategories.filter((_, i) => kept[i]).map((c) => label(spec.category, c));
  series = series.map((s) => ({ ...s, data: s.data.filter((_, i) => kept[i]) }));
  // A group with nothing in this measure (metal's empty family in a chart of scrap) has no bar worth a legend entry.
  if (spec.splitBy) series = series.filter((s) => s.data.some((v) => v !== null && v !== 0));
  const target = spec.target;
  return {
    // Drawn at once: a chart printed (or captured) mid-animation would show half its figures.
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'category', data: categories },
    yAxis: {
      type: 'value',
      name: axisName(first, spec.lang),
      nameTextStyle: { align: 'left' },
      // The target line stays in view even when every figure is far below it.
      ...(target ? { max: (extent: { max: number }) => Math.max(extent.max, target.value) } : {}),
    },
    series: series.map((s, i) => ({
      name: s.name,
      type: spec.type,
      data: s.data,
      ...(spec.stack ? { stack: 'total' } : {}),
      ...(spec.type === 'line' ? { connectNulls: true } : {}),
      ...(target && i === 0
        ? {
            markLine: {
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#b4511f' },
              label: { formatter: target.label, position: 'insideEndTop' },
              data: [{ yAxis: target.value }],
            },
          }
        : {}),
    })),
  };
}
