// Incentive schemes and statements over HTTP: eligibility (each exclusion
// reason made by a scenario of its own), amounts computed by hand below,
// the cap, the refusal of double payment (twice in a row, and twice at the
// same moment, under one scheme and under two), a scheme frozen once paid
// under (each part on a collection point of its own, so that the parts run
// alone or in any order), and the statement's PDF (Chinese text extracted with mupdf) and
// XLSX (read back with exceljs).
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  checkDerived,
  createSite,
  createUser,
  incentiveDeps,
  issueStatement,
  systemActor,
} from '@alutrace/server/testing';
import type {
  IncentiveSchemeView,
  IncentiveStatementView,
  IssuedIncentiveStatementSummary,
  IssueIncentiveStatementResult,
  RecordedView,
} from '@alutrace/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, data } from './http-client';
import { collectionInput } from './lifecycle-stock';
import { buildWorld, PASSWORD, type World } from './world';

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
let official: Client;
let admin: Client;
let rc: Client;

beforeAll(async () => {
  world = await buildWorld({ now });
  official = world.clientFor('official');
  admin = world.clientFor('admin');
  rc = world.clientFor('recycler');
});
afterAll(async () => {
  await world?.stop();
});

/**
 * A collection point of its own for each part of this file (so that no part sees another's
 * lots, whatever runs first), with an operator signed in for it. Its lots go to RC01.
 */
async function place(
  code: string,
  recycler: { site: string; client: () => Client } = { site: 'RC01', client: () => rc },
) {
  const { app } = world.server;
  await createSite(app, systemActor('cli'), { code, kind: 'collection_point', nameZh: `${code}回收站`, nameEn: code });
  const { user } = await createUser(
    app,
    systemActor('cli'),
    { username: `op-${code.toLowerCase()}`, displayName: code, role: 'operator', sites: [code], password: PASSWORD },
    { passwordIsFinal: true },
  );
  const op = new Client(world.server.url);
  op.cookie = `${app.auth.cookieName}=${app.auth.sessions.create(user.id, { ip: '127.0.0.1', userAgent: 'test' }).token}`;

  /** Collects there; the lot with its collection entry. */
  const collect = async (overrides: Record<string, unknown> = {}) => {
    const r = data(await op.mutate<RecordedView>('collection.record', collectionInput(code, overrides)));
    const lot = r.lots[0] as RecordedView['lots'][number];
    return { lotId: lot.lotId, massG: lot.massG, seq: r.seq, leafHash: r.leafHashes[0] as string };
  };
  /** Dispatches to RC01 and receives it there at `receivedG`. */
  const deliver = async <L extends { lotId: string; massG: number }>(lot: L, receivedG = lot.massG): Promise<L> => {
    const sent = data(
      await op.mutate<RecordedView>('transfers.dispatch', {
        site: code,
        to: recycler.site,
        lots: [{ lotId: lot.lotId, massG: lot.massG }],
      }),
    );
    data(
      await recycler.client().mutate('transfers.receive', {
        site: recycler.site,
        dispatchId: sent.dispatchId,
        lots: [{ lotId: lot.lotId, receivedG }],
      }),
    );
    return lot;
  };
  return { site: code, op, collect, deliver };
}

/** A recycler of its own, with a user signed in for it. */
async function recyclerPlace(code: string) {
  const { app } = world.server;
  await createSite(app, systemActor('cli'), { code, kind: 'recycler', nameZh: `${code}再生铝`, nameEn: code });
  const { user } = await createUser(
    app,
    systemActor('cli'),
    { username: `rc-${code.toLowerCase()}`, displayName: code, role: 'recycler', sites: [code], password: PASSWORD },
    { passwordIsFinal: true },
  );
  const client = new Client(world.server.url);
  client.cookie = `${app.auth.cookieName}=${app.auth.sessions.create(user.id, { ip: '127.0.0.1', userAgent: 'test' }).token}`;
  return { site: code, client: () => client };
}

async function defineScheme(fields: Record<string, unknown>) {
  return data(await admin.mutate<IncentiveSchemeView>('incentives.defineScheme', { ...SCHEME, ...fields }));
}

function draft(input: Record<string, unknown>, by: Client = official) {
  return by.query<IncentiveStatementView>('incentives.statement', input);
}

