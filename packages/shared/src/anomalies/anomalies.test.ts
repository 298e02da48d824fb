import { describe, expect, it } from 'vitest';
import type { AnomalyItem } from '../api/anomalies-api';
import { anomalyReason } from './anomaly-reason';
import { clockMinutes, defaultAnomalyThresholds, withinHours } from './default-thresholds';

describe('usual hours', () => {
  it('include the start and exclude the end', () => {
    const day = { start: '06:00', end: '20:00' };
    expect(withinHours(6 * 60, day)).toBe(true);
    expect(withinHours(6 * 60 - 1, day)).toBe(false);
    expect(withinHours(19 * 60 + 59, day)).toBe(true);
    expect(withinHours(20 * 60, day)).toBe(false);
  });

  it('run past midnight when the end is before the start', () => {
    const night = { start: '22:00', end: '06:00' };
    expect(withinHours(23 * 60, night)).toBe(true);
    expect(withinHours(5 * 60 + 59, night)).toBe(true);
    expect(withinHours(12 * 60, night)).toBe(false);
  });

  it('read 24:00 as the end of the day', () => {
    expect(clockMinutes('24:00')).toBe(1440);
    expect(withinHours(23 * 60 + 59, { start: '00:00', end: '24:00' })).toBe(true);
  });
});

describe('defaults', () => {
  it('follow the server rules for melt loss and transit, in ppm', () => {
    const t = defaultAnomalyThresholds({ meltLossFlagPct: 20, transitTolerancePct: 1 });
    expect(t.meltLossPpm).toBe(200_000);
    expect(t.transitTolerancePpm).toBe(10_000);
    expect(t.usualHours).toEqual({ start: '06:00', end: '20:00' });
  });
});

describe('reasons', () => {
  const item: AnomalyItem = {
    id: 'high_melt_loss:7',
    kind: 'high_melt_loss',
    site: 'RC01',
    at: '2026-11-28T04:00:00.000Z',
    status: 'open',
    expected: 200_000,
    actual: 315_789,
    unit: 'ppm',
    subject: 'run-uuid',
    detail: null,
    entries: [{ seq: 7, lotId: 'RC01-261128-0001' }],
  };

  it('name a run by the lot it made, with the shares as percentages', () => {
    expect(anomalyReason(item, 'en')).toBe(
      'The run that made RC01-261128-0001 lost 31.6 % of what went in, above the threshold of 20.0 %.',
    );
    expect(anomalyReason(item, 'zh')).toBe('产出 RC01-261128-0001 的作业损耗 31.6 %，超过阈值 20.0 %。');
  });

  it('say a collection time in Beijing time', () => {
    const late: AnomalyItem = {
      ...item,
      kind: 'outside_hours',
      actual: 22 * 60 + 30,
      unit: 'minute_of_day',
      subject: 'PG01-261128-0003',
      detail: '06:00–20:00',
    };
    expect(anomalyReason(late, 'en')).toBe(
      "Lot PG01-261128-0003 was collected at 22:30 Beijing time, outside the site's usual hours of 06:00–20:00.",
    );
  });
});
