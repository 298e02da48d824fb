// The scrap lifecycle over real HTTP: a collection becomes a lot, travels,
// is melted into an ingot and dross, the ingot is shipped and the dross
// utilised; every rule of DOMAIN.md refuses its case with its own code and
// writes nothing. Expected figures are worked out by hand in the comments.

import { createHash } from 'node:crypto';
import type { LotPage, LotView, RecordedView } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data, errorCode, type HttpResult } from './http-client';
import { buildWorld, type World } from './world';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await world?.stop();
});

const seller = { kind: 'individual', name: '李明', residentId: '451002198506151230' } as const;

function collection(overrides: Record<string, unknown> = {}) {
  return {
    site: 'PG01',
    grade: 'UBC',
    grossG: 1_523_000,
    tareG: 200_000,
    deductionG: 12_000,
    netG: 1_311_000,
    sealed: { seller, vehiclePlate: '桂L·12345', priceFen: 1_234_500 },
    ...overrides,
  };
}

/** Counts of every table a refused request must leave alone. */
function snapshot(): Record<string, number> {
  const db = world.server.app.db.$client;
  const out: Record<string, number> = {};
  for (const t of [
    'ledger_entries',
    'ledger_idempotency',
    'lots',
    'lot_events',
    'lot_sequences',
    'runs',
    'run_allocations',
    'dispatches',
    'dispatch_lots',
    'lot_exits',
    'corrections',
    'anomalies',
    'sealed_records',
    'seller_index',
  ]) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

async function refused(path: string, input: unknown, role: keyof World['users'] = 'operator'): Promise<HttpResult> {
  const before = snapshot();
  const r = await world.clientFor(role).mutate(path, input);
  expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(snapshot()).toEqual(before);
  expect(r.body.error?.data.app.messageZh).toMatch(/[\u4e00-\u9fff]/);
  return r;
}

async function collect(overrides: Record<string, unknown> = {}): Promise<RecordedView> {
  return data(await world.clientFor('operator').mutate<RecordedView>('collection.record', collection(overrides)));
}

describe('a lot from the scale to the buyer', () => {
  it('records a collection as a new lot with a label digest from its entry', async () => {
    const r = await collect();
    expect(r.replayed).toBe(false);
    expect(r.lots).toHaveLength(1);
    const lot = r.lots[0] as RecordedView['lots'][number];
    expect(lot.lotId).toMatch(/^PG01-\d{6}-0001$/);
    expect(lot.massG).toBe(1_311_000);
    expect(lot.labelPath).toBe(`/l/${lot.lotId}?d=${lot.labelDigest}`);
    // The digest is the first 10 base32 characters of the creating entry's leaf hash (RFC 4648, lower case).
    const leaf = Buffer.from(r.leafHashes[0] as string, 'hex');
    expect(lot.labelDigest).toBe(base32(leaf).slice(0, 10));
    const view = data(await world.clientFor('operator').query<LotView>('lots.get', { lotId: lot.lotId }));
    expect(view).toMatchObject({
      state: 'on_hand',
      holder: 'PG01',
      grade: 'UBC',
      family: 'ubc',
      sourceClass: 'post_consumer',
      balanceG: 1_311_000,
      recycledPpm: 1_000_000,
      postConsumerPpm: 1_000_000,
    });
    expect(view.events).toEqual([
      expect.objectContaining({ seq: r.seq, action: 'created', leafHash: r.leafHashes[0] }),
    ]);
  });

  it('gives each new lot of a site and day the next sequence number', async () => {
    const a = await collect({ grossG: 500_000, tareG: 100_000, deductionG: 0, netG: 400_000 });
    const b = await collect({ grossG: 500_000, tareG: 100_000, deductionG: 0, netG: 400_000 });
    const seqOf = (r: RecordedView) => Number(r.lots[0]?.lotId.slice(-4));
    expect(seqOf(b)).toBe(seqOf(a) + 1);
  });

  it('dispatches whole lots, receives them with a discrepancy flag, melts them, ships the ingot and routes the dross', async () => {
    const op = world.clientFor('operator');
    const rc = world.clientFor('recycler');
    const c1 = await collect({ grossG: 1_100_000, tareG: 100_000, deductionG: 0, netG: 1_000_000 });
    const c2 = await collect({ grossG: 600_000, tareG: 100_000, deductionG: 0, netG: 500_000, grade: 'UBC' });
    const l1 = c1.lots[0]?.lotId as string;
    const l2 = c2.lots[0]?.lotId as string;
    const d = data(
      await op.mutate<RecordedView>('transfers.dispatch', {
        site: 'PG01',
        to: 'RC01',
        lots: [
          { lotId: l1, massG: 1_000_000 },
          { lotId: l2, massG: 500_000 },
        ],
        sealed: { vehiclePlate: '桂L·54321', waybillNumber: 'WB-0001' },
      }),
    );
    expect(d.dispatchId).toMatch(/^[0-9a-f-]{36}$/);
    // The recycler sees it coming: the dispatch and its two lots with their dispatched masses.
    const incoming = data(
      await rc.query<
        { dispatchId: string; fromSite: string; lots: { lot: { lotId: string }; dispatchedG: number }[] }[]
      >('transfers.incoming', { site: 'RC01' }),
    );
    const coming = incoming.find((x) => x.dispatchId === d.dispatchId);
    expect(coming?.fromSite).toBe('PG01');
    expect(coming?.lots.map((x) => [x.lot.lotId, x.dispatchedG]).sort()).toEqual(
      [
        [l1, 1_000_000],
        [l2, 500_000],
      ].sort(),
    );
    const inTransit = data(await op.query<LotView>('lots.get', { lotId: l1 }));
    expect(inTransit).toMatchObject({ state: 'in_transit', holder: null, transitTo: 'RC01', balanceG: 0 });

    // l1 arrives 2 % light (20 kg of 1 t: over the 1 % tolerance, flagged); l2 within 0.2 %.
    const rec = data(
      await rc.mutate<RecordedView>('transfers.receive', {
        site: 'RC01',
        dispatchId: d.dispatchId,
        lots: [
          { lotId: l1, receivedG: 980_000 },
          { lotId: l2, receivedG: 499_000 },
        ],
      }),
    );
    const after = data(await rc.query<{ dispatchId: string }[]>('transfers.incoming', { site: 'RC01' }));
    expect(after.map((x) => x.dispatchId)).not.toContain(d.dispatchId);
    expect(rec.anomalies).toEqual([
      expect.objectContaining({ kind: 'transit_discrepancy', lotId: l1, expected: 1_000_000, actual: 980_000 }),
    ]);

    // Melt: 980,000 + 499,000 = 1,479,000 g of scrap, plus 21,000 g primary aluminium = 1,500,000 g in.
    // Out: ingot 1,300,000 g and dross 120,000 g; loss 80,000 g (5.3 %, not flagged).
    const melt = data(
      await rc.mutate<RecordedView>('processing.record', {
        site: 'RC01',
        process: 'melting',
        inputs: [
          { lotId: l1, consumedG: 980_000 },
          { lotId: l2, consumedG: 499_000 },
        ],
        additions: [{ kind: 'primary_aluminium', massG: 21_000 }],
        outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 1_300_000 }],
        byproducts: [{ kind: 'dross', massG: 120_000, hazardousWasteCode: 'HW48 321-026-48' }],
      }),
    );
    expect(melt.lots.map((l) => l.massG)).toEqual([1_300_000, 120_000]);
    const ingotId = melt.lots[0]?.lotId as string;
    const drossId = melt.lots[1]?.lotId as string;
    const ingot = data(await rc.query<LotView>('lots.get', { lotId: ingotId }));
    // Recycled content: 1,479,000 / 1,500,000 = 0.986 → 986,000 ppm, all of it post-consumer (UBC).
    expect(ingot).toMatchObject({ kind: 'product', alloy: 'ADC12', recycledPpm: 986_000, postConsumerPpm: 986_000 });
    expect(ingot.recycledG).toBe(1_281_800);
    const consumed = data(await rc.query<LotView>('lots.get', { lotId: l1 }));
    expect(consumed).toMatchObject({ state: 'consumed', balanceG: 0 });

    const ship = data(
      await rc.mutate<RecordedView>('shipments.record', {
        site: 'RC01',
        lotId: ingotId,
        buyer: 'BY01',
        chain: 'transport',
        massG: 1_300_000,
        sealed: { invoiceNumber: 'INV-2026-001', priceFen: 2_340_000_00 },
      }),
    );
    expect(ship.lots).toEqual([]);
    const shipped = data(await rc.query<LotView>('lots.get', { lotId: ingotId }));
    expect(shipped).toMatchObject({ state: 'shipped', holder: null, shippedTo: { buyer: 'BY01', chain: 'transport' } });

    const again = await refused(
      'shipments.record',
      { site: 'RC01', lotId: ingotId, buyer: 'BY01', chain: 'transport', massG: 1_300_000 },
      'recycler',
    );
    expect(errorCode(again)).toBe('LOT_ALREADY_SHIPPED');

    // The dross goes to the utiliser, and from there to aluminium recovery.
    const toUt = data(
      await rc.mutate<RecordedView>('transfers.dispatch', {
        site: 'RC01',
        to: 'UT01',
        lots: [{ lotId: drossId, massG: 120_000 }],
      }),
    );
    const ut = world.clientFor('utiliser');
    data(
      await ut.mutate('transfers.receive', {
        site: 'UT01',
        dispatchId: toUt.dispatchId,
        lots: [{ lotId: drossId, receivedG: 120_000 }],
      }),
    );
    data(
      await ut.mutate('byproducts.utilise', {
        site: 'UT01',
        lotId: drossId,
        route: 'aluminium_recovery',
        massG: 120_000,
        manifestNumber: 'GX-2026-000123',
      }),
    );
    const dross = data(await ut.query<LotView>('lots.get', { lotId: drossId }));
    expect(dross).toMatchObject({ state: 'utilised', balanceG: 0, route: { route: 'aluminium_recovery' } });
  });
});

