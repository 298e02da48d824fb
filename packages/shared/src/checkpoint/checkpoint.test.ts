import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { base64Encode, bytesToHex, hexToBytes } from '../bytes';
import { parseCheckpointText, readCheckpointNote, signCheckpoint, verifyCheckpoint } from './checkpoint';
import {
  ed25519KeyId,
  formatVerifierKey,
  NoteError,
  openNote,
  parseNote,
  parseVerifierKey,
  signerFromSecretKey,
  signNote,
} from './signed-note';

// A fixed key so the expected note bytes below are known answers.
const secretKey = sha256(new TextEncoder().encode('alutrace test key'));
const signer = signerFromSecretKey('alutrace.local/ledger', secretKey);
const root = hexToBytes('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

function noteError(fn: () => unknown): NoteError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NoteError) return e;
    throw e;
  }
  throw new Error('expected a NoteError');
}

describe('signed notes (C2SP signed-note, Ed25519)', () => {
  it('derives the key id as SHA-256(name \\n 0x01 key)[:4]', () => {
    const expected = sha256(
      new Uint8Array([...new TextEncoder().encode('alutrace.local/ledger\n'), 0x01, ...signer.publicKey]),
    ).slice(0, 4);
    expect(bytesToHex(signer.keyId)).toBe(bytesToHex(expected));
    expect(ed25519KeyId(signer.name, signer.publicKey)).toEqual(expected);
  });

  it('formats and parses the verifier key', () => {
    const text = formatVerifierKey(signer);
    expect(text).toBe(
      `alutrace.local/ledger+${bytesToHex(signer.keyId)}+${base64Encode(new Uint8Array([1, ...signer.publicKey]))}`,
    );
    const parsed = parseVerifierKey(text);
    expect(parsed.publicKey).toEqual(signer.publicKey);
    expect(parsed.keyId).toEqual(signer.keyId);
  });

  it('parses keys whose base64 contains "+" (the key name may contain "/")', () => {
    for (let seed = 0; seed < 500; seed++) {
      const s = signerFromSecretKey('alutrace.local/ledger', sha256(new TextEncoder().encode(`k${seed}`)));
      const text = formatVerifierKey(s);
      if (!text.split('+').slice(2).join('+').includes('+')) continue;
      expect(parseVerifierKey(text).publicKey).toEqual(s.publicKey);
      return;
    }
    throw new Error('no seed gave a "+" in base64');
  });

  it.each([
    ['no parts', 'nonsense'],
    ['a wrong key id', `alutrace.local/ledger+00000000+${base64Encode(new Uint8Array([1, ...signer.publicKey]))}`],
    [
      'another algorithm',
      `alutrace.local/ledger+${bytesToHex(signer.keyId)}+${base64Encode(new Uint8Array([2, ...signer.publicKey]))}`,
    ],
    ['bad base64', `alutrace.local/ledger+${bytesToHex(signer.keyId)}+!!!`],
  ])('refuses a verifier key with %s', (_name, text) => {
    expect(noteError(() => parseVerifierKey(text)).code).toBe('MALFORMED_KEY');
  });

  it('signs the text with an em-dash signature line, verifiable with plain Ed25519', () => {
    const note = signNote('hello\n', signer);
    const { text, signatures } = parseNote(note);
    expect(text).toBe('hello\n');
    expect(note.startsWith('hello\n\n\u2014 alutrace.local/ledger ')).toBe(true);
    expect(signatures).toHaveLength(1);
    const sig = signatures[0];
    expect(sig?.keyId).toEqual(signer.keyId);
    expect(ed25519.verify(sig?.signature as Uint8Array, new TextEncoder().encode('hello\n'), signer.publicKey)).toBe(
      true,
    );
    expect(openNote(note, signer)).toBe('hello\n');
  });

  it('refuses an altered text, an altered signature and a note from another key', () => {
    const note = signNote('size 5\n', signer);
    expect(noteError(() => openNote(note.replace('size 5', 'size 6'), signer)).code).toBe('BAD_SIGNATURE');
    const sigStart = note.lastIndexOf(' ') + 1;
    const b64 = note.slice(sigStart, -1);
    const altered = `${note.slice(0, sigStart)}${b64.slice(0, 10)}${b64[10] === 'A' ? 'B' : 'A'}${b64.slice(11)}\n`;
    expect(noteError(() => openNote(altered, signer)).code).toBe('BAD_SIGNATURE');
    const other = signerFromSecretKey('alutrace.local/ledger', sha256(new TextEncoder().encode('other')));
    expect(noteError(() => openNote(signNote('size 5\n', other), signer)).code).toBe('UNKNOWN_KEY');
  });

  it('keeps working when another party adds its own signature line', () => {
    const other = signerFromSecretKey('witness.example', sha256(new TextEncoder().encode('w')));
    const note = signNote('x\n', signer);
    const cosigned = `${note}${signNote('x\n', other).split('\n\n')[1]}`;
    expect(openNote(cosigned, signer)).toBe('x\n');
    expect(openNote(cosigned, other)).toBe('x\n');
  });

  it.each([
    ['no blank line', 'abc\n\u2014 a AAAA\n'],
    ['no signature', 'abc\n\n'],
    ['a line without the em dash', 'abc\n\n- a AAAAAAAA\n'],
  ])('refuses a malformed note: %s', (_name, note) => {
    expect(noteError(() => parseNote(note)).code).toBe('MALFORMED_NOTE');
  });
});

describe('checkpoints (C2SP tlog-checkpoint)', () => {
  it('has the origin, the size and the base64 root, one per line', () => {
    const note = signCheckpoint({ origin: 'alutrace.local/ledger', size: 0, root }, signer);
    expect(note.split('\n').slice(0, 4)).toEqual([
      'alutrace.local/ledger',
      '0',
      '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
      '',
    ]);
    const cp = verifyCheckpoint(note, parseVerifierKey(formatVerifierKey(signer)), 'alutrace.local/ledger');
    expect(cp.size).toBe(0);
    expect(cp.root).toEqual(root);
    expect(readCheckpointNote(note).origin).toBe('alutrace.local/ledger');
  });

  it('is deterministic: the same checkpoint and key give the same note', () => {
    const a = signCheckpoint({ origin: 'o.example/log', size: 12, root }, signer);
    expect(signCheckpoint({ origin: 'o.example/log', size: 12, root }, signer)).toBe(a);
  });

  it('refuses a checkpoint of another log when the origin is pinned', () => {
    const note = signCheckpoint({ origin: 'other.example/log', size: 1, root }, signer);
    expect(noteError(() => verifyCheckpoint(note, signer, 'alutrace.local/ledger')).message).toMatch(/other.example/);
  });

  it.each([
    ['a negative size', 'o\n-1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n'],
    ['a size with a leading zero', 'o\n01\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n'],
    ['a short root', 'o\n1\nAAAA\n'],
    ['a missing root', 'o\n1\n'],
    ['an origin with a space', 'o x\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n'],
  ])('refuses checkpoint text with %s', (_name, text) => {
    expect(noteError(() => parseCheckpointText(text)).code).toBe('MALFORMED_NOTE');
  });
});
