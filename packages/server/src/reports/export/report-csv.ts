// A ReportTable as CSV: UTF-8 with a byte-order mark (so Excel opens the
// Chinese headers as Chinese rather than mojibake), CRLF line ends, then
//   #key,label,value      one row per provenance line (the signed note's line
//                         breaks written as the two characters "\n", so every
//                         such row is one physical line),
//   (an empty line)
//   the header row, in one language, each header with its unit,
//   the rows, and a totals row when the table has totals.
// A reader that wants only the table parses with comment '#' (at line start)
// and skips empty lines; csv-parse: { bom: true, comment: '#', comment_no_infix: true }.
import type { ReportTable } from '@alutrace/shared';
import { stringify } from 'csv-stringify/sync';
import { type ExportLang, exportColumns } from './export-columns';
import { provenanceLines } from './provenance-block';

const BOM = '\uFEFF';

/** Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text (OWASP CSV injection). */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, '\\n');
}

export function totalsLabel(lang: ExportLang): string {
  return lang === 'zh' ? '合计' : 'Total';
}

/** The rows of the file (before quoting): provenance, an empty row, header, rows, totals. */
export function csvRecords(table: ReportTable, lang: ExportLang): string[][] {
  const columns = exportColumns(table, lang);
  const records: string[][] = provenanceLines(table, lang).map((l) => [`#${l.key}`, l.label, oneLine(l.value)]);
  records.push([]);
  records.push(columns.map(({ column }) => column.header));
  for (const row of table.rows) {
    records.push(
      columns.map(({ source, column }) => {
        const text = column.text(row[source.key] ?? null);
        return column.kind === 'text' ? guardFormula(text) : text;
      }),
    );
  }
  if (table.totals) {
    const totals = table.totals;
    const line = columns.map(({ source, column }) => column.text(totals[source.key] ?? null));
    // The first column names the row, unless it holds a total itself.
    if (line[0] === '') line[0] = totalsLabel(lang);
    records.push(line);
  }
  return records;
}

/** The CSV file's bytes: BOM, CRLF, every field quoted where it must be. */
export function reportToCsv(table: ReportTable, lang: ExportLang): Buffer {
  const text = stringify(csvRecords(table, lang), { record_delimiter: 'windows' });
  return Buffer.from(BOM + text, 'utf8');
}
