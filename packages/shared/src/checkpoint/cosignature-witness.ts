// What a witness (an official's browser or the CLI) does before it cosigns:
// check the log's signature on the new checkpoint, and that the new tree
// extends the last one it cosigned (RFC 6962 consistency proof). On an
// inconsistency it refuses and keeps the evidence: both signed checkpoints
// and the proof that failed. Also the witness key file's format. Pure and
// browser-safe.
import { base64Decode, base64Encode, bytesEqual, bytesToHex, hexToBytes, isHashHex } from '../bytes';
import { verifyConsistency } from '../merkle/verify-proofs';
import { type Checkpoint, verifyCheckpoint } from './checkpoint';
import { type Cosigner, cosignerFromSecretKey, formatCosignerKey } from './cosignature';
import { formatVerifierKey, NoteError, type NoteVerifier } from './signed-note';

// ── the key file (CLI): JSON, written 0600 ──────────────────────────────

export const WITNESS_KEY_FORMAT = 'alutrace-witness-key';

export interface WitnessKeyFile {
  format: typeof WITNESS_KEY_FORMAT;
  version: 1;
  name: string;
  /** The witness's public key (vkey), to register on the server and give to verifiers. */
  vkey: string;
  /** The 32-byte Ed25519 secret key, base64. Keep this file private. */
  secretKey: string;
  createdAt: string;
}

export function witnessKeyFileText(cosigner: Cosigner, now = new Date()): string {
  const file: WitnessKeyFile = {
    format: WITNESS_KEY_FORMAT,
    version: 1,
    name: cosigner.name,
    vkey: formatCosignerKey(cosigner),
    secretKey: base64Encode(cosigner.secretKey),
    createdAt: now.toISOString(),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function readWitnessKeyFile(text: string): Cosigner {
  let file: Partial<WitnessKeyFile>;
  try {
    file = JSON.parse(text) as Partial<WitnessKeyFile>;
  } catch {
    throw new NoteError('MALFORMED_KEY', 'the witness key file is not JSON');
  }
  if (file.format !== WITNESS_KEY_FORMAT || file.version !== 1 || typeof file.name !== 'string') {
    throw new NoteError('MALFORMED_KEY', `not an ${WITNESS_KEY_FORMAT} file (version 1)`);
  }
  let secret: Uint8Array;
  try {
    secret = base64Decode(String(file.secretKey));
  } catch {
    throw new NoteError('MALFORMED_KEY', 'the secret key in the witness key file is not base64');
  }
  const cosigner = cosignerFromSecretKey(file.name, secret);
  if (file.vkey !== undefined && file.vkey !== formatCosignerKey(cosigner)) {
    throw new NoteError('MALFORMED_KEY', 'the public key in the witness key file does not match its secret key');
  }
  return cosigner;
}

// ── the check before cosigning ──────────────────────────────────────────

/** What a witness keeps between runs: the last checkpoint it cosigned for the log. */
export interface WitnessState {
  format: 'alutrace-witness-state';
  version: 1;
  /** The log's verifier key, pinned on the first run. */
  logKey: string;
  origin: string;
  /** The last cosigned checkpoint, as the log signed it (its note), or null before the first cosignature. */
  last: { treeSize: number; rootHash: string; note: string; cosignedAt: string } | null;
}

export interface ForkEvidence {
  format: 'alutrace-fork-evidence';
  version: 1;
  detectedAt: string;
  origin: string;
  /** The log's verifier key both checkpoints verify under. */
  logKey: string;
  reason: string;
  /** The checkpoint the witness cosigned before, signed by the log. */
  previous: { treeSize: number; rootHash: string; note: string };
  /** The checkpoint the log now serves, signed by the same key. */
  next: { treeSize: number; rootHash: string; note: string };
  /** The consistency proof the log gave from previous to next, which does not verify. */
  proof: { from: number; to: number; hashes: string[] };
}

export type WitnessCheck =
  | { ok: true; checkpoint: Checkpoint; from: number }
  | { ok: false; reason: string; evidence: ForkEvidence };

export interface WitnessCheckInput {
  /** The log's key (pinned by the witness). */
  logKey: NoteVerifier;
  origin: string;
  /** The note the witness cosigned last, or null (nothing to be consistent with). */
  previousNote: string | null;
  /** The log's new checkpoint note. */
  nextNote: string;
  /** The log's consistency proof from the previous size to the new one, hex hashes. */
  proof: readonly string[];
  now?: Date;
}

/**
 * Decides whether the witness may cosign `nextNote`. A bad signature on the
 * new checkpoint throws (NoteError): that is a broken answer, not evidence
 * against the log, since anyone could have produced it. A validly signed
 * checkpoint that does not extend the previous one is evidence: the log's
 * key signed two histories.
 */
export function checkNextCheckpoint(input: WitnessCheckInput): WitnessCheck {
  const next = verifyCheckpoint(input.nextNote, input.logKey, input.origin);
  if (input.previousNote === null) return { ok: true, checkpoint: next, from: 0 };
  const previous = verifyCheckpoint(input.previousNote, input.logKey, input.origin);
  const refuse = (reason: string): WitnessCheck => ({
    ok: false,
    reason,
    evidence: {
      format: 'alutrace-fork-evidence',
      version: 1,
      detectedAt: (input.now ?? new Date()).toISOString(),
      origin: input.origin,
      logKey: formatVerifierKey(input.logKey),
      reason,
      previous: { treeSize: previous.size, rootHash: bytesToHex(previous.root), note: input.previousNote as string },
      next: { treeSize: next.size, rootHash: bytesToHex(next.root), note: input.nextNote },
      proof: { from: previous.size, to: next.size, hashes: [...input.proof] },
    },
  });
  if (next.size < previous.size) {
    return refuse(
      `the log now serves a tree of ${next.size} entries, smaller than the ${previous.size} this witness cosigned: it went back`,
    );
  }
  if (next.size === previous.size) {
    return bytesEqual(next.root, previous.root)
      ? { ok: true, checkpoint: next, from: previous.size }
      : refuse(`two checkpoints of size ${next.size} with different roots, both signed by the log`);
  }
  if (!input.proof.every(isHashHex)) return refuse('the consistency proof holds something that is not a SHA-256 hash');
  const check = verifyConsistency(previous.size, next.size, previous.root, next.root, input.proof.map(hexToBytes));
  if (!check.valid) {
    return refuse(
      `the tree of ${next.size} entries does not extend the tree of ${previous.size} this witness cosigned (${check.reason}): the log was rewritten or forked`,
    );
  }
  return { ok: true, checkpoint: next, from: previous.size };
}
