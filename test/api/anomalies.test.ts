// The officials' anomaly list over a real server: each kind produced by a
// scenario made through the API and found, with a case just under each
// threshold not found; a threshold change recorded as a ledger entry and
// applied; the seller's ID number never in an official's answer; the CSV.
// Expected figures are worked out by hand in the comments, not read back
// from the server. Each test makes its own material on its own days (the
// server's clock is set by the test), and lists only those days.
import { createUser, systemActor } from '@alutrace/server/testing';
import type { AnomalyExport, AnomalyItem, AnomalyList, AnomalyThresholdsView, RecordedView } from '@alutrace/shared';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, data } from './http-client';
import { type LotRef, Stock } from './lifecycle-stock';
import { buildWorld, PASSWORD, type World } from './world';

let clock = new Date('2026-11-28T04:00:00.000Z');
let world: World;
let stock: Stock;

beforeAll(async () => {
  world = await buildWorld({ now: () => clock });
  stock = new Stock(world);
});
afterAll(async () => {
  await world?.stop();
});

/** GB 11643 check character, computed here independently of the server's code. */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * (weights[i] as number), 0);
  return first17 + ('10X98765432'[sum % 11] as string);
}

async function list(input: Record<string, unknown>, by: Client = world.clientFor('official')): Promise<AnomalyList> {
  return data(await by.query<AnomalyList>('anomalies.list', { status: 'all', ...input }));
}

function ofKind(l: AnomalyList, kind: AnomalyItem['kind']): AnomalyItem[] {
  return l.items.filter((i) => i.kind === kind);
}

/** Sets the server's clock to 12:00 in Shanghai on `day`. */
function noonOn(day: string): void {
  clock = new Date(`${day}T04:00:00.000Z`);
}

async function run(site: string, scrap: LotRef, ingotG: number, drossG: number): Promise<RecordedView> {
  const client = await stock.clientAt(site);
  return data(
    await client.mutate<RecordedView>('processing.record', {
      site,
      process: 'melting',
      inputs: [{ lotId: scrap.lotId, consumedG: scrap.massG }],
      outputs: [{ form: 'ingot', alloy: 'ADC12', massG: ingotG }],
      byproducts: drossG > 0 ? [{ kind: 'dross', massG: drossG, hazardousWasteCode: 'HW48 321-026-48' }] : [],
    }),
  );
}

async function collectFor(
  id: string,
  netG: number,
  occurredAt: string,
  site = 'PG01',
  name = '王芳',
): Promise<RecordedView> {
  return stock.collect(site, undefined, {
    grossG: netG + 100_000,
    tareG: 100_000,
    netG,
    occurredAt,
    sealed: { seller: { kind: 'individual', name, residentId: id }, vehiclePlate: '桂L·12345' },
  });
}

describe('processing runs', () => {
  it('lists a run that lost more than 20 %, and not one that lost exactly 20 %', async () => {
    noonOn('2026-11-02');
    // 1,000,000 g in, 790,000 g ingot out: 210,000 g lost = 21.0000 % (210,000 ppm) > 20 %.
    const over = await run('RC01', await stock.scrapAt('RC01'), 790_000, 0);
    // 800,000 g out: exactly 20 %, which is not above the threshold (and 80 % yield is UBC's band minimum).
    const just = await run('RC01', await stock.scrapAt('RC01'), 800_000, 0);
    const l = await list({ from: '2026-11-02', to: '2026-11-02', kind: 'high_melt_loss' });
    const found = ofKind(l, 'high_melt_loss');
    expect(found.map((i) => i.entries[0]?.seq)).toEqual([over.seq]);
    expect(found[0]).toMatchObject({ site: 'RC01', expected: 200_000, actual: 210_000, unit: 'ppm', status: 'open' });
    expect(found[0]?.entries[0]?.lotId).toBe(over.lots[0]?.lotId);
    expect(found.some((i) => i.entries.some((e) => e.seq === just.seq))).toBe(false);
  });

  it("lists a run whose yield lies above the grade's band, and not one at the band's end", async () => {
    noonOn('2026-11-03');
    // UBC's band is 80–88 %. 890,000 g of ingot from 1,000,000 g of scrap: 89 % (890,000 ppm) > 88 %.
    const over = await run('RC01', await stock.scrapAt('RC01'), 890_000, 50_000);
    // 880,000 g: 88 % exactly, inside the band.
    const just = await run('RC01', await stock.scrapAt('RC01'), 880_000, 50_000);
    const l = await list({ from: '2026-11-03', to: '2026-11-03' });
    const found = ofKind(l, 'yield_out_of_band');
    expect(found.map((i) => i.entries[0]?.seq)).toEqual([over.seq]);
    expect(found[0]).toMatchObject({ expected: 880_000, actual: 890_000 });
    expect(l.items.some((i) => i.entries.some((e) => e.seq === just.seq))).toBe(false);
  });
});

