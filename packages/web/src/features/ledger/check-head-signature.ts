// The browser's own check of the head checkpoint: its Ed25519 signature by
// the verifier key, and that the signed text says what the server reports.
// It uses the same code as the server and the offline verifier.
import {
  bytesToHex,
  type Checkpoint,
  type HeadView,
  NoteError,
  type NoteErrorCode,
  type NoteVerifier,
  parseVerifierKey,
  verifyCheckpoint,
} from '@alutrace/shared';

export type SignatureProblem = NoteErrorCode | 'ORIGIN_MISMATCH' | 'SIZE_MISMATCH' | 'ROOT_MISMATCH';

/** For a mismatch: what the checkpoint signs and what the server reports. */
// A type, not an interface: i18next's options accept it only with an implicit index signature.
export type MismatchParams = { signed?: string; reported?: string };

export type HeadSignatureCheck =
  | { valid: true; keyName: string }
  | { valid: false; problem: SignatureProblem; params: MismatchParams };

export function checkHeadSignature(head: HeadView): HeadSignatureCheck {
  let verifier: NoteVerifier;
  let signed: Checkpoint;
  try {
    verifier = parseVerifierKey(head.verifierKey);
    signed = verifyCheckpoint(head.note, verifier);
  } catch (error) {
    if (error instanceof NoteError) return { valid: false, problem: error.code, params: {} };
    throw error;
  }
  // A valid signature over other numbers than those displayed would vouch for nothing on screen.
  if (signed.origin !== head.origin) {
    return { valid: false, problem: 'ORIGIN_MISMATCH', params: { signed: signed.origin, reported: head.origin } };
  }
  if (signed.size !== head.treeSize) {
    return {
      valid: false,
      problem: 'SIZE_MISMATCH',
      params: { signed: String(signed.size), reported: String(head.treeSize) },
    };
  }
  if (bytesToHex(signed.root) !== head.rootHash) return { valid: false, problem: 'ROOT_MISMATCH', params: {} };
  return { valid: true, keyName: verifier.name };
}
