import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, bytesToHex, hexToBytes } from '../bytes';
import { MemoryTree } from '../merkle/memory-tree';
import { signCheckpoint } from './checkpoint';
import {
  addCosignatures,
  cosign,
  cosignatureMessage,
  cosignerFromSecretKey,
  cosignerKeyId,
  formatCosignerKey,
  generateCosigner,
  parseCosignatureLine,
  parseCosignerKey,
  verifyCosignatureLine,
  verifyCosignatures,
} from './cosignature';
import { checkNextCheckpoint, readWitnessKeyFile, witnessKeyFileText } from './cosignature-witness';
import { NoteError, signerFromSecretKey } from './signed-note';
import { COSIGNATURE_VECTORS } from './testdata/cosignature-vectors';

// Known answers copied from other implementations (sources in the file); never produced by this code.
const vectors = COSIGNATURE_VECTORS;

function noteError(fn: () => unknown): NoteError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NoteError) return e;
    throw e;
  }
  throw new Error('expected a NoteError');
}

describe('tlog-cosignature v1 known answers', () => {
  for (const v of vectors.signed) {
    const cosigner = cosignerFromSecretKey(v.name, hexToBytes(v.secretKeyHex));

    it('signs exactly the line another implementation produced (Ed25519 is deterministic)', () => {
      expect(cosign(v.body, cosigner, v.timestamp)).toBe(`${v.line}\n`);
    });

    it('verifies that line and reads its timestamp', () => {
      expect(verifyCosignatureLine(v.body, v.line, cosigner)).toBe(v.timestamp);
    });

    it('derives the key id the other implementation put on the line', () => {
      const raw = base64Decode(v.line.split(' ').at(-1) as string);
      expect(bytesToHex(cosigner.keyId)).toBe(bytesToHex(raw.slice(0, 4)));
    });

    it('ignores lines of other names or key ids, and finds its own among them', () => {
      const note = `${v.body}\n${v.otherLines.map((o) => `${o.line}\n`).join('')}${v.line}\n`;
      const found = verifyCosignatures(note, [cosigner]);
      expect(found.map((f) => f.timestamp)).toEqual([v.timestamp]);
      for (const o of v.otherLines) {
        expect(noteError(() => verifyCosignatureLine(v.body, o.line, cosigner)).code).toBe('UNKNOWN_KEY');
      }
    });

    it('refuses the line on another body, at another time, or with one bit of the signature changed', () => {
      expect(noteError(() => verifyCosignatureLine(v.body.replace('\n10\n', '\n11\n'), v.line, cosigner)).code).toBe(
        'BAD_SIGNATURE',
      );
      const raw = base64Decode(v.line.split(' ').at(-1) as string);
      const prefix = v.line.slice(0, v.line.lastIndexOf(' ') + 1);
      const later = raw.slice();
      later[11] = (later[11] as number) + 1; // timestamp 1235
      expect(noteError(() => verifyCosignatureLine(v.body, prefix + base64Encode(later), cosigner)).code).toBe(
        'BAD_SIGNATURE',
      );
      const flipped = raw.slice();
      flipped[40] = (flipped[40] as number) ^ 0x01;
      expect(noteError(() => verifyCosignatureLine(v.body, prefix + base64Encode(flipped), cosigner)).code).toBe(
        'BAD_SIGNATURE',
      );
      // On a note, a line that claims the key but does not verify is an error, not something skipped.
      expect(
        noteError(() => verifyCosignatures(`${v.body}\n${prefix}${base64Encode(flipped)}\n`, [cosigner])).code,
      ).toBe('BAD_SIGNATURE');
    });
  }

  it.each(vectors.timestamps)('reads key id $keyIdHex and timestamp $timestamp from $line', (t) => {
    const c = parseCosignatureLine(t.line);
    expect(bytesToHex(c.keyId)).toBe(t.keyIdHex);
    expect(c.timestamp).toBe(t.timestamp);
    expect(c.signature).toHaveLength(64);
  });

  it.each(vectors.vkeys)('parses vkey $vkey: valid $valid', (k) => {
    if (k.valid) {
      const key = parseCosignerKey(k.vkey);
      expect(formatCosignerKey(key)).toBe(k.vkey);
    } else {
      expect(noteError(() => parseCosignerKey(k.vkey)).code).toBe('MALFORMED_KEY');
    }
  });
});

