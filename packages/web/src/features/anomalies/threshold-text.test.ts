import { describe, expect, it } from 'vitest';
import {
  parseGrams,
  parsePercentPpm,
  parseSiteHours,
  parseWhole,
  ppmPercentText,
  siteHoursText,
} from './threshold-text';

describe('threshold text', () => {
  it('reads percentages exactly into ppm', () => {
    expect(parsePercentPpm('20')).toBe(200_000);
    expect(parsePercentPpm('1.5%')).toBe(15_000);
    expect(parsePercentPpm('0.0001')).toBe(1);
    expect(parsePercentPpm('0.00001')).toBeNull();
    expect(parsePercentPpm('101')).toBeNull();
    expect(parsePercentPpm('a lot')).toBeNull();
    expect(ppmPercentText(15_000)).toBe('1.5');
  });

  it('reads masses with their unit, and whole counts', () => {
    expect(parseGrams('5t')).toBe(5_000_000);
    expect(parseGrams('5000')).toBeNull();
    expect(parseWhole('7')).toBe(7);
    expect(parseWhole('0')).toBeNull();
    expect(parseWhole('1.5')).toBeNull();
  });

  it('reads site hours one a line, and writes them back the same', () => {
    const hours = parseSiteHours('pg01 08:00-18:00\n\nRC01 22:00–06:00');
    expect(hours).toEqual({ PG01: { start: '08:00', end: '18:00' }, RC01: { start: '22:00', end: '06:00' } });
    expect(siteHoursText(hours ?? {})).toBe('PG01 08:00-18:00\nRC01 22:00-06:00');
    expect(parseSiteHours('PG01 8-18')).toBeNull();
  });
});
