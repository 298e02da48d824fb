import type { ReportColumn } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { chartValue, formatCell, groupThousands, massText, percentText, roundedScaled, yuanText } from './format-cell';

const col = (kind: ReportColumn['kind'], unit?: 't' | 'kg'): ReportColumn => ({
  key: 'x',
  label: { zh: 'x', en: 'x' },
  kind,
  ...(unit ? { unit } : {}),
});

describe('a report cell on screen', () => {
  it('shows a mass in tonnes to the kilogram and keeps the exact grams for the tooltip', () => {
    // 1,234,567,891 g = 1,234.567891 t → 1,234.568 t (the 891 g round the kilogram up)
    expect(formatCell(col('mass', 't'), 1_234_567_891)).toEqual({ text: '1,234.568', exact: '1,234,567,891 g' });
    // 499 g rounds down, 500 g up
    expect(massText(1_000_499, 't')).toBe('1.000');
    expect(massText(1_000_500, 't')).toBe('1.001');
    expect(massText(-1_000_500, 't')).toBe('-1.001');
  });

  it('shows a mass in kilograms exactly to the gram', () => {
    expect(formatCell(col('mass', 'kg'), 1_311_517)).toEqual({ text: '1,311.517', exact: '1,311,517 g' });
    expect(massText(12, 'kg')).toBe('0.012');
    // Three places always, so that a column of kilograms lines up.
    expect(massText(985_000, 'kg')).toBe('985.000');
    expect(massText(0, 'kg')).toBe('0.000');
  });

  it('shows a ratio in ppm as a percent with two decimals', () => {
    expect(percentText(905_123)).toBe('90.51 %');
    expect(percentText(1_000_000)).toBe('100.00 %');
    expect(percentText(5)).toBe('0.00 %');
    expect(percentText(50)).toBe('0.01 %');
    expect(formatCell(col('ratio'), 905_123).exact).toBe('905,123 ppm');
  });

  it('shows money in fen as yuan', () => {
    expect(yuanText(123_456_789)).toBe('¥1,234,567.89');
    expect(yuanText(-5)).toBe('-¥0.05');
  });

  it('shows CO2e kept in kilograms as tonnes', () => {
    expect(formatCell(col('co2e'), 12_700_500)).toEqual({ text: '12,700.500', exact: '12,700,500 kg CO₂e' });
  });

  it('shows nothing as a dash and text as it is', () => {
    expect(formatCell(col('mass'), null).text).toBe('—');
    expect(formatCell(col('text'), '2026-Q3').text).toBe('2026-Q3');
    expect(formatCell(col('count'), 12345).text).toBe('12,345');
  });

  it('rounds and groups without floating point', () => {
    expect(roundedScaled(9_007_199_254_740_991, 6, 3)).toBe('9007199254.741');
    expect(groupThousands('-1234567.25')).toBe('-1,234,567.25');
    expect(groupThousands('999')).toBe('999');
  });

  it('gives charts plain numbers in the shown unit', () => {
    expect(chartValue(col('mass', 't'), 2_500_000)).toBe(2.5);
    expect(chartValue(col('mass', 'kg'), 2_500)).toBe(2.5);
    expect(chartValue(col('ratio'), 905_000)).toBe(90.5);
    expect(chartValue(col('money'), 150)).toBe(1.5);
    expect(chartValue(col('text'), 'a')).toBeNull();
  });
});
