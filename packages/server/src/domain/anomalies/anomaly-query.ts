// What every detector is asked: the filters as instants, the thresholds in
// force, and "now". Days are Asia/Shanghai calendar days (UTC+8 all year).
import type { AnomalyItem, AnomalyThresholds, ListAnomaliesInput } from '@alutrace/shared';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

export interface AnomalyQuery {
  site: string | null;
  /** Inclusive lower and exclusive upper bounds (ISO-8601 UTC), or null for open ends. */
  fromAt: string | null;
  toAt: string | null;
  /** Also what was corrected away (status: all). */
  includeResolved: boolean;
  now: Date;
  thresholds: AnomalyThresholds;
}

export type Detector = (q: AnomalyQuery) => AnomalyItem[];

/** 2026-11-28 in Asia/Shanghai → its first instant, as ISO-8601 UTC. */
export function shanghaiDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();
}

export function queryOf(input: ListAnomaliesInput, thresholds: AnomalyThresholds, now: Date): AnomalyQuery {
  return {
    site: input.site ?? null,
    fromAt: input.from ? shanghaiDayStart(input.from) : null,
    toAt: input.to ? new Date(Date.parse(shanghaiDayStart(input.to)) + DAY_MS).toISOString() : null,
    includeResolved: input.status === 'all',
    now,
    thresholds,
  };
}

/** Whether an instant lies in the query's range. */
export function inRange(q: Pick<AnomalyQuery, 'fromAt' | 'toAt'>, at: string): boolean {
  return (q.fromAt === null || at >= q.fromAt) && (q.toAt === null || at < q.toAt);
}

/** The local (Asia/Shanghai) day YYYY-MM-DD, month YYYY-MM and minute of the day of an instant. */
export function shanghaiParts(at: string): { day: string; month: string; minute: number } {
  const local = new Date(Date.parse(at) + SHANGHAI_OFFSET_MS);
  const iso = local.toISOString();
  return {
    day: iso.slice(0, 10),
    month: iso.slice(0, 7),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/**
 * The exclusive end of the window the counts look at: just after now (so that
 * what was recorded this instant counts), or the end of the range when that
 * lies in the past.
 */
export function windowEnd(q: Pick<AnomalyQuery, 'toAt' | 'now'>): Date {
  const justAfterNow = q.now.getTime() + 1;
  return new Date(q.toAt === null ? justAfterNow : Math.min(justAfterNow, Date.parse(q.toAt)));
}

/** ppm of part over whole, rounded half up (integers only). */
export function ppmOf(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Number((2n * BigInt(part) * 1_000_000n + BigInt(whole)) / (2n * BigInt(whole)));
}

/** part/whole > limitPpm/1e6, exactly. */
export function aboveShare(part: number, whole: number, limitPpm: number): boolean {
  return BigInt(part) * 1_000_000n > BigInt(whole) * BigInt(limitPpm);
}