/** Drafts and issues the statement as drafted. */
async function issueAsDrafted(scheme: string, site: string) {
  const d = data(await draft({ scheme, site }));
  return data(
    await official.mutate<IssueIncentiveStatementResult>('incentives.issue', {
      scheme,
      site,
      expectedPayableFen: d.totals.payableFen,
      expectedLineCount: d.totals.lineCount,
    }),
  );
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

describe('incentive schemes', () => {
  it('an administrator defines a scheme; officials list it; an operator and an official may not define', async () => {
    const defined = await defineScheme({ code: 'SC-LIST' });
    expect(defined).toMatchObject({ code: 'SC-LIST', capFen: 20_000, frozen: false, issuedStatements: 0 });
    const listed = data(await official.query<IncentiveSchemeView[]>('incentives.schemes'));
    expect(listed.find((s) => s.code === 'SC-LIST')?.rates).toEqual(SCHEME.rates);
    const refused = await world.clientFor('operator').query('incentives.schemes');
    expect(refused.body.error?.data.app.code).toBe('FORBIDDEN');
    const byOfficial = await official.mutate('incentives.defineScheme', { ...SCHEME, code: 'SC-OFFICIAL' });
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

  it('a scheme cannot change once a statement was issued under it; one not yet paid under can', async () => {
    const p = await place('IF01');
    await defineScheme({ code: 'SC-FROZEN' });
    await p.deliver(await p.collect());
    const issued = await issueAsDrafted('SC-FROZEN', 'IF01');
    const before = ledgerSize();
    const frozen = await admin.mutate('incentives.defineScheme', { ...SCHEME, code: 'SC-FROZEN', capFen: 1_000_000 });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error?.data.app.code).toBe('INCENTIVE_SCHEME_FROZEN');
    expect(frozen.body.error?.data.app.params.statement).toBe(issued.statementId);
    expect(ledgerSize()).toBe(before);
    const schemes = data(await official.query<IncentiveSchemeView[]>('incentives.schemes'));
    expect(schemes.find((s) => s.code === 'SC-FROZEN')).toMatchObject({
      frozen: true,
      issuedStatements: 1,
      capFen: 20_000,
    });
    await defineScheme({ code: 'SC-OPEN' });
    expect(await defineScheme({ code: 'SC-OPEN', capFen: 5 })).toMatchObject({ capFen: 5, frozen: false });
  });
});

describe('a draft statement', () => {
  const lots: Record<string, { lotId: string; massG: number; seq: number; leafHash: string }> = {};

  beforeAll(async () => {
    const p = await place('IA01');
    await defineScheme({ code: 'BS-2026' });
    // A: 1 t of UBC, received in full → 1.000000 t × 12,345 fen/t = 12,345 fen.
    lots.A = await p.deliver(await p.collect());
    // B: 333,333 g of UBC, received as 331,000 g (0.7 % short: within the 1 % tolerance) → the lesser,
    //    331,000 g × 12,345 = 4,086,195,000 µfen → 4,086.195 fen → 4,086 fen.
    lots.B = await p.collect({ grossG: 433_333, tareG: 100_000, netG: 333_333 });
    await p.deliver(lots.B, 331_000);
    // C: 500 kg of new clippings (pre-consumer wrought) bought from an enterprise → 0.5 t × 20,000 = 10,000 fen.
    const clippings = { grade: 'CLIP-NEW', grossG: 600_000, tareG: 100_000, netG: 500_000 };
    lots.C = await p.deliver(await p.collect({ ...clippings, sealed: { seller: ENTERPRISE } }));
    // D: the same production scrap bought from an individual: the regulation's seller record is missing.
    lots.D = await p.deliver(await p.collect({ ...clippings, sealed: { seller: INDIVIDUAL } }));
    // E: 1 t dispatched, 900 kg received: 10 % short, an open transit discrepancy.
    lots.E = await p.collect();
    await p.deliver(lots.E, 900_000);
    // F: collected, still at the collection point.
    lots.F = await p.collect();
    // G: collected, then corrected away by its author.
    lots.G = await p.collect();
    data(
      await p.op.mutate('corrections.record', {
        site: 'IA01',
        targetSeq: lots.G.seq,
        targetLeafHash: lots.G.leafHash,
        reason: 'duplicate',
      }),
    );
    // H: mixed scrap, received in full, but the scheme has no rate for its family.
    lots.H = await p.deliver(await p.collect({ grade: 'MIXED' }));
  });

  it('lists each lot as a line or an exclusion with its reason, with the amounts computed by hand', async () => {
    const statement = data(await draft({ scheme: 'BS-2026', site: 'IA01' }));
    expect(statement.status).toBe('draft');
    expect([statement.from, statement.to]).toEqual(['2026-01-01', '2026-12-31']);
    const { A, B, C, D, E, F, G, H } = lots as Record<string, (typeof lots)[string]>;
    expect(statement.lines.map((l) => [l.lotId, l.massG, l.rateFenPerT, l.amountFen])).toEqual([
      [A?.lotId, 1_000_000, 12_345, 12_345],
      [B?.lotId, 331_000, 12_345, 4_086],
      [C?.lotId, 500_000, 20_000, 10_000],
    ]);
    // Every line names the collection entry it rests on.
    expect(statement.lines.map((l) => [l.seq, l.leafHash])).toEqual([A, B, C].map((l) => [l?.seq, l?.leafHash]));
    expect(statement.lines[0]).toMatchObject({ family: 'ubc', sourceClass: 'post_consumer', day: '2026-06-15' });
    expect(statement.exclusions.map((x) => [x.lotId, x.reason, x.massG])).toEqual([
      [D?.lotId, 'seller_not_recorded', 500_000],
      [E?.lotId, 'transit_discrepancy', 900_000],
      [F?.lotId, 'not_received', 1_000_000],
      [G?.lotId, 'corrected', 1_000_000],
      [H?.lotId, 'no_rate', 1_000_000],
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
    expect(statement.excludedByReason).toEqual([
      { reason: 'not_received', lots: 1, massG: 1_000_000 },
      { reason: 'transit_discrepancy', lots: 1, massG: 900_000 },
      { reason: 'corrected', lots: 1, massG: 1_000_000 },
      { reason: 'seller_not_recorded', lots: 1, massG: 500_000 },
      { reason: 'no_rate', lots: 1, massG: 1_000_000 },
    ]);
    // The checkpoint it was computed at covers the whole ledger, and is signed.
    expect(statement.provenance.treeSize).toBe(ledgerSize());
    expect(statement.provenance.rootHash).toMatch(/^[0-9a-f]{64}$/);
    expect(statement.provenance.checkpoint).toContain(`\n${statement.provenance.treeSize}\n`);
    expect(statement.provenance).toMatchObject({ timeZone: 'Asia/Shanghai', computedFrom: 'derived' });
  });

  it('a sub-period, a period outside the scheme, a site the scheme does not pay, an unknown scheme', async () => {
    const july = data(await draft({ scheme: 'BS-2026', site: 'IA01', from: '2026-07-01', to: '2026-07-31' }));
    expect([july.lines, july.exclusions]).toEqual([[], []]);
    const outside = await draft({ scheme: 'BS-2026', site: 'IA01', from: '2025-12-01', to: '2026-01-31' });
    expect(outside.status).toBe(400);
    expect(outside.body.error?.data.app.code).toBe('INCENTIVE_PERIOD_OUTSIDE');
    expect(outside.body.error?.data.app.messageZh).toContain('2026-01-01');
    const recycler = await draft({ scheme: 'BS-2026', site: 'RC01' });
    expect(recycler.body.error?.data.app.code).toBe('INCENTIVE_SITE_NOT_ELIGIBLE');
    expect(recycler.body.error?.data.app.messageZh).toContain('再生铝企业');
    const unknown = await draft({ scheme: 'NOPE', site: 'IA01' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.data.app.code).toBe('INCENTIVE_SCHEME_UNKNOWN');
  });
});

describe('a recycler’s statement', () => {
  it('pays a recycler on collected scrap it received in the period, by the receipt’s day', async () => {
    const recycler = await recyclerPlace('IE90');
    const a = await place('IE01', recycler);
    const b = await place('IE02', recycler);
    await defineScheme({ code: 'BS-RECYCLER', siteKinds: ['recycler'] });
    // 1 t of UBC from each collection point, received in full: 2 × 12,345 fen; one received 10 % short.
    const one = await a.deliver(await a.collect());
    const two = await b.deliver(await b.collect());
    const short = await a.collect();
    await a.deliver(short, 900_000);
    const statement = data(await draft({ scheme: 'BS-RECYCLER', site: 'IE90' }));
    expect(statement.lines.map((l) => [l.lotId, l.massG, l.amountFen, l.day])).toEqual([
      [one.lotId, 1_000_000, 12_345, '2026-06-15'],
      [two.lotId, 1_000_000, 12_345, '2026-06-15'],
    ]);
    expect(statement.exclusions.map((x) => [x.lotId, x.reason])).toEqual([[short.lotId, 'transit_discrepancy']]);
    expect(statement.totals).toMatchObject({ subtotalFen: 24_690, payableFen: 20_000, capReductionFen: 4_690 });
    // A collection point is not paid under a recycler's scheme, and the lots the recycler was paid for are not
    // paid again to where they were collected, under any scheme.
    const cp = await draft({ scheme: 'BS-RECYCLER', site: 'IE01' });
    expect(cp.body.error?.data.app.code).toBe('INCENTIVE_SITE_NOT_ELIGIBLE');
    const issued = await issueAsDrafted('BS-RECYCLER', 'IE90');
    const back = data(
      await official.query<IncentiveStatementView>('incentives.issuedStatement', { statementId: issued.statementId }),
    );
    expect(back.lines.map((l) => [l.lotId, l.day, l.receiptSeq])).toEqual(
      statement.lines.map((l) => [l.lotId, l.day, l.receiptSeq]),
    );
    await defineScheme({ code: 'BS-AFTER-RECYCLER' });
    const after = data(await draft({ scheme: 'BS-AFTER-RECYCLER', site: 'IE01' }));
    expect(after.lines).toEqual([]);
    expect(after.exclusions.map((x) => [x.lotId, x.reason])).toEqual([
      [one.lotId, 'already_paid'],
      [short.lotId, 'transit_discrepancy'],
    ]);
  });
});

describe('issuing', () => {
  it('only what the official checked is issued: a changed statement is refused, an administrator may not issue', async () => {
    const p = await place('IC01');
    await defineScheme({ code: 'BS-CHECKED' });
    await p.deliver(await p.collect());
    const before = ledgerSize();
    const stale = await official.mutate('incentives.issue', {
      scheme: 'BS-CHECKED',
      site: 'IC01',
      expectedPayableFen: 12_344,
      expectedLineCount: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.data.app.code).toBe('INCENTIVE_STATEMENT_CHANGED');
    const right = { scheme: 'BS-CHECKED', site: 'IC01', expectedPayableFen: 12_345, expectedLineCount: 1 };
    const byAdmin = await admin.mutate('incentives.issue', right);
    expect(byAdmin.body.error?.data.app.code).toBe('FORBIDDEN');
    expect(ledgerSize()).toBe(before);
    expect(data(await official.mutate<IssueIncentiveStatementResult>('incentives.issue', right)).payableFen).toBe(
      12_345,
    );
  });

  it('the cap holds across statements: once paid in full, a scheme pays a site nothing more', async () => {
    const p = await place('ID01');
    await defineScheme({ code: 'BS-CAP', capFen: 10_000 });
    await p.deliver(await p.collect());
    const first = data(await draft({ scheme: 'BS-CAP', site: 'ID01' }));
    expect(first.totals).toMatchObject({ subtotalFen: 12_345, capReductionFen: 2_345, payableFen: 10_000 });
    await issueAsDrafted('BS-CAP', 'ID01');
    const more = await p.deliver(await p.collect());
    const next = data(await draft({ scheme: 'BS-CAP', site: 'ID01' }));
    expect(next.lines.map((l) => l.lotId)).toEqual([more.lotId]);
    expect(next.totals).toMatchObject({
      subtotalFen: 12_345,
      capPaidBeforeFen: 10_000,
      capRemainingFen: 0,
      capReductionFen: 12_345,
      payableFen: 0,
    });
    const before = ledgerSize();
    const refused = await official.mutate('incentives.issue', {
      scheme: 'BS-CAP',
      site: 'ID01',
      expectedPayableFen: 0,
      expectedLineCount: 1,
    });
    expect(refused.body.error?.data.app.code).toBe('INCENTIVE_CAP_EXHAUSTED');
    expect(ledgerSize()).toBe(before);
  });

  it('two issues at the same moment, under one scheme or under two: exactly one succeeds', async () => {
    const p = await place('IR01');
    for (const code of ['RACE-A', 'RACE-B']) await defineScheme({ code, capFen: 10_000_000 });
    const race = async (schemes: [string, string]) => {
      const lot = await p.deliver(await p.collect());
      for (const scheme of schemes) {
        expect(data(await draft({ scheme, site: 'IR01' })).totals.payableFen).toBe(12_345);
      }
      const before = issuedEntries('IR01');
      const expected = { site: 'IR01', expectedPayableFen: 12_345, expectedLineCount: 1 };
      const results = await Promise.all(
        schemes.map((scheme) => official.mutate('incentives.issue', { scheme, ...expected })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status !== 200).map((r) => r.body.error?.data.app.code)).toEqual([
        'INCENTIVE_ALREADY_PAID',
      ]);
      expect(issuedEntries('IR01')).toBe(before + 1);
      const paid = world.server.app.db.$client
        .prepare('SELECT count(*) AS n FROM incentive_payments WHERE lot_id = ?')
        .get(lot.lotId) as { n: number };
      expect(paid.n).toBe(1);
    };
    await race(['RACE-A', 'RACE-A']);
    await race(['RACE-A', 'RACE-B']);
  });

  it('two issues submitted in the same tick share one group commit, and still only one is written', async () => {
    const p = await place('IR02');
    await defineScheme({ code: 'RACE-C', capFen: 10_000_000 });
    await p.deliver(await p.collect());
    const deps = incentiveDeps(world.server.app);
    const request = { scheme: 'RACE-C', site: 'IR02', expectedPayableFen: 12_345, expectedLineCount: 1 };
    const groups = world.server.app.db.$client.prepare('SELECT max(seq) AS s FROM ledger_entries');
    const before = (groups.get() as { s: number }).s;
    // Both appends are queued before either runs: the ledger commits them in one transaction, each in its savepoint.
    const results = await Promise.allSettled([
      issueStatement(deps, systemActor('cli'), request),
      issueStatement(deps, systemActor('cli'), request),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as { code: string }).code).toBe('INCENTIVE_ALREADY_PAID');
    expect((groups.get() as { s: number }).s).toBe(before + 1);
    expect(issuedEntries('IR02')).toBe(1);
  });

  describe('an issued statement', () => {
    let drafted: IncentiveStatementView;
    let issued: IssueIncentiveStatementResult;
    let firstSeq: number;
    let view: IncentiveStatementView;

    beforeAll(async () => {
      const p = await place('IB01');
      await defineScheme({ code: 'BS-ISSUE' });
      // As in the draft above: A 12,345 fen, B 4,086 fen, C 10,000 fen, capped at 20,000; D left out.
      await p.deliver(await p.collect());
      await p.deliver(await p.collect({ grossG: 433_333, tareG: 100_000, netG: 333_333 }), 331_000);
      const clippings = { grade: 'CLIP-NEW', grossG: 600_000, tareG: 100_000, netG: 500_000 };
      await p.deliver(await p.collect({ ...clippings, sealed: { seller: ENTERPRISE } }));
      await p.deliver(await p.collect({ ...clippings, sealed: { seller: INDIVIDUAL } }));
      drafted = data(await draft({ scheme: 'BS-ISSUE', site: 'IB01' }));
      firstSeq = ledgerSize();
      issued = await issueAsDrafted('BS-ISSUE', 'IB01');
      view = data(
        await official.query<IncentiveStatementView>('incentives.issuedStatement', { statementId: issued.statementId }),
      );
    });

    it('is an incentive_statement.issued entry listing the paid entries, lots and amounts', () => {
      expect(issued).toMatchObject({ payableFen: 20_000, lineCount: 3, seqs: [firstSeq] });
      const entry = world.server.app.ledger.entryBySeq(firstSeq);
      expect(entry?.entry.kind).toBe('incentive_statement.issued');
      expect(entry?.entry.body).toMatchObject({
        statementId: issued.statementId,
        part: 1,
        parts: 1,
        scheme: 'BS-ISSUE',
        site: 'IB01',
        payableFen: 20_000,
        subtotalFen: 26_431,
        lines: drafted.lines.map((l) => ({
          seq: l.seq,
          leafHash: l.leafHash,
          lotId: l.lotId,
          massG: l.massG,
          amountFen: l.amountFen,
        })),
        excluded: [{ lotId: drafted.exclusions[0]?.lotId, reason: 'seller_not_recorded', massG: 500_000 }],
      });
    });

    it('is listed and reads back as issued, with the draft’s figures and a checkpoint that covers it', async () => {
      const list = data(
        await official.query<IssuedIncentiveStatementSummary[]>('incentives.statements', { site: 'IB01' }),
      );
      expect(list.map((s) => [s.statementId, s.scheme, s.payableFen, s.lineCount])).toEqual([
        [issued.statementId, 'BS-ISSUE', 20_000, 3],
      ]);
      expect(view).toMatchObject({ status: 'issued', statementId: issued.statementId, issuedSeq: firstSeq });
      expect(view.totals).toEqual(drafted.totals);
      const line = (l: IncentiveStatementView['lines'][number]) => [
        l.seq,
        l.leafHash,
        l.lotId,
        l.family,
        l.sourceClass,
        l.day,
        l.receiptSeq,
        l.massG,
        l.rateFenPerT,
        l.amountFen,
      ];
      expect(view.lines.map(line)).toEqual(drafted.lines.map(line));
      expect(view.exclusions.map((x) => [x.lotId, x.reason])).toEqual(
        drafted.exclusions.map((x) => [x.lotId, x.reason]),
      );
      expect(view.provenance.treeSize).toBeGreaterThan(firstSeq);
      expect(view.provenance.computedFrom).toBe('log');
      // The same checkpoint however often it is read.
      const again = data(
        await official.query<IncentiveStatementView>('incentives.issuedStatement', { statementId: issued.statementId }),
      );
      expect(again.provenance.treeSize).toBe(view.provenance.treeSize);
    });

    it('the same tonnage is never paid twice: issuing again is refused; another scheme sees it paid', async () => {
      const before = ledgerSize();
      const again = await official.mutate('incentives.issue', {
        scheme: 'BS-ISSUE',
        site: 'IB01',
        expectedPayableFen: 20_000,
        expectedLineCount: 3,
      });
      expect(again.status).toBe(409);
      expect(again.body.error?.data.app.code).toBe('INCENTIVE_ALREADY_PAID');
      expect(again.body.error?.data.app.params.statement).toBe(issued.statementId);
      expect(ledgerSize()).toBe(before);
      expect(issuedEntries('IB01')).toBe(1);
      await defineScheme({ code: 'BS-ISSUE-B', capFen: 1_000_000 });
      const other = data(await draft({ scheme: 'BS-ISSUE-B', site: 'IB01' }));
      expect(other.lines).toEqual([]);
      expect(other.exclusions.filter((x) => x.reason === 'already_paid').map((x) => [x.lotId, x.paidBy])).toEqual(
        drafted.lines.map((l) => [l.lotId, issued.statementId]),
      );
    });

    it('the PDF opens, with the Chinese title, the lines, the totals, the exclusions and the checkpoint', async () => {
      const res = await fetch(`${world.server.url}/incentives/statements/${issued.statementId}.pdf`, {
        headers: { cookie: official.cookie ?? '' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
      mkdirSync(RESULTS, { recursive: true, mode: 0o700 });
      writeFileSync(`${RESULTS}incentive-statement.pdf`, pdf, { mode: 0o600 });
      const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
      let text = '';
      for (let i = 0; i < doc.countPages(); i++)
        text += doc.loadPage(i).toStructuredText('preserve-whitespace').asText();
      const pix = doc.loadPage(0).toPixmap(mupdf.Matrix.scale(1.5, 1.5), mupdf.ColorSpace.DeviceRGB, false);
      writeFileSync(`${RESULTS}incentive-statement-page1.png`, pix.asPNG(), { mode: 0o600 });
      expect(text).toContain('废铝回收补贴结算单');
      expect(text).toContain('百色市2026年废铝回收补贴');
      expect(text).toContain('IB01回收站');
      for (const l of drafted.lines) expect(text).toContain(l.lotId);
      expect(text).toContain('123.45'); // the UBC rate and A's amount, in yuan
      expect(text).toContain('40.86'); // B's amount
      expect(text).toContain('264.31'); // the subtotal
      expect(text).toContain('200.00'); // payable: the cap
      expect(text).toContain('64.31'); // taken off by the cap
      expect(text).toContain('生产性废旧金属未登记出售单位信息');
      expect(text).toContain('审批人');
      expect(text).toContain(view.provenance.rootHash);
      expect(text).toContain(`记录数（树大小） Tree size\n${view.provenance.treeSize}`);
      // Sealed values never reach a statement.
      expect(text).not.toContain(ENTERPRISE.name);
      expect(text).not.toContain(INDIVIDUAL.residentId);
    });

    it('the CSV (the generic report writer) carries the lines with a BOM and Chinese or English headers', async () => {
      const get = (lang: string) =>
        fetch(`${world.server.url}/incentives/statements/${issued.statementId}.csv?lang=${lang}`, {
          headers: { cookie: official.cookie ?? '' },
        });
      const zh = await get('zh');
      expect(zh.status).toBe(200);
      expect(zh.headers.get('content-type')).toContain('text/csv');
      const bytes = Buffer.from(await zh.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const records = parse(bytes.toString('utf8').slice(1), { relaxColumnCount: true }) as string[][];
      const header = records.findIndex((r) => r.includes('批次号'));
      expect(header).toBeGreaterThanOrEqual(0);
      const lot = records[header]?.indexOf('批次号') ?? -1;
      expect(records.slice(header + 1, header + 4).map((r) => r[lot])).toEqual(drafted.lines.map((l) => l.lotId));
      const en = await (await get('en')).text();
      expect(en).toContain('Lot');
      expect(en).toContain(drafted.lines[0]?.lotId);
    });

    it('the XLSX reads back with its Chinese headers, the exact grams and fen, and the checkpoint', async () => {
      const res = await fetch(`${world.server.url}/incentives/statements/${issued.statementId}.xlsx`, {
        headers: { cookie: official.cookie ?? '' },
      });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const rowsOf = (name: string) => {
        const rows: unknown[][] = [];
        wb.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
        return rows;
      };
      const rows = rowsOf('结算单 Statement');
      const header = rows.findIndex((r) => r[2] === '批次号 Lot');
      expect(header).toBeGreaterThan(0);
      expect(rows[header]?.[7]).toBe('核定重量（克） Verified mass (g)');
      expect(rows.slice(header + 1, header + 4).map((r) => [r[0], r[1], r[2], r[7], r[11]])).toEqual(
        drafted.lines.map((l) => [l.seq, l.leafHash, l.lotId, l.massG, l.amountFen]),
      );
      expect(rows.find((r) => String(r[0]).startsWith('应付金额'))?.slice(1, 3)).toEqual([200, 20_000]);
      expect(
        rowsOf('未计入 Excluded')
          .slice(1)
          .map((r) => r[8]),
      ).toEqual(['seller_not_recorded']);
      const cp = rowsOf('检查点 Checkpoint');
      expect(cp[0]?.[1]).toBe(view.provenance.treeSize);
      expect(cp[1]?.[1]).toBe(view.provenance.rootHash);
    });
  });
});

describe('downloads and derived tables', () => {
  it('the draft downloads for officials and administrators, and for nobody else', async () => {
    await defineScheme({ code: 'SC-DOWNLOAD' });
    const path = '/incentives/draft.pdf?scheme=SC-DOWNLOAD&site=PG01';
    const as = (c: Client | null) =>
      fetch(`${world.server.url}${path}`, { headers: c?.cookie ? { cookie: c.cookie } : {} });
    expect((await as(official)).status).toBe(200);
    expect((await as(admin)).status).toBe(200);
    expect((await as(world.clientFor('operator'))).status).toBe(403);
    expect((await as(null)).status).toBe(401);
    const xlsx = await fetch(`${world.server.url}/incentives/draft.xlsx?scheme=SC-DOWNLOAD&site=PG01`, {
      headers: { cookie: admin.cookie ?? '' },
    });
    expect(xlsx.status).toBe(200);
    const bad = await fetch(`${world.server.url}/incentives/draft.pdf?scheme=SC-DOWNLOAD`, {
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
    expect(report.tablesChecked).toEqual(
      expect.arrayContaining(['incentive_schemes', 'incentive_statements', 'incentive_payments']),
    );
  });
});
