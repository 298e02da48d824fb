// The exports read back as a person's spreadsheet and a program would read
// them: the CSV with csv-parse, the XLSX with exceljs. Expected values are
// written out by hand from the table below, not computed by the writers.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportTable } from '@alutrace/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  exportFileNames,
  guardFormula,
  reportToCsv,
  reportToXlsx,
  writeExportFile,
  xlsxHeaderRow,
} from './index';

const NOTE =
  'alutrace.example/log\n1234\nq83kQhKX1YQJw9w3lBJgfl3bs2J0VZSWVGyOLeY8Bo8=\n\n— alutrace.example/log AAAA\n';

function table(): ReportTable {
  return {
    report: 'volumes',
    title: { zh: '回收量', en: 'Recovery volumes' },
    filters: { period: 'month', site: null, from: '2026-01-01' },
    columns: [
      { key: 'period', label: { zh: '期间', en: 'Period' }, kind: 'text' },
      { key: 'site', label: { zh: '站点', en: 'Site' }, kind: 'text' },
      { key: 'collectedG', label: { zh: '收集净重', en: 'Net collected' }, kind: 'mass', unit: 't' },
      { key: 'receivedG', label: { zh: '接收净重', en: 'Net received' }, kind: 'mass', unit: 'kg' },
      { key: 'lots', label: { zh: '批次数', en: 'Lots' }, kind: 'count' },
      { key: 'yieldPpm', label: { zh: '收率', en: 'Yield' }, kind: 'ratio' },
      { key: 'priceFen', label: { zh: '金额', en: 'Amount' }, kind: 'money' },
      { key: 'co2eKg', label: { zh: '减排', en: 'Avoided emissions' }, kind: 'co2e' },
      { key: 'ageDays', label: { zh: '时长', en: 'Age' }, kind: 'days' },
    ],
    rows: [
      {
        period: '2026-01',
        site: 'PG01 平果回收站',
        collectedG: 120_329_000_001,
        receivedG: 1_311_500,
        lots: 7,
        yieldPpm: 905_123,
        priceFen: 1_234_567,
        co2eKg: 1_234_567,
        ageDays: 3,
      },
      {
        period: '2026-02',
        site: '=HYPERLINK("x")',
        collectedG: 1,
        receivedG: 0,
        lots: 0,
        yieldPpm: 1_000_000,
        priceFen: 5,
        co2eKg: null,
        ageDays: null,
      },
    ],
    totals: { collectedG: 120_329_000_002, receivedG: 1_311_500, lots: 7, priceFen: 1_234_572 },
    provenance: {
      treeSize: 1234,
      rootHash: 'abab'.repeat(16),
      checkpoint: NOTE,
      factorVersions: { emissions: 2 },
      timeZone: 'Asia/Shanghai',
      computedFrom: 'derived',
      computedAt: '2026-12-01T13:45:00.000Z',
    },
  };
}

