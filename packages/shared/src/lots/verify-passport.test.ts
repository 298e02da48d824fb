// verifyPassport on a small ledger built here, entry by entry, with its own
// Merkle tree and signing key: a collection, its dispatch and receipt, a
// melt into an ingot and dross, the ingot's shipment. The passports of the
// ingot and of the collection lot verify; every kind of tampering fails the
// check that should catch it.
import { describe, expect, it } from 'vitest';
import type { Passport, PassportEntry } from '../api/passport-api';
import { base64Decode, base64Encode, bytesToHex } from '../bytes';
import { canonicalBytes, type JsonObject } from '../canonical-json';
import { signCheckpoint } from '../checkpoint/checkpoint';
import { formatVerifierKey, signerFromSecretKey } from '../checkpoint/signed-note';
import { GENESIS_PREV, type LedgerEntry } from '../ledger/entry';
import { hashLeaf } from '../merkle/hashes';
import { MemoryTree } from '../merkle/memory-tree';
import { labelDigest } from './label';
import { type PassportVerification, verifyPassport } from './verify-passport';

const ORIGIN = 'test.example/ledger';
const signer = signerFromSecretKey(ORIGIN, new Uint8Array(32).fill(7));
const KEY = formatVerifierKey(signer);
const other = formatVerifierKey(signerFromSecretKey(ORIGIN, new Uint8Array(32).fill(8)));

const COLLECTED = 'PG01-261128-0001';
const INGOT = 'RC01-261128-0001';
const DROSS = 'RC01-261128-0002';
const DISPATCH = '0192f000-0000-4000-8000-00000000d001';
const SEALED = 'ab'.repeat(32);

const bodies: [string, string, JsonObject][] = [
  [
    'collection.recorded',
    'PG01',
    {
      lotId: COLLECTED,
      grade: 'UBC',
      sourceClass: 'post_consumer',
      grossG: 1_100_000,
      tareG: 100_000,
      deductionG: 0,
      netG: 1_000_000,
      photoHashes: [],
      sealed: SEALED,
    },
  ],
  [
    'lots.dispatched',
    'PG01',
    { dispatchId: DISPATCH, to: 'RC01', lots: [{ lotId: COLLECTED, massG: 1_000_000 }], sealed: SEALED },
  ],
  [
    'lots.received',
    'RC01',
    { dispatchId: DISPATCH, lots: [{ lotId: COLLECTED, receivedG: 998_000 }], tolerancePct: 1, sealed: SEALED },
  ],
  [
    'processing.recorded',
    'RC01',
    {
      runId: '0192f000-0000-4000-8000-0000000000a1',
      process: 'melting',
      inputs: [{ lotId: COLLECTED, consumedG: 900_000 }],
      additions: [],
      outputs: [{ lotId: INGOT, form: 'ingot', grade: null, alloy: 'ADC12', massG: 800_000 }],
      byproducts: [{ lotId: DROSS, kind: 'dross', massG: 60_000, hazardousWasteCode: 'HW48 321-026-48' }],
      lossFlagPct: 20,
      sealed: SEALED,
    },
  ],
  ['product.shipped', 'RC01', { lotId: INGOT, buyer: 'BY01', chain: 'transport', massG: 800_000, sealed: SEALED }],
];

