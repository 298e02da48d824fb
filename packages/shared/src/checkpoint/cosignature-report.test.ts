import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode } from '../bytes';
import { MemoryTree } from '../merkle/memory-tree';
import { signCheckpoint } from './checkpoint';
import { cosign, cosignerFromSecretKey, formatCosignerKey, noteBody as noteBodyOf } from './cosignature';
import { checkCosignatures, cosignatureRecordsOf } from './cosignature-report';
import { signerFromSecretKey } from './signed-note';

const seed = (s: string) => sha256(new TextEncoder().encode(s));
const log = signerFromSecretKey('alutrace.local/ledger', seed('log'));
const li = cosignerFromSecretKey('baise.gov.cn/li', seed('li'));
const wang = cosignerFromSecretKey('baise.gov.cn/wang', seed('wang'));
const tree = new MemoryTree(['a', 'b', 'c', 'd', 'e'].map(seed));
const note = (size: number, t = tree) =>
  signCheckpoint({ origin: 'alutrace.local/ledger', size, root: t.root(size) }, log);
const checkpoints = [3, 5].map((size) => ({ treeSize: size, body: noteBodyOf(note(size)) }));

describe('which checkpoints are cosigned', () => {
  it('lists each verified cosignature with its witness and time, and summarises each witness', () => {
    const r = checkCosignatures({
      checkpoints,
      cosignatures: [
        { treeSize: 3, body: checkpoints[0]?.body as string, line: cosign(checkpoints[0]?.body as string, li, 1000) },
        { treeSize: 5, body: checkpoints[1]?.body as string, line: cosign(checkpoints[1]?.body as string, li, 2000) },
        { treeSize: 5, body: checkpoints[1]?.body as string, line: cosign(checkpoints[1]?.body as string, wang, 2100) },
      ],
      keys: [li, wang],
    });
    expect(r.ok).toBe(true);
    expect(r.cosignatures.map((c) => [c.treeSize, c.witness, c.time])).toEqual([
      [3, 'baise.gov.cn/li', '1970-01-01T00:16:40.000Z'],
      [5, 'baise.gov.cn/li', '1970-01-01T00:33:20.000Z'],
      [5, 'baise.gov.cn/wang', '1970-01-01T00:35:00.000Z'],
    ]);
    expect(r.witnesses.find((w) => w.witness === 'baise.gov.cn/li')).toMatchObject({ checkpoints: 2, latestSize: 5 });
  });

  it('finds a ledger rewritten and re-signed after it was cosigned: the cosigned checkpoint is no longer there', () => {
    const rewritten = new MemoryTree(['a', 'B', 'c', 'd', 'e'].map(seed));
    const cosignedBody = checkpoints[1]?.body as string;
    const r = checkCosignatures({
      // The ledger now holds checkpoints of the rewritten tree, validly signed by the same key.
      checkpoints: [3, 5].map((size) => ({ treeSize: size, body: noteBodyOf(note(size, rewritten)) })),
      cosignatures: [{ treeSize: 5, body: cosignedBody, line: cosign(cosignedBody, li, 1000) }],
      keys: [li],
    });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['COSIGNED_CHECKPOINT_MISSING']);
    expect(r.problems[0]?.messageZh).toContain('改写');
  });

  it('refuses a forged cosignature, and with a required key, a ledger it never cosigned', () => {
    const body = checkpoints[1]?.body as string;
    const line = cosign(body, li, 1000);
    const b64 = line.trim().split(' ').at(-1) as string;
    const raw = base64Decode(b64);
    raw[40] = (raw[40] as number) ^ 0x01; // inside the Ed25519 signature
    const forged = line.replace(b64, base64Encode(raw));
    const r = checkCosignatures({
      checkpoints,
      cosignatures: [{ treeSize: 5, body, line: forged }],
      keys: [li],
      required: [wang],
    });
    expect(r.problems.map((p) => p.code).sort()).toEqual(['BAD_COSIGNATURE', 'MISSING_COSIGNATURE']);
  });

  it('leaves cosignatures of keys it was not given unchecked, and reads them off a note', () => {
    const cosigned = note(5) + cosign(checkpoints[1]?.body as string, wang, 5);
    const records = cosignatureRecordsOf(5, cosigned);
    expect(records).toHaveLength(1);
    const r = checkCosignatures({ checkpoints, cosignatures: records, keys: [li] });
    expect(r).toMatchObject({ ok: true, unknown: 1, cosignatures: [] });
    expect(formatCosignerKey(wang)).toContain('baise.gov.cn/wang+');
  });
});
