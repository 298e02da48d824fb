// Proof verification exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 describe it,
// preceded by an exact proof-length check so that a proof with a hash added
// or dropped is refused with a precise reason. Tree sizes may exceed 2^32, so
// shifts are divisions: JavaScript's bitwise operators work on 32 bits.
import { bytesEqual } from '../bytes';
import { HASH_SIZE, hashChildren } from './hashes';

export type ProofCheck = { valid: true } | { valid: false; reason: string };

const VALID: ProofCheck = { valid: true };
const invalid = (reason: string): ProofCheck => ({ valid: false, reason });

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

function popCount(n: bigint): number {
  let count = 0;
  for (const c of n.toString(2)) if (c === '1') count++;
  return count;
}

function trailingZeros(n: bigint): number {
  let count = 0;
  while (n > 0n && (n & 1n) === 0n) {
    n >>= 1n;
    count++;
  }
  return count;
}

/** The number of hashes in the inclusion proof of leaf `index` in a tree of `size`. */
export function inclusionProofLength(index: number, size: number): number {
  const inner = bitLength(BigInt(index) ^ BigInt(size - 1));
  return inner + popCount(BigInt(index) >> BigInt(inner));
}

/** The number of hashes in the consistency proof from `from` to `to` leaves. */
export function consistencyProofLength(from: number, to: number): number {
  if (from === 0 || from === to) return 0;
  const shift = trailingZeros(BigInt(from));
  const inner = bitLength(BigInt(from - 1) ^ BigInt(to - 1)) - shift;
  const border = popCount(BigInt(from - 1) >> BigInt(inner + shift));
  const seedInProof = 2 ** shift === from ? 0 : 1;
  return seedInProof + inner + border;
}

function checkHashes(proof: readonly Uint8Array[]): string | null {
  for (const [i, h] of proof.entries()) {
    if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) return `proof hash ${i} is not ${HASH_SIZE} bytes`;
  }
  return null;
}

/** RFC 9162 §2.1.3.2: does `leafHash` sit at `index` in the tree of `size` with `root`? */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): ProofCheck {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    return invalid(`leaf index ${index} is outside a tree of size ${size}`);
  }
  const expected = inclusionProofLength(index, size);
  if (proof.length !== expected) return invalid(`proof has ${proof.length} hashes, expected ${expected}`);
  const bad = checkHashes(proof);
  if (bad) return invalid(bad);

  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return invalid('proof is longer than the path to the root');
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return invalid('proof is shorter than the path to the root');
  return bytesEqual(r, root) ? VALID : invalid('computed root does not match');
}

/** RFC 9162 §2.1.4.2: is the tree of `to` leaves with `toRoot` an extension of the one of `from` with `fromRoot`? */
export function verifyConsistency(
  from: number,
  to: number,
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
  proof: readonly Uint8Array[],
): ProofCheck {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) {
    return invalid(`no consistency between size ${from} and size ${to}`);
  }
  const expected = consistencyProofLength(from, to);
  if (proof.length !== expected) return invalid(`proof has ${proof.length} hashes, expected ${expected}`);
  const bad = checkHashes(proof);
  if (bad) return invalid(bad);
  // Every tree extends the empty tree; a tree is consistent with itself iff the roots agree.
  if (from === 0) return VALID;
  if (from === to) return bytesEqual(fromRoot, toRoot) ? VALID : invalid('roots of equal-size trees differ');

  const path = 2 ** Math.round(Math.log2(from)) === from ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return invalid('proof is longer than needed');
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return invalid('proof is shorter than needed');
  if (!bytesEqual(fr, fromRoot)) return invalid('proof does not lead to the earlier root');
  if (!bytesEqual(sr, toRoot)) return invalid('proof does not lead to the later root');
  return VALID;
}
