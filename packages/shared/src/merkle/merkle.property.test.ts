import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Frontier } from './frontier';
import { hashLeaf } from './hashes';
import { MemoryTree } from './memory-tree';
import { verifyConsistency, verifyInclusion } from './verify-proofs';

const MAX_SIZE = 5000;
const leaves = Array.from({ length: MAX_SIZE }, (_, i) => hashLeaf(new TextEncoder().encode(`leaf ${i}`)));
const tree = new MemoryTree(leaves);

// Roots of every prefix, computed independently with a frontier.
const roots: Uint8Array[] = [new Frontier().root()];
{
  const f = new Frontier();
  for (const h of leaves) {
    f.push(h);
    roots.push(f.root());
  }
}

const flipBit = (proof: Uint8Array[], which: number, bit: number): Uint8Array[] =>
  proof.map((h, i) => {
    if (i !== which) return h;
    const c = h.slice();
    c[bit >> 3] = (c[bit >> 3] as number) ^ (1 << (bit & 7));
    return c;
  });

describe('Merkle proofs for every tree size up to 5,000', () => {
  it('every inclusion proof verifies, and an altered one fails', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_SIZE }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))),
        fc.nat(255),
        fc.nat(),
        ([size, index], bit, pick) => {
          const proof = tree.inclusionProof(index, size);
          const leaf = leaves[index] as Uint8Array;
          const root = roots[size] as Uint8Array;
          expect(verifyInclusion(index, size, leaf, proof, root).valid).toBe(true);
          expect(verifyInclusion(index, size, leaf, [...proof, leaf], root).valid).toBe(false);
          if (proof.length > 0) {
            const which = pick % proof.length;
            expect(verifyInclusion(index, size, leaf, flipBit(proof, which, bit), root).valid).toBe(false);
            expect(verifyInclusion(index, size, leaf, proof.slice(0, -1), root).valid).toBe(false);
            expect(
              verifyInclusion(
                index,
                size,
                leaf,
                proof.filter((_, i) => i !== which),
                root,
              ).valid,
            ).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('every consistency proof verifies, and an altered one fails', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_SIZE }).chain((to) => fc.tuple(fc.integer({ min: 1, max: to }), fc.constant(to))),
        fc.nat(255),
        fc.nat(),
        ([from, to], bit, pick) => {
          const proof = tree.consistencyProof(from, to);
          const a = roots[from] as Uint8Array;
          const b = roots[to] as Uint8Array;
          expect(verifyConsistency(from, to, a, b, proof).valid).toBe(true);
          expect(verifyConsistency(from, to, a, b, [...proof, a]).valid).toBe(false);
          if (proof.length > 0) {
            const which = pick % proof.length;
            expect(verifyConsistency(from, to, a, b, flipBit(proof, which, bit)).valid).toBe(false);
            expect(
              verifyConsistency(
                from,
                to,
                a,
                b,
                proof.filter((_, i) => i !== which),
              ).valid,
            ).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the frontier reports each completed interior node exactly as the full tree has it', () => {
    const f = new Frontier();
    for (let i = 0; i < 1024; i++) {
      for (const node of f.push(leaves[i] as Uint8Array)) {
        expect(node.hash).toEqual(tree.subtree(node.level, node.index));
        // The node completed by leaf i ends at leaf i.
        expect((node.index + 1) * 2 ** node.level - 1).toBe(i);
      }
    }
  });

  it('a frontier rebuilt from its subtrees continues identically', () => {
    const f = new Frontier();
    for (let i = 0; i < 777; i++) f.push(leaves[i] as Uint8Array);
    const rebuilt = new Frontier(
      f.size,
      f.subtrees().map((s) => s.hash),
    );
    for (let i = 777; i < 1000; i++) {
      f.push(leaves[i] as Uint8Array);
      rebuilt.push(leaves[i] as Uint8Array);
    }
    expect(rebuilt.root()).toEqual(f.root());
    expect(rebuilt.root()).toEqual(roots[1000]);
  });
});
