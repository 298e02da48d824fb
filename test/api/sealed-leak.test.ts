// Sealed personal data (DOMAIN.md "What is public and what is sealed"):
// a seller's name, ID number and address, plates, tickets, waybills,
// prices, invoices and notes never appear in the ledger's bytes, the
// export, the server's logs, the database file or any ordinary API
// response; the recording site, the counterpart site and officials read
// them (sealed.read), each read logged; sellers are found by ID through
// the keyed-hash index; erasure deletes them and the ledger still verifies;
// verify --sealed finds a record altered or deleted behind its back.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appRouter } from '@alutrace/server';
import { makeTempDir } from '@alutrace/server/testing';
import {
  type AccessLogPage,
  canonicalBytes,
  type EntriesPage,
  type LotPage,
  type LotView,
  type RecordedView,
  type SealedView,
  type SellerSearchResult,
} from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';
import { Client, data, errorCode, type HttpResult } from './http-client';
import { buildWorld, type World } from './world';

// ── Distinctive sealed values, each searched for in every form it could take ──
const SELLER = {
  kind: 'individual',
  name: '覃秀凤',
  residentId: '451021 19790304 103x', // typed with spaces and a lower-case x
  address: '百色市右江区向阳路88号',
} as const;
const RESIDENT_ID = '45102119790304103X';
const ENTERPRISE = {
  kind: 'enterprise',
  name: '百色市鑫铝回收有限公司',
  creditCode: '9145 1000 ma5n 7qk3 0w',
  handlingPerson: '韦大壮',
  address: '田东县石化园区铝业路7号',
} as const;
const CREDIT_CODE = '91451000MA5N7QK30W';
const PLATE = '桂L·9Z7Q3';
const TICKET = 'TKT-77Q-31337';
const PRICE_FEN = 987_654_321;
const NOTE = '秘密备注：现金交易';
const DISPATCH_PLATE = '桂L·8K4M2';
const DRIVER = '黄志明';
const WAYBILL = 'WB-Z9-424242';
const RECEIPT_TICKET = 'RCV-TKT-5150';
const INVOICE = 'INV-ZX-8080-5151';
const CONTRACT = 'HT-2026-ZX-77';
const SHIP_PRICE_FEN = 12_345_678_901;

/** Every form a value could leak in: as typed, normalised, JSON-escaped, and prices as numbers and yuan. */
function leakForms(): { what: string; form: string }[] {
  const texts: Record<string, string> = {
    'seller name': SELLER.name,
    'resident ID as typed': SELLER.residentId,
    'resident ID': RESIDENT_ID,
    'resident ID, last four': RESIDENT_ID.slice(-6), // 6 characters: 4 alone would match digits by chance
    address: SELLER.address,
    'enterprise name': ENTERPRISE.name,
    'credit code as typed': ENTERPRISE.creditCode,
    'credit code': CREDIT_CODE,
    'handling person': ENTERPRISE.handlingPerson,
    'enterprise address': ENTERPRISE.address,
    plate: PLATE,
    'plate without dot': PLATE.replace('·', ''),
    ticket: TICKET,
    note: NOTE,
    'dispatch plate': DISPATCH_PLATE,
    driver: DRIVER,
    waybill: WAYBILL,
    'receipt ticket': RECEIPT_TICKET,
    invoice: INVOICE,
    contract: CONTRACT,
    price: String(PRICE_FEN),
    'price in yuan': (PRICE_FEN / 100).toFixed(2),
    'shipment price': String(SHIP_PRICE_FEN),
    'shipment price in yuan': (SHIP_PRICE_FEN / 100).toFixed(2),
  };
  const out: { what: string; form: string }[] = [];
  for (const [what, v] of Object.entries(texts)) {
    out.push({ what, form: v }, { what: `${what} (lower case)`, form: v.toLowerCase() });
    const escaped = v.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (escaped !== v) out.push({ what: `${what} (JSON-escaped)`, form: escaped });
  }
  return out;
}

function leaksIn(text: string): string[] {
  return leakForms()
    .filter((f) => text.includes(f.form))
    .map((f) => `${f.what}: ${f.form}`);
}

// ── Raw HTTP, so that what is searched is exactly the text a client receives ──
async function raw(client: Client, path: string, kind: 'query' | 'mutation', input?: unknown): Promise<string> {
  const headers: Record<string, string> = client.cookie ? { cookie: client.cookie } : {};
  const res =
    kind === 'query'
      ? await fetch(
          `${client.base}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          { headers },
        )
      : await fetch(`${client.base}/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', origin: client.base },
          body: JSON.stringify(input ?? {}),
        });
  return res.text();
}

function readIfThere(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw e;
  }
}

function clientForUser(world: World, userId: string): Client {
  const client = new Client(world.server.url);
  const { token } = world.server.app.auth.sessions.create(userId, { ip: '127.0.0.1', userAgent: 'test' });
  client.cookie = `${world.server.app.auth.cookieName}=${token}`;
  return client;
}

