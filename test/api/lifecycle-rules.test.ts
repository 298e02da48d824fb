// Every rule of the lifecycle over real HTTP, its success and its refusals
// (DOMAIN.md "Rules the ledger enforces"): a refusal answers 4xx with its
// own code and a Chinese message, and leaves every table exactly as it was —
// entries, derived rows, idempotency records, sealed records, all of them,
// compared by content, not by count. Figures are worked out by hand in the
// comments; the standard lot is 1,100,000 g gross − 100,000 g tare =
// 1,000,000 g net of UBC (lifecycle-stock.ts).
import { createHash } from 'node:crypto';
import { createToken, systemActor } from '@alutrace/server/testing';
import type { LotPage, LotView, RecordedView, Role } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, data, errorCode, type HttpResult } from './http-client';
import { collectionInput, type Inbound, type LotRef, SELLER, Stock } from './lifecycle-stock';
import { buildWorld, type World } from './world';

let world: World;
let stock: Stock;
/** An API token of an operator for PG01: a second principal at the same site as the operator user. */
let opToken: string;

beforeAll(async () => {
  world = await buildWorld();
  stock = new Stock(world);
  opToken = (
    await createToken(world.server.app, systemActor('cli'), { name: 'PG01 scale', role: 'operator', site: 'PG01' })
  ).secret;
});
afterAll(async () => {
  await world?.stop();
});

const as = (role: Role): Client => world.clientFor(role);
function opTokenClient(): Client {
  const c = new Client(world.server.url);
  c.bearer = opToken;
  return c;
}

// ── Refusals write nothing ────────────────────────────────────────────────

/** What a request may touch without writing anything: its own session's and token's last use. */
const BOOKKEEPING = new Set(['sessions', 'api_tokens', 'login_failures']);

/** Every table's row count and a digest of its content. */
function snapshot(): Record<string, string> {
  const db = world.server.app.db.$client;
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((n) => !BOOKKEEPING.has(n))
    .sort();
  const out: Record<string, string> = {};
  for (const name of names) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all();
    const digest = createHash('sha256');
    for (const row of rows) digest.update(JSON.stringify(row));
    out[name] = `${rows.length} rows, ${digest.digest('hex').slice(0, 16)}`;
  }
  return out;
}

async function refused(path: string, input: unknown, who: Role | Client = 'operator'): Promise<HttpResult> {
  const client = typeof who === 'string' ? as(who) : who;
  const before = snapshot();
  const r = await client.mutate(path, input);
  expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(snapshot(), `${path} was refused (${errorCode(r)}) but wrote`).toEqual(before);
  const app = r.body.error?.data.app;
  expect(app?.messageZh, 'every refusal says what is wrong in Chinese').toMatch(/[\u4e00-\u9fff]/);
  expect(app?.messageZh, 'with its parameters filled in').not.toMatch(/\{[a-z]+\}/i);
  return r;
}

/** Refused with `code` (and these params, where given). */
async function refusedWith(
  code: string,
  path: string,
  input: unknown,
  who: Role | Client = 'operator',
  params?: Record<string, unknown>,
): Promise<HttpResult> {
  const r = await refused(path, input, who);
  expect(errorCode(r), JSON.stringify(r.body.error?.data.app)).toBe(code);
  if (params) expect(r.body.error?.data.app.params).toMatchObject(params);
  return r;
}

async function ok<T = RecordedView>(path: string, input: unknown, who: Role | Client = 'operator'): Promise<T> {
  const client = typeof who === 'string' ? as(who) : who;
  return data(await client.mutate<T>(path, input));
}

async function lot(lotId: string, who: Role = 'official'): Promise<LotView> {
  return data(await as(who).query<LotView>('lots.get', { lotId }));
}

const dispatchInput = (from: string, to: string, lots: LotRef[]) => ({
  site: from,
  to,
  lots: lots.map((l) => ({ lotId: l.lotId, massG: l.massG })),
});
const receiveInput = (site: string, inbound: Inbound, received?: number[]) => ({
  site,
  dispatchId: inbound.dispatchId,
  lots: inbound.lots.map((l, i) => ({ lotId: l.lotId, receivedG: received?.[i] ?? l.massG })),
});
/** Melts `lots` whole at RC01 into one ADC12 ingot and dross, with optional additions. */
const meltInput = (
  lots: { lotId: string; consumedG: number }[],
  ingotG: number,
  drossG: number,
  additions: { kind: string; massG: number }[] = [],
) => ({
  site: 'RC01',
  process: 'melting',
  inputs: lots,
  additions,
  outputs: [{ form: 'ingot', alloy: 'ADC12', massG: ingotG }],
  byproducts: drossG > 0 ? [{ kind: 'dross', massG: drossG, hazardousWasteCode: 'HW48 321-026-48' }] : [],
});
const shipInput = (l: LotRef) => ({
  site: 'RC01',
  lotId: l.lotId,
  buyer: 'BY01',
  chain: 'construction',
  massG: l.massG,
});
const utiliseInput = (site: string, l: LotRef, massG = l.massG) => ({
  site,
  lotId: l.lotId,
  route: 'cement_refractory',
  massG,
  manifestNumber: 'GX-2026-000777',
});

/** A scrap lot of `grade` received whole at RC01. */
async function receivedAtRc01(grade = 'UBC', overrides: Record<string, unknown> = {}): Promise<LotRef> {
  const r = await stock.collect('PG01', undefined, { grade, ...overrides });
  const l = { lotId: r.lots[0]?.lotId as string, massG: r.lots[0]?.massG as number };
  await stock.receive('RC01', await stock.dispatch('PG01', 'RC01', [l]));
  return l;
}

// Material that refusals leave where it is, shared by the tests that only refuse.
let pgLot: LotRef; // 1,000,000 g on hand at PG01
let pending: Inbound; // PG01 → RC01, not received
let rcScrap: LotRef; // 1,000,000 g on hand at RC01
let rcIngot: LotRef; // 850,000 g ADC12 at RC01
let rcDross: LotRef; // 100,000 g dross at RC01
let utDross: LotRef; // 100,000 g dross at UT01

beforeAll(async () => {
  pgLot = await stock.scrapAt('PG01');
  pending = await stock.inbound('RC01');
  rcScrap = await stock.scrapAt('RC01');
  ({ ingot: rcIngot, dross: rcDross } = await stock.melt('RC01'));
  utDross = await stock.byproductAt('UT01');
});

// ── Rule 1: masses ────────────────────────────────────────────────────────