describe('cosignature format', () => {
  const cosigner = cosignerFromSecretKey('baise.gov.cn/witness-li', sha256(new TextEncoder().encode('test witness')));
  const body = 'alutrace.local/ledger\n3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

  it('signs "cosignature/v1\\ntime T\\n" and the body', () => {
    expect(new TextDecoder().decode(cosignatureMessage(body, 1679315147))).toBe(
      `cosignature/v1\ntime 1679315147\n${body}`,
    );
  });

  it('computes the key id as SHA-256(name \\n 0x04 key)[:4], unlike a signed-note key (0x01)', () => {
    const expected = sha256(
      new Uint8Array([...new TextEncoder().encode('baise.gov.cn/witness-li\n'), 0x04, ...cosigner.publicKey]),
    ).slice(0, 4);
    expect(cosignerKeyId(cosigner.name, cosigner.publicKey)).toEqual(expected);
    expect(signerFromSecretKey(cosigner.name, cosigner.secretKey).keyId).not.toEqual(expected);
  });

  it('lays the blob out as key id, 8-byte big-endian timestamp, 64-byte signature', () => {
    const line = cosign(body, cosigner, 0x0102030405);
    const raw = base64Decode(line.trim().split(' ').at(-1) as string);
    expect(raw).toHaveLength(76);
    expect(bytesToHex(raw.slice(0, 4))).toBe(bytesToHex(cosigner.keyId));
    expect(bytesToHex(raw.slice(4, 12))).toBe('0000000102030405');
  });

  it('round-trips the vkey, with type 0x04', () => {
    const vkey = formatCosignerKey(cosigner);
    expect(base64Decode(vkey.split('+').slice(2).join('+'))[0]).toBe(0x04);
    expect(parseCosignerKey(vkey).publicKey).toEqual(cosigner.publicKey);
    expect(noteError(() => parseCosignerKey(vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).code).toBe('MALFORMED_KEY');
  });

  it('adds cosignature lines to a note once each', () => {
    const log = signerFromSecretKey('alutrace.local/ledger', sha256(new TextEncoder().encode('log')));
    const note = signCheckpoint({ origin: 'alutrace.local/ledger', size: 3, root: new Uint8Array(32) }, log);
    const line = cosign(note.slice(0, note.indexOf('\n\n') + 1), cosigner, 100);
    const twice = addCosignatures(addCosignatures(note, [line]), [line]);
    expect(twice).toBe(note + line);
    expect(verifyCosignatures(twice, [cosigner]).map((c) => c.timestamp)).toEqual([100]);
  });

  it('keeps the secret key in a key file that reads back, and refuses a file whose public key was swapped', () => {
    const w = generateCosigner('w.example/1');
    const text = witnessKeyFileText(w);
    expect(readWitnessKeyFile(text).publicKey).toEqual(w.publicKey);
    const other = generateCosigner('w.example/1');
    const swapped = text.replace(formatCosignerKey(w), formatCosignerKey(other));
    expect(noteError(() => readWitnessKeyFile(swapped)).code).toBe('MALFORMED_KEY');
  });
});

describe('the check before cosigning', () => {
  const log = signerFromSecretKey('alutrace.local/ledger', sha256(new TextEncoder().encode('the log')));
  const origin = 'alutrace.local/ledger';
  const leaf = (s: string) => sha256(new TextEncoder().encode(s));
  // Two histories sharing the first 4 entries, both signed by the log's key.
  const honest = new MemoryTree(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(leaf));
  const fork = new MemoryTree(['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h'].map(leaf));
  const note = (t: MemoryTree, size: number) => signCheckpoint({ origin, size, root: t.root(size) }, log);
  const hex = (p: Uint8Array[]) => p.map(bytesToHex);

  it('accepts a tree that extends the last cosigned one', () => {
    const r = checkNextCheckpoint({
      logKey: log,
      origin,
      previousNote: note(honest, 5),
      nextNote: note(honest, 7),
      proof: hex(honest.consistencyProof(5, 7)),
    });
    expect(r.ok).toBe(true);
  });

  it('refuses a fork after the cosigned size, whatever proof the log sends, and keeps the evidence', () => {
    const previousNote = note(honest, 6);
    const nextNote = note(fork, 8);
    for (const proof of [hex(fork.consistencyProof(6, 8)), hex(honest.consistencyProof(6, 7))]) {
      const r = checkNextCheckpoint({ logKey: log, origin, previousNote, nextNote, proof });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.evidence.previous.note).toBe(previousNote);
      expect(r.evidence.next.note).toBe(nextNote);
      expect(r.evidence.proof).toEqual({ from: 6, to: 8, hashes: proof });
    }
  });

  it('refuses a smaller tree and a different root at the same size', () => {
    const smaller = checkNextCheckpoint({
      logKey: log,
      origin,
      previousNote: note(honest, 6),
      nextNote: note(honest, 5),
      proof: [],
    });
    expect(smaller.ok).toBe(false);
    const same = checkNextCheckpoint({
      logKey: log,
      origin,
      previousNote: note(honest, 6),
      nextNote: note(fork, 6),
      proof: [],
    });
    expect(same.ok).toBe(false);
  });

  it('throws on a checkpoint the log did not sign (not evidence: anyone can make one)', () => {
    const stranger = signerFromSecretKey(origin, sha256(new TextEncoder().encode('stranger')));
    const forged = signCheckpoint({ origin, size: 7, root: honest.root(7) }, stranger);
    expect(
      noteError(() => checkNextCheckpoint({ logKey: log, origin, previousNote: null, nextNote: forged, proof: [] }))
        .code,
    ).toBe('UNKNOWN_KEY');
  });
});
