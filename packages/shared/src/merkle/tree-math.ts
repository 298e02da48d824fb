// The RFC 9162 §2.1 definitions (MTH, PATH, PROOF) over any tree whose
// perfect subtrees can be fetched. A perfect subtree is identified by its
// level (height; leaves are level 0) and its index at that level, and covers
// leaves [index·2^level, (index+1)·2^level).
//
// Every range the RFC's recursion visits starts at a multiple of its largest
// power-of-two part, so each left half is a stored perfect subtree and each
// right half decomposes into O(log n) of them. A storage back end that keeps
// perfect subtrees can therefore answer roots and proofs in O(log n) reads.
import { EMPTY_ROOT, hashChildren } from './hashes';

/** Returns the hash of the perfect subtree at `level`, `index`. */
export type SubtreeReader = (level: number, index: number) => Uint8Array;

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// Sizes may exceed 2^31, so no bitwise tricks: Math.log2 is exact on powers of two.
function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

/** MTH(D[lo:hi]) for an aligned range (see above). */
export function rangeHash(read: SubtreeReader, lo: number, hi: number): Uint8Array {
  const size = hi - lo;
  if (size === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(size)) {
    return read(Math.round(Math.log2(size)), lo / size);
  }
  // Fold the right edge first: MTH(lo..hi) = H(MTH(lo..lo+k), MTH(lo+k..hi)).
  const k = splitPoint(size);
  return hashChildren(rangeHash(read, lo, lo + k), rangeHash(read, lo + k, hi));
}

/** The root of the tree of the first `size` leaves. */
export function treeRoot(read: SubtreeReader, size: number): Uint8Array {
  return rangeHash(read, 0, size);
}

/** RFC 9162 §2.1.3.1: the inclusion proof of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(read: SubtreeReader, index: number, size: number): Uint8Array[] {
  assertIndex(index, size);
  let lo = 0;
  let hi = size;
  // Walk down from the root, collecting siblings; they are emitted leaf-first.
  const siblings: Uint8Array[] = [];
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      siblings.push(rangeHash(read, lo + k, hi));
      hi = lo + k;
    } else {
      siblings.push(rangeHash(read, lo, lo + k));
      lo = lo + k;
    }
  }
  return siblings.reverse();
}

/** RFC 9162 §2.1.4.1: the consistency proof between the trees of `from` and `to` leaves. */
export function consistencyProof(read: SubtreeReader, from: number, to: number): Uint8Array[] {
  assertSizes(from, to);
  if (from === 0 || from === to) return [];
  // SUBPROOF(m, D[lo:hi], b), unrolled into a loop; nodes are emitted deepest-first.
  const nodes: Uint8Array[] = [];
  let lo = 0;
  let hi = to;
  let m = from;
  let startFromOldRoot = true;
  for (;;) {
    const n = hi - lo;
    if (m === n) {
      if (!startFromOldRoot) nodes.push(rangeHash(read, lo, hi));
      break;
    }
    const k = splitPoint(n);
    if (m <= k) {
      nodes.push(rangeHash(read, lo + k, hi));
      hi = lo + k;
    } else {
      nodes.push(rangeHash(read, lo, lo + k));
      lo = lo + k;
      m -= k;
      startFromOldRoot = false;
    }
  }
  return nodes.reverse();
}

function assertIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`leaf index ${index} is not in a tree of size ${size}`);
  }
}

function assertSizes(from: number, to: number): void {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) {
    throw new RangeError(`no consistency proof from size ${from} to size ${to}`);
  }
}
