// Targets over real HTTP: defining, redefining (a new entry that supersedes,
// never an edit), withdrawing, progress against the reports, and refusals
// that write nothing. Expected figures are worked out by hand in comments.
import { checkDerived, createToken, systemActor } from '@alutrace/server/testing';
import type { TargetProgressView, TargetView } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, data, errorCode } from './http-client';
import { Stock } from './lifecycle-stock';
import { buildWorld, type World } from './world';

const T = 1_000_000;
let world: World;
let stock: Stock;
let official: Client;
let admin: Client;
/** This year in Asia/Shanghai, for the targets that follow what the lots below do today. */
const thisYear = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4);

beforeAll(async () => {
  world = await buildWorld();
  stock = new Stock(world);
  official = world.clientFor('official');
  admin = world.clientFor('admin');
  data(await admin.mutate('sites.update', { code: 'PG01', district: '平果市' }));
  // 30 t at PG01 (平果市) on 10 February 2026, 0.5 t at PG02 on 11 February (10:00 in Shanghai).
  await stock.collect('PG01', undefined, {
    grossG: 30_100_000,
    tareG: 100_000,
    netG: 30_000_000,
    occurredAt: '2026-02-10T02:00:00.000Z',
  });
  await stock.collect('PG02', undefined, {
    grossG: 600_000,
    tareG: 100_000,
    netG: 500_000,
    occurredAt: '2026-02-11T02:00:00.000Z',
  });
});

afterAll(async () => {
  await world?.stop();
});

function target(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: 'COLLECT-2026',
    nameZh: '2026年废铝回收量',
    nameEn: 'Scrap collected in 2026',
    metric: 'collected',
    period: '2026',
    comparison: 'at_least',
    value: 120 * T,
    ...overrides,
  };
}

async function define(client: Client, input: Record<string, unknown>): Promise<TargetView> {
  return data(await client.mutate<TargetView>('targets.define', input));
}

async function progress(code: string, asOf?: string): Promise<TargetProgressView> {
  return data(await official.query<TargetProgressView>('targets.progress', { code, ...(asOf ? { asOf } : {}) }));
}

describe('progress against the reports', () => {
  it('projects 30 t on day 91 of 365 in 平果市 to 120.329670 t: on track for 120 t', async () => {
    await define(official, target({ code: 'COLLECT-PG-2026', scope: { kind: 'district', district: '平果市' } }));
    const p = await progress('COLLECT-PG-2026', '2026-04-01');
    // 30,000,000 g × 365 ÷ 91 = 120,329,670.3 g, rounded down.
    expect(p).toMatchObject({
      status: 'on_track',
      countedTo: '2026-04-01',
      daysElapsed: 91,
      daysInPeriod: 365,
      actual: 30_000_000,
      projected: 120_329_670,
      shareOfTargetPpm: 250_000,
    });
    expect(p.points).toEqual([{ day: '2026-02-10', value: 30_000_000 }]);
    expect(p.projection).toEqual([
      { day: '2026-04-01', value: 30_000_000 },
      { day: '2026-12-31', value: 120_329_670 },
    ]);
    expect(p.provenance.timeZone).toBe('Asia/Shanghai');
    expect(p.provenance.treeSize).toBe(world.server.app.ledger.head()?.treeSize);
  });

  it('counts every site for the whole base: 30.5 t projects to 122.335164 t', async () => {
    await define(official, target());
    const p = await progress('COLLECT-2026', '2026-04-01');
    // 30,500,000 × 365 = 11,132,500,000; ÷ 91 = 122,335,164 remainder 76.
    expect(p).toMatchObject({ status: 'on_track', actual: 30_500_000, projected: 122_335_164 });
    expect(p.points).toEqual([
      { day: '2026-02-10', value: 30_000_000 },
      { day: '2026-02-11', value: 30_500_000 },
    ]);
    // Before the period: nothing counted; after it: the final figure decides.
    expect((await progress('COLLECT-2026', '2025-12-31')).status).toBe('not_started');
    expect(await progress('COLLECT-2026', '2027-01-03')).toMatchObject({ status: 'missed', actual: 30_500_000 });
  });

  it("follows a recycler's yield and the base's dross utilisation as they happen", async () => {
    await define(
      admin,
      target({
        code: `YIELD-RC01-${thisYear}`,
        metric: 'yield',
        scope: { kind: 'site', site: 'RC01' },
        period: thisYear,
        value: 900_000,
      }),
    );
    await define(
      official,
      target({ code: `DROSS-${thisYear}`, metric: 'dross_utilisation', period: thisYear, value: 1_000_000 }),
    );
    expect((await progress(`DROSS-${thisYear}`)).status).toBe('no_data');
    // 1,000,000 g of UBC in, an 850,000 g ingot and 100,000 g of dross out: 85 % yield.
    const { dross } = await stock.melt('RC01');
    const y = await progress(`YIELD-RC01-${thisYear}`);
    expect(y).toMatchObject({ status: 'at_risk', actual: 850_000, numeratorG: 850_000, denominatorG: 1_000_000 });
    expect(await progress(`DROSS-${thisYear}`)).toMatchObject({ status: 'at_risk', actual: 0, denominatorG: 100_000 });
    const rc = await stock.clientAt('RC01');
    data(
      await rc.mutate('byproducts.utilise', {
        site: 'RC01',
        lotId: dross.lotId,
        route: 'aluminium_recovery',
        massG: 100_000,
      }),
    );
    expect(await progress(`DROSS-${thisYear}`)).toMatchObject({ status: 'on_track', actual: 1_000_000 });
  });
});

