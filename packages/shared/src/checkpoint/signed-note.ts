// C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 keys.
//
//   note      = text "\n" signature-line+
//   signature = "— " key-name " " base64(key-id[4] || ed25519-signature[64]) "\n"
//   key-id    = SHA-256(key-name || "\n" || 0x01 || public-key)[:4]
//   verifier  = key-name "+" hex(key-id) "+" base64(0x01 || public-key)
//
// Notes may carry signatures from other keys (cosigners, later); a verifier
// checks the lines of its own key and ignores the rest.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64Decode, base64Encode, bytesEqual, bytesToHex, concatBytes, utf8ToBytes } from '../bytes';

const ALG_ED25519 = 0x01;
const SIG_PREFIX = '\u2014 ';

export type NoteErrorCode = 'MALFORMED_NOTE' | 'MALFORMED_KEY' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

export class NoteError extends Error {
  override readonly name = 'NoteError';
  constructor(
    readonly code: NoteErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface NoteVerifier {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

export interface NoteSigner extends NoteVerifier {
  secretKey: Uint8Array;
}

export interface NoteSignature {
  name: string;
  keyId: Uint8Array;
  signature: Uint8Array;
}

const KEY_NAME_RE = /^[^\s+]+$/u;

function assertKeyName(name: string): void {
  if (!KEY_NAME_RE.test(name)) {
    throw new NoteError('MALFORMED_KEY', `key name "${name}" must be non-empty, without spaces or "+"`);
  }
}

export function ed25519KeyId(name: string, publicKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8ToBytes(`${name}\n`), Uint8Array.of(ALG_ED25519), publicKey)).slice(0, 4);
}

export function signerFromSecretKey(name: string, secretKey: Uint8Array): NoteSigner {
  assertKeyName(name);
  const publicKey = ed25519.getPublicKey(secretKey);
  return { name, secretKey, publicKey, keyId: ed25519KeyId(name, publicKey) };
}

/** The verifier key text: `name+keyid+base64(0x01 || public key)`. */
export function formatVerifierKey(v: NoteVerifier): string {
  return `${v.name}+${bytesToHex(v.keyId)}+${base64Encode(concatBytes(Uint8Array.of(ALG_ED25519), v.publicKey))}`;
}

/**
 * Splits `text` at its first `count - 1` plus signs: the last field is
 * base64, which may itself contain "+".
 */
export function splitPlus(text: string, count: number): string[] | null {
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < count - 1; i++) {
    const at = rest.indexOf('+');
    if (at < 0) return null;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

export function parseVerifierKey(text: string): NoteVerifier {
  const parts = splitPlus(text.trim(), 3);
  if (!parts) throw new NoteError('MALFORMED_KEY', 'a verifier key has the form name+keyid+base64key');
  const [name, idHex, keyB64] = parts as [string, string, string];
  assertKeyName(name);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new NoteError('MALFORMED_KEY', 'the key id must be 8 lower-case hex digits');
  let raw: Uint8Array;
  try {
    raw = base64Decode(keyB64);
  } catch {
    throw new NoteError('MALFORMED_KEY', 'the key is not valid base64');
  }
  if (raw.length !== 33 || raw[0] !== ALG_ED25519) {
    throw new NoteError('MALFORMED_KEY', 'only Ed25519 verifier keys (algorithm 0x01, 32 bytes) are supported');
  }
  const publicKey = raw.slice(1);
  const keyId = ed25519KeyId(name, publicKey);
  if (bytesToHex(keyId) !== idHex) throw new NoteError('MALFORMED_KEY', 'the key id does not match the name and key');
  return { name, keyId, publicKey };
}

/** Signs `text` (which must end in a newline) and returns the note. */
export function signNote(text: string, signer: NoteSigner): string {
  assertNoteText(text);
  const signature = ed25519.sign(utf8ToBytes(text), signer.secretKey);
  return `${text}\n${formatSignatureLine(signer.name, signer.keyId, signature)}`;
}

export function formatSignatureLine(name: string, keyId: Uint8Array, signature: Uint8Array): string {
  return `${SIG_PREFIX}${name} ${base64Encode(concatBytes(keyId, signature))}\n`;
}

function assertNoteText(text: string): void {
  if (!text.endsWith('\n')) throw new NoteError('MALFORMED_NOTE', 'note text must end with a newline');
  if (text.includes('\n\n')) throw new NoteError('MALFORMED_NOTE', 'note text must not contain a blank line');
}

/**
 * Undoes what copying a note through an editor or e-mail does to it:
 * CRLF line ends and a missing final newline. The signed bytes are unchanged.
 */
export function normaliseNote(note: string): string {
  const lf = note.replace(/\r\n/g, '\n');
  return lf.endsWith('\n') ? lf : `${lf}\n`;
}

/** Splits a note into its text and signature lines, without checking any signature. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('MALFORMED_NOTE', 'a note has text, a blank line and signature lines');
  const text = note.slice(0, split + 1);
  const sigBlock = note.slice(split + 2);
  if (!sigBlock.endsWith('\n')) throw new NoteError('MALFORMED_NOTE', 'signature lines must end with a newline');
  const signatures: NoteSignature[] = [];
  for (const line of sigBlock.slice(0, -1).split('\n')) {
    if (!line.startsWith(SIG_PREFIX)) throw new NoteError('MALFORMED_NOTE', 'a signature line starts with "— "');
    const rest = line.slice(SIG_PREFIX.length);
    const space = rest.lastIndexOf(' ');
    if (space <= 0) throw new NoteError('MALFORMED_NOTE', 'a signature line is "— name signature"');
    let raw: Uint8Array;
    try {
      raw = base64Decode(rest.slice(space + 1));
    } catch {
      throw new NoteError('MALFORMED_NOTE', 'a signature is not valid base64');
    }
    if (raw.length < 5) throw new NoteError('MALFORMED_NOTE', 'a signature is too short');
    signatures.push({ name: rest.slice(0, space), keyId: raw.slice(0, 4), signature: raw.slice(4) });
  }
  if (signatures.length === 0) throw new NoteError('MALFORMED_NOTE', 'the note has no signature');
  return { text, signatures };
}

/**
 * Returns the note's text if it carries a valid signature by `verifier`.
 * A line that claims the verifier's key but does not verify is an error, not
 * something to skip: it means the note was altered or forged.
 */
export function openNote(note: string, verifier: NoteVerifier): string {
  const { text, signatures } = parseNote(note);
  const message = utf8ToBytes(text);
  let found = false;
  for (const sig of signatures) {
    if (sig.name !== verifier.name || !bytesEqual(sig.keyId, verifier.keyId)) continue;
    found = true;
    let ok = false;
    try {
      ok = sig.signature.length === 64 && ed25519.verify(sig.signature, message, verifier.publicKey);
    } catch {
      ok = false;
    }
    if (!ok) throw new NoteError('BAD_SIGNATURE', `the signature by ${verifier.name} does not verify`);
  }
  if (!found) throw new NoteError('UNKNOWN_KEY', `the note carries no signature by ${verifier.name}`);
  return text;
}
