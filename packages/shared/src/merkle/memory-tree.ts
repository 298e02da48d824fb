// A Merkle tree held in memory, for tests, exports and the browser: every
// level is kept, so any perfect subtree is one array read.
import { hashChildren } from './hashes';
import { consistencyProof, inclusionProof, type SubtreeReader, treeRoot } from './tree-math';

export class MemoryTree {
  /** levels[0] are the leaf hashes; levels[l][i] is the perfect subtree (l, i). */
  private readonly levels: Uint8Array[][] = [[]];

  constructor(leafHashes: Iterable<Uint8Array> = []) {
    for (const h of leafHashes) this.append(h);
  }

  get size(): number {
    return (this.levels[0] as Uint8Array[]).length;
  }

  append(leafHash: Uint8Array): void {
    let level = 0;
    let hash = leafHash;
    for (;;) {
      const row = this.levels[level] ?? [];
      this.levels[level] = row;
      row.push(hash);
      const index = row.length - 1;
      if (index % 2 === 0) return;
      hash = hashChildren(row[index - 1] as Uint8Array, hash);
      level++;
    }
  }

  readonly subtree: SubtreeReader = (level, index) => {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`no perfect subtree at level ${level}, index ${index}`);
    return hash;
  };

  root(size = this.size): Uint8Array {
    this.assertSize(size);
    return treeRoot(this.subtree, size);
  }

  inclusionProof(index: number, size = this.size): Uint8Array[] {
    this.assertSize(size);
    return inclusionProof(this.subtree, index, size);
  }

  consistencyProof(from: number, to = this.size): Uint8Array[] {
    this.assertSize(to);
    return consistencyProof(this.subtree, from, to);
  }

  private assertSize(size: number): void {
    if (size > this.size) throw new RangeError(`the tree has ${this.size} leaves, not ${size}`);
  }
}