function accessLogCount(world: World): number {
  return (world.server.app.db.$client.prepare('SELECT count(*) AS n FROM sealed_access_log').get() as { n: number }).n;
}

const weighing = { grade: 'UBC', grossG: 1_100_000, tareG: 100_000, deductionG: 0, netG: 1_000_000 };

interface Flow {
  /** Every response text of the recording calls. */
  texts: string[];
  collection: RecordedView;
  enterprise: RecordedView;
  dispatch: RecordedView;
  receipt: RecordedView;
  run: RecordedView;
  shipment: RecordedView;
}

/** A collection of each seller kind at PG01, sent to RC01, received, melted, and the ingot shipped to BY01. */
async function recordFlow(world: World): Promise<Flow> {
  const texts: string[] = [];
  const op = world.clientFor('operator');
  const rc = world.clientFor('recycler');
  const call = async (client: Client, path: string, input: unknown): Promise<RecordedView> => {
    const text = await raw(client, path, 'mutation', input);
    texts.push(text);
    const body = JSON.parse(text) as HttpResult<RecordedView>['body'];
    if (!body.result) throw new Error(`${path} failed: ${text}`);
    return body.result.data;
  };
  const collection = await call(op, 'collection.record', {
    site: 'PG01',
    ...weighing,
    sealed: { seller: SELLER, vehiclePlate: PLATE, ticketNumber: TICKET, priceFen: PRICE_FEN, note: NOTE },
  });
  const enterprise = await call(op, 'collection.record', {
    site: 'PG01',
    ...weighing,
    sealed: { seller: ENTERPRISE, vehiclePlate: PLATE, priceFen: PRICE_FEN },
  });
  const lots = [collection, enterprise].map((r) => ({ lotId: r.lots[0]?.lotId as string, massG: 1_000_000 }));
  const dispatch = await call(op, 'transfers.dispatch', {
    site: 'PG01',
    to: 'RC01',
    lots,
    sealed: { vehiclePlate: DISPATCH_PLATE, driver: DRIVER, waybillNumber: WAYBILL },
  });
  const receipt = await call(rc, 'transfers.receive', {
    site: 'RC01',
    dispatchId: dispatch.dispatchId,
    lots: lots.map((l) => ({ lotId: l.lotId, receivedG: l.massG })),
    sealed: { ticketNumber: RECEIPT_TICKET },
  });
  const run = await call(rc, 'processing.record', {
    site: 'RC01',
    process: 'melting',
    inputs: lots.map((l) => ({ lotId: l.lotId, consumedG: l.massG })),
    outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 1_800_000 }],
    byproducts: [{ kind: 'dross', massG: 150_000, hazardousWasteCode: 'HW48 321-026-48' }],
  });
  const shipment = await call(rc, 'shipments.record', {
    site: 'RC01',
    lotId: run.lots[0]?.lotId,
    buyer: 'BY01',
    chain: 'transport',
    massG: 1_800_000,
    sealed: { invoiceNumber: INVOICE, contractNumber: CONTRACT, priceFen: SHIP_PRICE_FEN },
  });
  return { texts, collection, enterprise, dispatch, receipt, run, shipment };
}

