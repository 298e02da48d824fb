// The export case (issue 9): an XLSX export of a year's daily volumes by
// site under 2 s — the report computed at a signed checkpoint and written by
// the export writer (reports/export/), as GET /reports/volumes.xlsx does.
// Baseline in the same run: the naive way to the same file, a GROUP BY by
// day and site of the five measures over the raw entries (json_extract),
// written with exceljs's in-memory workbook.
import { REPORT_INPUTS } from '@alutrace/shared';
import ExcelJS from 'exceljs';
import { computeReport } from '../../../src/reports/compute-report';
import { reportToXlsx } from '../../../src/reports/export/report-xlsx';
import type { ReportBenchCase, ReportBenchContext } from '../report-case';

const BODY = 'CAST(e.canonical AS TEXT)';
const NOT_CORRECTED = `e.seq NOT IN (SELECT json_extract(CAST(c.canonical AS TEXT), '$.body.targetSeq')
  FROM ledger_entries c WHERE c.kind = 'correction.recorded')`;
const DAY = "strftime('%Y-%m-%d', e.occurred_at, '+8 hours')";
const RANGE = `e.occurred_at >= @start AND e.occurred_at < @end AND ${NOT_CORRECTED}`;

/** The five volume measures per Shanghai day and site, straight from the bodies. */
function naiveDailyBySite(ctx: ReportBenchContext): { day: string; site: string; m: string; g: number }[] {
  const start = new Date(Date.parse(`${ctx.year.from}T00:00:00Z`) - 8 * 3_600_000).toISOString();
  const end = new Date(Date.parse(`${ctx.year.to}T00:00:00Z`) + 16 * 3_600_000).toISOString();
  const sql = `
    SELECT ${DAY} AS day, e.site, 'collected' AS m, sum(json_extract(${BODY}, '$.body.netG')) AS g FROM ledger_entries e
     WHERE e.kind = 'collection.recorded' AND ${RANGE} GROUP BY 1, 2
    UNION ALL
    SELECT ${DAY}, e.site, 'received', sum(json_extract(l.value, '$.receivedG')) FROM ledger_entries e, json_each(${BODY}, '$.body.lots') l
     WHERE e.kind = 'lots.received' AND ${RANGE} GROUP BY 1, 2
    UNION ALL
    SELECT ${DAY}, e.site, 'consumed', sum(json_extract(i.value, '$.consumedG')) FROM ledger_entries e, json_each(${BODY}, '$.body.inputs') i
     WHERE e.kind = 'processing.recorded' AND ${RANGE} GROUP BY 1, 2
    UNION ALL
    SELECT ${DAY}, e.site, 'produced', sum(json_extract(o.value, '$.massG')) FROM ledger_entries e, json_each(${BODY}, '$.body.outputs') o
     WHERE e.kind = 'processing.recorded' AND ${RANGE} GROUP BY 1, 2
    UNION ALL
    SELECT ${DAY}, e.site, 'shipped', sum(json_extract(${BODY}, '$.body.massG')) FROM ledger_entries e
     WHERE e.kind = 'product.shipped' AND ${RANGE} GROUP BY 1, 2`;
  return ctx.app.db.$client.prepare(sql).all({ start, end }) as { day: string; site: string; m: string; g: number }[];
}

async function naiveXlsx(ctx: ReportBenchContext): Promise<Buffer> {
  const measures = ['collected', 'received', 'consumed', 'produced', 'shipped'];
  const rows = new Map<string, Record<string, number | string>>();
  for (const r of naiveDailyBySite(ctx)) {
    const id = `${r.day}\u0000${r.site}`;
    const row = rows.get(id) ?? { day: r.day, site: r.site };
    row[r.m] = r.g;
    rows.set(id, row);
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Report');
  ws.addRow(['Day', 'Site', ...measures.flatMap((m) => [`${m} (t)`, `${m} (g)`])]);
  for (const row of [...rows.values()].sort((a, b) => (`${a.day}${a.site}` < `${b.day}${b.site}` ? -1 : 1))) {
    ws.addRow([row.day, row.site, ...measures.flatMap((m) => [Number(row[m] ?? 0) / 1e6, Number(row[m] ?? 0)])]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const cases: ReportBenchCase[] = [
  {
    name: 'XLSX export: a year of daily volumes by site (five measures)',
    targetMs: 2_000,
    warmup: 1,
    runs: 3,
    run: async (ctx) => {
      const input = REPORT_INPUTS.volumes.parse({ ...ctx.year, period: 'day', groupBy: ['site'] });
      const table = computeReport(ctx.app, 'volumes', input);
      // An empty year would time nothing: a day's row per site that recorded anything, hundreds at least.
      if (table.rows.length < 365) throw new Error(`a year of daily volumes by site with ${table.rows.length} rows`);
      const bytes = await reportToXlsx(table, 'zh');
      return bytes.length;
    },
    baseline: {
      name: 'GROUP BY day, site of the five measures (json_extract) + exceljs in-memory workbook',
      run: (ctx) => naiveXlsx(ctx),
    },
  },
];
