// Hashes of the RFC 6962 / RFC 9162 Merkle tree (§2.1.1):
//   leaf  = SHA-256(0x00 || data)
//   node  = SHA-256(0x01 || left || right)
//   empty = SHA-256("")
// The distinct prefixes keep a leaf from ever being read as an interior node.
import { sha256 } from '@noble/hashes/sha2.js';

export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

const LEAF_PREFIX_BYTES = Uint8Array.of(LEAF_PREFIX);

export function hashLeaf(data: Uint8Array): Uint8Array {
  return sha256.create().update(LEAF_PREFIX_BYTES).update(data).digest();
}

// One scratch buffer for interior nodes: hashing a node is the hot path of
// tree upkeep and verification, and JavaScript is single-threaded here.
const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);
nodeInput[0] = NODE_PREFIX;

export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return sha256(nodeInput);
}

export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));
