import {
  bytesToHex,
  formatVerifierKey,
  type HeadView,
  hexToBytes,
  signCheckpoint,
  signerFromSecretKey,
} from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { checkHeadSignature } from './check-head-signature';

const ORIGIN = 'alutrace.local/ledger';
const signer = signerFromSecretKey(ORIGIN, new Uint8Array(32).fill(7));
const other = signerFromSecretKey(ORIGIN, new Uint8Array(32).fill(9));
const ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The head as the server reports it, signed by `signer` unless the test says otherwise. */
function head(overrides: Partial<HeadView> = {}): HeadView {
  return {
    treeSize: 3,
    rootHash: ROOT,
    note: signCheckpoint({ origin: ORIGIN, size: 3, root: hexToBytes(ROOT) }, signer),
    createdAt: '2026-11-28T06:03:05.000Z',
    origin: ORIGIN,
    verifierKey: formatVerifierKey(signer),
    ...overrides,
  };
}

describe('checkHeadSignature', () => {
  it('accepts a checkpoint signed by the verifier key that says what the server reports', () => {
    expect(checkHeadSignature(head())).toEqual({ valid: true, keyName: ORIGIN });
  });

  it('refuses a signature by another key, and a note changed after signing', () => {
    expect(checkHeadSignature(head({ verifierKey: formatVerifierKey(other) }))).toMatchObject({
      valid: false,
      problem: 'UNKNOWN_KEY',
    });
    const note = head().note.replace('\n3\n', '\n4\n');
    expect(checkHeadSignature(head({ note, treeSize: 4 }))).toMatchObject({ valid: false, problem: 'BAD_SIGNATURE' });
  });

  it('refuses a valid signature over other numbers than those shown', () => {
    expect(checkHeadSignature(head({ treeSize: 5 }))).toEqual({
      valid: false,
      problem: 'SIZE_MISMATCH',
      params: { signed: '3', reported: '5' },
    });
    expect(checkHeadSignature(head({ rootHash: bytesToHex(new Uint8Array(32)) }))).toEqual({
      valid: false,
      problem: 'ROOT_MISMATCH',
      params: {},
    });
    expect(checkHeadSignature(head({ origin: 'example.org/log' }))).toEqual({
      valid: false,
      problem: 'ORIGIN_MISMATCH',
      params: { signed: ORIGIN, reported: 'example.org/log' },
    });
  });

  it('names a malformed note or key instead of failing', () => {
    expect(checkHeadSignature(head({ note: 'not a note' }))).toMatchObject({ valid: false, problem: 'MALFORMED_NOTE' });
    expect(checkHeadSignature(head({ verifierKey: 'garbage' }))).toMatchObject({
      valid: false,
      problem: 'MALFORMED_KEY',
    });
  });
});
