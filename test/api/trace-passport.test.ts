// lots.trace and the public passport over real HTTP. A melt of two
// collection lots with primary aluminium into an ingot that is shipped; the
// recycler traces it, the collection point follows its lot forward; anyone
// with the ingot's label opens its passport and checks it with the shared
// verifier; a wrong digest is exactly an unknown lot; nothing sealed is in
// any answer; a voided lot still answers; a long history stays bounded.
import {
  type BackwardTrace,
  base64Decode,
  type ForwardTrace,
  PASSPORT_MAX_ENTRIES,
  type Passport,
  type PublicKeyView,
  type RecordedView,
  residentIdCheckCharacter,
  verifyPassport,
} from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, data, errorCode, type HttpResult } from './http-client';
import { buildWorld, type World } from './world';

let world: World;
let op: Client;
let rc: Client;
let key: string;

// Sealed values, distinctive enough to search for in every answer.
const SECRETS = {
  sellerName: '欧阳秘密',
  residentId: `45102119900307461${residentIdCheckCharacter('45102119900307461')}`,
  plate: '桂L·99887',
  ticket: 'TICKET-7788-Q',
  priceFen: 98_765_431,
  waybill: 'WB-SECRET-9911',
  invoice: 'INV-SECRET-5566',
  invoicePriceFen: 234_567_891,
  note: '秘密备注只给官员看',
};

const lots: Record<string, RecordedView['lots'][number]> = {};

async function collect(netG: number): Promise<RecordedView> {
  return data(
    await op.mutate<RecordedView>('collection.record', {
      site: 'PG01',
      grade: 'UBC',
      grossG: netG + 100_000,
      tareG: 100_000,
      deductionG: 0,
      netG,
      sealed: {
        seller: { kind: 'individual', name: SECRETS.sellerName, residentId: SECRETS.residentId },
        vehiclePlate: SECRETS.plate,
        ticketNumber: SECRETS.ticket,
        priceFen: SECRETS.priceFen,
        note: SECRETS.note,
      },
    }),
  );
}

async function deliver(made: RecordedView['lots']): Promise<void> {
  const d = data(
    await op.mutate<RecordedView>('transfers.dispatch', {
      site: 'PG01',
      to: 'RC01',
      lots: made.map((l) => ({ lotId: l.lotId, massG: l.massG })),
      sealed: { vehiclePlate: SECRETS.plate, waybillNumber: SECRETS.waybill },
    }),
  );
  data(
    await rc.mutate('transfers.receive', {
      site: 'RC01',
      dispatchId: d.dispatchId,
      lots: made.map((l) => ({ lotId: l.lotId, receivedG: l.massG })),
    }),
  );
}

beforeAll(async () => {
  world = await buildWorld();
  op = world.clientFor('operator');
  rc = world.clientFor('recycler');
  key = data(await world.anonymous().query<PublicKeyView>('ledger.publicKey')).verifierKey;
  const a = (await collect(600_000)).lots[0] as RecordedView['lots'][number];
  const b = (await collect(400_000)).lots[0] as RecordedView['lots'][number];
  Object.assign(lots, { a, b });
  await deliver([a, b]);
  // 1,000,000 g of scrap and 50,000 g of primary aluminium → ingot 900,000 g and dross 60,000 g.
  const melt = data(
    await rc.mutate<RecordedView>('processing.record', {
      site: 'RC01',
      process: 'melting',
      inputs: [
        { lotId: a.lotId, consumedG: 600_000 },
        { lotId: b.lotId, consumedG: 400_000 },
      ],
      additions: [{ kind: 'primary_aluminium', massG: 50_000 }],
      outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 900_000 }],
      byproducts: [{ kind: 'dross', massG: 60_000, hazardousWasteCode: 'HW48 321-026-48' }],
      sealed: { note: SECRETS.note },
    }),
  );
  [lots.ingot, lots.dross] = melt.lots as [RecordedView['lots'][number], RecordedView['lots'][number]];
  data(
    await rc.mutate('shipments.record', {
      site: 'RC01',
      lotId: lots.ingot?.lotId,
      buyer: 'BY01',
      chain: 'construction',
      massG: 900_000,
      sealed: { invoiceNumber: SECRETS.invoice, priceFen: SECRETS.invoicePriceFen },
    }),
  );
});
afterAll(async () => {
  await world?.stop();
});

const lot = (name: string) => lots[name] as RecordedView['lots'][number];
const passport = (client: Client, lotId: string, digest: string) =>
  client.query<Passport>('lots.passport', { lotId, digest });

