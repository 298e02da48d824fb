// Calendar periods in Asia/Shanghai: days, ISO weeks (Monday first, named
// 2026-W48), months, quarters and years, from a day's YYYY-MM-DD.
import type { PeriodGranularity } from '@alutrace/shared';

const DAY_MS = 86_400_000;

function utcOf(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The ISO 8601 week of a day: the year of its Thursday, and the week's number. */
export function isoWeek(day: string): string {
  const t = utcOf(day);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(t + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a day (YYYY-MM-DD), a week (YYYY-Www, for weeks) or a month (YYYY-MM) falls in. */
export function periodOf(bucket: string, period: PeriodGranularity): string {
  switch (period) {
    case 'day':
      return bucket;
    case 'week':
      return bucket.includes('-W') ? bucket : isoWeek(bucket);
    case 'month':
      return bucket.slice(0, 7);
    case 'quarter':
      return `${bucket.slice(0, 4)}-Q${Math.floor((Number(bucket.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return bucket.slice(0, 4);
  }
}

/** Days and weeks need daily sums; months, quarters and years monthly ones. */
export function bucketFor(period: PeriodGranularity): 'day' | 'month' {
  return period === 'day' || period === 'week' ? 'day' : 'month';
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS) + 1;
}

/** The last day of the period a day falls in, cut to `to`: on-hand figures are taken there. */
export function periodEnd(period: string, granularity: PeriodGranularity, to: string): string {
  let end: string;
  switch (granularity) {
    case 'day':
      end = period;
      break;
    case 'week': {
      const [y, w] = period.split('-W').map(Number) as [number, number];
      // The Monday of ISO week 1 is the Monday of the week holding 4 January.
      const jan4 = Date.UTC(y, 0, 4);
      const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
      end = new Date(monday1 + ((w - 1) * 7 + 6) * DAY_MS).toISOString().slice(0, 10);
      break;
    }
    case 'month': {
      const [y, m] = period.split('-').map(Number) as [number, number];
      end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      break;
    }
    case 'quarter': {
      const y = Number(period.slice(0, 4));
      const q = Number(period.slice(6));
      end = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
      break;
    }
    case 'year':
      end = `${period}-12-31`;
      break;
  }
  return end < to ? end : to;
}

/** Whole days from one day to another (negative when `to` comes first). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** The first day of a period (as periodOf names it). */
export function periodStart(period: string, granularity: PeriodGranularity): string {
  switch (granularity) {
    case 'day':
      return period;
    case 'week': {
      const [y, w] = period.split('-W').map(Number) as [number, number];
      const jan4 = Date.UTC(y, 0, 4);
      const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
      return new Date(monday1 + (w - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
    }
    case 'month':
      return `${period}-01`;
    case 'quarter': {
      const q = Number(period.slice(6));
      return `${period.slice(0, 4)}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    }
    case 'year':
      return `${period}-01-01`;
  }
}

/** The whole ISO weeks inside [from, to]: the first Monday and the last Sunday, or null when none fits. */
export function wholeWeeks(from: string, to: string): { monday: string; sunday: string } | null {
  const t = utcOf(from);
  const monday = t + ((8 - new Date(t).getUTCDay()) % 7) * DAY_MS;
  const u = utcOf(to);
  const sunday = u - (new Date(u).getUTCDay() % 7) * DAY_MS;
  if (sunday < monday + 6 * DAY_MS) return null;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { monday: day(monday), sunday: day(sunday) };
}

/** The day before or after a day. */
export function dayAfter(day: string, days: number): string {
  return new Date(utcOf(day) + days * DAY_MS).toISOString().slice(0, 10);
}