describe('rule 1: every mass is a positive whole number of grams, at most 100 t', () => {
  type Case = [procedure: string, who: Role, field: string, input: () => unknown];
  // Each mass field of each procedure, at 0 and at −1,000 g.
  const cases = (value: number): Case[] => [
    ['collection.record', 'operator', 'grossG', () => collectionInput('PG01', { grossG: value })],
    [
      'transfers.dispatch',
      'operator',
      'lots[0].massG',
      () => dispatchInput('PG01', 'RC01', [{ ...pgLot, massG: value }]),
    ],
    ['transfers.receive', 'recycler', 'lots[0].receivedG', () => receiveInput('RC01', pending, [value])],
    [
      'processing.record',
      'recycler',
      'inputs[0].consumedG',
      () => meltInput([{ lotId: rcScrap.lotId, consumedG: value }], 1_000, 0),
    ],
    [
      'processing.record',
      'recycler',
      'additions[0].massG',
      () => meltInput([{ lotId: rcScrap.lotId, consumedG: 1_000 }], 500, 0, [{ kind: 'flux', massG: value }]),
    ],
    [
      'processing.record',
      'recycler',
      'outputs[0].massG',
      () => meltInput([{ lotId: rcScrap.lotId, consumedG: 1_000 }], value, 100),
    ],
    [
      'processing.record',
      'recycler',
      'byproducts[0].massG',
      () => ({
        ...meltInput([{ lotId: rcScrap.lotId, consumedG: 1_000 }], 500, 0),
        byproducts: [{ kind: 'dross', massG: value }],
      }),
    ],
    ['byproducts.utilise', 'recycler', 'massG', () => utiliseInput('RC01', rcDross, value)],
    ['byproducts.utilise', 'utiliser', 'massG', () => utiliseInput('UT01', utDross, value)],
    ['shipments.record', 'recycler', 'massG', () => ({ ...shipInput(rcIngot), massG: value })],
  ];

  for (const value of [0, -1_000]) {
    for (const [procedure, who, field, input] of cases(value)) {
      it(`${procedure} ${field} = ${value}: MASS_NOT_POSITIVE naming the field`, async () => {
        await refusedWith('MASS_NOT_POSITIVE', procedure, input(), who, { field, value });
      });
    }
  }

  it('a negative tare or deduction: MASS_NEGATIVE; a zero one is fine', async () => {
    await refusedWith('MASS_NEGATIVE', 'collection.record', collectionInput('PG01', { tareG: -1 }), 'operator', {
      field: 'tareG',
      value: -1,
    });
    // 1,100,000 − 100,000 − (−1) would be 1,000,001: refused before the sum is looked at.
    await refusedWith(
      'MASS_NEGATIVE',
      'collection.record',
      collectionInput('PG01', { deductionG: -1, netG: 1_000_001 }),
      'operator',
      { field: 'deductionG', value: -1 },
    );
    // Gross 250,000 with no tare and no deduction: net 250,000.
    const r = await ok('collection.record', collectionInput('PG01', { grossG: 250_000, tareG: 0, netG: 250_000 }));
    expect(r.lots[0]?.massG).toBe(250_000);
  });

  it('a net of zero or below (tare and deduction at least the gross): MASS_NOT_POSITIVE', async () => {
    // 100,000 − 100,000 − 0 = 0.
    await refusedWith(
      'MASS_NOT_POSITIVE',
      'collection.record',
      collectionInput('PG01', { grossG: 100_000, tareG: 100_000, netG: 0 }),
      'operator',
      { field: 'gross − tare − deduction', value: 0 },
    );
    // 100,000 − 90,000 − 11,000 = −1,000, sent as what it is.
    await refusedWith(
      'MASS_NOT_POSITIVE',
      'collection.record',
      collectionInput('PG01', { grossG: 100_000, tareG: 90_000, deductionG: 11_000, netG: -1_000 }),
      'operator',
      { value: -1_000 },
    );
  });

  it('net ≠ gross − tare − deduction: NET_MASS_MISMATCH with what it should be', async () => {
    // 1,523,000 − 200,000 − 12,000 = 1,311,000; the operator typed 1,311,100 (and 0).
    const weighing = { grossG: 1_523_000, tareG: 200_000, deductionG: 12_000 };
    await refusedWith(
      'NET_MASS_MISMATCH',
      'collection.record',
      collectionInput('PG01', { ...weighing, netG: 1_311_100 }),
      'operator',
      {
        net: 1_311_100,
        expected: 1_311_000,
      },
    );
    await refusedWith(
      'NET_MASS_MISMATCH',
      'collection.record',
      collectionInput('PG01', { ...weighing, netG: 0 }),
      'operator',
      {
        net: 0,
        expected: 1_311_000,
      },
    );
    const r = await ok('collection.record', collectionInput('PG01', { ...weighing, netG: 1_311_000 }));
    expect(r.lots[0]?.massG).toBe(1_311_000);
  });

  it('a lot over 100 t is an input error: LOT_TOO_HEAVY; exactly 100 t is a lot', async () => {
    // 100 t = 100,000,000 g. One gram more, as gross (net adds up) or anywhere a lot's mass is given.
    const heavy = 100_000_001;
    await refusedWith(
      'LOT_TOO_HEAVY',
      'collection.record',
      collectionInput('PG01', { grossG: heavy, tareG: 1, netG: 100_000_000 }),
      'operator',
      {
        field: 'grossG',
      },
    );
    await refusedWith('LOT_TOO_HEAVY', 'transfers.receive', receiveInput('RC01', pending, [heavy]), 'recycler', {
      field: 'lots[0].receivedG',
    });
    await refusedWith(
      'LOT_TOO_HEAVY',
      'processing.record',
      meltInput([{ lotId: rcScrap.lotId, consumedG: 1_000 }], heavy, 0, [{ kind: 'primary_aluminium', massG: heavy }]),
      'recycler',
      { field: 'additions[0].massG' },
    );
    await refusedWith(
      'LOT_TOO_HEAVY',
      'transfers.dispatch',
      dispatchInput('PG01', 'RC01', [{ ...pgLot, massG: heavy }]),
      'operator',
    );
    const r = await ok(
      'collection.record',
      collectionInput('PG01', { grossG: 100_000_000, tareG: 0, netG: 100_000_000 }),
    );
    expect(r.lots[0]?.massG).toBe(100_000_000);
  });

  it('a fraction of a gram is a malformed request (VALIDATION_FAILED), not a weighing', async () => {
    const r = await refusedWith('VALIDATION_FAILED', 'collection.record', collectionInput('PG01', { netG: 999_999.5 }));
    expect(r.status).toBe(400);
  });
});

// ── Reference data: grades, alloys, sites ─────────────────────────────────