describe('rules refuse what is wrong, and write nothing', () => {
  it('rule 1: zero, negative and too heavy masses, and a net that does not add up', async () => {
    expect(errorCode(await refused('collection.record', collection({ grossG: 0 })))).toBe('MASS_NOT_POSITIVE');
    expect(errorCode(await refused('collection.record', collection({ tareG: -5 })))).toBe('MASS_NEGATIVE');
    const heavy = collection({ grossG: 100_000_001, tareG: 0, deductionG: 0, netG: 100_000_001 });
    expect(errorCode(await refused('collection.record', heavy))).toBe('LOT_TOO_HEAVY');
    const r = await refused('collection.record', collection({ netG: 1_311_001 }));
    expect(errorCode(r)).toBe('NET_MASS_MISMATCH');
    expect(r.body.error?.data.app.params).toEqual({ net: 1_311_001, expected: 1_311_000 });
  });

  it('an occurredAt from a clock that runs hours ahead', async () => {
    const ahead = new Date(Date.now() + 3 * 3600_000).toISOString();
    expect(errorCode(await refused('collection.record', collection({ occurredAt: ahead })))).toBe('OCCURRED_IN_FUTURE');
  });

  it('an occurredAt written without milliseconds is the same instant, kept in the ledger form', async () => {
    const c = await collect({ occurredAt: '2026-11-28T08:30:00Z' });
    const entry = data(
      await world.clientFor('operator').query<{ entry: { occurredAt: string } }>('ledger.entry', { seq: c.seq }),
    );
    expect(entry.entry.occurredAt).toBe('2026-11-28T08:30:00.000Z');
  });

  it('an unknown or inactive grade, and a site of the wrong kind or not the caller’s', async () => {
    expect(errorCode(await refused('collection.record', collection({ grade: 'NOPE' })))).toBe('GRADE_UNKNOWN');
    data(await world.clientFor('admin').mutate('grades.update', { code: 'TURN-MIXED', active: false }));
    expect(errorCode(await refused('collection.record', collection({ grade: 'TURN-MIXED' })))).toBe('GRADE_INACTIVE');
    data(await world.clientFor('admin').mutate('grades.update', { code: 'TURN-MIXED', active: true }));
    expect(errorCode(await refused('collection.record', collection({ site: 'PG02' })))).toBe('SITE_NOT_ALLOWED');
    expect(errorCode(await refused('collection.record', collection(), 'recycler'))).toBe('FORBIDDEN');
  });

  it('rule 2: a lot held by another site, and more than its balance', async () => {
    const c = await collect();
    const lotId = c.lots[0]?.lotId as string;
    const r = await refused(
      'processing.record',
      {
        site: 'RC01',
        process: 'melting',
        inputs: [{ lotId, consumedG: 1000 }],
        outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 900 }],
      },
      'recycler',
    );
    expect(errorCode(r)).toBe('LOT_NOT_HELD');
    const whole = await refused('transfers.dispatch', { site: 'PG01', to: 'RC01', lots: [{ lotId, massG: 1000 }] });
    expect(errorCode(whole)).toBe('DISPATCH_NOT_WHOLE');
    const unknown = await refused('transfers.dispatch', {
      site: 'PG01',
      to: 'RC01',
      lots: [{ lotId: 'PG01-200101-0001', massG: 1000 }],
    });
    expect(errorCode(unknown)).toBe('LOT_UNKNOWN');
  });
});

