// What a lot is made of, for lots.trace: grams per source, where a source is
// a collection lot or one of two buckets — the non-scrap additions of the
// runs (primary aluminium, alloying elements, flux), and grams from a lot
// whose own allocation rounded to nothing. Sources are numbered densely for
// one trace: the buckets first, then the collection lots in ledger order;
// a composition lists them in that order, which is the order ties are broken
// in when grams are split, so every trace is deterministic.
import { allocateLargestRemainder } from '@alutrace/shared';

export const ADDITIONS = 0;
export const UNTRACED = 1;
/** The first number given to a collection lot. */
export const FIRST_SOURCE = 2;

export interface Composition {
  /** Source numbers, ascending. */
  keys: Int32Array;
  grams: Float64Array;
}

export const EMPTY: Composition = { keys: new Int32Array(0), grams: new Float64Array(0) };

export function single(key: number, grams: number): Composition {
  return grams > 0 ? { keys: Int32Array.of(key), grams: Float64Array.of(grams) } : EMPTY;
}

export function totalOf(c: Composition): number {
  let t = 0;
  for (const g of c.grams) t += g;
  return t;
}

/**
 * allocateLargestRemainder's answer — the floor of each exact quota, the
 * grams left over to the largest remainders, ties to the earlier part — in
 * doubles when every intermediate is an exact integer below 2^53 (masses are
 * at most 100 t, so nearly always), and through its BigInt arithmetic
 * otherwise. Traces split compositions of thousands of sources many times:
 * this is where their time goes, so it writes into buffers it is given.
 */
export function splitInto(
  total: number,
  weights: ArrayLike<number>,
  out: Float64Array,
  order: Float64Array = new Float64Array(weights.length),
): void {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] as number;
  if (sum === 0 || (total + 1) * sum > Number.MAX_SAFE_INTEGER || sum * (n + 1) > Number.MAX_SAFE_INTEGER) {
    out.set(allocateLargestRemainder(total, Array.from(weights)));
    return;
  }
  // Each remainder r < sum, with its position, in one exact double: r·n + (n − 1 − i).
  let given = 0;
  for (let i = 0; i < n; i++) {
    const p = total * (weights[i] as number);
    let share = Math.floor(p / sum);
    let r = p - share * sum;
    if (r < 0) {
      share -= 1;
      r += sum;
    } else if (r >= sum) {
      share += 1;
      r -= sum;
    }
    out[i] = share;
    given += share;
    order[i] = r * n + (n - 1 - i);
  }
  const left = total - given;
  if (left <= 0) return;
  // The `left` largest keys (all distinct) to the end of `order`, then one gram each.
  selectLargest(order, n, left);
  for (let k = n - left; k < n; k++) {
    const i = n - 1 - ((order[k] as number) % n);
    out[i] = (out[i] as number) + 1;
  }
}

export function split(total: number, weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  splitInto(total, weights, out);
  return out;
}

/** Moves the `count` largest of a[0..n) to a[n − count..n), in expected linear time (quickselect). */
function selectLargest(a: Float64Array, n: number, count: number): void {
  const target = n - count;
  let lo = 0;
  let hi = n - 1;
  let rounds = 0;
  while (lo < hi) {
    if (++rounds > 64) {
      // A run of bad pivots: sort what is left instead.
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = lo + ((hi - lo) >> 1);
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // the median of the three
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

/**
 * The part of `grams` that `part` of `whole` stands for, as a two-way
 * largest-remainder split (half up): how much of what a lot passes on is
 * the traced lot's, forwards.
 */
export function partOf(grams: number, part: number, whole: number): number {
  if (part <= 0 || grams <= 0) return 0;
  if (part >= whole) return grams;
  return split(grams, [part, whole - part])[0] as number;
}

/** Builds one composition at a time from shares of others, in a scratch array indexed by source number. */
export class Composer {
  private readonly grams: Float64Array;
  private readonly touched: Int32Array;
  private count = 0;
  private readonly shares: Float64Array;
  private readonly order: Float64Array;

  constructor(sources: number) {
    this.grams = new Float64Array(sources);
    this.touched = new Int32Array(sources);
    this.shares = new Float64Array(sources);
    this.order = new Float64Array(sources);
  }

  add(key: number, grams: number): void {
    if (grams <= 0) return;
    if (this.grams[key] === 0) this.touched[this.count++] = key;
    this.grams[key] = (this.grams[key] as number) + grams;
  }

  /** Adds `grams` of `from`, split among its sources in proportion. */
  addShare(grams: number, from: Composition): void {
    if (grams <= 0) return;
    const n = from.keys.length;
    if (n === 0) this.add(UNTRACED, grams);
    else if (n === 1) this.add(from.keys[0] as number, grams);
    else {
      splitInto(grams, from.grams, this.shares, this.order);
      for (let i = 0; i < n; i++) this.add(from.keys[i] as number, this.shares[i] as number);
    }
  }

  /** The composition built so far; the scratch is cleared for the next one. */
  take(): Composition {
    const n = this.count;
    const keys = new Int32Array(n);
    if (n * 8 > this.grams.length) {
      // Most sources touched: one pass over them all is cheaper than sorting.
      let k = 0;
      for (let key = 0; key < this.grams.length; key++) if (this.grams[key] !== 0) keys[k++] = key;
    } else {
      keys.set(this.touched.subarray(0, n));
      keys.sort();
    }
    const grams = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const k = keys[i] as number;
      grams[i] = this.grams[k] as number;
      this.grams[k] = 0;
    }
    this.count = 0;
    return { keys, grams };
  }
}
