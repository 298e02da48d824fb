// C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): a signed note whose
// text is the log's origin, its tree size and its root hash, one per line.
import { base64Decode, base64Encode } from '../bytes';
import { HASH_SIZE } from '../merkle/hashes';
import { NoteError, type NoteSigner, type NoteVerifier, openNote, parseNote, signNote } from './signed-note';

export const DEFAULT_ORIGIN = 'alutrace.local/ledger';

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

const ORIGIN_RE = /^[^\s+]+$/u;

export function isValidOrigin(origin: string): boolean {
  return ORIGIN_RE.test(origin);
}

export function formatCheckpointText(cp: Checkpoint): string {
  if (!isValidOrigin(cp.origin))
    throw new NoteError('MALFORMED_NOTE', 'the origin must be non-empty, without spaces or "+"');
  return `${cp.origin}\n${cp.size}\n${base64Encode(cp.root)}\n`;
}

export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  // origin, size, root, optional extension lines, and the empty string after the final newline.
  if (lines.length < 4 || lines[lines.length - 1] !== '') {
    throw new NoteError('MALFORMED_NOTE', 'a checkpoint has an origin, a tree size and a root hash, one per line');
  }
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (!isValidOrigin(origin)) throw new NoteError('MALFORMED_NOTE', 'the checkpoint origin is empty or has spaces');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    throw new NoteError('MALFORMED_NOTE', 'the checkpoint tree size is not a decimal integer');
  }
  let root: Uint8Array;
  try {
    root = base64Decode(rootText);
  } catch {
    throw new NoteError('MALFORMED_NOTE', 'the checkpoint root is not valid base64');
  }
  if (root.length !== HASH_SIZE) throw new NoteError('MALFORMED_NOTE', 'the checkpoint root is not a SHA-256 hash');
  return { origin, size: Number(sizeText), root };
}

export function signCheckpoint(cp: Checkpoint, signer: NoteSigner): string {
  return signNote(formatCheckpointText(cp), signer);
}

/** Parses a checkpoint note without checking its signature (for display). */
export function readCheckpointNote(note: string): Checkpoint {
  return parseCheckpointText(parseNote(note).text);
}

/**
 * Checks the note's signature by `verifier` and returns the checkpoint.
 * When `origin` is given, a checkpoint of another log is refused.
 */
export function verifyCheckpoint(note: string, verifier: NoteVerifier, origin?: string): Checkpoint {
  const cp = parseCheckpointText(openNote(note, verifier));
  if (origin !== undefined && cp.origin !== origin) {
    throw new NoteError('MALFORMED_NOTE', `the checkpoint is for log "${cp.origin}", not "${origin}"`);
  }
  return cp;
}