describe('idempotency and sealed values', () => {
  it('tells a changed price apart, yet keeps nothing a guess at the price could be checked against', async () => {
    const op = world.clientFor('operator');
    const key = 'price-check-0001';
    const first = data(await op.mutate<RecordedView>('collection.record', collection({ idempotencyKey: key })));
    const again = data(await op.mutate<RecordedView>('collection.record', collection({ idempotencyKey: key })));
    expect(again).toMatchObject({ replayed: true, seq: first.seq });
    const other = collection({
      idempotencyKey: key,
      sealed: { seller, vehiclePlate: '桂L·12345', priceFen: 1_234_501 },
    });
    expect(errorCode(await refused('collection.record', other))).toBe('IDEMPOTENCY_CONFLICT');
    // The stored fingerprint is not a plain hash of any form of the request a guesser could rebuild.
    const row = world.server.app.db.$client
      .prepare('SELECT fingerprint, result FROM ledger_idempotency WHERE key = ?')
      .get(key) as { fingerprint: Buffer; result: string };
    const plain = (v: unknown) => createHash('sha256').update(canonical(v)).digest();
    const input = { ...collection({ idempotencyKey: key }), photoHashes: [] };
    for (const guess of [input, { procedure: 'collection.record', input }]) {
      expect(row.fingerprint.equals(plain(guess))).toBe(false);
    }
    expect(row.result).not.toContain('李明');
    expect(row.result).not.toContain('1234500');
  });
});

