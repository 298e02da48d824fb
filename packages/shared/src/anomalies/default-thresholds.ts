// The anomaly thresholds before anyone sets them (README "Anomalies" lists
// them). Melt loss and transit tolerance start at the rules the server flags
// with (ALUTRACE_MELT_LOSS_FLAG_PCT, ALUTRACE_TRANSIT_TOLERANCE_PCT), so the
// list and the flags agree until an official chooses otherwise.
import type { AnomalyThresholds } from '../events/anomaly-thresholds-set';

export const DEFAULT_ANOMALY_THRESHOLDS: Omit<AnomalyThresholds, 'meltLossPpm' | 'transitTolerancePpm'> = {
  notReceivedDays: 7,
  /**
   * 30 t in one day, 100 t in one month from one seller. A truck brings up to
   * 20 t in one load, so a lower daily limit floods the list: over the demo
   * year, 5 t a day flags 2,663 seller-days, 30 t flags 4 (the deliberate
   * 12-load spike among them).
   */
  sellerDailyG: 30_000_000,
  sellerMonthlyG: 100_000_000,
  siteCorrections30d: 10,
  userCorrections30d: 5,
  usualHours: { start: '06:00', end: '20:00' },
  siteHours: {},
};

export function defaultAnomalyThresholds(rules: {
  meltLossFlagPct: number;
  transitTolerancePct: number;
}): AnomalyThresholds {
  return {
    meltLossPpm: rules.meltLossFlagPct * 10_000,
    transitTolerancePpm: rules.transitTolerancePct * 10_000,
    ...DEFAULT_ANOMALY_THRESHOLDS,
  };
}

/** "06:00" → 360; "24:00" → 1440. */
export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Whether a minute of the day lies in the hours (an end before the start runs past midnight). */
export function withinHours(minute: number, hours: { start: string; end: string }): boolean {
  const start = clockMinutes(hours.start);
  const end = clockMinutes(hours.end);
  if (start === end) return true;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