describe('redefining', () => {
  it('records a new entry that names the one it supersedes; the old stays in the history', async () => {
    const first = await define(official, target({ code: 'PRODUCED-2026', metric: 'produced', value: 100 * T }));
    const size = world.server.app.ledger.size;
    // Without naming what it replaces: refused, nothing written.
    const taken = await official.mutate('targets.define', target({ code: 'PRODUCED-2026', metric: 'produced' }));
    expect([taken.status, errorCode(taken)]).toEqual([409, 'TARGET_CODE_TAKEN']);
    expect(taken.body.error?.data.app.messageZh).toContain('PRODUCED-2026');
    const second = await define(
      admin,
      target({ code: 'PRODUCED-2026', metric: 'produced', value: 120 * T, supersedes: first.seq }),
    );
    expect(world.server.app.ledger.size).toBe(size + 1);
    expect(second).toMatchObject({ supersedesSeq: first.seq, supersededBySeq: null, value: 120 * T, unit: 'g' });

    // Someone who read the first definition and redefines it now is told it changed.
    const stale = await official.mutate(
      'targets.define',
      target({ code: 'PRODUCED-2026', metric: 'produced', value: 90 * T, supersedes: first.seq }),
    );
    expect([stale.status, errorCode(stale)]).toEqual([409, 'TARGET_STALE']);
    expect(world.server.app.ledger.size).toBe(size + 1);

    // The entry itself says what it supersedes, by seq and leaf hash.
    const entry = data(
      await official.query<{ entry: { body: Record<string, unknown> } }>('ledger.entry', { seq: second.seq }),
    );
    const old = data(await official.query<{ leafHash: string }>('ledger.entry', { seq: first.seq }));
    expect(entry.entry.body.supersedes).toEqual({ seq: first.seq, leafHash: old.leafHash });

    const now = data(await official.query<TargetView[]>('targets.list', { code: 'PRODUCED-2026' }));
    expect(now.map((t) => t.seq)).toEqual([second.seq]);
    const history = data(await official.query<TargetView[]>('targets.list', { code: 'PRODUCED-2026', history: true }));
    expect(history.map((t) => [t.seq, t.supersededBySeq])).toEqual([
      [second.seq, null],
      [first.seq, second.seq],
    ]);
  });

  it('withdraws a target with active: false, which leaves the list of targets in force', async () => {
    const t = await define(official, target({ code: 'SHIPPED-2026', metric: 'shipped' }));
    await define(official, target({ code: 'SHIPPED-2026', metric: 'shipped', active: false, supersedes: t.seq }));
    const inForce = data(await official.query<TargetView[]>('targets.list', {}));
    expect(inForce.map((x) => x.code)).not.toContain('SHIPPED-2026');
    const all = data(await official.query<TargetView[]>('targets.list', { includeInactive: true }));
    expect(all.find((x) => x.code === 'SHIPPED-2026')?.active).toBe(false);
    const p = await official.query('targets.progress', { code: 'SHIPPED-2026' });
    expect([p.status, errorCode(p)]).toEqual([404, 'TARGET_UNKNOWN']);
  });

  it('keeps the targets table a projection of the log (rebuild gives the same rows)', () => {
    const report = checkDerived(world.server.app.db);
    expect(report.difference).toBeNull();
    expect(report.tablesChecked).toContain('targets');
  });
});