// The ledger: each entry chained to the one before, all of them leaves of one tree.
const tree = new MemoryTree();
const stored: { entry: LedgerEntry; bytes: Uint8Array; leafHash: string }[] = [];
bodies.forEach(([kind, site, body], seq) => {
  const entry: LedgerEntry = {
    v: 1,
    seq,
    id: `0192f000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    kind,
    site,
    actor: { type: 'user', id: '0192f000-0000-7000-8000-00000000a001' },
    occurredAt: `2026-11-28T0${seq}:00:00.000Z`,
    recordedAt: `2026-11-28T0${seq}:00:01.000Z`,
    prev: seq === 0 ? GENESIS_PREV : (stored[seq - 1]?.leafHash as string),
    body,
  };
  const bytes = canonicalBytes(entry);
  const leaf = hashLeaf(bytes);
  tree.append(leaf);
  stored.push({ entry, bytes, leafHash: bytesToHex(leaf) });
});
const note = signCheckpoint({ origin: ORIGIN, size: tree.size, root: tree.root() }, signer);

function listed(seq: number, role: PassportEntry['role']): PassportEntry {
  const s = stored[seq] as (typeof stored)[number];
  return {
    seq,
    role,
    leafHash: s.leafHash,
    canonicalBase64: base64Encode(s.bytes),
    proof: tree.inclusionProof(seq, tree.size).map(bytesToHex),
  };
}

const site = (code: string, kind: 'collection_point' | 'recycler' | 'buyer') => ({
  code,
  kind,
  nameZh: code,
  nameEn: code,
  district: '平果市',
  park: null,
});

const checkpoint = {
  treeSize: tree.size,
  rootHash: bytesToHex(tree.root()),
  note,
  origin: ORIGIN,
  verifierKey: KEY,
};

function ingotPassport(): Passport {
  return {
    lot: {
      lotId: INGOT,
      kind: 'product',
      state: 'shipped',
      labelDigest: labelDigest(stored[3]?.leafHash as string),
      grade: null,
      sourceClass: null,
      alloy: { code: 'ADC12', standard: 'GB/T 15115', nameZh: 'ADC12', nameEn: 'ADC12' },
      form: 'ingot',
      byproductKind: null,
      hazardousWasteCode: null,
      massG: 800_000,
      balanceG: 0,
      recycledPpm: 1_000_000,
      postConsumerPpm: 1_000_000,
      recycledG: 800_000,
      postConsumerG: 800_000,
      originSite: site('RC01', 'recycler'),
      holder: null,
      transitTo: null,
      createdSeq: 3,
      createdAt: '2026-11-28T03:00:01.000Z',
      updatedAt: '2026-11-28T04:00:01.000Z',
      shippedTo: {
        buyer: site('BY01', 'buyer'),
        chain: 'transport',
        massG: 800_000,
        occurredAt: '2026-11-28T04:00:00.000Z',
        seq: 4,
      },
      routes: [],
      voidedBy: null,
    },
    upstream: {
      collectionLots: 1,
      totalG: 837_209,
      bySourceClass: { post_consumer: { grams: 837_209, ppm: 1_000_000 }, pre_consumer: { grams: 0, ppm: 0 } },
      additionsG: 0,
      untracedG: 0,
      collectionPoints: [{ site: site('PG01', 'collection_point'), lots: 1, grams: 837_209 }],
      otherPoints: null,
    },
    inputs: [
      {
        lotId: COLLECTED,
        labelDigest: labelDigest(stored[0]?.leafHash as string),
        kind: 'scrap',
        grade: 'UBC',
        alloy: null,
        massG: 1_000_000,
        consumedG: 900_000,
      },
    ],
    entries: [listed(3, 'created'), listed(4, 'event')],
    omittedEntries: 0,
    checkpoint: { ...checkpoint },
  };
}

function collectedPassport(): Passport {
  const p = ingotPassport();
  return {
    ...p,
    lot: {
      ...p.lot,
      lotId: COLLECTED,
      kind: 'scrap',
      state: 'on_hand',
      labelDigest: labelDigest(stored[0]?.leafHash as string),
      grade: { code: 'UBC', nameZh: '废铝易拉罐（打包）', nameEn: 'Used beverage cans, baled', family: 'ubc' },
      sourceClass: 'post_consumer',
      alloy: null,
      form: null,
      massG: 1_000_000,
      balanceG: 98_000,
      originSite: site('PG01', 'collection_point'),
      holder: site('RC01', 'recycler'),
      createdSeq: 0,
      shippedTo: null,
    },
    inputs: [],
    entries: [listed(0, 'created'), listed(1, 'event'), listed(2, 'event'), listed(3, 'event')],
  };
}

const failed = (v: PassportVerification) => v.checks.filter((c) => c.status === 'fail').map((c) => c.check);

describe('verifyPassport', () => {
  it('passes a true passport of a product, check by check', () => {
    const v = verifyPassport(ingotPassport(), KEY, { digest: ingotPassport().lot.labelDigest, origin: ORIGIN });
    expect(failed(v)).toEqual([]);
    expect(v.valid).toBe(true);
    expect(new Set(v.checks.map((c) => c.check))).toEqual(
      new Set([
        'checkpoint',
        'leaf-hash',
        'entry',
        'inclusion',
        'label-digest',
        'created',
        'inputs',
        'voided',
        'shipped',
        'history',
      ]),
    );
  });

  it('replays a collection lot’s whole history: received 998 kg, 900 kg melted, 98 kg left on hand', () => {
    const v = verifyPassport(collectedPassport(), KEY);
    expect(failed(v)).toEqual([]);
    expect(v.checks.find((c) => c.check === 'history')).toMatchObject({ status: 'pass' });
  });

  it('fails a changed mass in the summary', () => {
    const p = ingotPassport();
    p.lot.massG = 850_000;
    expect(failed(verifyPassport(p, KEY))).toEqual(['created']);
    const c = collectedPassport();
    c.lot.balanceG = 198_000;
    expect(failed(verifyPassport(c, KEY))).toEqual(['history']);
  });

  it('fails a changed byte of an entry: its leaf hash, and so its proof', () => {
    const p = ingotPassport();
    const e = p.entries[1] as PassportEntry;
    const text = new TextDecoder().decode(base64Decode(e.canonicalBase64)).replace('"transport"', '"packaging"');
    e.canonicalBase64 = base64Encode(new TextEncoder().encode(text));
    const v = verifyPassport(p, KEY);
    expect(v.valid).toBe(false);
    expect(failed(v)).toEqual(expect.arrayContaining(['leaf-hash', 'inclusion', 'shipped']));
  });

  it('fails a proof that belongs to another leaf', () => {
    const p = ingotPassport();
    (p.entries[1] as PassportEntry).proof = listed(2, 'event').proof;
    expect(failed(verifyPassport(p, KEY))).toEqual(['inclusion']);
  });

  it('fails a checkpoint under another key, or altered after signing', () => {
    expect(failed(verifyPassport(ingotPassport(), other))).toEqual(['checkpoint', 'inclusion', 'inclusion']);
    const p = ingotPassport();
    p.checkpoint.note = p.checkpoint.note.replace(/\n(\d+)\n/, (_, n) => `\n${Number(n) + 1}\n`);
    expect(failed(verifyPassport(p, KEY))).toContain('checkpoint');
    const q = ingotPassport();
    q.checkpoint.rootHash = '00'.repeat(32);
    expect(failed(verifyPassport(q, KEY))).toContain('checkpoint');
  });

  it('fails a label copied from another lot, and a summary that hides a shipment or invents inputs', () => {
    expect(failed(verifyPassport(ingotPassport(), KEY, { digest: collectedPassport().lot.labelDigest }))).toEqual([
      'label-digest',
    ]);
    const p = ingotPassport();
    p.lot.shippedTo = null;
    p.lot.state = 'on_hand';
    p.lot.balanceG = 800_000;
    expect(failed(verifyPassport(p, KEY))).toEqual(['shipped', 'history']);
    const q = ingotPassport();
    (q.inputs[0] as Passport['inputs'][number]).consumedG = 1_000_000;
    expect(failed(verifyPassport(q, KEY))).toEqual(['inputs']);
  });

  it('fails a passport whose creating entry is another lot’s', () => {
    const p = ingotPassport();
    p.entries = [{ ...listed(0, 'created') }, listed(4, 'event')];
    p.lot.createdSeq = 0;
    expect(failed(verifyPassport(p, KEY))).toEqual(expect.arrayContaining(['label-digest', 'created']));
  });

  it('leaves an entry newer than the checkpoint unchecked, and the passport not (yet) valid', () => {
    const p = ingotPassport();
    (p.entries[1] as PassportEntry).proof = null;
    const v = verifyPassport(p, KEY);
    expect(failed(v)).toEqual([]);
    expect(v.checks.find((c) => c.check === 'inclusion' && c.seq === 4)?.status).toBe('unchecked');
    expect(v.valid).toBe(false);
  });

  it('with a truncated history, checks everything but the replay', () => {
    const p = collectedPassport();
    p.entries = [listed(0, 'created'), listed(3, 'event')];
    p.omittedEntries = 2;
    const v = verifyPassport(p, KEY);
    expect(v.valid).toBe(true);
    expect(v.checks.find((c) => c.check === 'history')?.status).toBe('unchecked');
  });
});