describe('grades, alloys and sites must exist and be active', () => {
  it('an unknown grade, in a collection or a sorting output: GRADE_UNKNOWN', async () => {
    await refusedWith('GRADE_UNKNOWN', 'collection.record', collectionInput('PG01', { grade: 'NO-SUCH' }), 'operator', {
      grade: 'NO-SUCH',
    });
    await refusedWith(
      'GRADE_UNKNOWN',
      'processing.record',
      {
        site: 'RC01',
        process: 'sorting',
        inputs: [{ lotId: rcScrap.lotId, consumedG: 1_000 }],
        outputs: [{ form: 'sorted_scrap', grade: 'NO-SUCH', massG: 900 }],
      },
      'recycler',
    );
  });

  it('an inactive grade takes no new material, and takes it again once reactivated', async () => {
    const admin = as('admin');
    data(await admin.mutate('grades.update', { code: 'SIDING', active: false }));
    try {
      await refusedWith(
        'GRADE_INACTIVE',
        'collection.record',
        collectionInput('PG01', { grade: 'SIDING' }),
        'operator',
        {
          grade: 'SIDING',
        },
      );
      await refusedWith(
        'GRADE_INACTIVE',
        'processing.record',
        {
          site: 'RC01',
          process: 'sorting',
          inputs: [{ lotId: rcScrap.lotId, consumedG: 1_000 }],
          outputs: [{ form: 'sorted_scrap', grade: 'SIDING', massG: 900 }],
        },
        'recycler',
      );
    } finally {
      data(await admin.mutate('grades.update', { code: 'SIDING', active: true }));
    }
    await ok('collection.record', collectionInput('PG01', { grade: 'SIDING' }));
  });

  it('an unknown or inactive alloy: ALLOY_UNKNOWN, ALLOY_INACTIVE; metal without an alloy: OUTPUT_KIND_MISSING', async () => {
    const melt = (alloy: string | null) => ({
      ...meltInput([{ lotId: rcScrap.lotId, consumedG: 1_000 }], 850, 0),
      outputs: [{ form: 'ingot', alloy, massG: 850 }],
    });
    await refusedWith('ALLOY_UNKNOWN', 'processing.record', melt('NO-SUCH'), 'recycler', { alloy: 'NO-SUCH' });
    await refusedWith('OUTPUT_KIND_MISSING', 'processing.record', melt(null), 'recycler', { index: 0 });
    const admin = as('admin');
    data(await admin.mutate('alloys.update', { code: 'YL113', active: false }));
    try {
      await refusedWith('ALLOY_INACTIVE', 'processing.record', melt('YL113'), 'recycler', { alloy: 'YL113' });
    } finally {
      data(await admin.mutate('alloys.update', { code: 'YL113', active: true }));
    }
  });

  it('an unknown site: SITE_UNKNOWN, as destination or buyer', async () => {
    await refusedWith('SITE_UNKNOWN', 'transfers.dispatch', dispatchInput('PG01', 'ZZ99', [pgLot]), 'operator', {
      site: 'ZZ99',
    });
    await refusedWith('SITE_UNKNOWN', 'shipments.record', { ...shipInput(rcIngot), buyer: 'ZZ98' }, 'recycler', {
      site: 'ZZ98',
    });
  });

  it('an inactive site: SITE_INACTIVE as destination or buyer; as the recording site, no longer one’s own', async () => {
    const admin = as('admin');
    const toggle = async (code: string, active: boolean) => data(await admin.mutate('sites.update', { code, active }));
    await toggle('RC02', false);
    await toggle('BY01', false);
    try {
      await refusedWith('SITE_INACTIVE', 'transfers.dispatch', dispatchInput('PG01', 'RC02', [pgLot]), 'operator', {
        site: 'RC02',
      });
      await refusedWith('SITE_INACTIVE', 'shipments.record', shipInput(rcIngot), 'recycler', { site: 'BY01' });
    } finally {
      await toggle('RC02', true);
      await toggle('BY01', true);
    }
    // A deactivated site drops out of the sites its users act for: refused before any rule runs.
    await toggle('PG01', false);
    try {
      await refusedWith('SITE_NOT_ALLOWED', 'collection.record', collectionInput('PG01'), 'operator', { site: 'PG01' });
    } finally {
      await toggle('PG01', true);
    }
    await ok('collection.record', collectionInput('PG01'));
  });

  it('a site of the wrong kind: SITE_KIND_WRONG (scrap to a utiliser, a shipment to a recycler, a dispatch to itself)', async () => {
    await refusedWith('SITE_KIND_WRONG', 'transfers.dispatch', dispatchInput('PG01', 'UT01', [pgLot]), 'operator', {
      site: 'UT01',
    });
    await refusedWith('SITE_KIND_WRONG', 'transfers.dispatch', dispatchInput('PG01', 'PG02', [pgLot]), 'operator');
    await refusedWith('SITE_KIND_WRONG', 'shipments.record', { ...shipInput(rcIngot), buyer: 'RC02' }, 'recycler', {
      site: 'RC02',
    });
    await refusedWith('SAME_SITE', 'transfers.dispatch', dispatchInput('RC01', 'RC01', [rcScrap]), 'recycler');
  });
});

// ── Rule 2: held lots and balances ────────────────────────────────────────

describe('rule 2: only the holder uses, sends or ships a lot, never beyond its balance', () => {
  it('consuming, dispatching, shipping or routing a lot another site holds: LOT_NOT_HELD', async () => {
    const rc02Lot = await stock.scrapAt('RC02');
    // PG01's lot consumed at RC01; RC02's lot consumed and dispatched by RC01.
    await refusedWith(
      'LOT_NOT_HELD',
      'processing.record',
      meltInput([{ lotId: pgLot.lotId, consumedG: 1_000 }], 800, 0),
      'recycler',
      { lot: pgLot.lotId, site: 'RC01', holder: 'PG01', state: 'on hand' },
    );
    await refusedWith(
      'LOT_NOT_HELD',
      'processing.record',
      meltInput([{ lotId: rc02Lot.lotId, consumedG: 1_000 }], 800, 0),
      'recycler',
      { holder: 'RC02' },
    );
    await refusedWith('LOT_NOT_HELD', 'transfers.dispatch', dispatchInput('RC01', 'RC02', [rc02Lot]), 'recycler');
    // UT01's dross routed by RC01, RC01's dross routed by UT01.
    await refusedWith('LOT_NOT_HELD', 'byproducts.utilise', utiliseInput('RC01', utDross), 'recycler');
    await refusedWith('LOT_NOT_HELD', 'byproducts.utilise', utiliseInput('UT01', rcDross), 'utiliser');
    // An RC02 ingot shipped by RC01.
    const rc02Ingot = await stock.productAt('RC02');
    await refusedWith('LOT_NOT_HELD', 'shipments.record', shipInput(rc02Ingot), 'recycler', { holder: 'RC02' });
  });

  it('a lot in transit is held by nobody: neither the sender nor the receiver may use it', async () => {
    const [l] = pending.lots as [LotRef];
    await refusedWith('LOT_NOT_HELD', 'transfers.dispatch', dispatchInput('PG01', 'RC02', [l]), 'operator', {
      state: 'in transit',
      holder: 'RC01',
    });
    await refusedWith(
      'LOT_NOT_HELD',
      'processing.record',
      meltInput([{ lotId: l.lotId, consumedG: 1_000 }], 800, 0),
      'recycler',
    );
  });

  it('an unknown lot: LOT_UNKNOWN', async () => {
    await refusedWith(
      'LOT_UNKNOWN',
      'transfers.dispatch',
      dispatchInput('PG01', 'RC01', [{ lotId: 'PG01-200101-0001', massG: 1 }]),
      'operator',
    );
    await refusedWith(
      'LOT_UNKNOWN',
      'processing.record',
      meltInput([{ lotId: 'RC01-200101-0001', consumedG: 1 }], 1, 0),
      'recycler',
    );
  });

  it('the same lot twice in one event: LOT_LISTED_TWICE', async () => {
    await refusedWith(
      'LOT_LISTED_TWICE',
      'transfers.dispatch',
      dispatchInput('PG01', 'RC01', [pgLot, pgLot]),
      'operator',
    );
    await refusedWith(
      'LOT_LISTED_TWICE',
      'processing.record',
      meltInput(
        [
          { lotId: rcScrap.lotId, consumedG: 1_000 },
          { lotId: rcScrap.lotId, consumedG: 1_000 },
        ],
        1_500,
        0,
      ),
      'recycler',
    );
  });

  it('consuming beyond the balance: LOT_BALANCE_EXCEEDED; consuming exactly the rest finishes the lot', async () => {
    const l = await receivedAtRc01();
    // 1,000,001 of 1,000,000: one gram too many.
    await refusedWith(
      'LOT_BALANCE_EXCEEDED',
      'processing.record',
      meltInput([{ lotId: l.lotId, consumedG: 1_000_001 }], 800_000, 0),
      'recycler',
      {
        lot: l.lotId,
        balance: 1_000_000,
        requested: 1_000_001,
      },
    );
    // 400,000 consumed → 600,000 left; then 600,001 is too many, and 600,000 consumes the lot.
    await ok('processing.record', meltInput([{ lotId: l.lotId, consumedG: 400_000 }], 340_000, 40_000), 'recycler');
    expect(await lot(l.lotId)).toMatchObject({ state: 'on_hand', holder: 'RC01', balanceG: 600_000 });
    await refusedWith(
      'LOT_BALANCE_EXCEEDED',
      'processing.record',
      meltInput([{ lotId: l.lotId, consumedG: 600_001 }], 500_000, 0),
      'recycler',
      {
        balance: 600_000,
        requested: 600_001,
      },
    );
    await ok('processing.record', meltInput([{ lotId: l.lotId, consumedG: 600_000 }], 510_000, 60_000), 'recycler');
    expect(await lot(l.lotId)).toMatchObject({ state: 'consumed', holder: null, balanceG: 0 });
  });

  it('routing beyond a by-product lot’s balance: LOT_BALANCE_EXCEEDED; part, then the rest', async () => {
    const d = await stock.byproductAt('UT01');
    // 100,000 g of dross: 100,001 too many; 30,000 to cement, then 70,000 to disposal.
    await refusedWith('LOT_BALANCE_EXCEEDED', 'byproducts.utilise', utiliseInput('UT01', d, 100_001), 'utiliser', {
      balance: 100_000,
      requested: 100_001,
    });
    await ok('byproducts.utilise', utiliseInput('UT01', d, 30_000), 'utiliser');
    expect(await lot(d.lotId)).toMatchObject({ state: 'on_hand', balanceG: 70_000 });
    await ok('byproducts.utilise', { ...utiliseInput('UT01', d, 70_000), route: 'disposal' }, 'utiliser');
    expect(await lot(d.lotId)).toMatchObject({ state: 'disposed', holder: null, balanceG: 0 });
    await refusedWith('LOT_NOT_HELD', 'byproducts.utilise', utiliseInput('UT01', d, 1), 'utiliser', {
      state: 'disposed',
    });
  });

  it('dispatching part of a lot: DISPATCH_NOT_WHOLE; the rest of a partly used lot goes whole', async () => {
    // 999,999 of PG01's 1,000,000.
    await refusedWith(
      'DISPATCH_NOT_WHOLE',
      'transfers.dispatch',
      dispatchInput('PG01', 'RC01', [{ ...pgLot, massG: 999_999 }]),
      'operator',
      {
        balance: 1_000_000,
        requested: 999_999,
      },
    );
    // RC01 melts 250,000 of a lot and sends the remaining 750,000 on to RC02.
    const l = await receivedAtRc01();
    await ok('processing.record', meltInput([{ lotId: l.lotId, consumedG: 250_000 }], 212_500, 25_000), 'recycler');
    await refusedWith('DISPATCH_NOT_WHOLE', 'transfers.dispatch', dispatchInput('RC01', 'RC02', [l]), 'recycler', {
      balance: 750_000,
      requested: 1_000_000,
    });
    await ok('transfers.dispatch', dispatchInput('RC01', 'RC02', [{ ...l, massG: 750_000 }]), 'recycler');
    expect(await lot(l.lotId)).toMatchObject({ state: 'in_transit', transitTo: 'RC02', balanceG: 0 });
  });
});