describe('lots.trace over HTTP', () => {
  it('the recycler traces its ingot back to both collection lots', async () => {
    const t = data(await rc.query<BackwardTrace>('lots.trace', { lotId: lot('ingot').lotId, direction: 'backward' }));
    // Each input over [900,000, 60,000]: a 600,000 → 562,500; b 400,000 → 375,000; the additions 50,000 → 46,875.
    expect(t.sources.map((s) => [s.lotId, s.grams, s.sourceClass, s.originSite])).toEqual([
      [lot('a').lotId, 562_500, 'post_consumer', 'PG01'],
      [lot('b').lotId, 375_000, 'post_consumer', 'PG01'],
    ]);
    expect(t).toMatchObject({ totalG: 984_375, additionsG: 46_875, bySourceClass: { post_consumer: 937_500 } });
    expect(t.runs).toEqual([expect.objectContaining({ process: 'melting', site: 'RC01' })]);
  });

  it('the collection point follows its lot forward to the buyer', async () => {
    const t = data(await op.query<ForwardTrace>('lots.trace', { lotId: lot('a').lotId, direction: 'forward' }));
    expect(t.fedG).toBe(600_000);
    expect(t.reached.map((l) => [l.lotId, l.carriedG, l.state])).toEqual([
      [lot('ingot').lotId, 562_500, 'shipped'],
      [lot('dross').lotId, 37_500, 'on_hand'],
    ]);
    expect(t.shipped).toEqual([{ buyer: 'BY01', chain: 'construction', lots: 1, grams: 562_500 }]);
  });

  it('a lot the caller may not see is unknown, as for lots.get', async () => {
    const r = await op.query('lots.trace', { lotId: lot('ingot').lotId, direction: 'backward' });
    expect(r.status).toBe(404);
    expect(r.body.error?.data.app).toMatchObject({ code: 'LOT_UNKNOWN', params: { lot: lot('ingot').lotId } });
    expect((await world.anonymous().query('lots.trace', { lotId: lot('a').lotId, direction: 'forward' })).status).toBe(
      401,
    );
  });
});

