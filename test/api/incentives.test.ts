// Incentive schemes and statements over HTTP: eligibility (each exclusion
// reason made by a scenario of its own), amounts computed by hand below,
// the cap, the refusal of double payment (twice in a row, and twice at the
// same moment, under one scheme and under two), a scheme frozen once paid
// under, and the statement's PDF (Chinese text extracted with mupdf) and
// XLSX (read back with exceljs).
import { writeFileSync } from 'node:fs';
import { checkDerived } from '@alutrace/server/testing';
import type {
  IncentiveSchemeView,
  IncentiveStatementView,
  IssuedIncentiveStatementSummary,
  IssueIncentiveStatementResult,
  RecordedView,
} from '@alutrace/shared';
import ExcelJS from 'exceljs';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, data } from './http-client';
import { collectionInput, Stock } from './lifecycle-stock';
import { buildWorld, type World } from './world';

const RESULTS = new URL('../../test-results/', import.meta.url).pathname;

// The server's clock runs from 2026-06-15 10:00 Shanghai time, so every lot falls in 2026.
const START = Date.parse('2026-06-15T02:00:00Z');
const offset = START - Date.now();
const now = () => new Date(Date.now() + offset);

const ENTERPRISE = {
  kind: 'enterprise',
  name: '百色市鑫铝回收有限公司',
  creditCode: '91451000MA5N7QK30W',
  handlingPerson: '韦大壮',
} as const;
const INDIVIDUAL = { kind: 'individual', name: '李明', residentId: '451002198506151230' } as const;

/** 123.45 yuan a tonne of UBC, 200 yuan a tonne of pre-consumer wrought scrap; nothing for other families. */
const SCHEME = {
  code: 'BS-2026',
  nameZh: '百色市2026年废铝回收补贴',
  nameEn: 'Baise 2026 scrap aluminium recovery incentive',
  from: '2026-01-01',
  to: '2026-12-31',
  rates: [
    { family: 'ubc', sourceClass: null, rateFenPerT: 12_345 },
    { family: 'wrought', sourceClass: 'pre_consumer', rateFenPerT: 20_000 },
  ],
  siteKinds: ['collection_point'],
  capFen: 20_000,
};

let world: World;
let stock: Stock;
let official: Client;
let admin: Client;
let op: Client;
let rc: Client;

beforeAll(async () => {
  world = await buildWorld({ now });
  stock = new Stock(world);
  official = world.clientFor('official');
  admin = world.clientFor('admin');
  op = world.clientFor('operator');
  rc = world.clientFor('recycler');
});
afterAll(async () => {
  await world?.stop();
});

/** Collects at PG01 and returns the lot with its collection entry. */
async function collect(overrides: Record<string, unknown> = {}) {
  const r = data(await op.mutate<RecordedView>('collection.record', collectionInput('PG01', overrides)));
  const lot = r.lots[0] as RecordedView['lots'][number];
  return { lotId: lot.lotId, massG: lot.massG, seq: r.seq, leafHash: r.leafHashes[0] as string };
}

/** Dispatches from PG01 to RC01 and receives it there at `receivedG`. */
async function deliver(lot: { lotId: string; massG: number }, receivedG = lot.massG) {
  const dispatched = data(
    await op.mutate<RecordedView>('transfers.dispatch', {
      site: 'PG01',
      to: 'RC01',
      lots: [{ lotId: lot.lotId, massG: lot.massG }],
    }),
  );
  data(
    await rc.mutate<RecordedView>('transfers.receive', {
      site: 'RC01',
      dispatchId: dispatched.dispatchId,
      lots: [{ lotId: lot.lotId, receivedG }],
    }),
  );
}

function draft(input: Record<string, unknown>, by: Client = official) {
  return by.query<IncentiveStatementView>('incentives.statement', input);
}

function ledgerSize(): number {
  return world.server.app.ledger.size;
}

function issuedEntries(site: string): number {
  const row = world.server.app.db.$client
    .prepare("SELECT count(*) AS n FROM ledger_entries WHERE kind = 'incentive_statement.issued' AND site = ?")
    .get(site) as { n: number };
  return row.n;
}

