// A target of the base's plan, defined by an administrator or an official:
// "recycled aluminium produced in 2026 ≥ 120,000 t", "dross utilisation
// 100 %", "yield ≥ 90 %". Each entry carries the whole definition. A target
// is never edited: a redefinition is a new entry with the same code that
// names the entry it supersedes (seq and leaf hash), and `active: false`
// withdraws it. The targets in force are the definitions nobody superseded.
import { z } from 'zod';
import { reportDay } from '../api/reports-api';
import { textField } from '../text/text-field';
import { catalogCode, siteCodeField } from './fields';

export const TARGET_DEFINED = 'target.defined';

/**
 * What a target measures. Masses are net integer grams over the period
 * (collected at collection points, received at recyclers, produced as
 * recycled aluminium, shipped to buyers); ratios are ppm over the period
 * (metal yield = metal out ÷ scrap in; dross utilisation = dross utilised
 * by a recovery or raw-material route ÷ dross generated).
 */
export const TARGET_METRICS = ['collected', 'received', 'produced', 'shipped', 'yield', 'dross_utilisation'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export const RATIO_METRICS: readonly TargetMetric[] = ['yield', 'dross_utilisation'];
export function isRatioMetric(metric: TargetMetric): boolean {
  return RATIO_METRICS.includes(metric);
}

export const TARGET_METRIC_NAMES: Record<TargetMetric, { en: string; zh: string }> = {
  collected: { en: 'Scrap collected', zh: '废铝回收量' },
  received: { en: 'Scrap received by recyclers', zh: '再生铝企业收货量' },
  produced: { en: 'Recycled aluminium produced', zh: '再生铝产量' },
  shipped: { en: 'Recycled aluminium shipped', zh: '再生铝销售量' },
  yield: { en: 'Metal yield', zh: '金属收得率' },
  dross_utilisation: { en: 'Dross and ash utilisation', zh: '铝灰渣综合利用率' },
};

export const TARGET_COMPARISONS = ['at_least', 'at_most'] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

export const targetScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('site'), site: siteCodeField }),
  z.object({ kind: z.literal('district'), district: textField({ max: 40 }) }),
]);
export type TargetScope = z.output<typeof targetScope>;

/** At most 100 Mt over a period, in grams (exact in a double). */
export const MAX_TARGET_MASS_G = 100_000_000_000_000;

export const targetFields = z.object({
  code: catalogCode,
  nameZh: textField({ max: 100 }),
  nameEn: textField({ max: 160 }),
  metric: z.enum(TARGET_METRICS),
  scope: targetScope,
  /** As given: '2026', '2026-Q2', '2026-03', or '2026-01-01..2026-06-30'. */
  period: z.string().max(40),
  /** The period's first and last day in Asia/Shanghai, both included. */
  from: reportDay,
  to: reportDay,
  comparison: z.enum(TARGET_COMPARISONS),
  /** Grams for a mass metric, ppm (1,000,000 = 100 %) for a ratio. */
  value: z.number().int('a whole number').min(0).max(MAX_TARGET_MASS_G),
});
export type TargetFields = z.output<typeof targetFields>;

export const targetDefinedBody = targetFields.extend({
  active: z.boolean(),
  /** The definition this one replaces (same code), or null for a new code. */
  supersedes: z
    .object({ seq: z.number().int().nonnegative(), leafHash: z.string().regex(/^[0-9a-f]{64}$/) })
    .nullable(),
});
export type TargetDefinedBody = z.output<typeof targetDefinedBody>;