describe('transfers', () => {
  it('lists a receipt 1.0001 % short, and not one exactly 1 % short', async () => {
    noonOn('2026-11-04');
    const receiveAt = async (receivedG: number) => {
      const inbound = await stock.inbound('RC01');
      const lot = inbound.lots[0] as LotRef;
      const client = await stock.clientAt('RC01');
      const r = data(
        await client.mutate<RecordedView>('transfers.receive', {
          site: 'RC01',
          dispatchId: inbound.dispatchId,
          lots: [{ lotId: lot.lotId, receivedG }],
        }),
      );
      return { inbound, receipt: r, lot };
    };
    // 1,000,000 g sent; 989,999 g received: 10,001 g short > 1 % (10,000 g).
    const over = await receiveAt(989_999);
    const just = await receiveAt(990_000);
    const l = await list({ from: '2026-11-04', to: '2026-11-04', kind: 'transit_discrepancy' });
    expect(l.items.map((i) => i.subject)).toEqual([over.lot.lotId]);
    expect(l.items[0]).toMatchObject({ site: 'RC01', expected: 1_000_000, actual: 989_999, unit: 'g' });
    expect(l.items[0]?.entries.map((e) => e.seq)).toEqual([over.inbound.recorded.seq, over.receipt.seq]);
    expect(l.items.some((i) => i.subject === just.lot.lotId)).toBe(false);
  });

  it('lists a dispatch still not received 7 days after it left, and not one 6 days 23 hours 59 minutes old', async () => {
    noonOn('2026-11-15');
    const now = clock.getTime();
    const dispatchAt = async (occurredAt: string) => {
      const lot = await stock.scrapAt('PG02');
      const client = await stock.clientAt('PG02');
      return data(
        await client.mutate<RecordedView>('transfers.dispatch', {
          site: 'PG02',
          to: 'RC02',
          lots: [{ lotId: lot.lotId, massG: lot.massG }],
          occurredAt,
        }),
      );
    };
    const old = await dispatchAt(new Date(now - 7 * 86_400_000).toISOString());
    const recent = await dispatchAt(new Date(now - 7 * 86_400_000 + 60_000).toISOString());
    const l = await list({ from: '2026-11-08', to: '2026-11-08', kind: 'not_received' });
    expect(l.items.map((i) => i.subject)).toEqual([old.dispatchId]);
    expect(l.items[0]).toMatchObject({ expected: 7, actual: 7, unit: 'days', site: 'PG02' });
    expect(l.items.some((i) => i.subject === recent.dispatchId)).toBe(false);
    // Seen from one more minute later, the second one is due too.
    clock = new Date(now + 60_000);
    const later = await list({ from: '2026-11-08', to: '2026-11-08', kind: 'not_received' });
    expect(later.items.map((i) => i.subject).sort()).toEqual([old.dispatchId, recent.dispatchId].sort());
  });
});