// ── Shipments ─────────────────────────────────────────────────────────────

describe('shipments: a product lot, whole, once', () => {
  it('ships an ingot whole; the same lot again: LOT_ALREADY_SHIPPED naming the shipment', async () => {
    const ingot = await stock.productAt('RC01');
    await refusedWith('SHIPMENT_NOT_WHOLE', 'shipments.record', { ...shipInput(ingot), massG: 849_999 }, 'recycler', {
      balance: 850_000,
      requested: 849_999,
    });
    const first = await ok('shipments.record', shipInput(ingot), 'recycler');
    expect(await lot(ingot.lotId)).toMatchObject({
      state: 'shipped',
      holder: null,
      balanceG: 0,
      shippedTo: { buyer: 'BY01', chain: 'construction', seq: first.seq },
    });
    await refusedWith('LOT_ALREADY_SHIPPED', 'shipments.record', shipInput(ingot), 'recycler', {
      lot: ingot.lotId,
      seq: first.seq,
    });
    // Nor may a shipped lot be dispatched or melted again.
    await refusedWith('LOT_ALREADY_SHIPPED', 'transfers.dispatch', dispatchInput('RC01', 'RC02', [ingot]), 'recycler');
  });

  it('a by-product is not shipped to a buyer: LOT_NOT_SHIPPABLE', async () => {
    await refusedWith('LOT_NOT_SHIPPABLE', 'shipments.record', shipInput(rcDross), 'recycler', {
      lot: rcDross.lotId,
      kind: 'byproduct',
    });
  });

  it('nor is scrap that was never melted: it would count as recycled aluminium shipped', async () => {
    const scrap = await receivedAtRc01();
    await refusedWith('LOT_NOT_SHIPPABLE', 'shipments.record', shipInput(scrap), 'recycler', {
      lot: scrap.lotId,
      kind: 'scrap',
    });
  });

  it('only by-products go to a route: LOT_NOT_BYPRODUCT', async () => {
    await refusedWith('LOT_NOT_BYPRODUCT', 'byproducts.utilise', utiliseInput('RC01', rcIngot), 'recycler', {
      lot: rcIngot.lotId,
    });
  });
});

// ── Receipts ──────────────────────────────────────────────────────────────

describe('receipts: the lots of a dispatch, at the site it is for, once', () => {
  it('a lot that was not in the dispatch: LOT_NOT_DISPATCHED', async () => {
    await refusedWith(
      'LOT_NOT_DISPATCHED',
      'transfers.receive',
      { site: 'RC01', dispatchId: pending.dispatchId, lots: [{ lotId: rcScrap.lotId, receivedG: 1_000_000 }] },
      'recycler',
      { lot: rcScrap.lotId, dispatch: pending.dispatchId },
    );
  });

  it('a dispatch meant for another site: DISPATCH_NOT_FOR_SITE; an unknown one: DISPATCH_UNKNOWN', async () => {
    const toRc02 = await stock.inbound('RC02');
    await refusedWith('DISPATCH_NOT_FOR_SITE', 'transfers.receive', receiveInput('RC01', toRc02), 'recycler', {
      to: 'RC02',
      site: 'RC01',
    });
    await refusedWith(
      'DISPATCH_UNKNOWN',
      'transfers.receive',
      { ...receiveInput('RC01', pending), dispatchId: '0192f000-0000-7000-8000-00000000dead' },
      'recycler',
    );
  });

  it('receives part of a dispatch, then the rest; a lot received twice: LOT_ALREADY_RECEIVED', async () => {
    const a = await stock.scrapAt('PG01');
    const b = await stock.scrapAt('PG01');
    const inbound = await stock.dispatch('PG01', 'RC01', [a, b]);
    const first = await ok(
      'transfers.receive',
      { site: 'RC01', dispatchId: inbound.dispatchId, lots: [{ lotId: a.lotId, receivedG: 1_000_000 }] },
      'recycler',
    );
    expect(await lot(a.lotId)).toMatchObject({ state: 'on_hand', holder: 'RC01' });
    expect(await lot(b.lotId)).toMatchObject({ state: 'in_transit', transitTo: 'RC01' });
    await refusedWith('LOT_ALREADY_RECEIVED', 'transfers.receive', receiveInput('RC01', inbound), 'recycler', {
      lot: a.lotId,
      seq: first.seq,
    });
    await ok(
      'transfers.receive',
      { site: 'RC01', dispatchId: inbound.dispatchId, lots: [{ lotId: b.lotId, receivedG: 1_000_000 }] },
      'recycler',
    );
    await refusedWith(
      'LOT_ALREADY_RECEIVED',
      'transfers.receive',
      { site: 'RC01', dispatchId: inbound.dispatchId, lots: [{ lotId: b.lotId, receivedG: 1_000_000 }] },
      'recycler',
    );
  });

  it('rule 5: a receipt just over 1 % off its dispatch is flagged, exactly 1 % or just under is not', async () => {
    const sent = [
      await stock.scrapAt('PG01'),
      await stock.scrapAt('PG01'),
      await stock.scrapAt('PG01'),
      await stock.scrapAt('PG01'),
    ];
    const inbound = await stock.dispatch('PG01', 'RC01', sent);
    // Each lot was sent at 1,000,000 g; 1 % of it is 10,000 g.
    //   989,999: 10,001 short (1.0001 %)  → flagged
    //   990,000: 10,000 short (1 % exactly: not more than the tolerance) → not flagged
    //   990,001:  9,999 short (0.9999 %)  → not flagged
    // 1,010,001: 10,001 over  (1.0001 %)  → flagged
    const received = [989_999, 990_000, 990_001, 1_010_001];
    const r = await ok('transfers.receive', receiveInput('RC01', inbound, received), 'recycler');
    const [l1, , , l4] = sent as [LotRef, LotRef, LotRef, LotRef];
    expect(r.anomalies).toEqual([
      { seq: r.seq, kind: 'transit_discrepancy', site: 'RC01', lotId: l1.lotId, expected: 1_000_000, actual: 989_999 },
      {
        seq: r.seq,
        kind: 'transit_discrepancy',
        site: 'RC01',
        lotId: l4.lotId,
        expected: 1_000_000,
        actual: 1_010_001,
      },
    ]);
    // The balance is what the receiving scale showed.
    for (const [i, l] of sent.entries()) expect((await lot(l.lotId)).balanceG).toBe(received[i]);
  });
});

