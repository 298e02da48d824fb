import { describe, expect, it } from 'vitest';
import { fenOfYuan, gramsOfTonnes, ppmOfPercent } from './typed-amounts';

describe('amounts typed on the target and incentive forms', () => {
  it('read yuan exactly to the fen', () => {
    expect(fenOfYuan('80')).toBe(8_000);
    expect(fenOfYuan('80.5')).toBe(8_050);
    expect(fenOfYuan('1,200,000.01')).toBe(120_000_001);
  });

  it('refuse fractions of a fen and what is not an amount', () => {
    expect(fenOfYuan('0.005')).toBeNull();
    expect(fenOfYuan('abc')).toBeNull();
    expect(fenOfYuan('')).toBeNull();
    expect(fenOfYuan('-5')).toBeNull();
  });

  it('read tonnes to the gram', () => {
    // 120,000 t is 1.2 × 10^11 g
    expect(gramsOfTonnes('120,000')).toBe(120_000_000_000);
    expect(gramsOfTonnes('0.000001')).toBe(1);
    expect(gramsOfTonnes('0.0000001')).toBeNull();
  });

  it('read percent as ppm, at most 100 %', () => {
    expect(ppmOfPercent('90')).toBe(900_000);
    expect(ppmOfPercent('92.5')).toBe(925_000);
    expect(ppmOfPercent('0.0001')).toBe(1);
    expect(ppmOfPercent('100')).toBe(1_000_000);
    expect(ppmOfPercent('100.01')).toBeNull();
    expect(ppmOfPercent('9.12345')).toBeNull();
  });
});