describe('sellers', () => {
  const heavy = residentId('45100219850615123');
  const exact = residentId('45102219900101456');
  const monthly = residentId('45032119751230789');
  const monthlyExact = residentId('45030219680808012');

  it('lists a seller above 30 t in one day and another above 100 t in one month, and neither just at the limits, without their ID numbers', async () => {
    noonOn('2026-10-31');
    // Heavy: 3 × 10,100,000 g on 2026-10-05 = 30,300,000 g > 30,000,000 g.
    for (const h of ['01:00', '02:00', '03:00']) await collectFor(heavy, 10_100_000, `2026-10-05T${h}:00.000Z`);
    // Exact: 2 × 15,000,000 g on 2026-10-05 = 30,000,000 g, not above.
    for (const h of ['04:00', '05:00']) await collectFor(exact, 15_000_000, `2026-10-05T${h}:00.000Z`, 'PG01', '赵强');
    // Monthly: 11 days × 9,200,000 g = 101,200,000 g in October > 100,000,000 g (each day under 30 t).
    for (let d = 10; d < 21; d++) await collectFor(monthly, 9_200_000, `2026-10-${d}T03:00:00.000Z`, 'PG02', '孙丽');
    // Monthly exact: 10 × 9,200,000 + 8,000,000 = 100,000,000 g, not above.
    for (let d = 10; d < 20; d++)
      await collectFor(monthlyExact, 9_200_000, `2026-10-${d}T05:00:00.000Z`, 'PG02', '周杰');
    await collectFor(monthlyExact, 8_000_000, '2026-10-20T05:00:00.000Z', 'PG02', '周杰');

    const official = world.clientFor('official');
    const res = await official.query<AnomalyList>('anomalies.list', { from: '2026-10-01', to: '2026-10-31' });
    const l = data(res);
    const daily = ofKind(l, 'seller_daily_volume');
    expect(daily).toHaveLength(1);
    expect(daily[0]).toMatchObject({ expected: 30_000_000, actual: 30_300_000, detail: '2026-10-05' });
    expect(daily[0]?.entries).toHaveLength(3);
    expect(daily[0]?.subject).toMatch(/^S-[0-9a-f]{10}$/);
    const month = ofKind(l, 'seller_monthly_volume');
    expect(month).toHaveLength(1);
    expect(month[0]).toMatchObject({ expected: 100_000_000, actual: 101_200_000, detail: '2026-10' });
    expect(month[0]?.entries).toHaveLength(11);
    expect(month[0]?.subject).not.toBe(daily[0]?.subject);

    // The raw answer names no seller: no ID number (nor most of one), no name.
    const raw = JSON.stringify(res.body);
    for (const id of [heavy, exact, monthly, monthlyExact]) {
      expect(raw).not.toContain(id);
      expect(raw).not.toContain(id.slice(0, 14));
      expect(raw).not.toContain(id.slice(-6));
    }
    for (const name of ['王芳', '赵强', '孙丽', '周杰']) expect(raw).not.toContain(name);
    // …nor does the export.
    const csv = data(await official.query<AnomalyExport>('anomalies.export', { from: '2026-10-01', to: '2026-10-31' }));
    const csvText = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csvText).toContain('seller_daily_volume');
    for (const id of [heavy, monthly]) expect(csvText).not.toContain(id);

    // The same seller at one site only: the heavy seller sold at PG01, so PG02's list has no daily item.
    const atPg02 = await list({ from: '2026-10-01', to: '2026-10-31', site: 'PG02', kind: 'seller_daily_volume' });
    expect(atPg02.items).toEqual([]);
  });
});

