// The statement's arithmetic, with figures worked by hand.
import { describe, expect, it } from 'vitest';
import { incentiveAmountFen, incentiveRateFor } from './incentives-api';

describe('incentiveAmountFen: grams × fen per tonne ÷ 1,000,000, rounded half up', () => {
  it.each([
    // 1 t at 123.45 yuan/t
    [1_000_000, 12_345, 12_345],
    // 331,000 g × 12,345 = 4,086,195,000 → 4,086.195 fen → 4,086
    [331_000, 12_345, 4_086],
    // 40,500 g × 12,345 = 499,972,500 → 499.9725 fen → 500 (floor would say 499)
    [40_500, 12_345, 500],
    // exactly half a fen goes up; just under stays down
    [1, 500_000, 1],
    [1, 499_999, 0],
    // the largest lot at the largest rate stays exact: 100 t × 100,000 yuan/t = 10,000,000 yuan
    [100_000_000, 10_000_000, 1_000_000_000],
  ])('%i g at %i fen/t → %i fen', (g, rate, fen) => {
    expect(incentiveAmountFen(g, rate)).toBe(fen);
  });
});

describe('incentiveRateFor: the most specific rate', () => {
  const rates = [
    { family: null, sourceClass: null, rateFenPerT: 1 },
    { family: null, sourceClass: 'pre_consumer', rateFenPerT: 2 },
    { family: 'ubc', sourceClass: null, rateFenPerT: 3 },
    { family: 'ubc', sourceClass: 'pre_consumer', rateFenPerT: 4 },
  ] as const;
  it('family and class, then family, then class, then any', () => {
    expect(incentiveRateFor([...rates], 'ubc', 'pre_consumer')?.rateFenPerT).toBe(4);
    expect(incentiveRateFor([...rates], 'ubc', 'post_consumer')?.rateFenPerT).toBe(3);
    expect(incentiveRateFor([...rates], 'cast', 'pre_consumer')?.rateFenPerT).toBe(2);
    expect(incentiveRateFor([...rates], 'cast', 'post_consumer')?.rateFenPerT).toBe(1);
    expect(incentiveRateFor([...rates], null, null)?.rateFenPerT).toBe(1);
  });
  it('no rate when none matches', () => {
    expect(
      incentiveRateFor([{ family: 'ubc', sourceClass: null, rateFenPerT: 3 }], 'cast', 'post_consumer'),
    ).toBeNull();
    expect(incentiveRateFor([{ family: 'ubc', sourceClass: null, rateFenPerT: 3 }], null, 'post_consumer')).toBeNull();
  });
});