// ── Rule 3: runs ──────────────────────────────────────────────────────────

describe('rule 3: a run makes no mass; heavy losses and yields outside the band are flagged', () => {
  it('outputs + by-products over inputs + additions: RUN_MASS_EXCEEDED; equal is a run without loss', async () => {
    const l = await receivedAtRc01();
    // In: 1,000,000 consumed + 20,000 primary = 1,020,000. Out: 900,000 + 120,001 = 1,020,001.
    await refusedWith(
      'RUN_MASS_EXCEEDED',
      'processing.record',
      meltInput([{ lotId: l.lotId, consumedG: 1_000_000 }], 900_000, 120_001, [
        { kind: 'primary_aluminium', massG: 20_000 },
      ]),
      'recycler',
      { out: 1_020_001, in: 1_020_000 },
    );
    // Out 880,000 + 140,000 = 1,020,000 = in: no loss (yield (880,000 − 20,000 primary) / 1,000,000 = 86 %, inside UBC's band).
    const r = await ok(
      'processing.record',
      meltInput([{ lotId: l.lotId, consumedG: 1_000_000 }], 880_000, 140_000, [
        { kind: 'primary_aluminium', massG: 20_000 },
      ]),
      'recycler',
    );
    expect(r.anomalies).toEqual([]);
  });

  it('a run with no output and no by-product: RUN_EMPTY', async () => {
    await refusedWith(
      'RUN_EMPTY',
      'processing.record',
      { ...meltInput([{ lotId: rcScrap.lotId, consumedG: 1_000 }], 1, 0), outputs: [] },
      'recycler',
    );
  });

  it('a loss over 20 % is flagged high_melt_loss; exactly 20 % is not', async () => {
    const a = await receivedAtRc01();
    const b = await receivedAtRc01();
    const primary = [{ kind: 'primary_aluminium', massG: 100_000 }];
    // In 1,000,000 + 100,000 = 1,100,000; 20 % of it is 220,000.
    // Ingot 850,000 + dross 30,000 = 880,000: loss 220,000, 20 % exactly. (The scrap's yield,
    // (850,000 − 100,000 primary) / 1,000,000 = 75 %, is below UBC's band and flagged apart.)
    const at20 = await ok(
      'processing.record',
      meltInput([{ lotId: a.lotId, consumedG: 1_000_000 }], 850_000, 30_000, primary),
      'recycler',
    );
    expect(at20.anomalies.filter((a) => a.kind === 'high_melt_loss')).toEqual([]);
    // Dross 29,999: loss 220,001 = 20.0001 %, 220,001 / 1,100,000 = 0.200000909… → 200,001 ppm against 200,000.
    const over = await ok(
      'processing.record',
      meltInput([{ lotId: b.lotId, consumedG: 1_000_000 }], 850_000, 29_999, primary),
      'recycler',
    );
    expect(over.anomalies.filter((a) => a.kind === 'high_melt_loss')).toEqual([
      {
        seq: over.seq,
        kind: 'high_melt_loss',
        site: 'RC01',
        lotId: over.lots[0]?.lotId,
        expected: 200_000,
        actual: 200_001,
      },
    ]);
  });

  it('a metal yield outside the grade’s band is flagged yield_out_of_band, either side; the edges are inside', async () => {
    // UBC's band is 80–88 % (seed-catalogue.ts): 800,000–880,000 ppm of the scrap consumed.
    const run = async (ingotG: number, drossG: number) => {
      const l = await receivedAtRc01();
      return ok('processing.record', meltInput([{ lotId: l.lotId, consumedG: 1_000_000 }], ingotG, drossG), 'recycler');
    };
    // 790,000 of 1,000,000 = 79 % (loss 110,000 = 11 %, not flagged).
    const low = await run(790_000, 100_000);
    expect(low.anomalies).toEqual([
      {
        seq: low.seq,
        kind: 'yield_out_of_band',
        site: 'RC01',
        lotId: low.lots[0]?.lotId,
        expected: 800_000,
        actual: 790_000,
      },
    ]);
    // 890,000 = 89 % (loss 60,000).
    const high = await run(890_000, 50_000);
    expect(high.anomalies).toEqual([
      {
        seq: high.seq,
        kind: 'yield_out_of_band',
        site: 'RC01',
        lotId: high.lots[0]?.lotId,
        expected: 880_000,
        actual: 890_000,
      },
    ]);
    expect((await run(800_000, 100_000)).anomalies).toEqual([]);
    expect((await run(880_000, 50_000)).anomalies).toEqual([]);
  });

  it('with several grades the band is weighted by the mass consumed of each', async () => {
    const ubc = await receivedAtRc01('UBC');
    const extr = await receivedAtRc01('EXTR-OLD');
    // 500,000 of UBC (80–88 %) and 500,000 of EXTR-OLD (90–96 %):
    //   min = (500,000 × 800,000 + 500,000 × 900,000) / 1,000,000 = 850,000 ppm
    //   max = (500,000 × 880,000 + 500,000 × 960,000) / 1,000,000 = 920,000 ppm
    // An 840,000 g ingot is 84 %: inside UBC's own band, below the blend's.
    const r = await ok(
      'processing.record',
      meltInput(
        [
          { lotId: ubc.lotId, consumedG: 500_000 },
          { lotId: extr.lotId, consumedG: 500_000 },
        ],
        840_000,
        100_000,
      ),
      'recycler',
    );
    expect(r.anomalies).toEqual([
      {
        seq: r.seq,
        kind: 'yield_out_of_band',
        site: 'RC01',
        lotId: r.lots[0]?.lotId,
        expected: 850_000,
        actual: 840_000,
      },
    ]);
    // What was left: 500,000 of each.
    expect((await lot(ubc.lotId)).balanceG).toBe(500_000);
    expect((await lot(extr.lotId)).balanceG).toBe(500_000);
  });

  it('metal that went in as metal is not the scrap’s yield: re-melting an ingot with scrap', async () => {
    const first = await receivedAtRc01();
    const melt = await ok(
      'processing.record',
      meltInput([{ lotId: first.lotId, consumedG: 1_000_000 }], 840_000, 100_000),
      'recycler',
    );
    const ingot = melt.lots[0]?.lotId as string;
    const scrap = await receivedAtRc01();
    // 500,000 of the ingot and 500,000 of UBC into a 920,000 g ingot: the scrap gave
    // 920,000 − 500,000 = 420,000 g, 84 % of it, inside UBC's 80–88 % (not 184 %).
    const remelt = await ok(
      'processing.record',
      meltInput(
        [
          { lotId: ingot, consumedG: 500_000 },
          { lotId: scrap.lotId, consumedG: 500_000 },
        ],
        920_000,
        50_000,
      ),
      'recycler',
    );
    expect(remelt.anomalies).toEqual([]);
  });

  it('sorted scrap is not metal: a sorting run has no yield to flag', async () => {
    const l = await receivedAtRc01();
    // 600,000 sorted into EXTR-OLD and 300,000 into MIXED, 100,000 lost (10 %).
    const r = await ok(
      'processing.record',
      {
        site: 'RC01',
        process: 'sorting',
        inputs: [{ lotId: l.lotId, consumedG: 1_000_000 }],
        outputs: [
          { form: 'sorted_scrap', grade: 'EXTR-OLD', massG: 600_000 },
          { form: 'sorted_scrap', grade: 'MIXED', massG: 300_000 },
        ],
      },
      'recycler',
    );
    expect(r.anomalies).toEqual([]);
    const [sorted] = r.lots as [RecordedView['lots'][number]];
    expect(await lot(sorted.lotId)).toMatchObject({
      kind: 'scrap',
      grade: 'EXTR-OLD',
      family: 'wrought',
      balanceG: 600_000,
    });
  });
});

