// The right edge of a growing Merkle tree: the roots of the perfect subtrees
// that make up the first n leaves, largest first (one per set bit of n).
// Appending a leaf merges equal-sized subtrees, so each leaf costs O(1)
// amortised hashes and the state is O(log n), whatever the tree's size.
import { EMPTY_ROOT, hashChildren } from './hashes';

export interface CompletedNode {
  level: number;
  index: number;
  hash: Uint8Array;
}

export class Frontier {
  /** Subtree roots, largest first; `levels[i]` is the height of `hashes[i]`. */
  private hashes: Uint8Array[];
  private levels: number[];
  private count: number;

  constructor(size = 0, hashes: Uint8Array[] = []) {
    this.count = size;
    this.hashes = [...hashes];
    this.levels = frontierLevels(size);
    if (this.levels.length !== this.hashes.length) {
      throw new Error(`a frontier of size ${size} has ${this.levels.length} subtrees, not ${hashes.length}`);
    }
  }

  get size(): number {
    return this.count;
  }

  /** The perfect subtrees, largest first: level, index and hash. */
  subtrees(): CompletedNode[] {
    let start = 0;
    return this.hashes.map((hash, i) => {
      const level = this.levels[i] as number;
      const node = { level, index: start / 2 ** level, hash };
      start += 2 ** level;
      return node;
    });
  }

  /**
   * Adds a leaf. Returns the interior nodes it completed, lowest level first:
   * after leaf i, the nodes at levels 1..t where t is the number of trailing
   * one bits of i.
   */
  push(leafHash: Uint8Array): CompletedNode[] {
    const completed: CompletedNode[] = [];
    let hash = leafHash;
    let level = 0;
    let index = this.count;
    while (this.levels.length > 0 && this.levels[this.levels.length - 1] === level) {
      const left = this.hashes.pop() as Uint8Array;
      this.levels.pop();
      hash = hashChildren(left, hash);
      level++;
      index = Math.floor(index / 2);
      completed.push({ level, index, hash });
    }
    this.hashes.push(hash);
    this.levels.push(level);
    this.count++;
    return completed;
  }

  /** The subtree hashes, largest first. */
  subtreeHashes(): Uint8Array[] {
    return [...this.hashes];
  }

  /** The root of the tree of all leaves pushed so far (RFC 9162 MTH). */
  root(): Uint8Array {
    return foldSubtrees(this.hashes);
  }

  clone(): Frontier {
    return new Frontier(this.count, this.hashes);
  }
}

/** The levels of the perfect subtrees that make up `size` leaves, largest first. */
export function frontierLevels(size: number): number[] {
  const levels: number[] = [];
  let rest = size;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (rest >= width) {
      levels.push(level);
      rest -= width;
    }
  }
  return levels;
}

/**
 * The root of a tree from the hashes of the perfect subtrees that make it up,
 * largest first: MTH folds the right edge first (RFC 9162 §2.1.1).
 */
export function foldSubtrees(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return EMPTY_ROOT;
  let acc = hashes[hashes.length - 1] as Uint8Array;
  for (let i = hashes.length - 2; i >= 0; i--) acc = hashChildren(hashes[i] as Uint8Array, acc);
  return acc;
}