describe('lots.list', () => {
  it('filters, pages by cursor without repeats, and shows operators only the lots of their sites', async () => {
    const official = world.clientFor('official');
    const first = data(await official.query<LotPage>('lots.list', { kind: 'scrap', limit: 2 }));
    expect(first.lots).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = data(
      await official.query<LotPage>('lots.list', { kind: 'scrap', limit: 2, cursor: first.nextCursor }),
    );
    const ids = [...first.lots, ...second.lots].map((l) => l.lotId);
    expect(new Set(ids).size).toBe(ids.length);
    // Newest first.
    const seqs = [...first.lots, ...second.lots].map((l) => l.createdSeq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);

    const pg01 = data(await official.query<LotPage>('lots.list', { q: 'pg01-', limit: 200 }));
    expect(pg01.lots.length).toBeGreaterThan(0);
    expect(pg01.lots.every((l) => l.lotId.startsWith('PG01-'))).toBe(true);
    const consumed = data(await official.query<LotPage>('lots.list', { state: 'consumed', grade: 'UBC', limit: 200 }));
    expect(consumed.lots.every((l) => l.state === 'consumed' && l.grade === 'UBC')).toBe(true);
    const future = data(await official.query<LotPage>('lots.list', { from: '2099-01-01T00:00:00Z' }));
    expect(future.lots).toEqual([]);
    // A range around one lot's own recorded time, typed without milliseconds, finds it; one just after does not.
    const one = first.lots[0] as LotPage['lots'][number];
    const second0 = Math.floor(Date.parse(one.createdAt) / 1000) * 1000;
    const around = data(
      await official.query<LotPage>('lots.list', {
        from: new Date(second0).toISOString().replace('.000Z', 'Z'),
        to: new Date(second0 + 1000).toISOString().replace('.000Z', 'Z'),
        limit: 200,
      }),
    );
    expect(around.lots.map((l) => l.lotId)).toContain(one.lotId);
    const after = data(
      await official.query<LotPage>('lots.list', {
        from: new Date(Date.parse(one.createdAt) + 1).toISOString(),
        limit: 200,
      }),
    );
    expect(after.lots.map((l) => l.lotId)).not.toContain(one.lotId);
    // A site's lots: made there or held there, newest first, no repeats.
    const rc01 = data(await official.query<LotPage>('lots.list', { site: 'RC01', limit: 200 }));
    expect(rc01.lots.length).toBeGreaterThan(0);
    expect(rc01.lots.every((l) => l.originSite === 'RC01' || l.holder === 'RC01')).toBe(true);
    expect(new Set(rc01.lots.map((l) => l.lotId)).size).toBe(rc01.lots.length);

    // The operator of PG02 has recorded nothing: PG01's lots are not theirs to see.
    const other = world.clientFor('operator');
    other.cookie = null;
    const { token } = world.server.app.auth.sessions.create(world.target.id, { ip: '127.0.0.1', userAgent: 'test' });
    other.cookie = `${world.server.app.auth.cookieName}=${token}`;
    const none = data(await other.query<LotPage>('lots.list', {}));
    expect(none.lots).toEqual([]);
    const hidden = await other.query('lots.get', { lotId: pg01.lots[0]?.lotId });
    expect(errorCode(hidden)).toBe('LOT_UNKNOWN');
    // The recycler sees the lots it received, also once they are consumed.
    const rc = data(await world.clientFor('recycler').query<LotPage>('lots.list', { state: 'consumed', limit: 200 }));
    expect(rc.lots.length).toBeGreaterThan(0);
  });
});

function base32(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) out += alphabet[Number.parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

/** RFC 8785 for the plain objects of this test (no floats): keys sorted, no spaces. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
