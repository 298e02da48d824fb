// The chart above a report's table, drawn from the table alone: the first
// column along the x axis, one measure (chosen here) split by the next
// dimension column when the report is grouped, or every measure side by side.
import type { ReportTable } from '@alutrace/shared';
import { type ReactElement, useMemo, useState } from 'react';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { vocabularyText } from './cell-vocabulary';
import { EChart } from './echart';
import { columnHeading } from './report-table-view';
import { reportEn, reportZh } from './report-words';
import { dimensionColumns, measureColumns, tableChart } from './table-chart';

interface ReportChartProps {
  table: ReportTable;
  type: 'bar' | 'line';
  stacked?: boolean | undefined;
  /** The column along the x axis; default the first text column (the period). */
  category?: string | undefined;
  /** The measure shown first; default the first figure column. */
  initialMeasure?: string | undefined;
  /** A second dimension to split the measure by; default none. */
  splitBy?: string | undefined;
  /** A target line, in the measure's shown unit. */
  target?: { value: number; label: string } | undefined;
  height?: number;
}

export function ReportChart(props: ReportChartProps): ReactElement | null {
  const { table, type, stacked, height } = props;
  const w = useWords(reportZh, reportEn);
  const lang = useLang();
  const measures = measureColumns(table);
  const dims = dimensionColumns(table);
  const [chosen, setChosen] = useState<string | null>(null);
  const measure =
    measures.find((m) => m.key === chosen) ?? measures.find((m) => m.key === props.initialMeasure) ?? measures[0];
  const category = dims.find((d) => d.key === props.category) ?? dims[0];
  const splitBy = dims.find((d) => d.key === props.splitBy && d.key !== category?.key);
  // A ratio drawn against the target the report applied (yield, dross utilisation: their totals' target_ppm).
  const reportTarget = table.totals?.target_ppm;
  const ratioTarget = measure?.kind === 'ratio' && typeof reportTarget === 'number' ? reportTarget / 10_000 : null;
  const targetLabel = ratioTarget === null ? '' : w.targetOf(`${ratioTarget} %`);
  const target = useMemo(
    () => props.target ?? (ratioTarget === null ? undefined : { value: ratioTarget, label: targetLabel }),
    [props.target, ratioTarget, targetLabel],
  );
  const option = useMemo(
    () =>
      category && measure
        ? tableChart(table, {
            category: category.key,
            measures: [measure.key],
            splitBy: splitBy?.key,
            type,
            stack: stacked ?? false,
            target,
            lang,
            label: (key, value) => vocabularyText(key, value, lang),
          })
        : null,
    [table, category, measure, splitBy, type, stacked, target, lang],
  );
  if (!option || !measure || table.rows.length === 0) return null;
  return (
    <section className="card report-chart-card" aria-label={w.chart}>
      {measures.length > 1 && (
        <label className="report-measure no-print">
          {w.chartOf}{' '}
          <select
            className="input input-inline"
            value={measure.key}
            onChange={(e) => setChosen(e.target.value)}
            data-testid="chart-measure"
          >
            {measures.map((m) => (
              <option key={m.key} value={m.key}>
                {columnHeading(m, lang)}
              </option>
            ))}
          </select>
        </label>
      )}
      <EChart
        option={option}
        label={`${table.title[lang]}: ${columnHeading(measure, lang)}`}
        height={height ?? 320}
        testId="report-chart"
      />
    </section>
  );
}
