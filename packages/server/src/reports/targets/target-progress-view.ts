// targets.progress: the target in force for a code, its metric through the
// report engine up to the day asked (default today in Asia/Shanghai), and
// the progress, projection and status of target-progress.ts, with the
// checkpoint the figures rest on.
import {
  isRatioMetric,
  shanghaiCalendarDay,
  type TargetProgressInput,
  type TargetProgressView,
} from '@alutrace/shared';
import { AppError } from '../../errors';
import type { ReportDeps } from '../compute-report';
import { targetMetricSeries } from './target-metric';
import { targetProgress } from './target-progress';
import { currentTarget } from './target-rows';

export function targetProgressView(deps: ReportDeps, input: TargetProgressInput): TargetProgressView {
  const target = currentTarget(deps.db, input.code);
  if (!target?.active) throw new AppError('TARGET_UNKNOWN', { code: input.code });
  const now = (deps.now ?? (() => new Date()))();
  const asOf = input.asOf ?? shanghaiCalendarDay(now.toISOString());
  // Before the period there is nothing to count, but the checkpoint is still named: read the first day.
  // biome-ignore lint/complexity/useMathMinMax: days are YYYY-MM-DD strings, compared as text
  let countTo = asOf > target.to ? target.to : asOf;
  if (countTo < target.from) countTo = target.from;
  const { daily, provenance } = targetMetricSeries(deps, target, countTo);
  const progress = targetProgress(
    {
      kind: isRatioMetric(target.metric) ? 'ratio' : 'mass',
      comparison: target.comparison,
      value: target.value,
      from: target.from,
      to: target.to,
    },
    daily,
    asOf,
  );
  return { target, ...progress, provenance };
}
