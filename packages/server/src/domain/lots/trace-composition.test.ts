// The trace's fast split must give exactly allocateLargestRemainder's answer
// (the one the projection writes run_allocations with), for all inputs: the
// doubles path, its quickselect, and the fallback to BigInt past 2^53.
import { allocateLargestRemainder } from '@alutrace/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Composer, EMPTY, partOf, single, split, UNTRACED } from './trace-composition';

const weightsArb = (max: number) =>
  fc.array(fc.oneof(fc.nat({ max }), fc.constantFrom(0, 1, 7, max)), { minLength: 1, maxLength: 400 });

describe('split', () => {
  it('is allocateLargestRemainder, gram for gram, ties to the earlier part', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000_000 }), weightsArb(100_000_000), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        expect(Array.from(split(total, weights))).toEqual(allocateLargestRemainder(total, weights));
      }),
      { numRuns: 2_000 },
    );
  });

  it('is the same with small weights, where remainders tie often', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), weightsArb(5), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        expect(Array.from(split(total, weights))).toEqual(allocateLargestRemainder(total, weights));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives known answers, and 100 t over 10,000 parts adds up', () => {
    expect(Array.from(split(10, [1, 1, 1]))).toEqual([4, 3, 3]);
    expect(Array.from(split(2, [1, 2, 3, 4]))).toEqual([0, 0, 1, 1]);
    const weights = Array.from({ length: 10_000 }, (_, i) => 99_999_999 - i * 37);
    const shares = split(100_000_000, weights);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100_000_000);
    expect(Array.from(shares)).toEqual(allocateLargestRemainder(100_000_000, weights));
  });

  it('rounds a two-way part half up', () => {
    expect(partOf(3, 1, 2)).toBe(2);
    expect(partOf(10, 1, 3)).toBe(3);
    expect(partOf(10, 3, 3)).toBe(10);
    expect(partOf(10, 0, 3)).toBe(0);
  });
});

describe('Composer', () => {
  it('adds shares of compositions into one, in source order', () => {
    const c = new Composer(6);
    c.addShare(10, { keys: Int32Array.of(2, 5), grams: Float64Array.of(1, 1) });
    c.addShare(4, single(3, 99));
    c.addShare(2, EMPTY);
    const out = c.take();
    expect(Array.from(out.keys)).toEqual([UNTRACED, 2, 3, 5]);
    expect(Array.from(out.grams)).toEqual([2, 5, 4, 5]);
    // The scratch is clean for the next one.
    c.add(4, 1);
    expect(Array.from(c.take().keys)).toEqual([4]);
  });
});