// ── Rule 7: who records where ─────────────────────────────────────────────

describe('rule 7: a user records only for sites their role allows', () => {
  it('another site of the right kind: SITE_NOT_ALLOWED for every procedure', async () => {
    const pg02 = await stock.scrapAt('PG02');
    const rc02 = await stock.scrapAt('RC02');
    const rc02Melt = await stock.melt('RC02');
    const ut02 = await stock.byproductAt('UT02');
    const toRc02 = await stock.inbound('RC02');
    const pg02Entry = await stock.collect('PG02');
    const cases: [string, Role, unknown][] = [
      ['collection.record', 'operator', collectionInput('PG02')],
      ['transfers.dispatch', 'operator', dispatchInput('PG02', 'RC01', [pg02])],
      ['transfers.receive', 'recycler', receiveInput('RC02', toRc02)],
      [
        'processing.record',
        'recycler',
        { ...meltInput([{ lotId: rc02.lotId, consumedG: 1_000_000 }], 850_000, 100_000), site: 'RC02' },
      ],
      ['shipments.record', 'recycler', { ...shipInput(rc02Melt.ingot), site: 'RC02' }],
      ['byproducts.utilise', 'recycler', utiliseInput('RC02', rc02Melt.dross)],
      ['byproducts.utilise', 'utiliser', utiliseInput('UT02', ut02)],
      [
        'corrections.record',
        'operator',
        { site: 'PG02', targetSeq: pg02Entry.seq, targetLeafHash: pg02Entry.leafHashes[0], reason: 'duplicate' },
      ],
    ];
    for (const [path, role, input] of cases) {
      const r = await refusedWith('SITE_NOT_ALLOWED', path, input, role);
      expect(r.status).toBe(403);
    }
    // An API token acts for its one site only.
    await refusedWith('SITE_NOT_ALLOWED', 'collection.record', collectionInput('PG02'), opTokenClient());
  });

  it('a role without the permission: FORBIDDEN, even at a site of the right kind', async () => {
    const ut01Lot = await stock.byproductAt('UT01');
    const cases: [string, Role, unknown][] = [
      // Utilisers receive dross and record its route; they send nothing on (the split of duties).
      ['transfers.dispatch', 'utiliser', dispatchInput('UT01', 'UT02', [ut01Lot])],
      ['collection.record', 'recycler', collectionInput('PG01')],
      ['collection.record', 'admin', collectionInput('PG01')],
      ['collection.record', 'official', collectionInput('PG01')],
      ['transfers.dispatch', 'official', dispatchInput('PG01', 'RC01', [pgLot])],
      ['transfers.dispatch', 'admin', dispatchInput('PG01', 'RC01', [pgLot])],
      ['transfers.receive', 'operator', receiveInput('RC01', pending)],
      ['processing.record', 'utiliser', meltInput([{ lotId: rcScrap.lotId, consumedG: 1_000 }], 800, 0)],
      ['processing.record', 'admin', meltInput([{ lotId: rcScrap.lotId, consumedG: 1_000 }], 800, 0)],
      ['byproducts.utilise', 'operator', utiliseInput('RC01', rcDross)],
      ['shipments.record', 'utiliser', shipInput(rcIngot)],
      ['shipments.record', 'official', shipInput(rcIngot)],
      [
        'corrections.record',
        'official',
        {
          site: 'RC01',
          targetSeq: pending.recorded.seq,
          targetLeafHash: pending.recorded.leafHashes[0],
          reason: 'other',
        },
      ],
    ];
    for (const [path, role, input] of cases) {
      const r = await refusedWith('FORBIDDEN', path, input, role);
      expect(r.status).toBe(403);
    }
  });

  it('an operator lists only what their sites handled, whatever site they filter by', async () => {
    const pg02 = await stock.scrapAt('PG02');
    const page = data(await as('operator').query<LotPage>('lots.list', { site: 'PG02', limit: 200 }));
    expect(page.lots.map((l) => l.lotId)).not.toContain(pg02.lotId);
    expect(page.lots.every((l) => l.originSite === 'PG01' || l.holder === 'PG01')).toBe(true);
    const r = await as('operator').query('lots.get', { lotId: pg02.lotId });
    expect(r.status).toBe(404);
    expect(errorCode(r)).toBe('LOT_UNKNOWN');
    expect((await lot(pg02.lotId, 'official')).holder).toBe('PG02');
  });
});

// ── Rule 6: idempotency ───────────────────────────────────────────────────

