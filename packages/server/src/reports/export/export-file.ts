// Names and files for exports: an ASCII file name for every client, the
// report's title as a UTF-8 name for those that read RFC 6266 filename*, and
// writing an export to disk with mode 0600 (exports are data about sites).
import { chmodSync, writeFileSync } from 'node:fs';
import type { ReportTable } from '@alutrace/shared';
import type { ExportLang } from './export-columns';
import { reportToCsv } from './report-csv';
import { reportToXlsx } from './report-xlsx';

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The calendar date of an instant in Asia/Shanghai (UTC+8, no daylight saving), YYYY-MM-DD. */
function shanghaiDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 'undated';
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `alutrace-volumes-2026-12-01-at-1234.xlsx` and `回收量-2026-12-01-at-1234.xlsx` (title in `lang`). */
export function exportFileNames(
  table: ReportTable,
  format: ExportFormat,
  lang: ExportLang,
): { ascii: string; unicode: string } {
  const stamp = `${shanghaiDate(table.provenance.computedAt)}-at-${table.provenance.treeSize}`;
  const safeReport = table.report.replace(/[^A-Za-z0-9_-]+/g, '-');
  // Characters no file system takes, and anything a header could break on.
  const title = table.title[lang].replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim() || safeReport;
  return { ascii: `alutrace-${safeReport}-${stamp}.${format}`, unicode: `${title}-${stamp}.${format}` };
}

/** A Content-Disposition header value naming both (RFC 6266, RFC 5987 encoding for the UTF-8 name). */
export function contentDisposition(names: { ascii: string; unicode: string }): string {
  const encoded = encodeURIComponent(names.unicode).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encoded}`;
}

/** The export's bytes in a format. */
export async function renderExport(table: ReportTable, format: ExportFormat, lang: ExportLang): Promise<Buffer> {
  return format === 'csv' ? reportToCsv(table, lang) : reportToXlsx(table, lang);
}

/** Writes an export to `file`, readable by its owner only (0600, also when the file existed before). */
export async function writeExportFile(
  file: string,
  table: ReportTable,
  format: ExportFormat,
  lang: ExportLang,
): Promise<void> {
  const bytes = await renderExport(table, format, lang);
  writeFileSync(file, bytes, { mode: 0o600 });
  chmodSync(file, 0o600);
}
