// C2SP tlog-cosignature v1 (https://c2sp.org/tlog-cosignature), Ed25519:
// a witness's statement that, as of a time, the checkpoint is the largest
// consistent tree head of the log it has seen.
//
//   message   = "cosignature/v1\n" "time " decimal(timestamp) "\n" checkpoint-body
//   line      = "— " name " " base64(key-id[4] || timestamp[8, big-endian] || ed25519-signature[64]) "\n"
//   key-id    = SHA-256(name || "\n" || 0x04 || public-key)[:4]
//   vkey      = name "+" hex(key-id) "+" base64(0x04 || public-key)
//
// The body is the checkpoint note's text (origin, size, root, any extension
// lines, with the final newline, without signature lines). Pure and
// browser-safe: the browser witness, the CLI and the server share it.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64Decode, base64Encode, bytesEqual, bytesToHex, concatBytes, utf8ToBytes } from '../bytes';
import { NoteError, type NoteSignature, parseNote, splitPlus } from './signed-note';

export const COSIGNATURE_ALG = 0x04;
const SIG_PREFIX = '\u2014 ';
/** key id (4) + timestamp (8) + Ed25519 signature (64). */
export const COSIGNATURE_BLOB_SIZE = 76;

/** A witness's public key: what verifiers are configured with. */
export interface CosignerKey {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

/** A witness's signing key (never leaves the official's browser or key file). */
export interface Cosigner extends CosignerKey {
  secretKey: Uint8Array;
}

/** One parsed (not yet verified) cosignature line. */
export interface CosignatureLine {
  name: string;
  keyId: Uint8Array;
  /** POSIX seconds. */
  timestamp: number;
  signature: Uint8Array;
}

/** A cosignature that verified, with the key that made it. */
export interface VerifiedCosignature {
  key: CosignerKey;
  /** POSIX seconds. */
  timestamp: number;
  /** The signature line as it appears on the note, with its newline. */
  line: string;
}

const KEY_NAME_RE = /^[^\s+]+$/u;

function assertName(name: string): void {
  if (!KEY_NAME_RE.test(name) || name.length > 200) {
    throw new NoteError('MALFORMED_KEY', `witness name "${name}" must be 1–200 characters, without spaces or "+"`);
  }
}

export function cosignerKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8ToBytes(`${name}\n`), Uint8Array.of(COSIGNATURE_ALG), publicKey)).slice(0, 4);
}

export function cosignerFromSecretKey(name: string, secretKey: Uint8Array): Cosigner {
  assertName(name);
  if (secretKey.length !== 32) throw new NoteError('MALFORMED_KEY', 'an Ed25519 secret key is 32 bytes');
  const publicKey = ed25519.getPublicKey(secretKey);
  return { name, secretKey, publicKey, keyId: cosignerKeyId(name, publicKey) };
}

/** A new witness key from the platform's cryptographic random source (Web Crypto in browsers and Node). */
export function generateCosigner(name: string): Cosigner {
  return cosignerFromSecretKey(name, ed25519.utils.randomSecretKey());
}

/** The vkey: `name+keyid+base64(0x04 || public key)`. */
export function formatCosignerKey(key: CosignerKey): string {
  return `${key.name}+${bytesToHex(key.keyId)}+${base64Encode(concatBytes(Uint8Array.of(COSIGNATURE_ALG), key.publicKey))}`;
}

export function parseCosignerKey(text: string): CosignerKey {
  const parts = splitPlus(text.trim(), 3);
  if (!parts) throw new NoteError('MALFORMED_KEY', 'a witness key has the form name+keyid+base64key');
  const [name, idHex, keyB64] = parts as [string, string, string];
  assertName(name);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new NoteError('MALFORMED_KEY', 'the key id must be 8 lower-case hex digits');
  let raw: Uint8Array;
  try {
    raw = base64Decode(keyB64);
  } catch {
    throw new NoteError('MALFORMED_KEY', 'the key is not valid base64');
  }
  if (raw.length !== 33 || raw[0] !== COSIGNATURE_ALG) {
    throw new NoteError(
      'MALFORMED_KEY',
      'only Ed25519 cosignature/v1 keys (type 0x04, 32 bytes) are supported as witness keys',
    );
  }
  const publicKey = raw.slice(1);
  const keyId = cosignerKeyId(name, publicKey);
  if (bytesToHex(keyId) !== idHex) throw new NoteError('MALFORMED_KEY', 'the key id does not match the name and key');
  return { name, keyId, publicKey };
}

function assertBody(body: string): void {
  if (!body.endsWith('\n')) throw new NoteError('MALFORMED_NOTE', 'the checkpoint body must end with a newline');
  if (body.includes('\n\n')) throw new NoteError('MALFORMED_NOTE', 'the checkpoint body must not contain a blank line');
}

function assertTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new NoteError('MALFORMED_NOTE', 'a cosignature timestamp is a whole number of seconds since 1970');
  }
}

/** The bytes an Ed25519 cosignature/v1 signs. */
export function cosignatureMessage(body: string, timestamp: number): Uint8Array {
  assertBody(body);
  assertTimestamp(timestamp);
  return utf8ToBytes(`cosignature/v1\ntime ${timestamp}\n${body}`);
}

function u64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), false);
  return out;
}

export function formatCosignatureLine(c: CosignatureLine): string {
  return `${SIG_PREFIX}${c.name} ${base64Encode(concatBytes(c.keyId, u64(c.timestamp), c.signature))}\n`;
}

/**
 * Cosigns a checkpoint body at `timestamp` (POSIX seconds; default now) and
 * returns the signature line, to be appended to the checkpoint note.
 */
export function cosign(body: string, cosigner: Cosigner, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = ed25519.sign(cosignatureMessage(body, timestamp), cosigner.secretKey);
  return formatCosignatureLine({ name: cosigner.name, keyId: cosigner.keyId, timestamp, signature });
}

/** Reads a note signature as a cosignature; null when it cannot be one (wrong length). */
export function cosignatureOf(sig: NoteSignature): CosignatureLine | null {
  // NoteSignature.signature is everything after the key id.
  if (sig.signature.length !== COSIGNATURE_BLOB_SIZE - 4) return null;
  const ts = new DataView(sig.signature.buffer, sig.signature.byteOffset, 8).getBigUint64(0, false);
  if (ts > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { name: sig.name, keyId: sig.keyId, timestamp: Number(ts), signature: sig.signature.slice(8) };
}

/** Parses one signature line ("— name base64\n", the newline optional). */
export function parseCosignatureLine(line: string): CosignatureLine {
  const text = line.endsWith('\n') ? line : `${line}\n`;
  if (text.indexOf('\n') !== text.length - 1) throw new NoteError('MALFORMED_NOTE', 'give one signature line');
  // parseNote needs a text part: any one-line text will do.
  const { signatures } = parseNote(`x\n\n${text}`);
  const c = cosignatureOf(signatures[0] as NoteSignature);
  if (!c) throw new NoteError('MALFORMED_NOTE', 'a cosignature is 76 bytes: key id, timestamp and Ed25519 signature');
  return c;
}

const matches = (c: { name: string; keyId: Uint8Array }, key: CosignerKey): boolean =>
  c.name === key.name && bytesEqual(c.keyId, key.keyId);

/**
 * Verifies one cosignature line on `body` by `key`; returns its timestamp.
 * Throws UNKNOWN_KEY when the line is another key's, BAD_SIGNATURE when it
 * claims the key but does not verify.
 */
export function verifyCosignatureLine(body: string, line: string, key: CosignerKey): number {
  const c = parseCosignatureLine(line);
  if (!matches(c, key)) throw new NoteError('UNKNOWN_KEY', `the cosignature is not by ${key.name}`);
  let ok = false;
  try {
    ok = ed25519.verify(c.signature, cosignatureMessage(body, c.timestamp), key.publicKey);
  } catch {
    ok = false;
  }
  if (!ok) throw new NoteError('BAD_SIGNATURE', `the cosignature by ${key.name} does not verify`);
  return c.timestamp;
}

/**
 * The cosignatures on a checkpoint note by the given keys, verified. Lines
 * of other keys (the log's own signature among them) are ignored, as the
 * spec says; a line that claims one of the keys but does not verify throws
 * BAD_SIGNATURE: the note was altered or the cosignature forged.
 */
export function verifyCosignatures(note: string, keys: readonly CosignerKey[]): VerifiedCosignature[] {
  const { text, signatures } = parseNote(note);
  const out: VerifiedCosignature[] = [];
  for (const sig of signatures) {
    const key = keys.find((k) => matches(sig, k));
    if (!key) continue;
    const c = cosignatureOf(sig);
    const line = c ? formatCosignatureLine(c) : '';
    if (!c) throw new NoteError('BAD_SIGNATURE', `the cosignature by ${key.name} is not 76 bytes long`);
    out.push({ key, timestamp: verifyCosignatureLine(text, line, key), line });
  }
  return out;
}

/** The note with the cosignature lines added after its signatures (a line already there is not repeated). */
export function addCosignatures(note: string, lines: readonly string[]): string {
  const { text } = parseNote(note); // a well-formed note, or throw
  const present = new Set(note.slice(text.length + 1).split('\n'));
  let out = note;
  for (const raw of lines) {
    const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    parseCosignatureLine(line);
    if (present.has(line)) continue;
    present.add(line);
    out += `${line}\n`;
  }
  return out;
}

/** The text a note signs (its body), without the signature lines. */
export function noteBody(note: string): string {
  return parseNote(note).text;
}
