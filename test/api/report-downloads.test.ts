// Report downloads over real HTTP: GET /reports/{name}.csv|.xlsx with the
// report's filters. The files are read back as a spreadsheet user and a
// program would (exceljs, csv-parse); the expected grams are the masses the
// test itself weighed in. Refusals: anonymous, an operator without or with
// another site, bad filters — each with its code, never a 500.
import { createToken, systemActor } from '@alutrace/server/testing';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorBody } from './http-client';
import { Stock } from './lifecycle-stock';
import { buildWorld, type World } from './world';

let world: World;
let officialToken: string;
/** The day the lots below were weighed, in Asia/Shanghai. */
const DAY = '2026-03-14';
const AT = '2026-03-14T02:00:00.000Z'; // 10:00 in Shanghai

beforeAll(async () => {
  world = await buildWorld();
  const stock = new Stock(world);
  // 1,234,566 g and 2,000,001 g at PG01, 500,000 g at PG02: grams a t-only export would lose.
  await stock.collect('PG01', undefined, { grossG: 1_300_000, tareG: 65_434, netG: 1_234_566, occurredAt: AT });
  await stock.collect('PG01', undefined, { grossG: 2_100_001, tareG: 100_000, netG: 2_000_001, occurredAt: AT });
  await stock.collect('PG02', undefined, { grossG: 600_000, tareG: 100_000, netG: 500_000, occurredAt: AT });
  officialToken = (await createToken(world.server.app, systemActor('cli'), { name: 'exports', role: 'official' }))
    .secret;
});

afterAll(async () => {
  await world?.stop();
});

const VOLUMES = `from=${DAY}&to=${DAY}&period=day&groupBy=site&measures=collected`;

async function get(path: string, auth: { cookie?: string | null; bearer?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  return fetch(`${world.server.url}${path}`, { headers });
}

function official() {
  return { cookie: world.clientFor('official').cookie };
}

async function refusal(res: Response): Promise<AppErrorBody & { status: number }> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { data: { app: AppErrorBody } } };
  return { status: res.status, ...body.error.data.app };
}