describe('refusals write nothing', () => {
  const cases: [string, Record<string, unknown>, number, string, string?][] = [
    ['a period in no known form', target({ code: 'BAD-1', period: '2026-Q5' }), 400, 'VALIDATION_FAILED', 'period'],
    [
      'a period over ten years',
      target({ code: 'BAD-9', period: '2020-01-01..2035-12-31' }),
      400,
      'VALIDATION_FAILED',
      'period',
    ],
    [
      'a ratio over 100 %',
      target({ code: 'BAD-2', metric: 'yield', value: 1_100_000 }),
      400,
      'VALIDATION_FAILED',
      'value',
    ],
    [
      'a yield for a district',
      target({ code: 'BAD-3', metric: 'yield', value: 900_000, scope: { kind: 'district', district: '平果市' } }),
      400,
      'VALIDATION_FAILED',
      'scope',
    ],
    ['a fraction of a gram', target({ code: 'BAD-4', value: 1.5 }), 400, 'VALIDATION_FAILED', 'value'],
    [
      'a yield at a collection point',
      target({ code: 'BAD-5', metric: 'yield', value: 900_000, scope: { kind: 'site', site: 'PG01' } }),
      400,
      'SITE_KIND_WRONG',
    ],
    [
      'a site that does not exist',
      target({ code: 'BAD-6', scope: { kind: 'site', site: 'ZZ99' } }),
      400,
      'SITE_UNKNOWN',
    ],
    [
      'a district without sites',
      target({ code: 'BAD-7', scope: { kind: 'district', district: '乐业县' } }),
      400,
      'TARGET_DISTRICT_UNKNOWN',
    ],
    ['superseding a code never defined', target({ code: 'BAD-8', supersedes: 3 }), 404, 'TARGET_UNKNOWN'],
  ];
  for (const [what, input, status, code, field] of cases) {
    it(`refuses ${what} with ${code}`, async () => {
      const size = world.server.app.ledger.size;
      const r = await official.mutate('targets.define', input);
      expect([r.status, errorCode(r)]).toEqual([status, code]);
      const app = r.body.error?.data.app;
      expect(app?.messageZh).toMatch(/[\u4e00-\u9fff]/);
      if (field) expect(app?.fieldsZh?.[field]?.join('')).toMatch(/[\u4e00-\u9fff]/);
      expect(world.server.app.ledger.size).toBe(size);
    });
  }

  it('answers 404 for the progress of an unknown target', async () => {
    const r = await official.query('targets.progress', { code: 'NOPE' });
    expect([r.status, errorCode(r)]).toEqual([404, 'TARGET_UNKNOWN']);
  });
});

describe('who may', () => {
  it('lets officials and administrators define and read, nobody else; no API token defines', async () => {
    const token = await createToken(world.server.app, systemActor('cli'), { name: 'dashboard', role: 'official' });
    const bearer = world.anonymous();
    bearer.bearer = token.secret;
    const size = world.server.app.ledger.size;
    const byToken = await bearer.mutate('targets.define', target({ code: 'TOKEN-1' }));
    expect([byToken.status, errorCode(byToken)]).toEqual([403, 'USERS_ONLY']);
    expect((await bearer.query('targets.list', {})).status).toBe(200);
    for (const role of ['operator', 'recycler', 'utiliser'] as const) {
      const c = world.clientFor(role);
      expect((await c.mutate('targets.define', target({ code: `ROLE-${role}` }))).status).toBe(403);
      expect((await c.query('targets.list', {})).status).toBe(403);
      expect((await c.query('targets.progress', { code: 'COLLECT-2026' })).status).toBe(403);
    }
    expect((await world.anonymous().query('targets.list', {})).status).toBe(401);
    expect(world.server.app.ledger.size).toBe(size);
  });
});
