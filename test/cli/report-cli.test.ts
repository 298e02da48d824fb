// `alutrace report`: on a demo data directory, each report printed live and
// recomputed with --at from the log alone gives the same rows; CSV and XLSX
// files are written (0600, the CSV with its BOM and Chinese headers); a wrong
// name or date is a usage error in both languages.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_NAMES, type ReportTable } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';

let dir: string;
let dataDir: string;
const RANGE = ['--from', '2025-12-01', '--to', '2025-12-31'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'alutrace-report-cli-'));
  dataDir = join(dir, 'data');
  const demo = await cli(['demo', '--data-dir', dataDir, '--days', '6']);
  expect(demo.code, demo.err).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(args: string[]): Promise<ReportTable> {
  const r = await cli(['report', ...args, '--data-dir', dataDir, '--json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as ReportTable;
}

describe('alutrace report', () => {
  for (const name of REPORT_NAMES) {
    it(`${name}: --at the live figure's tree size gives the same rows from the log alone`, async () => {
      const live = await json([name, ...RANGE]);
      expect(live.provenance.computedFrom).toBe('derived');
      const fromLog = await json([name, ...RANGE, '--at', String(live.provenance.treeSize)]);
      expect(fromLog.provenance.computedFrom).toBe('log');
      expect(fromLog.provenance.rootHash).toBe(live.provenance.rootHash);
      expect(fromLog.rows).toEqual(live.rows);
      expect(fromLog.totals).toEqual(live.totals);
    }, 60_000);
  }

  it('prints a table with its checkpoint', async () => {
    const r = await cli(['report', 'volumes', ...RANGE, '--group-by', 'site', '--lang', 'en', '--data-dir', dataDir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Recovery volumes');
    expect(r.out).toMatch(/Collected \(t\)/);
    expect(r.out).toContain('Asia/Shanghai');
  });

  it('writes CSV with a BOM and Chinese headers, and XLSX, readable by the owner only', async () => {
    const csv = join(dir, 'volumes.csv');
    const r = await cli(['report', 'volumes', ...RANGE, '--format', 'csv', '--out', csv, '--data-dir', dataDir]);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('回收量（吨）');
    expect(statSync(csv).mode & 0o777).toBe(0o600);
    const xlsx = join(dir, 'yield.xlsx');
    expect(
      (await cli(['report', 'yield', ...RANGE, '--format', 'xlsx', '--out', xlsx, '--data-dir', dataDir])).code,
    ).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an unknown report, a date that does not exist, and a tree size without a checkpoint', async () => {
    const unknown = await cli(['report', 'tonnage', ...RANGE, '--data-dir', dataDir]);
    expect(unknown.code).toBe(2);
    const badDate = await cli([
      'report',
      'volumes',
      '--from',
      '2025-02-30',
      '--to',
      '2025-12-31',
      '--data-dir',
      dataDir,
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('from');
    const noCheckpoint = await cli(['report', 'volumes', ...RANGE, '--at', '3', '--data-dir', dataDir]);
    expect(noCheckpoint.code).not.toBe(0);
    expect(noCheckpoint.err).toMatch(/检查点/);
  });
});
