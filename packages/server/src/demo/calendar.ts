// The demo's calendar: days in Asia/Shanghai from a fixed start, instants
// for a local hour of a day, and how busy the scrap trade is on each day.
// Scrap follows cash and building work: a sell-off before Spring Festival,
// collection points closed over the holiday and slow to reopen, a wet-season
// dip in summer, the busiest months in autumn, quiet Sundays.

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The first day of the demo year. */
export const DEMO_START = '2025-12-01';
export const DEMO_DAYS = 365;

/** Spring Festival (春节) 2026: 17 February. */
const SPRING_FESTIVAL = Date.UTC(2026, 1, 17);
/** National Day golden week (国庆): 1–7 October. */
const GOLDEN_WEEK = [Date.UTC(2026, 9, 1), Date.UTC(2026, 9, 7)] as const;

export interface DemoDay {
  /** 0 for the first day. */
  index: number;
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string;
  /** YYMMDD, as in lot ids. */
  yymmdd: string;
  /** Midnight of the local date as a UTC calendar value (for date arithmetic). */
  localMidnightUtc: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

export function demoDay(start: string, index: number): DemoDay {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d) + index * DAY_MS;
  const date = new Date(local).toISOString().slice(0, 10);
  return {
    index,
    date,
    yymmdd: date.slice(2).replaceAll('-', ''),
    localMidnightUtc: local,
    weekday: new Date(local).getUTCDay(),
  };
}

/** The instant of a local (Asia/Shanghai) time of day, in seconds after midnight. */
export function instantAt(day: DemoDay, secondsAfterMidnight: number): Date {
  return new Date(day.localMidnightUtc - SHANGHAI_OFFSET_MS + secondsAfterMidnight * 1000);
}

/** How busy collection points are on `day`, 1 being an ordinary weekday. */
export function collectionFactor(day: DemoDay): number {
  const fromFestival = Math.round((day.localMidnightUtc - SPRING_FESTIVAL) / DAY_MS);
  let f = 1;
  if (fromFestival >= -21 && fromFestival <= -8) f = 1.2;
  else if (fromFestival >= -7 && fromFestival <= -3) f = 0.55;
  else if (fromFestival >= -2 && fromFestival <= 6) f = 0.04;
  else if (fromFestival >= 7 && fromFestival <= 15) f = 0.3 + ((fromFestival - 7) / 8) * 0.6;
  else {
    const month = Number(day.date.slice(5, 7));
    if (month >= 9 && month <= 11) f = 1.3;
    else if (month >= 6 && month <= 8) f = 0.85;
    else if (month >= 3 && month <= 5) f = 1.05;
    if (day.localMidnightUtc >= GOLDEN_WEEK[0] && day.localMidnightUtc <= GOLDEN_WEEK[1]) f = 0.6;
  }
  if (day.weekday === 0) f *= 0.65;
  else if (day.weekday === 6) f *= 0.9;
  return f;
}

/** Whether the plants run: they stop for the Spring Festival days only. */
export function plantsRun(day: DemoDay): boolean {
  const fromFestival = Math.round((day.localMidnightUtc - SPRING_FESTIVAL) / DAY_MS);
  return fromFestival < -1 || fromFestival > 3;
}
