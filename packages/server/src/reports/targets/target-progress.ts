// A target's progress, its linear projection to the period's end and its
// status, from the metric's daily values. Pure: no database, no clock.
//
// Masses (cumulative over the period): so far = the sum of the days up to
// and including `asOf`; projection = so far × days in period ÷ days elapsed,
// rounded down (day 91 of 365 with 30,000 t so far projects 120,329.67 t).
// Ratios (yield, dross utilisation): the ratio to date = Σ numerator ÷
// Σ denominator over the days so far, shown in ppm rounded down and
// compared with the value exactly on the grams; a linear
// projection of both sums keeps their ratio, so the projection is the ratio
// to date.
//
// Status, for an `at_least` target:
//   period not begun     → not_started
//   period over          → met if the final figure reaches the value, else missed
//   mass, under way      → met once so far reaches it, on_track if the projection does, else at_risk
//   ratio, under way     → on_track if the ratio to date reaches it, else at_risk
// and for `at_most` the mirror image, except that a mass already over its
// ceiling is missed at once (a cumulative mass never comes down). A ratio
// with nothing in its denominator yet has no figure: no_data.
import { daysInclusive, type TargetStatus } from '@alutrace/shared';

export type { TargetStatus };

export interface TargetRule {
  kind: 'mass' | 'ratio';
  comparison: 'at_least' | 'at_most';
  /** Grams for a mass, ppm for a ratio. */
  value: number;
  /** First and last day of the period (Asia/Shanghai), both included. */
  from: string;
  to: string;
}

/** One day's contribution: grams of the mass, or the ratio's numerator and denominator in grams. */
export interface DailyValue {
  day: string;
  numeratorG: number;
  /** Only for ratios. */
  denominatorG?: number;
}

export interface ProgressPoint {
  day: string;
  /** The cumulative mass (g) or the ratio to date (ppm) at the end of the day; null for a ratio with nothing yet. */
  value: number | null;
}

export interface TargetProgress {
  status: TargetStatus;
  /** The day progress is counted to: asOf, held inside the period. */
  countedTo: string | null;
  daysElapsed: number;
  daysInPeriod: number;
  /** Grams so far, or the ratio to date in ppm; null before the period or with no data. */
  actual: number | null;
  /** For ratios, the sums behind `actual`. */
  numeratorG: number;
  denominatorG: number;
  /** The figure at the period's end on the present pace (the final figure once it is over). */
  projected: number | null;
  /** actual ÷ value in ppm (how far along a mass target is), null for a target of 0. */
  shareOfTargetPpm: number | null;
  /** The chart: one point per day with data from the period's start to countedTo, cumulative. */
  points: ProgressPoint[];
  /** The projection line: from (countedTo, actual) to (to, projected); empty when there is none. */
  projection: ProgressPoint[];
}

const PPM = 1_000_000n;

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Σ numerator × 10^6 ÷ Σ denominator, rounded down; null when the denominator is 0. */
export function floorPpm(numeratorG: number, denominatorG: number): number | null {
  if (denominatorG <= 0) return null;
  return Number(floorDiv(BigInt(numeratorG) * PPM, BigInt(denominatorG)));
}

/** So far × days in period ÷ days elapsed, rounded down (exact for any mass in grams). */
export function linearProjection(soFar: number, daysElapsed: number, daysInPeriod: number): number {
  if (daysElapsed <= 0) throw new RangeError('no day has elapsed');
  return Number(floorDiv(BigInt(soFar) * BigInt(daysInPeriod), BigInt(daysElapsed)));
}

function reaches(comparison: TargetRule['comparison'], figure: number, value: number): boolean {
  return comparison === 'at_least' ? figure >= value : figure <= value;
}

/** A ratio against its value exactly, on the grams (no rounding can make 89.99999 % reach 90 %). */
function ratioReaches(comparison: TargetRule['comparison'], num: number, den: number, value: number): boolean {
  const left = BigInt(num) * PPM;
  const right = BigInt(value) * BigInt(den);
  return comparison === 'at_least' ? left >= right : left <= right;
}

export function targetProgress(rule: TargetRule, daily: readonly DailyValue[], asOf: string): TargetProgress {
  const daysInPeriod = daysInclusive(rule.from, rule.to);
  const base = { daysInPeriod, numeratorG: 0, denominatorG: 0, points: [], projection: [] };
  if (asOf < rule.from) {
    return {
      ...base,
      status: 'not_started',
      countedTo: null,
      daysElapsed: 0,
      actual: null,
      projected: null,
      shareOfTargetPpm: null,
    };
  }
  const countedTo = asOf > rule.to ? rule.to : asOf;
  const over = asOf > rule.to;
  const daysElapsed = daysInclusive(rule.from, countedTo);

  const days = daily.filter((d) => d.day >= rule.from && d.day <= countedTo).sort((a, b) => (a.day < b.day ? -1 : 1));
  const points: ProgressPoint[] = [];
  let num = 0;
  let den = 0;
  for (const d of days) {
    num += d.numeratorG;
    den += d.denominatorG ?? 0;
    const value = rule.kind === 'mass' ? num : floorPpm(num, den);
    const last = points[points.length - 1];
    if (last && last.day === d.day) last.value = value;
    else points.push({ day: d.day, value });
  }

  const actual = rule.kind === 'mass' ? num : floorPpm(num, den);
  const shareOfTargetPpm = actual === null || rule.value === 0 ? null : floorPpm(actual, rule.value);
  if (actual === null) {
    return {
      ...base,
      status: 'no_data',
      countedTo,
      daysElapsed,
      actual,
      numeratorG: num,
      denominatorG: den,
      projected: null,
      shareOfTargetPpm,
      points,
    };
  }
  const projected = rule.kind === 'mass' ? linearProjection(actual, daysElapsed, daysInPeriod) : actual;
  const ok =
    rule.kind === 'ratio'
      ? ratioReaches(rule.comparison, num, den, rule.value)
      : reaches(rule.comparison, over ? actual : projected, rule.value);
  let status: TargetStatus;
  if (over) status = ok ? 'met' : 'missed';
  else if (rule.kind === 'mass' && rule.comparison === 'at_least' && actual >= rule.value) status = 'met';
  else if (rule.kind === 'mass' && rule.comparison === 'at_most' && actual > rule.value) status = 'missed';
  else status = ok ? 'on_track' : 'at_risk';

  const projection: ProgressPoint[] =
    over || countedTo === rule.to
      ? []
      : [
          { day: countedTo, value: actual },
          { day: rule.to, value: projected },
        ];
  return {
    ...base,
    status,
    countedTo,
    daysElapsed,
    actual,
    numeratorG: num,
    denominatorG: den,
    projected,
    shareOfTargetPpm,
    points,
    projection,
  };
}
