// One cosigning round, the same in the official's browser and in the CLI:
// pin the log's key, register the witness key, find the last checkpoint this
// witness cosigned (local state first; the server's record only when both
// signatures on it verify and it is larger), fetch the head and the
// consistency proof, check them, cosign, remember, upload. On an
// inconsistency: refuse and hand back the evidence, uploading nothing.
// Pure: the caller brings the transport (`WitnessApi`) and keeps the state.
import type { ConsistencyProofView, PublicKeyView } from '../api/ledger-api';
import type { CosignedCheckpointView, CosignResult, WitnessLatestView } from '../api/witness-api';
import { bytesToHex } from '../bytes';
import { readCheckpointNote, verifyCheckpoint } from './checkpoint';
import { type Cosigner, cosign, formatCosignerKey, noteBody, verifyCosignatureLine } from './cosignature';
import { checkNextCheckpoint, type ForkEvidence, type WitnessState } from './cosignature-witness';
import { NoteError, type NoteVerifier, parseVerifierKey } from './signed-note';

/** The server calls one round needs (tRPC procedures of the same names). */
export interface WitnessApi {
  publicKey(): Promise<PublicKeyView>;
  register(input: { name: string; vkey: string }): Promise<unknown>;
  latest(input: { vkey: string }): Promise<WitnessLatestView>;
  /** `ledger.checkpoint` with no tree size: the head. */
  head(): Promise<CosignedCheckpointView>;
  consistencyProof(input: { from: number; to: number }): Promise<ConsistencyProofView>;
  cosign(input: { checkpoint: string; cosignature: string }): Promise<CosignResult>;
}

export type CosignRound =
  | {
      ok: true;
      /** The state to keep (it was handed to `save` before the upload). */
      state: WitnessState;
      result: CosignResult;
      /** The tree size this witness had cosigned before (0: none). */
      from: number;
      rootHash: string;
      /** Set when the server's record of our last cosignature was present but did not verify (ignored). */
      ignoredServerRecord: string | null;
    }
  | { ok: false; reason: string; evidence: ForkEvidence };

export class WitnessRefusal extends Error {
  override readonly name = 'WitnessRefusal';
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
  }
}

export interface CosignRoundInput {
  api: WitnessApi;
  cosigner: Cosigner;
  /** What this witness kept from its last round, or null. */
  state: WitnessState | null;
  /** The log's verifier key to trust; default: the pinned one, else the one served (trust on first use). */
  logKey?: string;
  /** Called with the new state once the cosignature is made, before it is uploaded. */
  save: (state: WitnessState) => void | Promise<void>;
  now?: Date;
}

export async function cosignRound(input: CosignRoundInput): Promise<CosignRound> {
  const { api, cosigner } = input;
  let state = input.state;
  const vkey = formatCosignerKey(cosigner);
  const served = await api.publicKey();
  const pinned = input.logKey ?? state?.logKey ?? served.verifierKey;
  let verifier: NoteVerifier;
  try {
    verifier = parseVerifierKey(pinned);
  } catch (e) {
    throw new WitnessRefusal(
      `the log key ${pinned} is not a verifier key: ${e instanceof NoteError ? e.message : String(e)}`,
      `日志公钥 ${pinned} 无效`,
    );
  }
  if (state && state.logKey !== pinned) {
    throw new WitnessRefusal(
      `the log key given (${pinned}) is not the one this witness pinned (${state.logKey}); a new key means a new log: start a new witness state`,
      `给出的日志公钥（${pinned}）与本见证端已固定的公钥（${state.logKey}）不同；新公钥意味着新日志，请使用新的见证状态`,
    );
  }
  const origin = state?.origin ?? served.origin;
  if (served.origin !== origin) {
    throw new WitnessRefusal(
      `the server now says its log is "${served.origin}", not "${origin}" as this witness saw it`,
      `服务器现称其日志为“${served.origin}”，而非本见证端所见的“${origin}”`,
    );
  }
  await api.register({ name: cosigner.name, vkey });

  let previousNote = state?.last?.note ?? null;
  let ignoredServerRecord: string | null = null;
  const record = (await api.latest({ vkey })).latest;
  if (record && record.treeSize > (state?.last?.treeSize ?? -1)) {
    try {
      verifyCheckpoint(record.note, verifier, origin);
      verifyCosignatureLine(noteBody(record.note), record.line, cosigner);
      previousNote = record.note;
    } catch (e) {
      ignoredServerRecord = `the server's record of this witness's last cosignature (tree size ${record.treeSize}) does not verify (${e instanceof Error ? e.message : String(e)}); ignored`;
    }
  }

  const head = await api.head();
  const from = previousNote ? readCheckpointNote(previousNote).size : 0;
  const proof =
    previousNote && from > 0 && from < head.treeSize
      ? (await api.consistencyProof({ from, to: head.treeSize })).proof
      : [];
  const now = input.now ?? new Date();
  const check = checkNextCheckpoint({ logKey: verifier, origin, previousNote, nextNote: head.note, proof, now });
  if (!check.ok) return { ok: false, reason: check.reason, evidence: check.evidence };

  const line = cosign(noteBody(head.note), cosigner, Math.floor(now.getTime() / 1000));
  // The statement is made once signed: remember it before uploading, so a lost upload never
  // lets this witness cosign a smaller or another tree later.
  state = {
    format: 'alutrace-witness-state',
    version: 1,
    logKey: pinned,
    origin,
    last: {
      treeSize: check.checkpoint.size,
      rootHash: bytesToHex(check.checkpoint.root),
      note: head.note,
      cosignedAt: now.toISOString(),
    },
  };
  await input.save(state);
  const result = await api.cosign({ checkpoint: head.note, cosignature: line });
  return {
    ok: true,
    state,
    result,
    from: check.from,
    rootHash: bytesToHex(check.checkpoint.root),
    ignoredServerRecord,
  };
}
