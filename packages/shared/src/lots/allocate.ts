// Splitting a whole number of grams in proportion to weights, exactly: the
// shares are integers that add up to the total (largest remainder method —
// Hamilton's — with ties broken by position, so the result is deterministic).
// Trace uses it to give each output of a processing run its part of every
// input's consumed mass (mass-balance model, DOMAIN.md "Lots and labels").

/**
 * Shares of `total` in proportion to `weights` (non-negative integers, not
 * all zero). Uses BigInt for the products, so masses up to 100 t in grams
 * and any number of parts stay exact.
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer: ${total}`);
  let sum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`weights must be non-negative integers: ${w}`);
    sum += BigInt(w);
  }
  if (weights.length === 0 || sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('cannot share a non-zero total among zero weights');
  }
  const t = BigInt(total);
  const shares: bigint[] = [];
  const remainders: { index: number; remainder: bigint }[] = [];
  let given = 0n;
  weights.forEach((w, index) => {
    const product = t * BigInt(w);
    const share = product / sum;
    shares.push(share);
    given += share;
    remainders.push({ index, remainder: product % sum });
  });
  // The grams left over go one each to the largest remainders.
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let i = 0; i < Number(t - given); i++) {
    const r = remainders[i] as { index: number };
    shares[r.index] = (shares[r.index] as bigint) + 1n;
  }
  return shares.map(Number);
}
