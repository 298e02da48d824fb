// Hand-computed cases: each expected figure is worked out in the comment
// beside it, not by the code under test.
import { daysInclusive, targetPeriodDays } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { floorPpm, linearProjection, type TargetRule, targetProgress } from './target-progress';

const T = 1_000_000; // grams in a tonne
const year2026: Pick<TargetRule, 'from' | 'to'> = { from: '2026-01-01', to: '2026-12-31' };
const produced: TargetRule = { kind: 'mass', comparison: 'at_least', value: 120_000 * T, ...year2026 };

describe('target periods', () => {
  it('reads a year, a quarter, a month and a range of days', () => {
    expect(targetPeriodDays('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(targetPeriodDays('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(targetPeriodDays('2028-Q1')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(targetPeriodDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(targetPeriodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(targetPeriodDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(targetPeriodDays('2026-03-15..2026-06-30')).toEqual({ from: '2026-03-15', to: '2026-06-30' });
  });

  it('refuses anything else', () => {
    for (const p of ['26', '2026-Q5', '2026-13', '2026-02-30..2026-03-01', '2026-06-30..2026-03-15', 'next year']) {
      expect(targetPeriodDays(p), p).toBeNull();
    }
  });

  it('counts days with both ends included', () => {
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInclusive('2028-01-01', '2028-12-31')).toBe(366);
    // 1 April 2026 is day 31 + 28 + 31 + 1 = 91 of the year.
    expect(daysInclusive('2026-01-01', '2026-04-01')).toBe(91);
    expect(daysInclusive('2026-04-01', '2026-04-01')).toBe(1);
  });
});

describe('linear projection', () => {
  it('projects day 91 of 365 at 30,000 t to 120,329 t, on track for ≥ 120,000 t', () => {
    // 30,000,000,000 g × 365 = 10,950,000,000,000; ÷ 91 = 120,329,670,329 remainder 61.
    expect(linearProjection(30_000 * T, 91, 365)).toBe(120_329_670_329);
    const p = targetProgress(produced, [{ day: '2026-02-10', numeratorG: 30_000 * T }], '2026-04-01');
    expect(p).toMatchObject({
      status: 'on_track',
      countedTo: '2026-04-01',
      daysElapsed: 91,
      daysInPeriod: 365,
      actual: 30_000_000_000,
      projected: 120_329_670_329,
      // 30,000 ÷ 120,000 = 25 %.
      shareOfTargetPpm: 250_000,
    });
    expect(p.projection).toEqual([
      { day: '2026-04-01', value: 30_000_000_000 },
      { day: '2026-12-31', value: 120_329_670_329 },
    ]);
  });

  it('is at risk at 29,900 t on day 91 (projection 119,928.57 t)', () => {
    // 29,900,000,000 × 365 = 10,913,500,000,000; ÷ 91 = 119,928,571,428 remainder 52.
    const p = targetProgress(produced, [{ day: '2026-03-01', numeratorG: 29_900 * T }], '2026-04-01');
    expect(p.projected).toBe(119_928_571_428);
    expect(p.status).toBe('at_risk');
  });

  it('counts a leap year as 366 days', () => {
    // 2028-04-01 is day 31 + 29 + 31 + 1 = 92; 30,000 t × 366 ÷ 92 = 119,347,826,086.9 g.
    const rule: TargetRule = { ...produced, from: '2028-01-01', to: '2028-12-31' };
    const p = targetProgress(rule, [{ day: '2028-01-05', numeratorG: 30_000 * T }], '2028-04-01');
    expect(p.daysElapsed).toBe(92);
    expect(p.projected).toBe(119_347_826_086);
    expect(p.status).toBe('at_risk');
  });
});

describe('status', () => {
  it('is met as soon as a mass reaches its floor, before the period ends', () => {
    const p = targetProgress(produced, [{ day: '2026-10-01', numeratorG: 120_000 * T }], '2026-10-27');
    expect(p.status).toBe('met');
  });

  it('is missed at the end of a period one gram short', () => {
    const rule: TargetRule = { ...produced, from: '2025-01-01', to: '2025-12-31' };
    const p = targetProgress(
      rule,
      [
        { day: '2025-06-30', numeratorG: 60_000 * T },
        { day: '2025-12-31', numeratorG: 60_000 * T - 1 },
        // After the period: not counted.
        { day: '2026-01-02', numeratorG: 5 * T },
      ],
      '2026-01-05',
    );
    expect(p).toMatchObject({ status: 'missed', countedTo: '2025-12-31', actual: 119_999_999_999, daysElapsed: 365 });
    expect(p.projected).toBe(119_999_999_999);
    expect(p.projection).toEqual([]);
  });

  it('is not started before the period', () => {
    const p = targetProgress(produced, [], '2025-12-31');
    expect(p).toMatchObject({ status: 'not_started', actual: null, projected: null, daysElapsed: 0 });
  });

  it('reads a yield to date as its own projection', () => {
    const yieldRule: TargetRule = { kind: 'ratio', comparison: 'at_least', value: 900_000, ...year2026 };
    // 905 t of metal from 1,000 t of scrap: 90.5 %.
    const ok = targetProgress(
      yieldRule,
      [
        { day: '2026-03-01', numeratorG: 400 * T, denominatorG: 450 * T },
        { day: '2026-03-02', numeratorG: 505 * T, denominatorG: 550 * T },
      ],
      '2026-06-01',
    );
    expect(ok).toMatchObject({ status: 'on_track', actual: 905_000, projected: 905_000 });
    // 899.999999 t ÷ 1,000 t = 89.9999999 % → 899,999 ppm rounded down: below 90 %.
    const short = targetProgress(
      yieldRule,
      [{ day: '2026-03-01', numeratorG: 900 * T - 1, denominatorG: 1_000 * T }],
      '2026-06-01',
    );
    expect(short).toMatchObject({ status: 'at_risk', actual: 899_999 });
  });

  it('misses a 100 % dross utilisation by 20 kg of 50 t', () => {
    const rule: TargetRule = { kind: 'ratio', comparison: 'at_least', value: 1_000_000, ...year2026 };
    const full = targetProgress(rule, [{ day: '2026-05-01', numeratorG: 50 * T, denominatorG: 50 * T }], '2026-05-02');
    expect(full).toMatchObject({ status: 'on_track', actual: 1_000_000 });
    // 49.98 t ÷ 50 t = 99.96 % = 999,600 ppm.
    const short = targetProgress(
      rule,
      [{ day: '2026-05-01', numeratorG: 49_980_000, denominatorG: 50 * T }],
      '2027-01-01',
    );
    expect(short).toMatchObject({ status: 'missed', actual: 999_600 });
  });

  it('has no figure for a ratio with nothing in its denominator', () => {
    const rule: TargetRule = { kind: 'ratio', comparison: 'at_least', value: 900_000, ...year2026 };
    expect(targetProgress(rule, [], '2026-05-02')).toMatchObject({ status: 'no_data', actual: null, projected: null });
  });

  it('treats a ceiling as the mirror image, and a mass over it as missed at once', () => {
    const ceiling: TargetRule = { kind: 'mass', comparison: 'at_most', value: 10 * T, ...year2026 };
    // 5 t by day 182 (1 July): 5,000,000 × 365 ÷ 182 = 10,027,472.5 g, over 10 t.
    const p = targetProgress(ceiling, [{ day: '2026-02-01', numeratorG: 5 * T }], '2026-07-01');
    expect(p.daysElapsed).toBe(182);
    expect(p.projected).toBe(10_027_472);
    expect(p.status).toBe('at_risk');
    // 4 t by day 182: 4,000,000 × 365 ÷ 182 = 8,021,978 g, under.
    expect(targetProgress(ceiling, [{ day: '2026-02-01', numeratorG: 4 * T }], '2026-07-01').status).toBe('on_track');
    expect(targetProgress(ceiling, [{ day: '2026-02-01', numeratorG: 10 * T + 1 }], '2026-03-01').status).toBe(
      'missed',
    );
  });
});

describe('chart points', () => {
  it('accumulates the days in order, one point a day, inside the period only', () => {
    const p = targetProgress(
      produced,
      [
        { day: '2026-01-03', numeratorG: 2 * T },
        { day: '2025-12-31', numeratorG: 100 * T },
        { day: '2026-01-02', numeratorG: 1 * T },
        { day: '2026-01-03', numeratorG: 3 * T },
        { day: '2026-01-09', numeratorG: 7 * T },
      ],
      '2026-01-05',
    );
    expect(p.points).toEqual([
      { day: '2026-01-02', value: 1 * T },
      { day: '2026-01-03', value: 6 * T },
    ]);
    // 6 t in 5 days × 365 = 438 t.
    expect(p.projected).toBe(438 * T);
  });

  it('keeps exact grams where a double would not: ratios computed in integers', () => {
    expect(floorPpm(1, 3)).toBe(333_333);
    expect(floorPpm(2, 3)).toBe(666_666);
    expect(floorPpm(90_000_000_000_000, 100_000_000_000_000)).toBe(900_000);
  });

  it('compares a ratio with a ceiling on the grams, not on the rounded ppm', () => {
    // 1,000,001 g of 10,000,000 g is 10.00001 %: shown as 100,000 ppm, yet over a 10 % ceiling.
    const rule: TargetRule = { kind: 'ratio', comparison: 'at_most', value: 100_000, ...year2026 };
    const p = targetProgress(
      rule,
      [{ day: '2026-01-01', numeratorG: 1_000_001, denominatorG: 10_000_000 }],
      '2027-01-01',
    );
    expect(p).toMatchObject({ actual: 100_000, status: 'missed' });
  });
});