function readCsv(bytes: Buffer): { all: string[][]; data: string[][] } {
  const all = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const data = parse(bytes, { bom: true, comment: '#', comment_no_infix: true, skip_empty_lines: true }) as string[][];
  return { all, data };
}

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const bytes = reportToCsv(table(), 'zh');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it('has Chinese headers with their units, masses in t or kg beside the exact grams', () => {
    const { data } = readCsv(reportToCsv(table(), 'zh'));
    expect(data[0]).toEqual([
      '期间',
      '站点',
      '收集净重（吨）',
      '收集净重（克）',
      '接收净重（千克）',
      '接收净重（克）',
      '批次数',
      '收率（%）',
      '金额（元）',
      '减排（吨二氧化碳当量）',
      '时长（天）',
    ]);
    expect(data[1]).toEqual([
      '2026-01',
      'PG01 平果回收站',
      '120329.000001',
      '120329000001',
      '1311.5',
      '1311500',
      '7',
      '90.5123',
      '12345.67',
      '1234.567',
      '3',
    ]);
    // A text that Excel would run as a formula stays text; the smallest mass keeps its gram.
    expect(data[2]).toEqual([
      '2026-02',
      `'=HYPERLINK("x")`,
      '0.000001',
      '1',
      '0.0',
      '0',
      '0',
      '100.00',
      '0.05',
      '',
      '',
    ]);
    expect(data[3]).toEqual([
      '合计',
      '',
      '120329.000002',
      '120329000002',
      '1311.5',
      '1311500',
      '7',
      '',
      '12345.72',
      '',
      '',
    ]);
    expect(data).toHaveLength(4);
  });

  it('has English headers when asked', () => {
    const { data } = readCsv(reportToCsv(table(), 'en'));
    expect(data[0]?.slice(0, 4)).toEqual(['Period', 'Site', 'Net collected (t)', 'Net collected (g)']);
    expect(data[0]?.slice(7)).toEqual(['Yield (%)', 'Amount (yuan)', 'Avoided emissions (t CO₂e)', 'Age (days)']);
    expect(data[3]?.[0]).toBe('Total');
  });

  it('opens with the provenance as #key rows: checkpoint, root, factors, zone, time, filters', () => {
    const { all } = readCsv(reportToCsv(table(), 'en'));
    const prov = new Map(all.filter((r) => r[0]?.startsWith('#')).map((r) => [r[0]?.slice(1), r[2]]));
    expect(prov.get('report')).toBe('volumes');
    expect(prov.get('treeSize')).toBe('1234');
    expect(prov.get('rootHash')).toBe('abab'.repeat(16));
    expect(prov.get('factorVersions')).toBe('emissions=2');
    expect(prov.get('timeZone')).toBe('Asia/Shanghai');
    expect(prov.get('computedAt')).toBe('2026-12-01T13:45:00.000Z');
    expect(prov.get('checkpoint')?.replaceAll('\\n', '\n')).toBe(NOTE);
    expect(prov.get('filter.period')).toBe('month');
    expect(prov.get('filter.site')).toBe('all');
    // Every provenance row is one physical line, so comment-skipping readers skip all of it.
    const text = reportToCsv(table(), 'zh')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const hashLines = text.split('\r\n').filter((l) => l.startsWith('#') || l.startsWith('"#'));
    expect(hashLines).toHaveLength(12);
  });

  it('refuses a numeric column that holds a fraction, rather than round it', () => {
    const t = table();
    const first = t.rows[0];
    if (first) first.collectedG = 1.5;
    expect(() => reportToCsv(t, 'zh')).toThrow(/collectedG/);
  });

  it('guards every formula lead-in', () => {
    expect(['=1', '+1', '-1', '@A', '\t1', 'a=1'].map(guardFormula)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@A",
      "'\t1",
      'a=1',
    ]);
  });
});

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('XLSX export', () => {
  it('reads back with Chinese headers, exact grams and typed numbers', async () => {
    const ws = await readXlsx(await reportToXlsx(table(), 'zh'));
    expect(ws.name).toBe('报表');
    expect(ws.getCell('A1').value).toBe('回收量');
    const h = xlsxHeaderRow(table(), 'zh');
    expect(h).toBe(15); // title, 9 provenance lines, 3 filters, empty row
    const header = ws.getRow(h).values as unknown[];
    expect(header.slice(1)).toEqual([
      '期间',
      '站点',
      '收集净重（吨）',
      '收集净重（克）',
      '接收净重（千克）',
      '接收净重（克）',
      '批次数',
      '收率（%）',
      '金额（元）',
      '减排（吨二氧化碳当量）',
      '时长（天）',
    ]);
    const row = ws.getRow(h + 1);
    expect(row.getCell(2).value).toBe('PG01 平果回收站');
    expect(row.getCell(4).value).toBe(120_329_000_001);
    expect(row.getCell(3).value).toBeCloseTo(120_329.000001, 6);
    expect(row.getCell(3).numFmt).toBe('#,##0.000');
    expect(row.getCell(5).value).toBe(1311.5);
    expect(row.getCell(6).value).toBe(1_311_500);
    expect(row.getCell(8).value).toBe(0.905123);
    expect(row.getCell(8).numFmt).toBe('0.00%');
    expect(row.getCell(9).value).toBe(12345.67);
    expect(row.getCell(9).numFmt).toBe('#,##0.00');
    expect(row.getCell(10).value).toBe(1234.567);
    // Text stays text in a workbook: no formula is ever written.
    expect(ws.getRow(h + 2).getCell(2).value).toBe('=HYPERLINK("x")');
    expect(ws.getRow(h + 2).getCell(10).value).toBeNull();
    const totals = ws.getRow(h + 3);
    expect(totals.getCell(1).value).toBe('合计');
    expect(totals.getCell(4).value).toBe(120_329_000_002);
    expect(totals.font?.bold).toBe(true);
  });

  it('carries the provenance above the table, the signed note intact', async () => {
    const ws = await readXlsx(await reportToXlsx(table(), 'en'));
    const prov = new Map<string, unknown>();
    for (let r = 2; r < xlsxHeaderRow(table(), 'en') - 1; r++) {
      prov.set(String(ws.getRow(r).getCell(1).value), ws.getRow(r).getCell(2).value);
    }
    expect(prov.get('Ledger tree size (checkpoint)')).toBe('1234');
    expect(prov.get('Checkpoint root hash')).toBe('abab'.repeat(16));
    expect(prov.get('Factor versions')).toBe('emissions=2');
    expect(prov.get('Time zone')).toBe('Asia/Shanghai');
    expect(prov.get('Computed at (UTC)')).toBe('2026-12-01T13:45:00.000Z');
    expect(prov.get('Signed checkpoint')).toBe(NOTE);
    expect(prov.get('Filter from')).toBe('2026-01-01');
    expect(ws.getRow(xlsxHeaderRow(table(), 'en')).getCell(3).value).toBe('Net collected (t)');
  });
});

describe('export files', () => {
  it('names the file in ASCII and in the title, for Content-Disposition', () => {
    const names = exportFileNames(table(), 'xlsx', 'zh');
    // 13:45 UTC is 21:45 in Shanghai, the same day.
    expect(names).toEqual({
      ascii: 'alutrace-volumes-2026-12-01-at-1234.xlsx',
      unicode: '回收量-2026-12-01-at-1234.xlsx',
    });
    expect(contentDisposition(names)).toBe(
      `attachment; filename="alutrace-volumes-2026-12-01-at-1234.xlsx"; filename*=UTF-8''%E5%9B%9E%E6%94%B6%E9%87%8F-2026-12-01-at-1234.xlsx`,
    );
    const late = { ...table(), provenance: { ...table().provenance, computedAt: '2026-12-01T16:30:00.000Z' } };
    expect(exportFileNames(late, 'csv', 'en').ascii).toBe('alutrace-volumes-2026-12-02-at-1234.csv');
  });

  it('writes a file readable by its owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alutrace-export-'));
    const file = join(dir, 'v.csv');
    await writeExportFile(file, table(), 'csv', 'zh');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