describe('CSV download', () => {
  it('sends UTF-8 with a BOM, Chinese headers with units, and the exact grams beside the tonnes', async () => {
    const res = await get(`/reports/volumes.csv?${VOLUMES}&lang=zh`, official());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(
      /^attachment; filename="alutrace-volumes-\d{4}-\d{2}-\d{2}-at-\d+\.csv"; filename\*=UTF-8''/,
    );
    // The report's Chinese title, percent-encoded (RFC 5987).
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toMatch(/^回收与再生铝量-/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const table = parse(bytes, {
      bom: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
    }) as string[][];
    expect(table[0]).toEqual(['期间', '站点', '回收量（吨）', '回收量（克）']);
    expect(table.slice(1)).toEqual([
      [DAY, 'PG01', '3.234567', '3234567'],
      [DAY, 'PG02', '0.500', '500000'],
      ['合计', '', '3.734567', '3734567'],
    ]);

    const all = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    const prov = new Map(all.filter((r) => r[0]?.startsWith('#')).map((r) => [r[0]?.slice(1), r[2]]));
    const head = world.server.app.ledger.head();
    expect(Number(prov.get('treeSize'))).toBe(head?.treeSize);
    expect(prov.get('rootHash')).toBe(head?.rootHash);
    expect(prov.get('timeZone')).toBe('Asia/Shanghai');
    expect(prov.get('checkpoint')?.replaceAll('\\n', '\n')).toBe(head?.note);
    expect(prov.get('filter.groupBy')).toBe('site');
  });

  it('recomputes from the log alone at an earlier checkpoint with ?at=, with the same grams', async () => {
    const head = world.server.app.ledger.head();
    const res = await get(`/reports/volumes.csv?${VOLUMES}&lang=en&at=${head?.treeSize}`, official());
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const all = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(all.find((r) => r[0] === '#computedFrom')?.[2]).toBe('recomputed from the ledger entries alone');
    const table = parse(bytes, {
      bom: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
    }) as string[][];
    expect(table[0]).toEqual(['Period', 'Site', 'Collected (t)', 'Collected (g)']);
    expect(table.at(-1)).toEqual(['Total', '', '3.734567', '3734567']);
  });
});

describe('XLSX download', () => {
  it('opens in exceljs with English headers, typed numbers and the exact grams, for an API token', async () => {
    const res = await get(`/reports/volumes.xlsx?${VOLUMES}&lang=en`, { bearer: officialToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/filename="alutrace-volumes-.*\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'Period') header = n;
    });
    expect(header).toBeGreaterThan(1);
    expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual([
      'Period',
      'Site',
      'Collected (t)',
      'Collected (g)',
    ]);
    const pg01 = ws.getRow(header + 1);
    expect(pg01.getCell(2).value).toBe('PG01');
    expect(pg01.getCell(3).value).toBeCloseTo(3.234567, 6);
    expect(pg01.getCell(4).value).toBe(3_234_567);
    expect(ws.getRow(header + 3).getCell(4).value).toBe(3_734_567);
    expect(ws.getCell('A1').value).toBe('Recovery volumes');
  });

  it('has Chinese headers by default', async () => {
    const res = await get(`/reports/volumes.xlsx?${VOLUMES}`, official());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    const values: unknown[] = [];
    ws?.eachRow((row) => values.push(row.getCell(3).value));
    expect(values).toContain('回收量（吨）');
  });
});

describe('who may download', () => {
  it('lets an operator download their own site, naming it', async () => {
    const res = await get(`/reports/volumes.csv?${VOLUMES}&site=PG01`, { cookie: world.clientFor('operator').cookie });
    expect(res.status).toBe(200);
    const table = parse(Buffer.from(await res.arrayBuffer()), {
      bom: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
    }) as string[][];
    expect(table.map((r) => r[1])).toEqual(['站点', 'PG01', '']);
  });

  it("refuses an operator another site's figures, or every site's", async () => {
    const cookie = world.clientFor('operator').cookie;
    const other = await refusal(await get(`/reports/volumes.csv?${VOLUMES}&site=PG02`, { cookie }));
    expect(other).toMatchObject({ status: 403, code: 'SITE_NOT_ALLOWED' });
    const all = await refusal(await get(`/reports/volumes.xlsx?${VOLUMES}`, { cookie }));
    expect(all).toMatchObject({ status: 403, code: 'SITE_NOT_ALLOWED' });
    expect(all.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses without credentials, before reading the filters', async () => {
    expect(await refusal(await get(`/reports/volumes.csv?${VOLUMES}`))).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    expect(await refusal(await get('/reports/volumes.csv?from=nonsense'))).toMatchObject({ status: 401 });
    expect(await refusal(await get(`/reports/volumes.csv?${VOLUMES}`, { bearer: 'alt_not-a-token' }))).toMatchObject({
      status: 401,
    });
  });
});

describe('bad filters', () => {
  const cases: [string, string, string][] = [
    ['a day that does not exist', `from=2026-02-30&to=${DAY}`, 'from'],
    ['a range that runs backwards', `from=${DAY}&to=2026-01-01`, 'to'],
    ['an unknown dimension', `from=${DAY}&to=${DAY}&groupBy=site,colour`, 'groupBy.1'],
    ['three dimensions', `from=${DAY}&to=${DAY}&groupBy=site,grade,family`, 'groupBy'],
    ['an unknown period', `from=${DAY}&to=${DAY}&period=fortnight`, 'period'],
    ['a language the app does not speak', `${VOLUMES}&lang=fr`, 'lang'],
    ['a tree size that is not a number', `${VOLUMES}&at=latest`, 'at'],
    ['no range at all', 'period=day', 'from'],
  ];
  for (const [what, query, field] of cases) {
    it(`answers 400 VALIDATION_FAILED for ${what}, naming ${field} in both languages`, async () => {
      const r = await refusal(await get(`/reports/volumes.csv?${query}`, official()));
      expect(r).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(Object.keys(r.fields ?? {})).toContain(field);
      expect(r.fieldsZh?.[field]?.join('')).toMatch(/[\u4e00-\u9fff]/);
      expect(r.messageZh).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('answers 400 for a daily report over more than two years', async () => {
    const r = await refusal(await get('/reports/volumes.xlsx?from=2020-01-01&to=2026-01-01&period=day', official()));
    expect(r).toMatchObject({ status: 400, code: 'REPORT_RANGE_TOO_LONG' });
  });

  it('refuses a tree size that no signed checkpoint has, as a client error', async () => {
    const r = await refusal(await get(`/reports/volumes.csv?${VOLUMES}&at=999999`, official()));
    expect(r).toMatchObject({ code: 'REPORT_CHECKPOINT_UNKNOWN' });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it('answers 404 for a report or a format that does not exist', async () => {
    expect(await refusal(await get(`/reports/salaries.csv?${VOLUMES}`, official()))).toMatchObject({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
    });
    expect(await refusal(await get(`/reports/volumes.pdf?${VOLUMES}`, official()))).toMatchObject({ status: 404 });
  });

  it('downloads every report in both formats without a failure', async () => {
    for (const name of ['volumes', 'yield', 'dross', 'discrepancies', 'shipments', 'emissions']) {
      for (const format of ['csv', 'xlsx']) {
        const res = await get(`/reports/${name}.${format}?from=2026-01-01&to=2026-12-31&lang=en`, official());
        expect(res.status, `${name}.${format}`).toBe(200);
      }
    }
  });
});
