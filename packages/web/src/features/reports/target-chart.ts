// The chart of a target's progress: the cumulative figure day by day, the
// linear projection from the last day counted to the period's end (dashed),
// and the target as a horizontal line. Values in tonnes or percent.
import { isRatioMetric, type TargetProgressView } from '@alutrace/shared';
import type { ChartOption } from './echarts-setup';

export interface TargetChartWords {
  actualSeries: string;
  projectionSeries: string;
  targetLine: string;
}

function shown(progress: TargetProgressView, value: number | null): number | null {
  if (value === null) return null;
  return isRatioMetric(progress.target.metric) ? value / 10_000 : value / 1_000_000;
}

export function targetChart(progress: TargetProgressView, w: TargetChartWords): ChartOption {
  const ratio = isRatioMetric(progress.target.metric);
  const unit = ratio ? '%' : 't';
  const target = shown(progress, progress.target.value) ?? 0;
  const points = progress.points.map((p): [string, number | null] => [p.day, shown(progress, p.value)]);
  // A cumulative mass starts the period at nothing.
  if (!ratio && progress.countedTo && points[0]?.[0] !== progress.target.from)
    points.unshift([progress.target.from, 0]);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'time', min: progress.target.from, max: progress.target.to },
    // The target stays in view, however far the figures are below it: that distance is the news.
    yAxis: { type: 'value', name: unit, max: (extent: { max: number }) => Math.max(extent.max, target) },
    series: [
      {
        name: w.actualSeries,
        type: 'line',
        showSymbol: points.length < 40,
        data: points,
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#b4511f' },
          label: { formatter: `${w.targetLine} ${target} ${unit}`, position: 'insideEndTop' },
          data: [{ yAxis: target }],
        },
      },
      {
        name: w.projectionSeries,
        type: 'line',
        showSymbol: true,
        lineStyle: { type: 'dashed' },
        data: progress.projection.map((p) => [p.day, shown(progress, p.value)]),
      },
    ],
  };
}
