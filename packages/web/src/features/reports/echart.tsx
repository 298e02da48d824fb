// One chart on a report page. ECharts draws into a div it owns; React only
// gives it the option. The chart follows its box (phone, desktop, and the
// narrower A4 page when printed) and speaks the reader's language through
// ECharts' built-in ZH and EN locales.
import { type ReactElement, useEffect, useRef } from 'react';
import { useLang } from '../lifecycle-forms/use-words';
import { type ChartOption, echarts } from './echarts-setup';

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (the table below holds the figures). */
  label: string;
  height?: number;
  testId?: string;
}

export function EChart({ option, label, height = 300, testId }: EChartProps): ReactElement {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const lang = useLang();
  // The latest option, for a chart made anew when the language changes.
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg', locale: lang === 'zh' ? 'ZH' : 'EN' });
    chart.current = instance;
    instance.setOption(latest.current, { notMerge: true });
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    // The print layout is laid out before ResizeObserver would report it.
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      instance.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={box} className="report-chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />
  );
}