describe('labels scanned with a wrong digest', () => {
  it('lists the lot whose label was scanned with another digest, and not a scan with the right one', async () => {
    noonOn('2026-09-10');
    const recorded = await stock.collect('PG01');
    const lot = recorded.lots[0] as RecordedView['lots'][number];
    const right = lot.labelDigest;
    const operator = world.clientFor('operator');
    const wrong = right === 'aaaaaaaaaa' ? 'bbbbbbbbbb' : 'aaaaaaaaaa';
    expect(
      data(await operator.mutate('scans.reportMismatch', { lotId: lot.lotId, digest: wrong, site: 'PG01' })),
    ).toEqual({ recorded: true });
    // The right digest is no mismatch: nothing is stored.
    const other = (await stock.collect('PG01')).lots[0] as RecordedView['lots'][number];
    expect(
      data(
        await operator.mutate('scans.reportMismatch', { lotId: other.lotId, digest: other.labelDigest, site: 'PG01' }),
      ),
    ).toEqual({ recorded: false });
    const l = await list({ from: '2026-09-10', to: '2026-09-10', kind: 'label_digest_mismatch' });
    expect(l.items.map((i) => i.subject)).toEqual([lot.lotId]);
    expect(l.items[0]).toMatchObject({ actual: 1, site: 'PG01', detail: `d=${wrong} @ PG01` });
    expect(l.items[0]?.entries).toEqual([{ seq: recorded.seq, lotId: lot.lotId }]);
    // Not in the ledger: the report is operational.
    const kinds = world.server.app.db.$client
      .prepare('SELECT count(*) AS n FROM ledger_entries WHERE seq > ?')
      .get(recorded.seq) as { n: number };
    expect(kinds.n).toBe(1); // only the second collection
  });

  it('answers a label for a lot that does not exist as it answers a wrong digest, and lists it without an entry', async () => {
    noonOn('2026-09-12');
    const operator = world.clientFor('operator');
    // Lot ids run in daily sequence: the answer must not say whether one exists.
    const ghost = 'PG01-260912-0999';
    const r = await operator.mutate('scans.reportMismatch', { lotId: ghost, digest: 'cccccccccc', site: 'PG01' });
    expect(r.status).toBe(200);
    expect(data(r)).toEqual({ recorded: true });
    const l = await list({ from: '2026-09-12', to: '2026-09-12', kind: 'label_digest_mismatch' });
    expect(l.items.map((i) => [i.subject, i.site, i.entries])).toEqual([[ghost, 'PG01', []]]);
    expect(l.items[0]?.detail).toBe('d=cccccccccc @ PG01');
  });

  it('refuses an operator naming another site, and more than 30 reports in 10 minutes, storing nothing', async () => {
    noonOn('2026-09-11');
    const lot = (await stock.collect('PG02')).lots[0] as RecordedView['lots'][number];
    const operator = world.clientFor('operator');
    const count = () =>
      (world.server.app.db.$client.prepare('SELECT count(*) AS n FROM scan_mismatches').get() as { n: number }).n;
    const before = count();
    const elsewhere = await operator.mutate('scans.reportMismatch', {
      lotId: lot.lotId,
      digest: 'aaaaaaaaaa',
      site: 'PG02',
    });
    expect(elsewhere.body.error?.data.app.code).toBe('SITE_NOT_ALLOWED');
    expect(count()).toBe(before);
    const reporter = await stock.clientAt('PG02');
    for (let i = 0; i < 30; i++) {
      const ok = await reporter.mutate('scans.reportMismatch', {
        lotId: lot.lotId,
        digest: 'aaaaaaaaaa',
        site: 'PG02',
      });
      expect(ok.status).toBe(200);
    }
    const refused = await reporter.mutate('scans.reportMismatch', {
      lotId: lot.lotId,
      digest: 'aaaaaaaaaa',
      site: 'PG02',
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.data.app.code).toBe('SCAN_REPORTS_THROTTLED');
    expect(refused.body.error?.data.app.messageZh).toContain('10 分钟');
    expect(count()).toBe(before + 30);
  });
});

describe('corrections', () => {
  it('lists a user above 5 and a site above 10 corrections in 30 days, and not at exactly 5 and 10', async () => {
    noonOn('2027-03-10');
    const helpers = new Map<string, string>();
    const userAt = async (site: string, name: string): Promise<Client> => {
      let id = helpers.get(name);
      if (!id) {
        const made = await createUser(
          world.server.app,
          systemActor('cli'),
          { username: name, displayName: name, role: 'operator', sites: [site], password: PASSWORD },
          { passwordIsFinal: true },
        );
        id = made.user.id;
        helpers.set(name, id);
      }
      const { app } = world.server;
      const client = new Client(world.server.url);
      client.cookie = `${app.auth.cookieName}=${app.auth.sessions.create(id, { ip: null, userAgent: 'test' }).token}`;
      return client;
    };
    const correct = async (site: string, by: Client) => {
      const target = await stock.collect(site, by);
      data(
        await by.mutate('corrections.record', {
          site,
          targetSeq: target.seq,
          targetLeafHash: target.leafHashes[0],
          reason: 'weighing_error',
        }),
      );
    };
    const window = { from: '2027-03-10', to: '2027-03-10' };
    // PG02: three users, 5 + 5 corrections = 10 at the site: not above either threshold.
    const [a, b, c] = [await userAt('PG02', 'corr-a'), await userAt('PG02', 'corr-b'), await userAt('PG02', 'corr-c')];
    for (let i = 0; i < 5; i++) await correct('PG02', a);
    for (let i = 0; i < 5; i++) await correct('PG02', b);
    let l = await list(window);
    expect(ofKind(l, 'site_corrections')).toEqual([]);
    expect(ofKind(l, 'user_corrections')).toEqual([]);
    // The 11th at PG02 (by a third user, with 1): the site is listed, no user is.
    await correct('PG02', c);
    l = await list(window);
    expect(ofKind(l, 'site_corrections').map((i) => [i.subject, i.actual, i.expected])).toEqual([['PG02', 11, 10]]);
    expect(ofKind(l, 'site_corrections')[0]?.entries).toHaveLength(11);
    expect(ofKind(l, 'user_corrections')).toEqual([]);
    // corr-b's 6th: the user is listed.
    await correct('PG02', b);
    l = await list(window);
    expect(ofKind(l, 'user_corrections').map((i) => [i.subject, i.actual, i.expected])).toEqual([
      ['corr-b (corr-b)', 6, 5],
    ]);
    // 30 days and a millisecond on, the window has moved past them all.
    clock = new Date(clock.getTime() + 30 * 86_400_000 + 1);
    l = await list({});
    expect(ofKind(l, 'site_corrections')).toEqual([]);
  });
});

describe('collections outside usual hours', () => {
  it('lists collections at 20:00 and 05:59 Shanghai time, and not at 19:59 or 06:00', async () => {
    noonOn('2026-08-21');
    // 12:00Z = 20:00 in Shanghai (end of 06:00–20:00, excluded); 11:59Z = 19:59.
    const at20 = await stock.collect('PG01', undefined, { occurredAt: '2026-08-20T12:00:00.000Z' });
    const at1959 = await stock.collect('PG01', undefined, { occurredAt: '2026-08-20T11:59:00.000Z' });
    // 21:59Z = 05:59 on the 21st; 22:00Z = 06:00.
    const at0559 = await stock.collect('PG01', undefined, { occurredAt: '2026-08-20T21:59:00.000Z' });
    const at0600 = await stock.collect('PG01', undefined, { occurredAt: '2026-08-20T22:00:00.000Z' });
    const l = await list({ from: '2026-08-20', to: '2026-08-21', kind: 'outside_hours' });
    expect(l.items.map((i) => i.entries[0]?.seq).sort()).toEqual([at20.seq, at0559.seq].sort());
    const byLot = new Map(l.items.map((i) => [i.subject, i]));
    expect(byLot.get(at20.lots[0]?.lotId ?? '')).toMatchObject({ actual: 20 * 60, detail: '06:00–20:00' });
    expect(byLot.get(at0559.lots[0]?.lotId ?? '')).toMatchObject({ actual: 5 * 60 + 59 });
    for (const r of [at1959, at0600]) expect(l.items.some((i) => i.entries[0]?.seq === r.seq)).toBe(false);
  });
});

describe('filters and export', () => {
  it('filters by kind, site and days, and exports CSV with a BOM, the reasons and the entries', async () => {
    noonOn('2026-07-01');
    const over = await run('RC01', await stock.scrapAt('RC01'), 700_000, 0);
    const elsewhere = await run('RC02', await stock.scrapAt('RC02'), 700_000, 0);
    const both = await list({ from: '2026-07-01', to: '2026-07-01', kind: 'high_melt_loss' });
    expect(both.items.map((i) => i.site).sort()).toEqual(['RC01', 'RC02']);
    const rc02 = await list({ from: '2026-07-01', to: '2026-07-01', kind: 'high_melt_loss', site: 'RC02' });
    expect(rc02.items.map((i) => i.entries[0]?.seq)).toEqual([elsewhere.seq]);
    const dayBefore = await list({ from: '2026-06-30', to: '2026-06-30', kind: 'high_melt_loss' });
    expect(dayBefore.items).toEqual([]);
    // A run corrected away is resolved: in "all", not in "open".
    const rc = await stock.clientAt('RC02');
    data(
      await rc.mutate('corrections.record', {
        site: 'RC02',
        targetSeq: elsewhere.seq,
        targetLeafHash: elsewhere.leafHashes[0],
        reason: 'weighing_error',
      }),
    );
    const open = await list({ from: '2026-07-01', to: '2026-07-01', kind: 'high_melt_loss', status: 'open' });
    expect(open.items.map((i) => i.entries[0]?.seq)).toEqual([over.seq]);
    const all = await list({ from: '2026-07-01', to: '2026-07-01', kind: 'high_melt_loss' });
    expect(all.items.find((i) => i.entries[0]?.seq === elsewhere.seq)?.status).toBe('resolved');

    const exported = data(
      await world
        .clientFor('official')
        .query<AnomalyExport>('anomalies.export', { from: '2026-07-01', to: '2026-07-01', status: 'open' }),
    );
    expect(exported.contentType).toBe('text/csv; charset=utf-8');
    expect(exported.filename).toMatch(/^alutrace-anomalies-\d{4}-\d{2}-\d{2}-at-\d+\.csv$/);
    const text = Buffer.from(exported.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    // The writers' provenance lines first (the checkpoint the list was read at), then the table.
    expect(text).toContain('#treeSize');
    const rows = parse(text, { bom: true, comment: '#', comment_no_infix: true, skip_empty_lines: true }) as string[][];
    const header = rows[0] as string[];
    const rowsOfRun = rows.slice(1).filter((r) => r[header.indexOf('账本记录（seq）')] === String(over.seq));
    // Run over: 1,000,000 g in, 700,000 g out, 300,000 g lost = 30.0 %; the melt-loss row (yield 70 % is flagged too).
    const meltRow = rowsOfRun.find((r) => r[0] === 'high_melt_loss') as string[];
    expect(meltRow[header.indexOf('原因')]).toContain('损耗 30.0 %');
    expect(meltRow[header.indexOf('批次')]).toBe(over.lots[0]?.lotId);
    // In English, and as XLSX.
    const en = data(
      await world
        .clientFor('official')
        .query<AnomalyExport>('anomalies.export', { from: '2026-07-01', to: '2026-07-01', lang: 'en' }),
    );
    expect(Buffer.from(en.base64, 'base64').toString('utf8')).toContain('lost 30.0 % of what went in');
    const xlsx = data(
      await world
        .clientFor('official')
        .query<AnomalyExport>('anomalies.export', { from: '2026-07-01', to: '2026-07-01', format: 'xlsx' }),
    );
    expect(xlsx.filename.endsWith('.xlsx')).toBe(true);
    // An XLSX file is a zip: PK\x03\x04.
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('refuses a range that ends before it starts, with a message in both languages', async () => {
    const res = await world.clientFor('official').query('anomalies.list', { from: '2026-07-02', to: '2026-07-01' });
    expect(res.status).toBe(400);
    expect(res.body.error?.data.app.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.error?.data.app)).toContain('日期范围');
  });
});

describe('thresholds', () => {
  let own: World;
  let ownClock = new Date('2026-11-28T04:00:00.000Z');
  beforeAll(async () => {
    own = await buildWorld({ now: () => ownClock });
  });
  afterAll(async () => {
    await own?.stop();
  });

  it('a change is one ledger entry, applies to the list, and a refused one writes nothing', async () => {
    ownClock = new Date('2026-11-28T04:00:00.000Z');
    const ownStock = new Stock(own);
    const official = own.clientFor('official');
    const scrap = await ownStock.scrapAt('RC01');
    const rc = await ownStock.clientAt('RC01');
    // 1,000,000 g in, 850,000 g out: 15 % lost, under the default 20 %.
    const r = data(
      await rc.mutate<RecordedView>('processing.record', {
        site: 'RC01',
        process: 'melting',
        inputs: [{ lotId: scrap.lotId, consumedG: scrap.massG }],
        outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 850_000 }],
        byproducts: [],
      }),
    );
    const before = data(await official.query<AnomalyList>('anomalies.list', { kind: 'high_melt_loss' }));
    expect(before.items).toEqual([]);
    const defaults = data(await official.query<AnomalyThresholdsView>('anomalies.thresholds'));
    expect(defaults.setSeq).toBeNull();
    expect(defaults.thresholds).toMatchObject({
      meltLossPpm: 200_000,
      transitTolerancePpm: 10_000,
      notReceivedDays: 7,
      sellerDailyG: 30_000_000,
      sellerMonthlyG: 100_000_000,
      siteCorrections30d: 10,
      userCorrections30d: 5,
      usualHours: { start: '06:00', end: '20:00' },
    });

    const size = () =>
      (own.server.app.db.$client.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
    // Refused: a daily volume above the monthly one; an operator; nothing written.
    const n0 = size();
    const bad = await official.mutate('anomalies.setThresholds', { sellerDailyG: 120_000_000 });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.data.app.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error?.data.app.messageZh).toContain('单月上限不能低于单日上限');
    expect(bad.body.error?.data.app.fields).toEqual({
      sellerMonthlyG: ['the monthly volume cannot be below the daily one'],
    });
    const denied = await own.clientFor('operator').mutate('anomalies.setThresholds', { meltLossPpm: 100_000 });
    expect(denied.status).toBe(403);
    expect(size()).toBe(n0);

    const set = data(
      await official.mutate<AnomalyThresholdsView>('anomalies.setThresholds', {
        meltLossPpm: 100_000,
        siteHours: { PG01: { start: '08:00', end: '18:00' } },
      }),
    );
    expect(size()).toBe(n0 + 1);
    expect(set.setSeq).toBe(n0);
    expect(set.thresholds.meltLossPpm).toBe(100_000);
    // The entry says it, in the ledger anyone can verify.
    const entry = data(await official.query<{ kind: string; body: unknown }>('ledger.entry', { seq: set.setSeq }));
    expect(JSON.stringify(entry)).toContain('anomaly_thresholds.set');
    expect(JSON.stringify(entry)).toContain('"meltLossPpm":100000');
    // Applied: the 15 % run is above 10 %.
    const after = data(await official.query<AnomalyList>('anomalies.list', { kind: 'high_melt_loss' }));
    expect(after.items.map((i) => [i.entries[0]?.seq, i.expected, i.actual])).toEqual([[r.seq, 100_000, 150_000]]);
    // PG01's own hours: 07:30 in Shanghai (23:30Z the day before) is now outside.
    const early = await ownStock.collect('PG01', undefined, { occurredAt: '2026-11-26T23:30:00.000Z' });
    const hours = data(await official.query<AnomalyList>('anomalies.list', { kind: 'outside_hours' }));
    expect(hours.items.map((i) => [i.entries[0]?.seq, i.detail])).toEqual([[early.seq, '08:00–18:00']]);
    // Setting the same again writes nothing; an administrator may set them too.
    // (n0 + 1 after the change, n0 + 2 after the early collection.)
    data(await official.mutate('anomalies.setThresholds', { meltLossPpm: 100_000 }));
    expect(size()).toBe(n0 + 2);
    data(await own.clientFor('admin').mutate('anomalies.setThresholds', { notReceivedDays: 10 }));
    expect(size()).toBe(n0 + 3);
  });
});
