// A target's figures in words: grams in tonnes, ppm in percent, with the comparison.
import { isRatioMetric, type TargetMetric, type TargetView } from '@alutrace/shared';
import { massText, percentText } from './format-cell';
import type { TargetWords } from './target-words';

/** A figure of the target's metric: "120,000.000 t" or "90.00 %"; a dash when there is none. */
export function metricValueText(metric: TargetMetric, value: number | null): string {
  if (value === null) return '—';
  return isRatioMetric(metric) ? percentText(value) : `${massText(value, 't')} t`;
}

/** "≥ 120,000.000 t" as "at least 120,000.000 t". */
export function targetValueText(target: TargetView, w: TargetWords): string {
  return `${target.comparison === 'at_least' ? w.atLeast : w.atMost} ${metricValueText(target.metric, target.value)}`;
}

export function scopeText(target: TargetView, w: TargetWords): string {
  const s = target.scope;
  if (s.kind === 'site') return w.scopeSite(s.site);
  if (s.kind === 'district') return w.scopeDistrict(s.district);
  return w.scopeAll;
}
