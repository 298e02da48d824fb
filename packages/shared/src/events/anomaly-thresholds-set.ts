// The thresholds of the officials' anomaly list, set by an official or an
// administrator. Each entry carries the whole set (like grade.defined), so
// the thresholds in force at any point of the log are the last entry's.
// Ratios in ppm, masses in grams, hours as HH:MM in Asia/Shanghai.
import { z } from 'zod';
import { siteCodeField } from './fields';

export const ANOMALY_THRESHOLDS_SET = 'anomaly_thresholds.set';

const ppm = z.number().int().min(0).max(1_000_000);
const grams = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().min(1).max(100_000);
/** 00:00 … 23:59; the end may be 24:00 (the day's end). */
export const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time like 06:00');

export const usualHours = z.object({ start: clockTime, end: clockTime });
export type UsualHours = z.output<typeof usualHours>;

export const anomalyThresholdsBody = z
  .object({
    /** A run losing more than this share of what went in (rule 3). */
    meltLossPpm: ppm,
    /** A receipt differing from its dispatch by more than this share (rule 5). */
    transitTolerancePpm: ppm,
    /** A dispatch with a lot still not received this many days after it left. */
    notReceivedDays: z.number().int().min(1).max(365),
    /** A seller (by the keyed hash of the ID) delivering more than this in one Asia/Shanghai day … */
    sellerDailyG: grams,
    /** … or in one calendar month. */
    sellerMonthlyG: grams,
    /** More corrections than this in 30 days, by one site or by one user. */
    siteCorrections30d: count,
    userCorrections30d: count,
    /** When collections are usually weighed (Asia/Shanghai); a collection outside is listed. */
    usualHours,
    /** Sites with other hours than the usual ones. */
    siteHours: z.record(siteCodeField, usualHours).refine((m) => Object.keys(m).length <= 500, 'at most 500 sites'),
  })
  .strict();

export type AnomalyThresholds = z.output<typeof anomalyThresholdsBody>;