describe('sealed values stay out of everything public or ordinary', () => {
  let world: World;
  let flow: Flow;

  beforeAll(async () => {
    // At trace level the server logs every request, so the logs searched are as full as they get.
    world = await buildWorld({ env: { ALUTRACE_LOG_LEVEL: 'trace' } });
    flow = await recordFlow(world);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('none of them in any ledger entry’s canonical bytes', () => {
    const rows = world.server.app.db.$client.prepare('SELECT seq, canonical FROM ledger_entries').all() as {
      seq: number;
      canonical: Buffer;
    }[];
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(leaksIn(row.canonical.toString('utf8')), `entry ${row.seq}`).toEqual([]);
    // The entries commit to them all the same.
    const collection = rows.find((r) => r.seq === flow.collection.seq);
    expect(JSON.parse(String(collection?.canonical)).body.sealed).toMatch(/^[0-9a-f]{64}$/);
  });

  it('none of them in `alutrace export`', async () => {
    const dir = makeTempDir('alutrace-sealed-export-');
    try {
      const file = join(dir, 'ledger.jsonl');
      const r = await cli(['export', '--out', file, '--data-dir', world.server.dataDir]);
      expect(r.code, r.err).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('collection.recorded');
      expect(leaksIn(text)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('none of them in the database file in the clear (the sealed table is encrypted)', () => {
    world.server.app.db.$client.pragma('wal_checkpoint(PASSIVE)');
    for (const suffix of ['', '-wal']) {
      const file = join(world.server.dataDir, `alutrace.db${suffix}`);
      const bytes = readIfThere(file);
      const found = leakForms()
        .filter((f) => bytes.includes(Buffer.from(f.form, 'utf8')))
        .map((f) => f.what);
      expect(found, file).toEqual([]);
    }
  });

  it('none of them in any response of the recording calls, the lot and ledger reads, for every role', async () => {
    const texts = [...flow.texts];
    const lotIds = [
      flow.collection.lots[0]?.lotId,
      flow.enterprise.lots[0]?.lotId,
      ...flow.run.lots.map((l) => l.lotId),
    ] as string[];
    const readers: [Client, string | undefined][] = [
      [world.clientFor('operator'), 'PG01'],
      [world.clientFor('recycler'), 'RC01'],
      [world.clientFor('official'), undefined],
      [world.clientFor('admin'), undefined],
    ];
    const procedures = appRouter._def.procedures as Record<string, unknown>;
    let traced = false;
    for (const [client, site] of readers) {
      for (const lotId of lotIds) {
        texts.push(await raw(client, 'lots.get', 'query', { lotId }));
        if ('lots.trace' in procedures) {
          for (const direction of ['backward', 'forward']) {
            const trace = await raw(client, 'lots.trace', 'query', { lotId, direction });
            traced ||= trace.includes('"result"');
            texts.push(trace);
          }
        }
      }
      texts.push(await raw(client, 'lots.list', 'query', site ? { site, limit: 200 } : { limit: 200 }));
      let cursor: number | undefined;
      for (;;) {
        const text = await raw(client, 'ledger.entries', 'query', { limit: 100, ...(site ? { site } : {}), cursor });
        texts.push(text);
        const page = (JSON.parse(text) as HttpResult<EntriesPage>['body']).result?.data;
        expect(page, text).toBeDefined();
        // The stored bytes travel base64-encoded: search them decoded too.
        for (const item of page?.items ?? []) {
          texts.push(Buffer.from(item.canonicalBase64, 'base64').toString('utf8'));
          texts.push(await raw(client, 'ledger.entry', 'query', { seq: item.seq }));
        }
        if (!page?.nextCursor) break;
        cursor = page.nextCursor;
      }
    }
    const anonymous = world.anonymous();
    texts.push(await raw(anonymous, 'ledger.head', 'query'));
    if ('lots.passport' in procedures) {
      for (const lot of [...flow.collection.lots, ...flow.run.lots]) {
        const passport = await raw(anonymous, 'lots.passport', 'query', { lotId: lot.lotId, digest: lot.labelDigest });
        expect(passport, 'lots.passport answered').toContain('"result"');
        texts.push(passport);
      }
    }
    if ('lots.trace' in procedures) expect(traced, 'lots.trace answered someone').toBe(true);
    expect(texts.length).toBeGreaterThan(50);
    // The reads did answer (a page of errors would prove nothing).
    expect(texts.some((t) => t.includes(flow.collection.lots[0]?.lotId as string))).toBe(true);
    for (const text of texts) expect(leaksIn(text), text.slice(0, 300)).toEqual([]);
  });

  it('an official reads them, checked against the commitment, and the read is logged', async () => {
    const before = accessLogCount(world);
    const official = world.clientFor('official');
    const view = data(
      await official.mutate<SealedView>('sealed.read', { seq: flow.collection.seq, purpose: 'incentive audit 2026' }),
    );
    expect(view).toMatchObject({
      seq: flow.collection.seq,
      kind: 'collection.recorded',
      site: 'PG01',
      counterpart: null,
      commitmentVerified: true,
      fields: {
        seller: { kind: 'individual', name: SELLER.name, residentId: RESIDENT_ID, address: SELLER.address },
        vehiclePlate: PLATE,
        ticketNumber: TICKET,
        priceFen: PRICE_FEN,
        note: NOTE,
      },
    });
    // Anyone holding the values can check them against the entry: SHA-256 of RFC 8785 {salt, …fields}.
    const entry = data(
      await official.query<{ entry: { body: { sealed: string } } }>('ledger.entry', { seq: view.seq }),
    );
    const recomputed = createHash('sha256')
      .update(canonicalBytes({ salt: view.salt, ...view.fields }))
      .digest('hex');
    expect(recomputed).toBe(entry.entry.body.sealed);
    expect(view.commitment).toBe(entry.entry.body.sealed);

    const others = await Promise.all(
      [flow.dispatch, flow.receipt, flow.shipment, flow.enterprise].map(async (r) =>
        data(await official.mutate<SealedView>('sealed.read', { seq: r.seq })),
      ),
    );
    expect(others[0]?.fields).toEqual({ vehiclePlate: DISPATCH_PLATE, driver: DRIVER, waybillNumber: WAYBILL });
    expect(others[0]).toMatchObject({ site: 'PG01', counterpart: 'RC01' });
    expect(others[1]).toMatchObject({ site: 'RC01', counterpart: 'PG01', fields: { ticketNumber: RECEIPT_TICKET } });
    expect(others[2]).toMatchObject({
      site: 'RC01',
      counterpart: 'BY01',
      fields: { invoiceNumber: INVOICE, contractNumber: CONTRACT, priceFen: SHIP_PRICE_FEN },
    });
    expect(others[3]?.fields.seller).toEqual({ ...ENTERPRISE, creditCode: CREDIT_CODE });
    expect(accessLogCount(world)).toBe(before + 5);

    const log = data(await official.query<AccessLogPage>('sealed.accessLog', { seq: flow.collection.seq }));
    expect(log.items[0]).toMatchObject({
      seq: flow.collection.seq,
      principal: `user:${world.users.official.id}`,
      principalName: 'off',
      role: 'official',
      site: null,
      purpose: 'incentive audit 2026',
    });
    expect(Date.now() - Date.parse(log.items[0]?.at as string)).toBeLessThan(60_000);
    const defaulted = data(await official.query<AccessLogPage>('sealed.accessLog', { seq: flow.dispatch.seq }));
    expect(defaulted.items[0]?.purpose).toBe('view');

    // The search for leaks would see them if they were there: in a sealed.read answer they are.
    const answer = await raw(official, 'sealed.read', 'mutation', { seq: flow.collection.seq });
    expect(leaksIn(answer)).toEqual(expect.arrayContaining([`seller name: ${SELLER.name}`, `price: ${PRICE_FEN}`]));
  });

  it('the logs hold none of them, after all the reads and searches too', async () => {
    data(await world.clientFor('operator').mutate('sellers.search', { id: SELLER.residentId }));
    data(await world.clientFor('official').mutate('sellers.search', { id: ENTERPRISE.creditCode }));
    expect(world.server.logs.length).toBeGreaterThan(20); // trace level: a line per request at least
    expect(leaksIn(world.server.logs.join('\n'))).toEqual([]);
  });
});

describe('who may read sealed values, and who may list the reads', () => {
  let world: World;
  let flow: Flow;
  let pg02: Client;

  beforeAll(async () => {
    world = await buildWorld();
    flow = await recordFlow(world);
    pg02 = clientForUser(world, world.target.id); // an operator of PG02
  });
  afterAll(async () => {
    await world?.stop();
  });

  async function read(client: Client, seq: number): Promise<HttpResult<SealedView>> {
    return client.mutate<SealedView>('sealed.read', { seq });
  }

  it('the recording site, the counterpart site and officials read; other sites are told "no such record"', async () => {
    const op = world.clientFor('operator'); // PG01
    const rc = world.clientFor('recycler'); // RC01
    const ut = world.clientFor('utiliser'); // UT01
    const off = world.clientFor('official');
    const cases: [string, Client, RecordedView, boolean][] = [
      ['PG01 its collection', op, flow.collection, true],
      ['PG01 its dispatch', op, flow.dispatch, true],
      ['PG01 the receipt of its dispatch (counterpart)', op, flow.receipt, true],
      ['PG01 the shipment of RC01', op, flow.shipment, false],
      ['RC01 the collection at PG01', rc, flow.collection, false],
      ['RC01 the dispatch to it (counterpart)', rc, flow.dispatch, true],
      ['RC01 its receipt', rc, flow.receipt, true],
      ['RC01 its shipment', rc, flow.shipment, true],
      ['PG02 the collection at PG01', pg02, flow.collection, false],
      ['PG02 the dispatch from PG01', pg02, flow.dispatch, false],
      ['UT01 the collection at PG01', ut, flow.collection, false],
      ['an official the collection', off, flow.collection, true],
      ['an official the shipment', off, flow.shipment, true],
    ];
    for (const [what, client, recorded, allowed] of cases) {
      const seq = recorded.seq;
      const before = accessLogCount(world);
      const r = await read(client, seq);
      if (allowed) {
        expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(200);
        expect(data(r).commitmentVerified).toBe(true);
        expect(accessLogCount(world), what).toBe(before + 1);
      } else {
        expect(r.status, what).toBe(404);
        expect(errorCode(r), what).toBe('NOT_FOUND');
        expect(r.body.error?.message).toBe(`No such sealed record: ${seq}.`);
        expect(accessLogCount(world), what).toBe(before);
      }
    }
  });

  it('a refusal is the same answer as for an entry with no sealed record, or none at all', async () => {
    const refusal = await read(pg02, flow.collection.seq);
    const siteEntry = world.server.app.db.$client
      .prepare("SELECT seq FROM ledger_entries WHERE kind = 'site.created' LIMIT 1")
      .get() as { seq: number };
    for (const seq of [siteEntry.seq, 9_999_999]) {
      const r = await read(pg02, seq);
      expect(r.status).toBe(refusal.status);
      expect(r.body.error?.data.app.code).toBe(refusal.body.error?.data.app.code);
      expect(r.body.error?.message.replace(String(seq), 'N')).toBe(
        refusal.body.error?.message.replace(String(flow.collection.seq), 'N'),
      );
    }
  });

  it('administrators may not read sealed values, nor may anonymous callers', async () => {
    const admin = await read(world.clientFor('admin'), flow.collection.seq);
    expect(admin.status).toBe(403);
    expect(errorCode(admin)).toBe('FORBIDDEN');
    const anonymous = await read(world.anonymous(), flow.collection.seq);
    expect(anonymous.status).toBe(401);
  });

  it('a read is a POST: a GET (a link, an image) reads nothing and logs nothing', async () => {
    const before = accessLogCount(world);
    const r = await world.clientFor('official').query('sealed.read', { seq: flow.collection.seq });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(accessLogCount(world)).toBe(before);
  });

  it('officials list the reads, filtered by entry, reader and time, newest first, page by page', async () => {
    const off = world.clientFor('official');
    const op = world.clientFor('operator');
    data(await op.mutate('sealed.read', { seq: flow.collection.seq, purpose: 'seller dispute' }));
    const byOperator = data(
      await off.query<AccessLogPage>('sealed.accessLog', { principal: `user:${world.users.operator.id}` }),
    );
    expect(byOperator.items.length).toBeGreaterThanOrEqual(4);
    expect(byOperator.items.every((i) => i.principal === `user:${world.users.operator.id}`)).toBe(true);
    expect(byOperator.items[0]).toMatchObject({
      seq: flow.collection.seq,
      role: 'operator',
      site: 'PG01',
      principalName: 'op',
      purpose: 'seller dispute',
    });
    // The recycler read the dispatch as its counterpart: the log says for which site.
    const dispatchReads = data(await off.query<AccessLogPage>('sealed.accessLog', { seq: flow.dispatch.seq }));
    expect(dispatchReads.items.find((i) => i.role === 'recycler')?.site).toBe('RC01');

    const all: number[] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = data(await off.query<AccessLogPage>('sealed.accessLog', { limit: 3, cursor }));
      all.push(...page.items.map((i) => i.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(all.length).toBe(accessLogCount(world));
    expect([...all].sort((a, b) => b - a)).toEqual(all);

    const future = data(await off.query<AccessLogPage>('sealed.accessLog', { from: '2999-01-01T00:00:00Z' }));
    expect(future.items).toEqual([]);
    // A read at 10:00:00.5 is within from 10:00:00Z (times compare as instants, not as text).
    const newest = byOperator.items[0] as AccessLogPage['items'][number];
    const second = `${newest.at.slice(0, 19)}Z`;
    const window = data(
      await off.query<AccessLogPage>('sealed.accessLog', { from: second, to: newest.at, seq: newest.seq }),
    );
    expect(window.items.map((i) => i.id)).toContain(newest.id);

    // A purpose is any one line of text, Chinese punctuation included; control characters are refused.
    data(await op.mutate('sealed.read', { seq: flow.collection.seq, purpose: '激励核查，2026年第四季度' }));
    const bad = await op.mutate('sealed.read', { seq: flow.collection.seq, purpose: 'audit\u202e' });
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');

    for (const role of ['operator', 'recycler', 'admin'] as const) {
      const r = await world.clientFor(role).query('sealed.accessLog', {});
      expect(r.status, role).toBe(403);
    }
  });
});

describe('sellers.search: collections by resident ID or credit code', () => {
  let world: World;
  let flow: Flow;
  let pg02: Client;
  let atPg02: RecordedView;

  beforeAll(async () => {
    world = await buildWorld();
    flow = await recordFlow(world);
    pg02 = clientForUser(world, world.target.id);
    // The same seller sells at PG02 too.
    atPg02 = data(
      await pg02.mutate<RecordedView>('collection.record', { site: 'PG02', ...weighing, sealed: { seller: SELLER } }),
    );
  });
  afterAll(async () => {
    await world?.stop();
  });

  async function search(client: Client, id: string): Promise<HttpResult<SellerSearchResult>> {
    return client.mutate<SellerSearchResult>('sellers.search', { id });
  }

  it('finds an operator’s own collections by the ID as typed or normalised, and officials’ everywhere', async () => {
    const op = world.clientFor('operator');
    for (const id of [
      SELLER.residentId,
      RESIDENT_ID,
      RESIDENT_ID.toLowerCase(),
      ` ${RESIDENT_ID.slice(0, 6)} ${RESIDENT_ID.slice(6)} `,
    ]) {
      const found = data(await search(op, id));
      expect(
        found.lots.map((l) => l.lotId),
        id,
      ).toEqual([flow.collection.lots[0]?.lotId]);
    }
    expect(data(await search(op, SELLER.residentId)).lots[0]).toMatchObject({
      seq: flow.collection.seq,
      site: 'PG01',
      grade: 'UBC',
      massG: 1_000_000,
      state: 'consumed',
    });
    expect(data(await search(pg02, RESIDENT_ID)).lots.map((l) => l.lotId)).toEqual([atPg02.lots[0]?.lotId]);
    const everywhere = data(await search(world.clientFor('official'), RESIDENT_ID));
    expect(everywhere.lots.map((l) => l.seq)).toEqual([atPg02.seq, flow.collection.seq]);
    const enterprise = data(await search(op, ENTERPRISE.creditCode.toUpperCase()));
    expect(enterprise.lots.map((l) => l.seq)).toEqual([flow.enterprise.seq]);
    expect(data(await search(pg02, CREDIT_CODE)).lots).toEqual([]);
  });

  it('logs each collection a search reveals, never the ID searched for', async () => {
    const before = accessLogCount(world);
    data(await search(world.clientFor('official'), RESIDENT_ID));
    expect(accessLogCount(world)).toBe(before + 2);
    const rows = world.server.app.db.$client
      .prepare('SELECT * FROM sealed_access_log ORDER BY id DESC LIMIT 2')
      .all() as { seq: number; purpose: string; role: string; site: string | null }[];
    expect(rows.map((r) => r.seq).sort()).toEqual([flow.collection.seq, atPg02.seq].sort());
    expect(rows.every((r) => r.purpose === 'seller-search' && r.role === 'official' && r.site === null)).toBe(true);
    const opBefore = accessLogCount(world);
    data(await search(world.clientFor('operator'), RESIDENT_ID));
    const opRow = world.server.app.db.$client
      .prepare('SELECT * FROM sealed_access_log ORDER BY id DESC LIMIT 1')
      .get() as { site: string; purpose: string };
    expect(accessLogCount(world)).toBe(opBefore + 1);
    expect(opRow).toMatchObject({ site: 'PG01', purpose: 'seller-search' });
    const log = JSON.stringify(world.server.app.db.$client.prepare('SELECT * FROM sealed_access_log').all());
    expect(log).not.toContain(RESIDENT_ID);
    // A search that finds nothing reveals no record, and logs none.
    const none = accessLogCount(world);
    expect(data(await search(world.clientFor('official'), '110101199003074477')).lots).toEqual([]);
    expect(accessLogCount(world)).toBe(none);
  });

  it('refuses an ID with a wrong check character, saying so in both languages', async () => {
    const r = await search(world.clientFor('operator'), '451021197903041030');
    expect(r.status).toBe(400);
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(r.body.error?.data.app.fields?.id?.[0]).toMatch(/check character/);
    expect(r.body.error?.data.app.fieldsZh?.id?.[0]).toMatch(/校验码/);
    const code = await search(world.clientFor('operator'), '91451000MA5N7QK30X');
    expect(code.body.error?.data.app.fields?.id?.[0]).toMatch(/check character/);
    const neither = await search(world.clientFor('operator'), '12345');
    expect(neither.body.error?.data.app.fields?.id?.[0]).toMatch(
      /resident ID number .* or a unified social credit code/,
    );
  });

  it('is for operators and officials only', async () => {
    for (const role of ['recycler', 'utiliser', 'admin'] as const) {
      const r = await search(world.clientFor(role), RESIDENT_ID);
      expect(r.status, role).toBe(403);
      expect(errorCode(r)).toBe('FORBIDDEN');
    }
    expect((await search(world.anonymous(), RESIDENT_ID)).status).toBe(401);
  });
});

describe('erasure, retention and verify --sealed', () => {
  const OLD = new Date('2024-03-01T02:00:00Z');
  let clock = OLD;
  let world: World;
  let old: Flow;
  let recent: RecordedView;
  const RECENT_ID = '110101199003074477';
  let oldCiphertext: Buffer;

  const db = () => world.server.app.db.$client;
  const verify = (...extra: string[]) => cli(['verify', '--data-dir', world.server.dataDir, ...extra]);

  beforeAll(async () => {
    world = await buildWorld({ now: () => clock });
    old = await recordFlow(world);
    clock = new Date();
    recent = data(
      await world.clientFor('operator').mutate<RecordedView>('collection.record', {
        site: 'PG01',
        ...weighing,
        sealed: { seller: { kind: 'individual', name: '李明', residentId: RECENT_ID }, vehiclePlate: '桂L·12345' },
      }),
    );
    const row = db().prepare('SELECT ciphertext FROM sealed_records WHERE seq = ?').get(old.collection.seq) as {
      ciphertext: Buffer;
    };
    oldCiphertext = row.ciphertext;
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('keeps the sealed-data key in its own 0600 file, apart from the signing key', () => {
    const sealedKey = join(world.server.dataDir, 'sealed-key');
    const signingKey = join(world.server.dataDir, 'signing-key');
    expect(statSync(sealedKey).mode & 0o777).toBe(0o600);
    expect(statSync(signingKey).mode & 0o777).toBe(0o600);
    const sealedText = readFileSync(sealedKey, 'utf8');
    const signingText = readFileSync(signingKey, 'utf8');
    expect(sealedText).toMatch(/^ALUTRACE-SEALED-KEY-V1\n/);
    const secrets = sealedText.match(/[0-9a-f]{64}/g) ?? [];
    expect(secrets).toHaveLength(2);
    for (const s of secrets) {
      expect(signingText).not.toContain(s);
      expect(world.server.logs.join('\n')).not.toContain(s);
    }
    expect(statSync(join(world.server.dataDir, 'alutrace.db')).mode & 0o777).toBe(0o600);
  });

  it('verify --sealed passes on an intact ledger: every lifecycle entry has its record', async () => {
    const r = await verify('--sealed');
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/sealed records: OK — 7 records match their commitments, 0 erased/);
  });

  it('a dry run counts what is due and changes nothing', async () => {
    const before = db().prepare('SELECT count(*) AS n FROM sealed_records').get();
    const r = await cli([
      'erase-personal-data',
      '--before',
      '2025-01-01',
      '--dry-run',
      '--data-dir',
      world.server.dataDir,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('would erase the sealed details of 6 entries');
    expect(r.out).toContain('试运行');
    expect(db().prepare('SELECT count(*) AS n FROM sealed_records').get()).toEqual(before);
    // Without --before, the retention period decides: 365 days back from today reaches the 2024 entries.
    const retention = await cli(['erase-personal-data', '--dry-run', '--json', '--data-dir', world.server.dataDir], {
      ALUTRACE_SEALED_RETENTION_DAYS: '365',
    });
    expect(JSON.parse(retention.out)).toMatchObject({ dryRun: true, records: 6, indexRows: 2 });
    const longer = await cli(['erase-personal-data', '--dry-run', '--json', '--data-dir', world.server.dataDir], {
      ALUTRACE_SEALED_RETENTION_DAYS: '36500',
    });
    expect(JSON.parse(longer.out)).toMatchObject({ records: 0 });
  });

  it('refuses a date that is not one, or in the future', async () => {
    for (const before of ['2025-02-30', '01/01/2025', '2999-01-01']) {
      const r = await cli(['erase-personal-data', '--before', before, '--data-dir', world.server.dataDir]);
      expect(r.code, before).toBe(2);
      expect(r.err).toContain('--before');
    }
  });

  it('erases the records before the date with tombstones, overwriting them on disk; the ledger still verifies', async () => {
    const ledgerBefore = db().prepare('SELECT count(*) AS n, max(seq) AS last FROM ledger_entries').get();
    const r = await cli([
      'erase-personal-data',
      '--before',
      '2025-01-01',
      '--reason',
      'retention period ended',
      '--data-dir',
      world.server.dataDir,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('erased the sealed details of 6 entries');
    expect(r.out).toContain('已删除 6 条');
    expect(db().prepare('SELECT count(*) AS n, max(seq) AS last FROM ledger_entries').get()).toEqual(ledgerBefore);
    const erased = db().prepare('SELECT * FROM sealed_erasures ORDER BY seq').all() as {
      seq: number;
      erased_at: string;
      reason: string;
    }[];
    expect(erased.map((e) => e.seq)).toEqual(
      [old.collection, old.enterprise, old.dispatch, old.receipt, old.run, old.shipment].map((f) => f.seq),
    );
    expect(erased.every((e) => e.reason === 'retention period ended')).toBe(true);
    expect(db().prepare('SELECT seq FROM sealed_records').all()).toEqual([{ seq: recent.seq }]);
    expect(db().prepare('SELECT count(*) AS n FROM seller_index').get()).toEqual({ n: 1 });
    // secure_delete and the checkpoint: the erased ciphertext is nowhere in the files.
    for (const suffix of ['', '-wal']) {
      const bytes = readIfThere(join(world.server.dataDir, `alutrace.db${suffix}`));
      expect(bytes.includes(oldCiphertext), `alutrace.db${suffix}`).toBe(false);
    }

    const plain = await verify();
    expect(plain.code, plain.out).toBe(0);
    const sealed = await verify('--sealed');
    expect(sealed.code, sealed.out).toBe(0);
    expect(sealed.out).toMatch(/1 records match their commitments, 6 erased/);

    const again = await cli(['erase-personal-data', '--before', '2025-01-01', '--data-dir', world.server.dataDir]);
    expect(again.out).toContain('erased the sealed details of 0 entries');
  });

  it('after erasure: readers are told when and why, the public record and the trace remain, the seller is not found', async () => {
    const off = world.clientFor('official');
    const r = await off.mutate('sealed.read', { seq: old.collection.seq });
    expect(r.status).toBe(404);
    expect(errorCode(r)).toBe('SEALED_ERASED');
    // Erased today (the command's own clock), for the reason given.
    expect(r.body.error?.data.app.params).toEqual({
      seq: old.collection.seq,
      at: new Date().toISOString().slice(0, 10),
      reason: 'retention period ended',
    });
    expect(r.body.error?.data.app.messageZh).toContain('删除');
    // The recording site learns of the erasure too; another site only that there is no such record.
    expect(errorCode(await world.clientFor('operator').mutate('sealed.read', { seq: old.collection.seq }))).toBe(
      'SEALED_ERASED',
    );
    expect(errorCode(await world.clientFor('recycler').mutate('sealed.read', { seq: old.dispatch.seq }))).toBe(
      'SEALED_ERASED',
    );
    const other = await clientForUser(world, world.target.id).mutate('sealed.read', { seq: old.collection.seq });
    expect(errorCode(other)).toBe('NOT_FOUND');
    expect(data(await off.mutate<SealedView>('sealed.read', { seq: recent.seq })).commitmentVerified).toBe(true);

    const ingot = data(await off.query<LotView>('lots.get', { lotId: old.run.lots[0]?.lotId }));
    expect(ingot).toMatchObject({ state: 'shipped', recycledPpm: 1_000_000, shippedTo: { buyer: 'BY01' } });
    const scrap = data(await off.query<LotView>('lots.get', { lotId: old.collection.lots[0]?.lotId }));
    expect(scrap.events.map((e) => e.action)).toEqual(['created', 'dispatched', 'received', 'consumed']);
    expect(data(await off.query<LotPage>('lots.list', { limit: 200 })).lots.length).toBe(5);

    expect(data(await off.mutate<SellerSearchResult>('sellers.search', { id: RESIDENT_ID })).lots).toEqual([]);
    expect(data(await off.mutate<SellerSearchResult>('sellers.search', { id: RECENT_ID })).lots).toHaveLength(1);
  });

  it('verify --sealed fails on a tampered ciphertext, a forged record, a moved site, and a record deleted without a tombstone', async () => {
    const seq = recent.seq;
    const original = db().prepare('SELECT * FROM sealed_records WHERE seq = ?').get(seq) as Record<string, unknown>;
    const restore = () => {
      db().prepare('DELETE FROM sealed_records WHERE seq = ?').run(seq);
      db()
        .prepare(
          'INSERT INTO sealed_records (seq, kind, site, counterpart, recorded_at, nonce, ciphertext, tag) VALUES (@seq, @kind, @site, @counterpart, @recorded_at, @nonce, @ciphertext, @tag)',
        )
        .run(original);
    };

    const flipped = Buffer.from(original.ciphertext as Buffer);
    flipped[3] = (flipped[3] as number) ^ 0x01;
    db().prepare('UPDATE sealed_records SET ciphertext = ? WHERE seq = ?').run(flipped, seq);
    const tampered = await verify('--sealed');
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`sealed records: FAILED at entry ${seq} (SEALED_UNREADABLE)`);
    expect(tampered.out).toContain('保密信息校验失败');
    const read = await world.clientFor('official').mutate('sealed.read', { seq });
    expect(read.status).toBe(500);
    expect(errorCode(read)).toBe('SEALED_COMMITMENT_MISMATCH');
    restore();

    // Re-encrypted by someone holding the key, with another price: it decrypts, but does not match the ledger.
    db().prepare('DELETE FROM sealed_records WHERE seq = ?').run(seq);
    db().prepare('DELETE FROM seller_index WHERE seq = ?').run(seq);
    const vault = world.server.app.vault;
    vault.store(world.server.app.db, {
      seq,
      kind: 'collection.recorded',
      site: 'PG01',
      counterpart: null,
      recordedAt: original.recorded_at as string,
      sealing: vault.seal({ seller: { kind: 'individual', name: '李明', residentId: RECENT_ID }, priceFen: 1 }),
      searchIds: [RECENT_ID],
    });
    const forged = await verify('--sealed');
    expect(forged.code).toBe(1);
    expect(forged.out).toContain('(SEALED_COMMITMENT_MISMATCH)');
    expect(errorCode(await world.clientFor('official').mutate('sealed.read', { seq }))).toBe(
      'SEALED_COMMITMENT_MISMATCH',
    );
    restore();

    // Who may read is decided by the entry, not by the table: moving the record to PG02 gains PG02 nothing.
    db().prepare("UPDATE sealed_records SET site = 'PG02' WHERE seq = ?").run(seq);
    const moved = await verify('--sealed', '--json');
    expect(moved.code).toBe(1);
    expect(JSON.parse(moved.out).sealed.failure).toMatchObject({ seq, reason: 'SEALED_COLUMNS_MISMATCH' });
    expect(errorCode(await clientForUser(world, world.target.id).mutate('sealed.read', { seq }))).toBe('NOT_FOUND');
    restore();
    expect((await verify('--sealed')).code).toBe(0);

    db().prepare('DELETE FROM sealed_records WHERE seq = ?').run(seq);
    const deleted = await verify('--sealed');
    expect(deleted.code).toBe(1);
    expect(deleted.out).toContain(`sealed records: FAILED at entry ${seq} (SEALED_MISSING)`);
    // The index row left behind is found too, once the record itself is accounted for.
    db()
      .prepare("INSERT INTO sealed_erasures (seq, erased_at, reason) VALUES (?, '2026-12-01T00:00:00.000Z', 'test')")
      .run(seq);
    const stray = await verify('--sealed');
    expect(stray.code).toBe(1);
    expect(stray.out).toContain('(SELLER_INDEX_ORPHAN)');
    // Without --sealed, the ledger itself is still intact.
    expect((await verify()).code).toBe(0);
  });
});
