// A target's period as people write it, and its calendar days in
// Asia/Shanghai: '2026' (a year), '2026-Q2' (a quarter), '2026-03' (a month),
// '2026-01-01..2026-06-30' (any days, both included).

export interface TargetPeriodDays {
  from: string;
  to: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function isDay(d: string): boolean {
  if (!DAY_RE.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
}

function lastDayOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** The days of a period, or null when the text is none of the four forms (or runs backwards). */
export function targetPeriodDays(period: string): TargetPeriodDays | null {
  const p = period.trim();
  let m = /^(\d{4})$/.exec(p);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/i.exec(p);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    const first = 3 * q - 2;
    return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: lastDayOfMonth(year, first + 2) };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(p);
  if (m) return { from: `${m[1]}-${m[2]}-01`, to: lastDayOfMonth(Number(m[1]), Number(m[2])) };
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(p);
  if (m?.[1] && m[2] && isDay(m[1]) && isDay(m[2]) && m[1] <= m[2]) return { from: m[1], to: m[2] };
  return null;
}

/** Whole days from `from` to `to`, both included: 2026-01-01..2026-12-31 is 365. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The calendar day in Asia/Shanghai (UTC+8 all year) of an ISO-8601 instant. */
export function shanghaiCalendarDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