describe('rule 6: an idempotency key makes a retry safe', () => {
  let n = 0;
  const key = () => `rules-${Date.now()}-${++n}`;

  /** Sends the same request twice: the second answer is the first, replayed, and writes nothing. */
  async function retried(path: string, input: Record<string, unknown>, who: Role | Client): Promise<RecordedView> {
    const client = typeof who === 'string' ? as(who) : who;
    const withKey = { ...input, idempotencyKey: key() };
    const first = data(await client.mutate<RecordedView>(path, withKey));
    expect(first.replayed).toBe(false);
    const before = snapshot();
    const again = data(await client.mutate<RecordedView>(path, withKey));
    expect(snapshot(), `the retry of ${path} wrote`).toEqual(before);
    expect(again).toEqual({ ...first, replayed: true });
    return first;
  }

  it('the same key and content returns the first result with replayed: true, for every procedure', async () => {
    const c = await retried('collection.record', collectionInput('PG01'), 'operator');
    expect(c.lots).toHaveLength(1);
    const d = await retried(
      'transfers.dispatch',
      dispatchInput('PG01', 'RC01', [await stock.scrapAt('PG01')]),
      'operator',
    );
    expect(d.dispatchId).toBeDefined();
    await retried('transfers.receive', receiveInput('RC01', await stock.inbound('RC01')), 'recycler');
    const l = await stock.scrapAt('RC01');
    const run = await retried(
      'processing.record',
      meltInput([{ lotId: l.lotId, consumedG: 1_000_000 }], 850_000, 100_000),
      'recycler',
    );
    expect(run.lots).toHaveLength(2);
    await retried('byproducts.utilise', utiliseInput('UT01', await stock.byproductAt('UT01')), 'utiliser');
    await retried('shipments.record', shipInput(await stock.productAt('RC01')), 'recycler');
    const target = await stock.collect('PG01');
    await retried(
      'corrections.record',
      { site: 'PG01', targetSeq: target.seq, targetLeafHash: target.leafHashes[0], reason: 'duplicate' },
      'operator',
    );
  });

  it('a retry after the state moved on still returns the first answer (the dispatched lot is in transit)', async () => {
    const l = await stock.scrapAt('PG01');
    const input = { ...dispatchInput('PG01', 'RC01', [l]), idempotencyKey: key() };
    const first = await ok('transfers.dispatch', input);
    await ok(
      'transfers.receive',
      { site: 'RC01', dispatchId: first.dispatchId, lots: [{ lotId: l.lotId, receivedG: l.massG }] },
      'recycler',
    );
    const before = snapshot();
    const again = await ok('transfers.dispatch', input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(snapshot()).toEqual(before);
  });

  it('the same key with different content: IDEMPOTENCY_CONFLICT', async () => {
    const k = key();
    await ok('collection.record', { ...collectionInput('PG01'), idempotencyKey: k });
    // 1,100,000 − 100,000 − 5,000 = 995,000: another weighing under the same key.
    const r = await refusedWith(
      'IDEMPOTENCY_CONFLICT',
      'collection.record',
      { ...collectionInput('PG01', { deductionG: 5_000, netG: 995_000 }), idempotencyKey: k },
      'operator',
      { key: k },
    );
    expect(r.status).toBe(409);
    // Only a sealed value differs (another vehicle plate): still another request.
    await refusedWith(
      'IDEMPOTENCY_CONFLICT',
      'collection.record',
      {
        ...collectionInput('PG01', { sealed: { seller: SELLER, vehiclePlate: '桂L·99999' } }),
        idempotencyKey: k,
      },
      'operator',
      { key: k },
    );
    // Another procedure under the same key is different content too.
    await refusedWith('IDEMPOTENCY_CONFLICT', 'transfers.dispatch', {
      ...dispatchInput('PG01', 'RC01', [pgLot]),
      idempotencyKey: k,
    });
  });

  it('a refused request does not use up its key', async () => {
    const k = key();
    await refusedWith('MASS_NOT_POSITIVE', 'collection.record', {
      ...collectionInput('PG01', { grossG: 0 }),
      idempotencyKey: k,
    });
    const r = await ok('collection.record', { ...collectionInput('PG01'), idempotencyKey: k });
    expect(r.replayed).toBe(false);
  });

  it('two principals using the same key never collide: a user and an API token, or two users', async () => {
    const k = key();
    const input = { ...collectionInput('PG01'), idempotencyKey: k };
    const byUser = await ok('collection.record', input, 'operator');
    // The same content from the PG01 scale's token is its own request: a new lot, not a replay.
    const byToken = await ok('collection.record', input, opTokenClient());
    expect(byToken.replayed).toBe(false);
    expect(byToken.lots[0]?.lotId).not.toBe(byUser.lots[0]?.lotId);
    // The token's retry replays the token's own answer.
    expect(await ok('collection.record', input, opTokenClient())).toEqual({ ...byToken, replayed: true });
    // Another user at another site, different content, same key.
    const pg02 = await ok(
      'collection.record',
      { ...collectionInput('PG02', { grade: 'MIXED' }), idempotencyKey: k },
      await stock.clientAt('PG02'),
    );
    expect(pg02.replayed).toBe(false);
    expect(pg02.lots[0]?.lotId).toMatch(/^PG02-/);
    // And the user's own retry is still theirs.
    expect(await ok('collection.record', input, 'operator')).toEqual({ ...byUser, replayed: true });
  });
});

// ── Corrections ───────────────────────────────────────────────────────────

describe('corrections: declaring an entry wrong undoes exactly it', () => {
  const correction = (r: RecordedView, site: string, extra: Record<string, unknown> = {}) => ({
    site,
    targetSeq: r.seq,
    targetLeafHash: r.leafHashes[0],
    reason: 'weighing_error',
    ...extra,
  });

  it('a corrected collection voids its lot, which leaves the on-hand lists and keeps its history', async () => {
    const c = await stock.collect('PG01');
    const lotId = c.lots[0]?.lotId as string;
    const fix = await ok('corrections.record', correction(c, 'PG01'));
    expect(fix.lots).toEqual([]);
    expect(await lot(lotId, 'operator')).toMatchObject({ state: 'voided', holder: null, balanceG: 0 });
    const events = (await lot(lotId, 'operator')).events;
    expect(events.map((e) => [e.seq, e.action, e.correctedBy])).toEqual([
      [c.seq, 'created', fix.seq],
      [fix.seq, 'voided', null],
    ]);
    const onHand = data(await as('operator').query<LotPage>('lots.list', { state: 'on_hand', q: lotId }));
    expect(onHand.lots).toEqual([]);
    const voided = data(await as('operator').query<LotPage>('lots.list', { state: 'voided', q: lotId }));
    expect(voided.lots.map((l) => l.lotId)).toEqual([lotId]);
    // A voided lot can no longer move.
    await refusedWith(
      'LOT_NOT_HELD',
      'transfers.dispatch',
      dispatchInput('PG01', 'RC01', [{ lotId, massG: 1_000_000 }]),
      'operator',
      {
        state: 'voided (corrected)',
      },
    );
  });

  it('a correction with the corrected event makes a new lot with the right weighing', async () => {
    const c = await stock.collect('PG01');
    // The scale's tare was 120,000, not 100,000: 1,100,000 − 120,000 = 980,000.
    const replacement = {
      kind: 'collection.recorded',
      input: {
        grade: 'UBC',
        grossG: 1_100_000,
        tareG: 120_000,
        deductionG: 0,
        netG: 980_000,
        sealed: { seller: SELLER },
      },
    };
    const fix = await ok('corrections.record', correction(c, 'PG01', { replacement }));
    expect(fix.leafHashes).toHaveLength(2);
    expect(fix.lots).toHaveLength(1);
    const [made] = fix.lots as [RecordedView['lots'][number]];
    expect(made.lotId).not.toBe(c.lots[0]?.lotId);
    expect(made.massG).toBe(980_000);
    expect(await lot(made.lotId)).toMatchObject({
      state: 'on_hand',
      holder: 'PG01',
      balanceG: 980_000,
      createdSeq: fix.seq + 1,
    });
    expect((await lot(c.lots[0]?.lotId as string)).state).toBe('voided');
  });

  it('a replacement the rules refuse writes nothing, the correction included', async () => {
    const c = await stock.collect('PG01');
    const { site: _site, ...wrong } = collectionInput('PG01', { netG: 1 });
    const bad = { kind: 'collection.recorded', input: wrong };
    await refusedWith('NET_MASS_MISMATCH', 'corrections.record', correction(c, 'PG01', { replacement: bad }));
    const other = { kind: 'lots.dispatched', input: dispatchInput('PG01', 'RC01', [pgLot]) };
    await refusedWith(
      'REPLACEMENT_KIND_MISMATCH',
      'corrections.record',
      correction(c, 'PG01', { replacement: other }),
      'operator',
      {
        kind: 'collection.recorded',
      },
    );
    expect((await lot(c.lots[0]?.lotId as string)).state).toBe('on_hand');
  });

  it('CORRECTION_CONFLICT while later entries rest on it, naming them latest first; undone in that order it works', async () => {
    const c = await stock.collect('PG01');
    const l = { lotId: c.lots[0]?.lotId as string, massG: 1_000_000 };
    const d = await stock.dispatch('PG01', 'RC01', [l]);
    const rec = await stock.receive('RC01', d);
    const r1 = await refusedWith('CORRECTION_CONFLICT', 'corrections.record', correction(c, 'PG01'), 'operator', {
      seq: c.seq,
      later: `${rec.seq}, ${d.recorded.seq}`,
    });
    expect(r1.body.error?.message).toContain(`${rec.seq}, ${d.recorded.seq}`);
    expect(r1.body.error?.data.app.messageZh).toContain(`${rec.seq}, ${d.recorded.seq}`);
    const r2 = await refusedWith(
      'CORRECTION_CONFLICT',
      'corrections.record',
      correction(d.recorded, 'PG01'),
      'operator',
      {
        later: String(rec.seq),
      },
    );
    expect(r2.body.error?.message).toContain(String(rec.seq));
    // The receipt first (by its author, the recycler): back in transit to RC01.
    await ok('corrections.record', correction(rec, 'RC01'), 'recycler');
    expect(await lot(l.lotId)).toMatchObject({ state: 'in_transit', holder: null, transitTo: 'RC01', balanceG: 0 });
    // Then the dispatch: back on hand at PG01 with its whole mass.
    await ok('corrections.record', correction(d.recorded, 'PG01'));
    expect(await lot(l.lotId)).toMatchObject({
      state: 'on_hand',
      holder: 'PG01',
      transitTo: null,
      balanceG: 1_000_000,
    });
    // The dispatch no longer exists for a receipt.
    await refusedWith('DISPATCH_UNKNOWN', 'transfers.receive', receiveInput('RC01', d), 'recycler');
    // Then the collection.
    await ok('corrections.record', correction(c, 'PG01'));
    expect((await lot(l.lotId)).state).toBe('voided');
  });

  it('a corrected receipt voids its discrepancy flag and the lots can be received again', async () => {
    const l = await stock.scrapAt('PG01');
    const d = await stock.dispatch('PG01', 'RC01', [l]);
    // 950,000 of 1,000,000: 5 % short, flagged.
    const rec = await ok('transfers.receive', receiveInput('RC01', d, [950_000]), 'recycler');
    expect(rec.anomalies).toHaveLength(1);
    await ok('corrections.record', correction(rec, 'RC01'), 'recycler');
    const flags = world.server.app.db.$client.prepare('SELECT voided FROM anomalies WHERE seq = ?').all(rec.seq);
    expect(flags).toEqual([{ voided: 1 }]);
    const again = await ok('transfers.receive', receiveInput('RC01', d, [999_000]), 'recycler');
    expect(again.anomalies).toEqual([]);
    expect((await lot(l.lotId)).balanceG).toBe(999_000);
  });

  it('a corrected run gives its inputs back and voids its outputs; a later run of the same input does not block it', async () => {
    const l = await receivedAtRc01();
    // Run 1 consumes 400,000 (→ 600,000 left), run 2 another 100,000 (→ 500,000 left).
    const run1 = await ok(
      'processing.record',
      meltInput([{ lotId: l.lotId, consumedG: 400_000 }], 340_000, 40_000),
      'recycler',
    );
    await ok('processing.record', meltInput([{ lotId: l.lotId, consumedG: 100_000 }], 85_000, 10_000), 'recycler');
    expect((await lot(l.lotId)).balanceG).toBe(500_000);
    await ok('corrections.record', correction(run1, 'RC01'), 'recycler');
    // 500,000 + 400,000 given back = 900,000.
    expect(await lot(l.lotId)).toMatchObject({ state: 'on_hand', balanceG: 900_000 });
    for (const made of run1.lots) expect((await lot(made.lotId)).state).toBe('voided');
  });

  it('a run whose ingot was shipped cannot be corrected before the shipment', async () => {
    const { ingot, recorded } = await stock.melt('RC01');
    const ship = await ok('shipments.record', shipInput(ingot), 'recycler');
    await refusedWith('CORRECTION_CONFLICT', 'corrections.record', correction(recorded, 'RC01'), 'recycler', {
      later: String(ship.seq),
    });
    await ok('corrections.record', correction(ship, 'RC01'), 'recycler');
    expect(await lot(ingot.lotId)).toMatchObject({
      state: 'on_hand',
      holder: 'RC01',
      balanceG: 850_000,
      shippedTo: null,
    });
    await ok('corrections.record', correction(recorded, 'RC01'), 'recycler');
    expect((await lot(ingot.lotId)).state).toBe('voided');
  });

  it('a corrected by-product route gives the mass back to the lot', async () => {
    const d = await stock.byproductAt('UT01');
    const route = await ok('byproducts.utilise', utiliseInput('UT01', d, 40_000), 'utiliser');
    expect((await lot(d.lotId)).balanceG).toBe(60_000);
    await ok('corrections.record', correction(route, 'UT01'), 'utiliser');
    expect(await lot(d.lotId)).toMatchObject({ state: 'on_hand', balanceG: 100_000, route: null });
  });

  it('the same entry twice: ALREADY_CORRECTED naming the correction', async () => {
    const c = await stock.collect('PG01');
    const first = await ok('corrections.record', correction(c, 'PG01'));
    await refusedWith(
      'ALREADY_CORRECTED',
      'corrections.record',
      correction(c, 'PG01', { reason: 'duplicate' }),
      'operator',
      {
        seq: c.seq,
        by: first.seq,
      },
    );
    // Not even an administrator corrects it again.
    await refusedWith('ALREADY_CORRECTED', 'corrections.record', correction(c, 'PG01'), 'admin');
  });

  it('someone else’s entry: CORRECTION_NOT_AUTHOR (another principal at the same site); an admin may', async () => {
    const c = await stock.collect('PG01');
    // The PG01 scale's token acts for PG01 too, but did not record this.
    const r = await refusedWith('CORRECTION_NOT_AUTHOR', 'corrections.record', correction(c, 'PG01'), opTokenClient(), {
      seq: c.seq,
    });
    expect(r.status).toBe(403);
    // The token's own entry is its to correct, not the user's.
    const byToken = await ok('collection.record', collectionInput('PG01'), opTokenClient());
    await refusedWith('CORRECTION_NOT_AUTHOR', 'corrections.record', correction(byToken, 'PG01'));
    await ok('corrections.record', correction(byToken, 'PG01'), opTokenClient());
    // An administrator corrects anyone's, naming the entry's own site.
    await refusedWith('CORRECTION_SITE_MISMATCH', 'corrections.record', correction(c, 'RC01'), 'admin', {
      seq: c.seq,
      actual: 'PG01',
      site: 'RC01',
    });
    const fix = await ok('corrections.record', correction(c, 'PG01'), 'admin');
    expect(fix.replayed).toBe(false);
    expect((await lot(c.lots[0]?.lotId as string)).state).toBe('voided');
    const entry = data(
      await as('official').query<{ entry: { actor: { id: string }; kind: string } }>('ledger.entry', { seq: fix.seq }),
    );
    expect(entry.entry).toMatchObject({ kind: 'correction.recorded', actor: { id: world.users.admin.id } });
  });

  it('an entry that is not a lifecycle event: CORRECTION_TARGET_INVALID; a wrong leaf hash: CORRECTION_TARGET_MISMATCH', async () => {
    const db = world.server.app.db.$client;
    const site = db
      .prepare("SELECT seq, hex(leaf_hash) AS h FROM ledger_entries WHERE kind = 'site.created' AND site = 'PG01'")
      .get() as { seq: number; h: string };
    const bySite = { site: 'PG01', targetSeq: site.seq, targetLeafHash: site.h.toLowerCase(), reason: 'other' };
    await refusedWith('CORRECTION_TARGET_INVALID', 'corrections.record', bySite, 'admin', {
      seq: site.seq,
      kind: 'site.created',
    });
    await refusedWith('CORRECTION_TARGET_INVALID', 'corrections.record', bySite, 'operator');
    // A correction is not corrected in turn.
    const c = await stock.collect('PG01');
    const fix = await ok('corrections.record', correction(c, 'PG01'));
    await refusedWith('CORRECTION_TARGET_INVALID', 'corrections.record', correction(fix, 'PG01'), 'operator', {
      kind: 'correction.recorded',
    });
    // The seq of one entry with the leaf hash of another.
    const other = await stock.collect('PG01');
    await refusedWith(
      'CORRECTION_TARGET_MISMATCH',
      'corrections.record',
      { ...correction(other, 'PG01'), targetLeafHash: c.leafHashes[0] },
      'operator',
      { seq: other.seq, actual: other.leafHashes[0], given: c.leafHashes[0] },
    );
    // An entry that does not exist yet.
    await refusedWith('NOT_FOUND', 'corrections.record', { ...correction(other, 'PG01'), targetSeq: 10_000_000 });
  });
});
