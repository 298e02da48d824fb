// A ReportTable as an XLSX workbook (exceljs streaming writer, so a large
// table never sits in memory twice). One sheet: the title, the provenance
// lines (label, value; the signed note in one wrapped cell), the filters, an
// empty row, then the table with a bold frozen header and an autofilter, and
// a bold totals row. Numbers are numbers: masses in the column's unit with a
// number format, beside them the exact integer grams; ratios as fractions
// formatted as %, money in yuan with two places (fen), CO2e in t with three
// (kg). The grams columns are what a checker compares with the ledger.
import { PassThrough } from 'node:stream';
import type { ReportTable } from '@alutrace/shared';
import ExcelJS from 'exceljs';
import { type ExportColumn, type ExportLang, exportColumns } from './export-columns';
import { provenanceLines } from './provenance-block';
import { totalsLabel } from './report-csv';

function numberFormat(column: ExportColumn): string | undefined {
  const places = column.decimals > 0 ? `.${'0'.repeat(column.decimals)}` : '';
  switch (column.kind) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return `#,##0${places}`;
    case 'percent':
      return `0${places}%`;
    case 'text':
      return undefined;
  }
}

/** Column letters for a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The row (1-based) of the table's header on the sheet: after the title, the provenance lines and an empty row. */
export function xlsxHeaderRow(table: ReportTable, lang: ExportLang): number {
  return 1 + provenanceLines(table, lang).length + 2;
}

export async function reportToXlsx(table: ReportTable, lang: ExportLang): Promise<Buffer> {
  const columns = exportColumns(table, lang);
  const lines = provenanceLines(table, lang);
  const headerRow = xlsxHeaderRow(table, lang);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'alutrace';
  workbook.title = table.title[lang];
  workbook.created = new Date(table.provenance.computedAt);
  const sheet = workbook.addWorksheet(lang === 'zh' ? '报表' : 'Report', {
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  sheet.columns = columns.map(({ column }, i) => ({
    key: `c${i}`,
    width: Math.min(40, Math.max(12, [...column.header].length * (lang === 'zh' ? 2 : 1.1) + 2)),
  }));

  const title = sheet.addRow([table.title[lang]]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const line of lines) {
    const row = sheet.addRow([line.label, line.value]);
    if (line.key === 'checkpoint') row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  sheet.addRow([]).commit();

  const header = sheet.addRow(columns.map(({ column }) => column.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  header.commit();

  const formats = columns.map(({ column }) => numberFormat(column));
  const addValues = (values: (string | number | null)[], bold: boolean): void => {
    const row = sheet.addRow(values);
    formats.forEach((fmt, i) => {
      if (fmt) row.getCell(i + 1).numFmt = fmt;
    });
    if (bold) row.font = { bold: true };
    row.commit();
  };
  for (const r of table.rows) {
    addValues(
      columns.map(({ source, column }) => column.value(r[source.key] ?? null)),
      false,
    );
  }
  if (table.totals) {
    const totals = table.totals;
    const values = columns.map(({ source, column }) => column.value(totals[source.key] ?? null));
    if (values[0] === null) values[0] = totalsLabel(lang);
    addValues(values, true);
  }
  if (columns.length > 0) {
    sheet.autoFilter = `A${headerRow}:${columnLetter(columns.length)}${headerRow}`;
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