describe('incentive statements', () => {
  const lots: Record<string, Awaited<ReturnType<typeof collect>>> = {};
  let statement: IncentiveStatementView;
  let issued: IssueIncentiveStatementResult;
  let issuedView: IncentiveStatementView;

  it('an administrator defines a scheme; officials list it; an operator may not', async () => {
    const defined = data(await admin.mutate<IncentiveSchemeView>('incentives.defineScheme', SCHEME));
    expect(defined).toMatchObject({ code: 'BS-2026', capFen: 20_000, frozen: false, issuedStatements: 0 });
    const listed = data(await official.query<IncentiveSchemeView[]>('incentives.schemes'));
    expect(listed.map((s) => s.code)).toEqual(['BS-2026']);
    expect(listed[0]?.rates).toEqual(SCHEME.rates);
    const refused = await op.query('incentives.schemes');
    expect(refused.body.error?.data.app.code).toBe('FORBIDDEN');
    // An official does not define schemes.
    const byOfficial = await official.mutate('incentives.defineScheme', { ...SCHEME, code: 'BS-OTHER' });
    expect(byOfficial.body.error?.data.app.code).toBe('FORBIDDEN');
  });

  it('a bad scheme is refused with the field named, and writes nothing', async () => {
    const before = ledgerSize();
    const backwards = await admin.mutate('incentives.defineScheme', {
      ...SCHEME,
      code: 'BAD',
      from: '2026-12-31',
      to: '2026-01-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error?.data.app.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(backwards.body.error?.data.app.fields ?? {})).toContain('to');
    const twice = await admin.mutate('incentives.defineScheme', {
      ...SCHEME,
      code: 'BAD',
      rates: [SCHEME.rates[0], SCHEME.rates[0]],
    });
    expect(twice.body.error?.data.app.code).toBe('VALIDATION_FAILED');
    const fractional = await admin.mutate('incentives.defineScheme', {
      ...SCHEME,
      code: 'BAD',
      rates: [{ family: 'ubc', sourceClass: null, rateFenPerT: 12.5 }],
    });
    expect(fractional.body.error?.data.app.code).toBe('VALIDATION_FAILED');
    expect(ledgerSize()).toBe(before);
  });

  it('lists each lot as a line or an exclusion with its reason, with the amounts computed by hand', async () => {
    // A: 1 t of UBC, received in full → 1.000000 t × 12,345 fen/t = 12,345 fen.
    lots.A = await collect();
    await deliver(lots.A);
    // B: 333,333 g of UBC, received as 331,000 g (0.7 % short: within the 1 % tolerance) → the lesser,
    //    331,000 g × 12,345 = 4,086,195,000 µfen → 4,086.195 fen → 4,086 fen.
    lots.B = await collect({ grossG: 433_333, tareG: 100_000, netG: 333_333 });
    await deliver(lots.B, 331_000);
    // C: 500 kg of new clippings (pre-consumer wrought) bought from an enterprise → 0.5 t × 20,000 = 10,000 fen.
    lots.C = await collect({
      grade: 'CLIP-NEW',
      grossG: 600_000,
      tareG: 100_000,
      netG: 500_000,
      sealed: { seller: ENTERPRISE },
    });
    await deliver(lots.C);
    // D: the same production scrap bought from an individual: the regulation's seller record is missing.
    lots.D = await collect({
      grade: 'CLIP-NEW',
      grossG: 600_000,
      tareG: 100_000,
      netG: 500_000,
      sealed: { seller: INDIVIDUAL },
    });
    await deliver(lots.D);
    // E: 1 t dispatched, 900 kg received: 10 % short, an open transit discrepancy.
    lots.E = await collect();
    await deliver(lots.E, 900_000);
    // F: collected, still at the collection point.
    lots.F = await collect();
    // G: collected, then corrected away by its author.
    lots.G = await collect();
    data(
      await op.mutate('corrections.record', {
        site: 'PG01',
        targetSeq: lots.G.seq,
        targetLeafHash: lots.G.leafHash,
        reason: 'duplicate',
      }),
    );
    // H: mixed scrap, received in full, but the scheme has no rate for its family.
    lots.H = await collect({ grade: 'MIXED' });
    await deliver(lots.H);

    statement = data(await draft({ scheme: 'BS-2026', site: 'PG01' }));
    expect(statement.status).toBe('draft');
    expect(statement.from).toBe('2026-01-01');
    expect(statement.to).toBe('2026-12-31');
    expect(statement.lines.map((l) => [l.lotId, l.massG, l.rateFenPerT, l.amountFen])).toEqual([
      [lots.A.lotId, 1_000_000, 12_345, 12_345],
      [lots.B.lotId, 331_000, 12_345, 4_086],
      [lots.C.lotId, 500_000, 20_000, 10_000],
    ]);
    // Every line names the collection entry it rests on.
    expect(statement.lines.map((l) => [l.seq, l.leafHash])).toEqual(
      [lots.A, lots.B, lots.C].map((l) => [l.seq, l.leafHash]),
    );
    expect(statement.lines[0]).toMatchObject({ family: 'ubc', sourceClass: 'post_consumer', day: '2026-06-15' });
    expect(statement.exclusions.map((x) => [x.lotId, x.reason, x.massG])).toEqual([
      [lots.D.lotId, 'seller_not_recorded', 500_000],
      [lots.E.lotId, 'transit_discrepancy', 900_000],
      [lots.F.lotId, 'not_received', 1_000_000],
      [lots.G.lotId, 'corrected', 1_000_000],
      [lots.H.lotId, 'no_rate', 1_000_000],
    ]);
    // 12,345 + 4,086 + 10,000 = 26,431 fen, capped at 20,000: 6,431 fen taken off.
    expect(statement.totals).toEqual({
      lineCount: 3,
      paidG: 1_831_000,
      subtotalFen: 26_431,
      capFen: 20_000,
      capPaidBeforeFen: 0,
      capRemainingFen: 20_000,
      capReductionFen: 6_431,
      payableFen: 20_000,
      excludedCount: 5,
      excludedG: 4_400_000,
    });
    expect(statement.excludedByReason).toEqual(
      [
        { reason: 'transit_discrepancy', lots: 1, massG: 900_000 },
        { reason: 'corrected', lots: 1, massG: 1_000_000 },
        { reason: 'seller_not_recorded', lots: 1, massG: 500_000 },
        { reason: 'no_rate', lots: 1, massG: 1_000_000 },
        { reason: 'not_received', lots: 1, massG: 1_000_000 },
      ].sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason)),
    );
    // The checkpoint it was computed at covers the whole ledger, and is signed.
    expect(statement.provenance.treeSize).toBe(ledgerSize());
    expect(statement.provenance.rootHash).toMatch(/^[0-9a-f]{64}$/);
    expect(statement.provenance.checkpoint).toContain(`\n${statement.provenance.treeSize}\n`);
    expect(statement.provenance).toMatchObject({ timeZone: 'Asia/Shanghai', computedFrom: 'derived' });
  });

  it('a draft for a sub-period, a period outside the scheme, a site the scheme does not pay', async () => {
    const july = data(await draft({ scheme: 'BS-2026', site: 'PG01', from: '2026-07-01', to: '2026-07-31' }));
    expect(july.lines).toEqual([]);
    expect(july.exclusions).toEqual([]);
    const outside = await draft({ scheme: 'BS-2026', site: 'PG01', from: '2025-12-01', to: '2026-01-31' });
    expect(outside.status).toBe(400);
    expect(outside.body.error?.data.app.code).toBe('INCENTIVE_PERIOD_OUTSIDE');
    expect(outside.body.error?.data.app.messageZh).toContain('2026-01-01');
    const recycler = await draft({ scheme: 'BS-2026', site: 'RC01' });
    expect(recycler.body.error?.data.app.code).toBe('INCENTIVE_SITE_NOT_ELIGIBLE');
    expect(recycler.body.error?.data.app.messageZh).toContain('再生铝企业');
    const unknown = await draft({ scheme: 'NOPE', site: 'PG01' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.data.app.code).toBe('INCENTIVE_SCHEME_UNKNOWN');
  });

  it('an official issues what they checked; a changed statement is refused and writes nothing', async () => {
    const before = ledgerSize();
    const stale = await official.mutate('incentives.issue', {
      scheme: 'BS-2026',
      site: 'PG01',
      expectedPayableFen: 19_999,
      expectedLineCount: 3,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.data.app.code).toBe('INCENTIVE_STATEMENT_CHANGED');
    expect(ledgerSize()).toBe(before);
    // An administrator keeps schemes but does not issue payments.
    const byAdmin = await admin.mutate('incentives.issue', {
      scheme: 'BS-2026',
      site: 'PG01',
      expectedPayableFen: 20_000,
      expectedLineCount: 3,
    });
    expect(byAdmin.body.error?.data.app.code).toBe('FORBIDDEN');

    issued = data(
      await official.mutate<IssueIncentiveStatementResult>('incentives.issue', {
        scheme: 'BS-2026',
        site: 'PG01',
        expectedPayableFen: 20_000,
        expectedLineCount: 3,
      }),
    );
    expect(issued).toMatchObject({ payableFen: 20_000, lineCount: 3, seqs: [before] });
    const entry = world.server.app.ledger.entryBySeq(before);
    expect(entry?.entry.kind).toBe('incentive_statement.issued');
    expect(entry?.entry.body).toMatchObject({
      statementId: issued.statementId,
      scheme: 'BS-2026',
      site: 'PG01',
      payableFen: 20_000,
      subtotalFen: 26_431,
      lines: statement.lines.map((l) => ({ seq: l.seq, lotId: l.lotId, massG: l.massG, amountFen: l.amountFen })),
    });
    const list = data(await official.query<IssuedIncentiveStatementSummary[]>('incentives.statements', {}));
    expect(list.map((s) => [s.statementId, s.payableFen, s.lineCount])).toEqual([[issued.statementId, 20_000, 3]]);
    const back = data(
      await official.query<IncentiveStatementView>('incentives.issuedStatement', { statementId: issued.statementId }),
    );
    expect(back).toMatchObject({ status: 'issued', statementId: issued.statementId, issuedSeq: before });
    expect(back.totals).toEqual(statement.totals);
    expect(back.lines.map((l) => [l.seq, l.leafHash, l.massG, l.amountFen])).toEqual(
      statement.lines.map((l) => [l.seq, l.leafHash, l.massG, l.amountFen]),
    );
    expect(back.exclusions.map((x) => [x.lotId, x.reason])).toEqual(
      statement.exclusions.map((x) => [x.lotId, x.reason]),
    );
    expect(back.provenance.treeSize).toBeGreaterThan(before);
    expect(back.provenance.computedFrom).toBe('log');
    issuedView = back;
  });

  it('the same tonnage is never paid twice: issuing again is refused, and so is a later draft’s line', async () => {
    const before = ledgerSize();
    const again = await official.mutate('incentives.issue', {
      scheme: 'BS-2026',
      site: 'PG01',
      expectedPayableFen: 20_000,
      expectedLineCount: 3,
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.data.app.code).toBe('INCENTIVE_ALREADY_PAID');
    expect(again.body.error?.data.app.params.statement).toBe(issued.statementId);
    expect(ledgerSize()).toBe(before);
    expect(issuedEntries('PG01')).toBe(1);

    // Under another scheme that pays the same lots, they show as already paid.
    data(await admin.mutate('incentives.defineScheme', { ...SCHEME, code: 'BS-2026-B', capFen: 1_000_000 }));
    const other = data(await draft({ scheme: 'BS-2026-B', site: 'PG01' }));
    expect(other.lines).toEqual([]);
    expect(other.exclusions.filter((x) => x.reason === 'already_paid').map((x) => [x.lotId, x.paidBy])).toEqual([
      [lots.A?.lotId, issued.statementId],
      [lots.B?.lotId, issued.statementId],
      [lots.C?.lotId, issued.statementId],
    ]);
  });

  it('the cap holds across statements: the rest of a capped scheme pays nothing more', async () => {
    const more = await collect();
    await deliver(more);
    const next = data(await draft({ scheme: 'BS-2026', site: 'PG01' }));
    expect(next.lines.map((l) => l.lotId)).toEqual([more.lotId]);
    expect(next.totals).toMatchObject({
      subtotalFen: 12_345,
      capPaidBeforeFen: 20_000,
      capRemainingFen: 0,
      capReductionFen: 12_345,
      payableFen: 0,
    });
    const before = ledgerSize();
    const refused = await official.mutate('incentives.issue', {
      scheme: 'BS-2026',
      site: 'PG01',
      expectedPayableFen: 0,
      expectedLineCount: 1,
    });
    expect(refused.body.error?.data.app.code).toBe('INCENTIVE_CAP_EXHAUSTED');
    expect(ledgerSize()).toBe(before);
  });

  it('a scheme cannot change once a statement was issued under it; one not yet paid under can', async () => {
    const before = ledgerSize();
    const frozen = await admin.mutate('incentives.defineScheme', { ...SCHEME, capFen: 1_000_000 });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error?.data.app.code).toBe('INCENTIVE_SCHEME_FROZEN');
    expect(frozen.body.error?.data.app.params.statement).toBe(issued.statementId);
    expect(ledgerSize()).toBe(before);
    const schemes = data(await official.query<IncentiveSchemeView[]>('incentives.schemes'));
    expect(schemes.find((s) => s.code === 'BS-2026')).toMatchObject({
      frozen: true,
      issuedStatements: 1,
      capFen: 20_000,
    });
    const changed = data(
      await admin.mutate<IncentiveSchemeView>('incentives.defineScheme', { ...SCHEME, code: 'BS-2026-B', capFen: 5 }),
    );
    expect(changed).toMatchObject({ capFen: 5, frozen: false });
  });

  it('two issues at the same moment, under one scheme or under two: exactly one succeeds', async () => {
    const pg02 = await stock.clientAt('PG02');
    const rc02 = await stock.clientAt('RC02');
    for (const code of ['RACE-A', 'RACE-B']) {
      data(await admin.mutate('incentives.defineScheme', { ...SCHEME, code, capFen: 10_000_000 }));
    }
    const race = async (schemes: [string, string]) => {
      const r = data(await pg02.mutate<RecordedView>('collection.record', collectionInput('PG02')));
      const lot = r.lots[0] as RecordedView['lots'][number];
      const sent = data(
        await pg02.mutate<RecordedView>('transfers.dispatch', {
          site: 'PG02',
          to: 'RC02',
          lots: [{ lotId: lot.lotId, massG: lot.massG }],
        }),
      );
      data(
        await rc02.mutate('transfers.receive', {
          site: 'RC02',
          dispatchId: sent.dispatchId,
          lots: [{ lotId: lot.lotId, receivedG: lot.massG }],
        }),
      );
      const expected = { expectedPayableFen: 12_345, expectedLineCount: 1 };
      for (const scheme of schemes) {
        expect(data(await draft({ scheme, site: 'PG02' })).totals.payableFen).toBe(12_345);
      }
      const before = issuedEntries('PG02');
      const results = await Promise.all(
        schemes.map((scheme) => official.mutate('incentives.issue', { scheme, site: 'PG02', ...expected })),
      );
      const ok = results.filter((r) => r.status === 200);
      const refused = results.filter((r) => r.status !== 200);
      expect(ok).toHaveLength(1);
      expect(refused.map((r) => r.body.error?.data.app.code)).toEqual(['INCENTIVE_ALREADY_PAID']);
      expect(issuedEntries('PG02')).toBe(before + 1);
      const paid = world.server.app.db.$client
        .prepare('SELECT count(*) AS n FROM incentive_payments WHERE lot_id = ?')
        .get(lot.lotId) as { n: number };
      expect(paid.n).toBe(1);
    };
    await race(['RACE-A', 'RACE-A']);
    await race(['RACE-A', 'RACE-B']);
  });

  it('the PDF opens, with the Chinese title, the lines, the totals and the checkpoint', async () => {
    const res = await fetch(`${world.server.url}/incentives/statements/${issued.statementId}.pdf`, {
      headers: { cookie: official.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    writeFileSync(`${RESULTS}incentive-statement.pdf`, pdf, { mode: 0o600 });
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
    let text = '';
    for (let i = 0; i < doc.countPages(); i++) text += doc.loadPage(i).toStructuredText('preserve-whitespace').asText();
    const page = doc.loadPage(0);
    const pix = page.toPixmap(mupdf.Matrix.scale(1.5, 1.5), mupdf.ColorSpace.DeviceRGB, false);
    writeFileSync(`${RESULTS}incentive-statement-page1.png`, pix.asPNG(), { mode: 0o600 });
    expect(text).toContain('废铝回收补贴结算单');
    expect(text).toContain('百色市2026年废铝回收补贴');
    expect(text).toContain('平果回收站');
    for (const l of statement.lines) expect(text).toContain(l.lotId);
    expect(text).toContain('123.45'); // the UBC rate and A's amount, in yuan
    expect(text).toContain('40.86'); // B's amount
    expect(text).toContain('264.31'); // the subtotal
    expect(text).toContain('200.00'); // payable, the cap
    expect(text).toContain('64.31'); // taken off by the cap
    expect(text).toContain('生产性废旧金属未登记出售单位信息');
    expect(text).toContain('审批人');
    expect(text).toContain(issuedView.provenance.rootHash);
    expect(text).toContain(`记录数（树大小） Tree size\n${issuedView.provenance.treeSize}`);
    // Sealed values never reach a statement.
    expect(text).not.toContain(ENTERPRISE.name);
    expect(text).not.toContain(INDIVIDUAL.residentId);
  });

  it('the XLSX reads back with its Chinese headers, the exact grams and fen, and the checkpoint', async () => {
    const res = await fetch(`${world.server.url}/incentives/statements/${issued.statementId}.xlsx`, {
      headers: { cookie: official.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('结算单 Statement');
    expect(sheet).toBeDefined();
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[2] === '批次号 Lot');
    expect(header).toBeGreaterThan(0);
    const lines = rows.slice(header + 1, header + 4);
    expect(lines.map((r) => [r[0], r[1], r[2], r[7], r[11]])).toEqual(
      statement.lines.map((l) => [l.seq, l.leafHash, l.lotId, l.massG, l.amountFen]),
    );
    expect(rows.find((r) => String(r[0]).startsWith('应付金额'))?.slice(1, 3)).toEqual([200, 20_000]);
    const ex: unknown[][] = [];
    wb.getWorksheet('未计入 Excluded')?.eachRow((row) => ex.push((row.values as unknown[]).slice(1)));
    expect(ex.slice(1).map((r) => r[8])).toEqual(statement.exclusions.map((x) => x.reason));
    const cp: unknown[][] = [];
    wb.getWorksheet('检查点 Checkpoint')?.eachRow((row) => cp.push((row.values as unknown[]).slice(1)));
    expect(cp[1]?.[1]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the draft downloads for officials and administrators, and for nobody else', async () => {
    const path = '/incentives/draft.pdf?scheme=BS-2026&site=PG01';
    const as = (c: Client | null) =>
      fetch(`${world.server.url}${path}`, { headers: c?.cookie ? { cookie: c.cookie } : {} });
    expect((await as(official)).status).toBe(200);
    expect((await as(admin)).status).toBe(200);
    expect((await as(op)).status).toBe(403);
    expect((await as(null)).status).toBe(401);
    const xlsx = await fetch(`${world.server.url}/incentives/draft.xlsx?scheme=BS-2026&site=PG01`, {
      headers: { cookie: admin.cookie ?? '' },
    });
    expect(xlsx.status).toBe(200);
    const bad = await fetch(`${world.server.url}/incentives/draft.pdf?scheme=BS-2026`, {
      headers: { cookie: official.cookie ?? '' },
    });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${world.server.url}/incentives/statements/00000000-0000-4000-8000-000000000000.pdf`, {
      headers: { cookie: official.cookie ?? '' },
    });
    expect(unknown.status).toBe(404);
  });

  it('the incentive tables are projections of the log: a replay gives the same rows', () => {
    const report = checkDerived(world.server.app.db);
    expect(report.difference).toBeNull();
    expect(report.tablesChecked).toEqual(expect.arrayContaining(['incentive_schemes', 'incentive_payments']));
  });
});

const REASON_ORDER = [
  'not_received',
  'transit_discrepancy',
  'corrected',
  'seller_not_recorded',
  'no_rate',
  'already_paid',
];
