// The cosigning round against an in-memory log (real trees, real proofs,
// real signatures): what the browser witness and the CLI share.
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import type { CosignResult, WitnessLatestView } from '../api/witness-api';
import { bytesToHex } from '../bytes';
import { MemoryTree } from '../merkle/memory-tree';
import { signCheckpoint } from './checkpoint';
import { cosignerFromSecretKey, verifyCosignatureLine } from './cosignature';
import { cosignRound, type WitnessApi } from './cosignature-flow';
import type { WitnessState } from './cosignature-witness';
import { formatVerifierKey, signerFromSecretKey } from './signed-note';

const seed = (s: string) => sha256(new TextEncoder().encode(s));
const origin = 'alutrace.local/ledger';
const logKey = signerFromSecretKey(origin, seed('log'));
const witness = cosignerFromSecretKey('baise.gov.cn/li', seed('li'));

/** A log in memory that answers the witness's calls and remembers its cosignatures. */
function memoryLog(leaves: string[]) {
  const tree = new MemoryTree(leaves.map(seed));
  const uploads: { checkpoint: string; cosignature: string }[] = [];
  let record: WitnessLatestView['latest'] = null;
  const note = (size = tree.size) => signCheckpoint({ origin, size, root: tree.root(size) }, logKey);
  const api: WitnessApi = {
    publicKey: async () => ({
      verifierKey: formatVerifierKey(logKey),
      keyName: origin,
      keyId: bytesToHex(logKey.keyId),
      algorithm: 'Ed25519',
      publicKey: '',
      origin,
    }),
    register: async () => ({}),
    latest: async () => ({ witness: witness.name, latest: record }),
    head: async () => ({
      treeSize: tree.size,
      rootHash: bytesToHex(tree.root()),
      note: note(),
      cosignedNote: note(),
      createdAt: '',
      origin,
      verifierKey: formatVerifierKey(logKey),
      cosignatures: [],
    }),
    consistencyProof: async ({ from, to }) => ({
      from,
      to,
      proof: tree.consistencyProof(from, to).map(bytesToHex),
      fromRoot: bytesToHex(tree.root(from)),
      toRoot: bytesToHex(tree.root(to)),
    }),
    cosign: async (input): Promise<CosignResult> => {
      uploads.push(input);
      const size = tree.size;
      record = {
        witness: witness.name,
        keyId: '',
        vkey: '',
        treeSize: size,
        timestamp: 0,
        receivedAt: '',
        line: input.cosignature,
        note: input.checkpoint,
        cosignedNote: input.checkpoint + input.cosignature,
      };
      return { treeSize: size, witness: witness.name, timestamp: 0, cosignedNote: '', duplicate: false };
    },
  };
  return { tree, api, uploads, note };
}

describe('a cosigning round', () => {
  it('cosigns the head, then only a head that extends it, saving the state before uploading', async () => {
    const log = memoryLog(['a', 'b', 'c']);
    const saved: WitnessState[] = [];
    const first = await cosignRound({ api: log.api, cosigner: witness, state: null, save: (s) => void saved.push(s) });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.from).toBe(0);
    const body = log.uploads[0]?.checkpoint.slice(0, (log.uploads[0]?.checkpoint.indexOf('\n\n') ?? 0) + 1) as string;
    expect(verifyCosignatureLine(body, log.uploads[0]?.cosignature as string, witness)).toBeGreaterThan(0);
    log.tree.append(seed('d'));
    log.tree.append(seed('e'));
    const second = await cosignRound({
      api: log.api,
      cosigner: witness,
      state: first.state,
      save: (s) => void saved.push(s),
    });
    expect(second.ok && second.from).toBe(3);
    expect(saved.map((s) => s.last?.treeSize)).toEqual([3, 5]);
  });

  it('refuses a fork and uploads nothing; the evidence holds both signed notes', async () => {
    const honest = memoryLog(['a', 'b', 'c', 'd']);
    const first = await cosignRound({ api: honest.api, cosigner: witness, state: null, save: () => {} });
    if (!first.ok) throw new Error('first round refused');
    const fork = memoryLog(['a', 'b', 'X', 'd', 'e', 'f']); // same key, a different history
    const round = await cosignRound({ api: fork.api, cosigner: witness, state: first.state, save: () => {} });
    expect(round.ok).toBe(false);
    expect(fork.uploads).toHaveLength(0);
    if (round.ok) return;
    expect(round.evidence.previous.note).toBe(honest.note(4));
    expect(round.evidence.next.note).toBe(fork.note(6));
  });

  it("without local state, starts from the server's record of its own last cosignature when both signatures verify", async () => {
    const log = memoryLog(['a', 'b', 'c', 'd']);
    await cosignRound({ api: log.api, cosigner: witness, state: null, save: () => {} });
    // Same server, state lost (a new browser): the record says 4 was cosigned; a rewrite from entry 2 on is caught.
    const rewritten = memoryLog(['a', 'b', 'Y', 'd', 'e']);
    rewritten.api.latest = log.api.latest;
    const round = await cosignRound({ api: rewritten.api, cosigner: witness, state: null, save: () => {} });
    expect(round.ok).toBe(false);
  });
});
