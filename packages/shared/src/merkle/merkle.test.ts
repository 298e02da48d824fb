import { describe, expect, it } from 'vitest';
import vectors from '../../test-data/merkle-rfc6962.json';
import { bytesToHex, hexToBytes } from '../bytes';
import { Frontier } from './frontier';
import { hashLeaf } from './hashes';
import { MemoryTree } from './memory-tree';
import { consistencyProofLength, inclusionProofLength, verifyConsistency, verifyInclusion } from './verify-proofs';

const leafHashes = vectors.leaves.map((hex) => hashLeaf(hexToBytes(hex)));
const tree = new MemoryTree(leafHashes);
const rootOf = (size: number): Uint8Array => {
  const r = vectors.roots.find((x) => x.size === size);
  if (!r) throw new Error(`no vector root for size ${size}`);
  return hexToBytes(r.root);
};
const hexes = (proof: Uint8Array[]): string[] => proof.map(bytesToHex);

/** Every way of spoiling a proof that must make it fail. */
function spoiledProofs(proof: Uint8Array[]): [string, Uint8Array[]][] {
  const out: [string, Uint8Array[]][] = [];
  proof.forEach((h, i) => {
    for (const bit of [0, 7, 255]) {
      const flipped = h.slice();
      flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
      out.push([`bit ${bit} of hash ${i} flipped`, proof.map((p, j) => (j === i ? flipped : p))]);
    }
    out.push([`hash ${i} dropped`, proof.filter((_, j) => j !== i)]);
  });
  out.push(['a hash appended', [...proof, new Uint8Array(32)]]);
  out.push(['a copy of the last hash appended', [...proof, proof[proof.length - 1] ?? new Uint8Array(32)]]);
  out.push(['a hash prepended', [new Uint8Array(32).fill(7), ...proof]]);
  return out;
}

describe('Merkle tree known answers (RFC 6962 / 9162)', () => {
  it('hashes the 20 vector leaves to the vector leaf hashes', () => {
    expect(leafHashes.map(bytesToHex)).toEqual(vectors.leafHashes);
  });

  it('computes all 21 roots, the empty tree included', () => {
    expect(vectors.roots).toHaveLength(21);
    for (const { size, root } of vectors.roots) {
      expect(bytesToHex(tree.root(size)), `size ${size}`).toBe(root);
      expect(bytesToHex(new Frontier().root()), 'empty frontier').toBe(vectors.roots[0]?.root);
    }
  });

  it('grows a frontier to the same roots, one leaf at a time', () => {
    const f = new Frontier();
    leafHashes.forEach((h, i) => {
      f.push(h);
      expect(bytesToHex(f.root())).toBe(bytesToHex(rootOf(i + 1)));
    });
  });

  it('produces and verifies all 210 inclusion proofs; every spoiled one fails', () => {
    expect(vectors.inclusion).toHaveLength(210);
    for (const { index, size, path } of vectors.inclusion) {
      const proof = tree.inclusionProof(index, size);
      expect(hexes(proof), `inclusion ${index} in ${size}`).toEqual(path);
      expect(proof).toHaveLength(inclusionProofLength(index, size));
      const leaf = leafHashes[index] as Uint8Array;
      expect(verifyInclusion(index, size, leaf, proof, rootOf(size))).toEqual({ valid: true });
      for (const [how, bad] of spoiledProofs(proof)) {
        expect(verifyInclusion(index, size, leaf, bad, rootOf(size)).valid, `${index}/${size}: ${how}`).toBe(false);
      }
      const otherRoot = rootOf(size === 1 ? 2 : size - 1);
      expect(verifyInclusion(index, size, leaf, proof, otherRoot).valid).toBe(false);
      if (size > 1) {
        const otherIndex = (index + 1) % size;
        expect(verifyInclusion(otherIndex, size, leaf, proof, rootOf(size)).valid).toBe(false);
      }
    }
  });

  it('produces and verifies all 210 consistency proofs; every spoiled one fails', () => {
    expect(vectors.consistency).toHaveLength(210);
    for (const { from, to, proof: expected } of vectors.consistency) {
      const proof = tree.consistencyProof(from, to);
      expect(hexes(proof), `consistency ${from} → ${to}`).toEqual(expected);
      expect(proof).toHaveLength(consistencyProofLength(from, to));
      expect(verifyConsistency(from, to, rootOf(from), rootOf(to), proof)).toEqual({ valid: true });
      for (const [how, bad] of spoiledProofs(proof)) {
        // For from == to the empty proof is the only valid one, so the
        // "flip/drop" variants do not exist and appends must fail.
        expect(verifyConsistency(from, to, rootOf(from), rootOf(to), bad).valid, `${from}→${to}: ${how}`).toBe(false);
      }
      if (from !== to) {
        const wrongOld = rootOf(from - 1 === 0 ? 2 : from - 1);
        expect(verifyConsistency(from, to, wrongOld, rootOf(to), proof).valid).toBe(false);
        expect(verifyConsistency(from, to, rootOf(from), rootOf(from), proof).valid).toBe(false);
      }
    }
  });

  it('refuses indexes and sizes outside the tree', () => {
    const leaf = leafHashes[0] as Uint8Array;
    expect(verifyInclusion(5, 5, leaf, [], rootOf(5)).valid).toBe(false);
    expect(verifyInclusion(-1, 5, leaf, [], rootOf(5)).valid).toBe(false);
    expect(verifyConsistency(6, 5, rootOf(5), rootOf(5), []).valid).toBe(false);
    expect(() => tree.inclusionProof(20, 20)).toThrow(RangeError);
    expect(() => tree.consistencyProof(3, 21)).toThrow(RangeError);
  });
});
