// The reports over real HTTP: figures the test weighed in itself, the
// provenance a reader checks (a signed checkpoint of exactly the tree size,
// which ledger.head confirms), the emission factors' versions, and
// refusals a person can act on in both languages — never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stock } from './lifecycle-stock';
import { buildWorld, type World } from './world';

let world: World;
const AT = '2026-03-14T02:00:00.000Z'; // 10:00 in Shanghai
const RANGE = { from: '2026-03-01', to: '2026-03-31' };

interface Table {
  rows: Record<string, unknown>[];
  totals: Record<string, unknown>;
  provenance: { treeSize: number; rootHash: string; checkpoint: string; factorVersions: Record<string, number> };
}

beforeAll(async () => {
  world = await buildWorld();
  const stock = new Stock(world);
  await stock.collect('PG01', undefined, { grossG: 1_300_000, tareG: 65_434, netG: 1_234_566, occurredAt: AT });
  await stock.collect('PG02', undefined, { grossG: 600_000, tareG: 100_000, netG: 500_000, occurredAt: AT });
});

afterAll(async () => {
  await world?.stop();
});

describe('reports over HTTP', () => {
  it('gives an official the volumes by site, at a signed checkpoint', async () => {
    const official = world.clientFor('official');
    const res = await official.query<Table>('reports.volumes', {
      ...RANGE,
      groupBy: ['site'],
      measures: ['collected'],
    });
    expect(res.status).toBe(200);
    const table = res.body.result?.data as Table;
    expect(table.rows).toEqual([
      { period: '2026-03', site: 'PG01', collected_g: 1_234_566 },
      { period: '2026-03', site: 'PG02', collected_g: 500_000 },
    ]);
    expect(table.totals).toEqual({ collected_g: 1_734_566 });
    // The note signs exactly the tree the figure covers.
    expect(table.provenance.checkpoint.split('\n')[1]).toBe(String(table.provenance.treeSize));
    const head = await official.query<{ treeSize: number; rootHash: string }>('ledger.head');
    expect(head.body.result?.data.treeSize).toBeGreaterThanOrEqual(table.provenance.treeSize);
  });

  it("lets an operator read its own site's figures, and only those", async () => {
    const operator = world.clientFor('operator');
    const own = await operator.query<Table>('reports.volumes', { ...RANGE, site: 'PG01', measures: ['collected'] });
    expect((own.body.result?.data as Table | undefined)?.rows).toEqual([{ period: '2026-03', collected_g: 1_234_566 }]);
    const other = await operator.query('reports.volumes', { ...RANGE, site: 'PG02' });
    expect([other.status, other.body.error?.data.app.code]).toEqual([403, 'SITE_NOT_ALLOWED']);
    const none = await operator.query('reports.volumes', RANGE);
    expect([none.status, none.body.error?.data.app.code]).toEqual([403, 'SITE_NOT_ALLOWED']);
  });

  it('names the emission-factor version it used; an admin defines the next one', async () => {
    const official = world.clientFor('official');
    const factors = await official.query<{ version: number; primaryKgPerT: number }[]>('reports.emissionFactors');
    expect(factors.body.result?.data[0]).toMatchObject({ version: 1, primaryKgPerT: 13_200, recycledKgPerT: 500 });
    const refused = await official.mutate('reports.defineEmissionFactors', {
      primaryKgPerT: 16_000,
      recycledKgPerT: 600,
      primarySource: 'x',
      recycledSource: 'x',
    });
    expect(refused.status).toBe(403);
    const admin = world.clientFor('admin');
    const defined = await admin.mutate<{ version: number }>('reports.defineEmissionFactors', {
      primaryKgPerT: 16_000,
      recycledKgPerT: 600,
      primarySource: 'IAI 2024 (test)',
      recycledSource: 'IAI 2024 (test)',
    });
    const version = defined.body.result?.data.version as number;
    expect(version).toBeGreaterThan(1);
    const e = await official.query<Table>('reports.emissions', { ...RANGE, factorVersion: 1 });
    expect((e.body.result?.data as Table | undefined)?.provenance.factorVersions).toEqual({ emissions: 1 });
    const latest = await official.query<Table>('reports.emissions', RANGE);
    expect((latest.body.result?.data as Table | undefined)?.provenance.factorVersions).toEqual({ emissions: version });
  });

  it('refuses bad filters with field messages in English and Chinese', async () => {
    const official = world.clientFor('official');
    const badDate = await official.query('reports.volumes', { from: '2026-02-30', to: '2026-03-31' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error?.data.app.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(badDate.body.error?.data.app.fieldsZh)).toContain('日期');
    const three = await official.query('reports.volumes', { ...RANGE, groupBy: ['site', 'grade', 'family'] });
    expect([three.status, three.body.error?.data.app.code]).toEqual([400, 'VALIDATION_FAILED']);
    const backwards = await official.query('reports.yield', { from: '2026-03-31', to: '2026-03-01' });
    expect([backwards.status, backwards.body.error?.data.app.code]).toEqual([400, 'VALIDATION_FAILED']);
    const long = await official.query('reports.volumes', { from: '2020-01-01', to: '2026-03-31', period: 'day' });
    expect([long.status, long.body.error?.data.app.code]).toEqual([400, 'REPORT_RANGE_TOO_LONG']);
    expect(long.body.error?.data.app.messageZh).toContain('天');
    const version = await official.query('reports.emissions', { ...RANGE, factorVersion: 99 });
    expect([version.status, version.body.error?.data.app.code]).toEqual([400, 'EMISSION_FACTORS_UNKNOWN']);
  });
});
