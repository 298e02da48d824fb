// Targets of the plan and their progress (README "Targets").
//
// Procedures:
//   targets.define(defineTargetInput)  mutation, official or admin → TargetView (the new definition)
//   targets.list(listTargetsInput)     query, official or admin    → TargetView[]
//   targets.progress(targetProgressInput) query, official or admin → TargetProgressView
//
// A target is never edited. Redefining a code is a new target.defined entry
// that names, in `supersedes`, the seq of the definition in force (from
// targets.list): if someone redefined it meanwhile, TARGET_STALE. Withdrawing
// it is a redefinition with active: false.
import { z } from 'zod';
import { catalogCode } from '../events/fields';
import {
  isRatioMetric,
  TARGET_COMPARISONS,
  TARGET_METRICS,
  type TargetComparison,
  type TargetMetric,
  type TargetScope,
  targetScope,
} from '../events/target-defined';
import type { ReportProvenance } from '../reports/report-table';
import { daysInclusive, targetPeriodDays } from '../reports/target-period';
import { textField } from '../text/text-field';
import { MAX_REPORT_DAYS, reportDay } from './reports-api';

export const defineTargetInput = z
  .object({
    code: catalogCode,
    nameZh: textField({ max: 100 }),
    nameEn: textField({ max: 160 }),
    metric: z.enum(TARGET_METRICS),
    scope: targetScope.default({ kind: 'all' }),
    /** '2026', '2026-Q2', '2026-03' or '2026-01-01..2026-06-30' (Asia/Shanghai days, both included). */
    period: z
      .string()
      .max(40)
      .refine((p) => targetPeriodDays(p) !== null, {
        message: 'a year (2026), a quarter (2026-Q2), a month (2026-03) or days (2026-01-01..2026-06-30)',
        params: { zh: '须为年份（2026）、季度（2026-Q2）、月份（2026-03）或日期范围（2026-01-01..2026-06-30）' },
      })
      .refine(
        (p) => {
          const d = targetPeriodDays(p);
          return d === null || daysInclusive(d.from, d.to) <= MAX_REPORT_DAYS;
        },
        { message: 'a period of at most ten years', params: { zh: '期间最长为十年' } },
      ),
    comparison: z.enum(TARGET_COMPARISONS).default('at_least'),
    /** Grams for a mass metric; ppm for yield and dross utilisation (900,000 = 90 %, at most 1,000,000). */
    value: z.number().int('a whole number (grams, or ppm for a ratio)').min(0).max(100_000_000_000_000),
    active: z.boolean().default(true),
    /** The seq of the definition in force, when redefining or withdrawing an existing code. */
    supersedes: z.number().int().nonnegative().optional(),
  })
  .refine((t) => !isRatioMetric(t.metric) || t.value <= 1_000_000, {
    message: 'a ratio of at most 100 % (1,000,000 ppm)',
    path: ['value'],
    params: { zh: '比率不能超过 100%（1,000,000 ppm）' },
  })
  .refine((t) => !isRatioMetric(t.metric) || t.scope.kind !== 'district', {
    message: 'yield and dross utilisation are measured for the whole base or one recycler, not a district',
    path: ['scope'],
    params: { zh: '收得率和灰渣利用率只能针对全基地或单个再生铝企业，不能按区县设定' },
  });
export type DefineTargetInput = z.output<typeof defineTargetInput>;

export const listTargetsInput = z
  .object({
    /** Also the superseded definitions (the history), newest first within each code. */
    history: z.boolean().default(false),
    /** Also withdrawn targets. */
    includeInactive: z.boolean().default(false),
    code: catalogCode.optional(),
  })
  .default({ history: false, includeInactive: false });
export type ListTargetsInput = z.output<typeof listTargetsInput>;

export const targetProgressInput = z.object({
  code: catalogCode,
  /** The day progress is counted to (Asia/Shanghai); default today. */
  asOf: reportDay.optional(),
});
export type TargetProgressInput = z.output<typeof targetProgressInput>;

export interface TargetView {
  /** The target.defined entry of this definition. */
  seq: number;
  code: string;
  nameZh: string;
  nameEn: string;
  metric: TargetMetric;
  scope: TargetScope;
  period: string;
  from: string;
  to: string;
  comparison: TargetComparison;
  /** Grams for a mass metric, ppm for a ratio (see `unit`). */
  value: number;
  unit: 'g' | 'ppm';
  active: boolean;
  supersedesSeq: number | null;
  /** Set when a later definition of the code replaced this one. */
  supersededBySeq: number | null;
  definedBy: string;
  definedAt: string;
}

export type TargetStatus = 'met' | 'on_track' | 'at_risk' | 'missed' | 'not_started' | 'no_data';

export const TARGET_STATUS_NAMES: Record<TargetStatus, { en: string; zh: string }> = {
  met: { en: 'Met', zh: '已达成' },
  on_track: { en: 'On track', zh: '按进度可达成' },
  at_risk: { en: 'At risk', zh: '有未达成风险' },
  missed: { en: 'Missed', zh: '未达成' },
  not_started: { en: 'Not started', zh: '尚未开始' },
  no_data: { en: 'No data yet', zh: '暂无数据' },
};

export interface TargetProgressPoint {
  day: string;
  /** Cumulative grams, or the ratio to date in ppm; null for a ratio with nothing measured yet. */
  value: number | null;
}

export interface TargetProgressView {
  target: TargetView;
  status: TargetStatus;
  /** The day counted to: asOf, held inside the period; null before it begins. */
  countedTo: string | null;
  daysElapsed: number;
  daysInPeriod: number;
  /** Grams so far, or the ratio to date in ppm. */
  actual: number | null;
  /** For a ratio, the grams behind it (metal out and scrap in; dross utilised and generated). */
  numeratorG: number;
  denominatorG: number;
  /** At the period's end on the present pace (masses: so far × days in period ÷ days elapsed, rounded down; ratios: the ratio to date). */
  projected: number | null;
  shareOfTargetPpm: number | null;
  /** Chart: the cumulative figure at the end of each day with data. */
  points: TargetProgressPoint[];
  /** Chart: the projection line, [(countedTo, actual), (to, projected)], or [] when the period is over. */
  projection: TargetProgressPoint[];
  /** The checkpoint the figures rest on. */
  provenance: ReportProvenance;
}