describe('the public passport', () => {
  it('opens for anyone with the label, and verifies with the shared verifier', async () => {
    const r = await passport(world.anonymous(), lot('ingot').lotId, lot('ingot').labelDigest);
    const p = data(r);
    expect(p.lot).toMatchObject({
      lotId: lot('ingot').lotId,
      kind: 'product',
      state: 'shipped',
      massG: 900_000,
      alloy: { code: 'ADC12' },
      originSite: { code: 'RC01', nameEn: 'Pingguo recycler' },
      shippedTo: { buyer: { code: 'BY01' }, chain: 'construction', massG: 900_000 },
    });
    expect(p.upstream).toMatchObject({
      collectionLots: 2,
      totalG: 984_375,
      additionsG: 46_875,
      collectionPoints: [{ site: { code: 'PG01' }, lots: 2, grams: 937_500 }],
      otherPoints: null,
    });
    expect(p.inputs).toEqual([
      expect.objectContaining({ lotId: lot('a').lotId, labelDigest: lot('a').labelDigest, consumedG: 600_000 }),
      expect.objectContaining({ lotId: lot('b').lotId, labelDigest: lot('b').labelDigest, consumedG: 400_000 }),
    ]);
    expect(p.entries.map((e) => e.role)).toEqual(['created', 'event']);
    expect(p.checkpoint.verifierKey).toBe(key);
    const v = verifyPassport(p, key, { digest: lot('ingot').labelDigest, origin: p.checkpoint.origin });
    expect(v.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(v.valid).toBe(true);
  });

  it('walks upstream one verified step at a time: each input opens with the digest the passport gives', async () => {
    const p = data(await passport(world.anonymous(), lot('ingot').lotId, lot('ingot').labelDigest));
    for (const input of p.inputs) {
      const up = data(await passport(world.anonymous(), input.lotId, input.labelDigest));
      expect(verifyPassport(up, key, { digest: input.labelDigest }).valid).toBe(true);
      expect(up.lot).toMatchObject({ kind: 'scrap', state: 'consumed', sourceClass: 'post_consumer' });
    }
  });

  it('answers a wrong digest exactly as an unknown lot: code, params, status, message', async () => {
    const real = lot('ingot');
    const wrong = await passport(
      world.anonymous(),
      real.lotId,
      real.labelDigest.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    );
    const unknownId = `${real.lotId.slice(0, -4)}9999`;
    const unknown = await passport(world.anonymous(), unknownId, real.labelDigest);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(wrong.status);
    expect(errorCode(wrong)).toBe('LOT_UNKNOWN');
    const same = (r: HttpResult, id: string) => JSON.parse(JSON.stringify(r.body).replaceAll(id, '<lot>'));
    expect(same(wrong, real.lotId)).toEqual(same(unknown, unknownId));
    expect(Object.keys(wrong.body.error?.data.app.params ?? {})).toEqual(['lot']);
    // The digest is read in either case, as people type it from a label.
    expect((await passport(world.anonymous(), real.lotId, real.labelDigest.toUpperCase())).status).toBe(200);
  });

  it('takes no longer to refuse a wrong digest than an unknown lot', async () => {
    const real = lot('ingot');
    const wrongDigest = () => passport(world.anonymous(), real.lotId, 'aaaaaaaaaa');
    const unknownLot = () => passport(world.anonymous(), `${real.lotId.slice(0, -4)}9998`, real.labelDigest);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1] as number;
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < 60; i++) {
      for (const [k, call] of [wrongDigest, unknownLot].entries()) {
        const t0 = performance.now();
        await call();
        (times[k] as number[]).push(performance.now() - t0);
      }
    }
    // One primary-key look-up either way: the medians differ by noise, far under a millisecond.
    expect(Math.abs(median(times[0]) - median(times[1]))).toBeLessThan(2);
  });

  it('holds none of the sealed values, in its JSON or in the entries’ bytes', async () => {
    const texts: string[] = [];
    for (const name of ['ingot', 'a', 'b', 'dross']) {
      const r = await fetch(
        `${world.server.url}/trpc/lots.passport?input=${encodeURIComponent(JSON.stringify({ lotId: lot(name).lotId, digest: lot(name).labelDigest }))}`,
      );
      const text = await r.text();
      expect(r.status).toBe(200);
      texts.push(text);
      const p = (JSON.parse(text) as { result: { data: Passport } }).result.data;
      for (const e of p.entries) texts.push(new TextDecoder().decode(base64Decode(e.canonicalBase64)));
    }
    const all = texts.join('\n');
    for (const value of Object.values(SECRETS)) expect(all, String(value)).not.toContain(String(value));
  });

  it('answers for a voided lot, showing it voided, and still verifies', async () => {
    const c = await collect(123_000);
    const made = c.lots[0] as RecordedView['lots'][number];
    const fix = data(
      await op.mutate<RecordedView>('corrections.record', {
        site: 'PG01',
        targetSeq: c.seq,
        targetLeafHash: c.leafHashes[0],
        reason: 'duplicate',
      }),
    );
    const p = data(await passport(world.anonymous(), made.lotId, made.labelDigest));
    expect(p.lot).toMatchObject({ state: 'voided', balanceG: 0, voidedBy: fix.seq });
    expect(p.entries.map((e) => [e.seq, e.role])).toEqual([
      [c.seq, 'created'],
      [fix.seq, 'correction'],
    ]);
    expect(p.upstream.totalG).toBe(0);
    expect(verifyPassport(p, key, { digest: made.labelDigest }).valid).toBe(true);
  });

  it(`stays bounded for a long history: the creating entry and the newest, at most ${PASSPORT_MAX_ENTRIES}`, async () => {
    const c = await collect(5_000_000);
    const big = c.lots[0] as RecordedView['lots'][number];
    await deliver([big]);
    // 60 small runs, each taking 10 kg of the lot: 63 entries touch it (created, sent, received, 60 consumed).
    const runs: RecordedView[] = [];
    for (let i = 0; i < 60; i++) {
      runs.push(
        data(
          await rc.mutate<RecordedView>('processing.record', {
            site: 'RC01',
            process: 'sorting',
            inputs: [{ lotId: big.lotId, consumedG: 10_000 }],
            outputs: [{ form: 'sorted_scrap', grade: 'UBC', massG: 9_500 }],
          }),
        ),
      );
    }
    const r = await passport(world.anonymous(), big.lotId, big.labelDigest);
    const p = data(r);
    expect(p.entries).toHaveLength(PASSPORT_MAX_ENTRIES);
    expect(p.omittedEntries).toBe(63 - PASSPORT_MAX_ENTRIES);
    expect(p.entries[0]).toMatchObject({ seq: c.seq, role: 'created' });
    // After the creating entry, the newest 49: the last run is listed, the dispatch (older) is not.
    expect(p.entries.at(-1)?.seq).toBe(runs.at(-1)?.seq);
    expect(p.lot).toMatchObject({ balanceG: 5_000_000 - 600_000, state: 'on_hand' });
    expect(JSON.stringify(r.body).length).toBeLessThan(200_000);
    const v = verifyPassport(p, key, { digest: big.labelDigest });
    expect(v.valid).toBe(true);
    expect(v.checks.find((x) => x.check === 'history')?.status).toBe('unchecked');
  });
});
