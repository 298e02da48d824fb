// `alutrace report <name> [filters] [--at TREE_SIZE] [--format table|csv|xlsx] [--out FILE]`:
// a report from the data directory, live from the aggregates or, with --at,
// recomputed from the log alone at that signed checkpoint.
import { resolve } from 'node:path';
import { formatErrorMessage, REPORT_INPUTS, REPORT_NAMES, type ReportName, type ReportTable } from '@alutrace/shared';
import { ZodError } from 'zod';
import { AppError } from '../../errors';
import { computeReport } from '../../reports/compute-report';
import { type ExportLang, exportColumns, provenanceLines, writeExportFile } from '../../reports/export';
import { type CliIo, type Command, EXIT_OK, flag, str, UsageError, usageFromIssues } from '../cli-kit';
import { DATA_DIR_HELP, dataDirOption } from './data-dir';
import { openApp } from './open-app';

/** CLI option → the report input's field. Lists are comma-separated. */
const FILTERS: Record<string, { field: string; list?: boolean; number?: boolean }> = {
  from: { field: 'from' },
  to: { field: 'to' },
  period: { field: 'period' },
  site: { field: 'site' },
  'group-by': { field: 'groupBy', list: true },
  measures: { field: 'measures', list: true },
  district: { field: 'district' },
  park: { field: 'park' },
  grade: { field: 'grade' },
  family: { field: 'family' },
  'source-class': { field: 'sourceClass' },
  status: { field: 'status' },
  'as-of': { field: 'asOf' },
  'factor-version': { field: 'factorVersion', number: true },
};

export const reportCommand: Command = {
  name: 'report',
  summary: 'a report (volumes, yield, dross, …) at a signed checkpoint; --at recomputes it from the log alone',
  usage: [
    `alutrace report <${REPORT_NAMES.join('|')}> --from YYYY-MM-DD --to YYYY-MM-DD [filters]`,
    '                [--at TREE_SIZE] [--format table|csv|xlsx] [--out FILE] [--lang zh|en] [--data-dir DIR]',
    '',
    'Computes a report as the server does, from the aggregates the projections keep, at the',
    'signed checkpoint that covers them. With --at TREE_SIZE it reads only the first TREE_SIZE',
    'entries of the log (checking their Merkle root against that signed checkpoint), folds',
    'them in memory without any derived table, and must give the same numbers: run both and',
    'compare to audit a figure. Periods are calendar periods in Asia/Shanghai.',
    '',
    'Filters (each report takes those that apply; see README "Reports"):',
    '  --period day|week|month|quarter|year     (default month)',
    '  --group-by A[,B]   volumes: site, district, park, grade, family, source_class;',
    '                     dross: site, kind; shipments: chain, buyer, site; emissions: site',
    '  --site CODE  --district NAME  --park CODE  --grade CODE  --family F  --source-class C',
    '  --measures collected,received,consumed,produced,shipped      (volumes)',
    '  --status open|resolved|all  --as-of YYYY-MM-DD               (discrepancies)',
    '  --factor-version N                                           (emissions; default the latest)',
    '',
    '  --at TREE_SIZE     recompute from the log alone at that signed checkpoint',
    '  --format F         table (default), csv (UTF-8 with BOM) or xlsx; csv and xlsx need --out',
    '  --out FILE         write the file (mode 0600)',
    '  --lang zh|en       the language of headers (default zh)',
    '  --json             print the ReportTable as JSON',
    DATA_DIR_HELP,
  ].join('\n'),
  options: {
    ...dataDirOption,
    ...Object.fromEntries(Object.keys(FILTERS).map((k) => [k, { type: 'string' as const }])),
    at: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    const name = args.positionals[0];
    if (!name || !(REPORT_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`name a report: ${REPORT_NAMES.join(', ')} (请指定报表名称)`);
    }
    const format = str(args, 'format') ?? 'table';
    if (!['table', 'csv', 'xlsx'].includes(format)) throw new UsageError('--format is table, csv or xlsx');
    const out = str(args, 'out');
    if (format !== 'table' && !out) throw new UsageError(`--format ${format} writes a file: give --out FILE`);
    if (format === 'table' && out) throw new UsageError('--out writes a file: give --format csv or xlsx');
    const lang = (str(args, 'lang') ?? 'zh') as ExportLang;
    if (lang !== 'zh' && lang !== 'en') throw new UsageError('--lang is zh or en');
    const atText = str(args, 'at');
    const at = atText === undefined ? undefined : Number(atText);
    if (at !== undefined && (!Number.isSafeInteger(at) || at < 1)) {
      throw new UsageError(
        '--at is the tree size of a signed checkpoint, a whole number (e.g. from `alutrace checkpoint`)',
      );
    }
    const raw: Record<string, unknown> = {};
    for (const [option, spec] of Object.entries(FILTERS)) {
      const v = str(args, option);
      if (v === undefined) continue;
      raw[spec.field] = spec.list ? v.split(',').filter(Boolean) : spec.number ? Number(v) : v;
    }
    let input: unknown;
    try {
      input = REPORT_INPUTS[name as ReportName].parse(raw);
    } catch (e) {
      if (e instanceof ZodError) throw usageFromIssues(e.issues);
      throw e;
    }
    const table = await openApp(args, io, (app) => {
      try {
        return computeReport(app, name as ReportName, input as never, { at });
      } catch (e) {
        // A person's mistake (a tree size without a checkpoint, a range too long …) in both languages.
        if (e instanceof AppError) throw new UsageError(`${e.message}\n${formatErrorMessage(e.code, e.params, 'zh')}`);
        throw e;
      }
    });
    if (format !== 'table') {
      const file = resolve(io.cwd, out as string);
      await writeExportFile(file, table, format as 'csv' | 'xlsx', lang);
      io.out(`wrote ${file}: ${table.rows.length} rows at tree size ${table.provenance.treeSize} (已写入)`);
    } else if (flag(args, 'json')) io.out(JSON.stringify(table, null, 2));
    else printTable(io, table, lang);
    return EXIT_OK;
  },
};

/** The table as text: the export's columns (masses in t with the exact grams), then the provenance. */
function printTable(io: CliIo, table: ReportTable, lang: ExportLang): void {
  const columns = exportColumns(table, lang);
  const header = columns.map((c) => c.column.header);
  const body = table.rows.map((row) => columns.map((c) => c.column.text(row[c.source.key] ?? null)));
  const totals = table.totals
    ? [
        columns.map((c, i) => {
          if (i === 0) return lang === 'zh' ? '合计' : 'Total';
          const v = table.totals?.[c.source.key];
          return v === undefined ? '' : c.column.text(v);
        }),
      ]
    : [];
  const all = [header, ...body, ...totals];
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((cellText, i) => cellText + ' '.repeat((widths[i] ?? 0) - width(cellText)))
      .join('  ')
      .trimEnd();
  io.out(table.title[lang]);
  io.out(line(header));
  for (const r of body) io.out(line(r));
  for (const r of totals) io.out(line(r));
  io.out('');
  for (const p of provenanceLines(table, lang)) {
    if (p.key === 'checkpoint') io.out(`${p.label}:\n${p.value.replace(/\n$/, '')}`);
    else io.out(`${p.label}: ${p.value}`);
  }
}
