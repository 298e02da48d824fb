// Reads the Merkle tree kept in ledger_entries. The perfect subtree at
// (level, index) ends at leaf (index + 1)·2^level − 1, and that leaf's row
// holds it: its leaf hash for level 0, else bytes [(level−1)·32, level·32) of
// its `nodes` column. Roots and proofs therefore cost O(log n) primary-key
// reads, and nothing is ever recomputed from all the leaves.
import {
  consistencyProof,
  Frontier,
  frontierLevels,
  HASH_SIZE,
  inclusionProof,
  type SubtreeReader,
  treeRoot,
} from '@alutrace/shared';
import type Database from 'better-sqlite3';

type NodeRow = [leafHash: Buffer, nodes: Buffer | null];

export class TreeStore {
  private readonly nodeRow: Database.Statement<[number], NodeRow>;

  constructor(sqlite: Database.Database) {
    this.nodeRow = sqlite.prepare<[number], NodeRow>('SELECT leaf_hash, nodes FROM ledger_entries WHERE seq = ?').raw();
  }

  readonly subtree: SubtreeReader = (level, index) => {
    const seq = (index + 1) * 2 ** level - 1;
    const row = this.nodeRow.get(seq);
    if (!row) throw new Error(`ledger entry ${seq} is missing: the tree cannot be read`);
    if (level === 0) return row[0];
    const nodes = row[1];
    const start = (level - 1) * HASH_SIZE;
    if (!nodes || nodes.length < start + HASH_SIZE) {
      throw new Error(`ledger entry ${seq} lacks its Merkle node at level ${level}`);
    }
    return nodes.subarray(start, start + HASH_SIZE);
  };

  root(size: number): Uint8Array {
    return treeRoot(this.subtree, size);
  }

  inclusionProof(index: number, size: number): Uint8Array[] {
    return inclusionProof(this.subtree, index, size);
  }

  consistencyProof(from: number, to: number): Uint8Array[] {
    return consistencyProof(this.subtree, from, to);
  }

  /** The right edge of the tree of `size` leaves, read from storage. */
  frontierAt(size: number): Frontier {
    let start = 0;
    const hashes = frontierLevels(size).map((level) => {
      const hash = this.subtree(level, start / 2 ** level);
      start += 2 ** level;
      return hash;
    });
    return new Frontier(size, hashes);
  }
}
