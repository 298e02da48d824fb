// ECharts through echarts/core with only what the report pages draw: bar and
// line charts, their grid, axes, tooltip, legend, and the mark line a target
// draws. The whole `echarts` package would cost ~377 kB more (STACK.md).
// Only the report pages import this file, and vite.config.ts puts echarts in
// a chunk of its own, so no other page loads it.
// The SVG renderer: crisp on paper when a report is printed, and light.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;
