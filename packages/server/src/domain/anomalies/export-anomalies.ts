// anomalies.export: the list as a ReportTable written by the shared report
// writers (reports/export/: CSV with a UTF-8 BOM, or XLSX), one row per item
// with its reason in the file's language and the ledger entries and lots it
// rests on, stamped with the signed checkpoint the list was read at.
import {
  ANOMALY_KIND_NAMES,
  type AnomalyExport,
  type AnomalyItem,
  anomalyReason,
  type exportAnomaliesInput,
  type ReportColumn,
  type ReportTable,
} from '@alutrace/shared';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ledgerEntries } from '../../db/schema';
import type { Ledger } from '../../ledger/ledger';
import { EXPORT_CONTENT_TYPES, exportFileNames, reportToCsv, reportToXlsx } from '../../reports/export';
import { type ListAnomaliesDeps, listAnomalies } from './list-anomalies';

type Lang = 'zh' | 'en';

const COLUMNS: ReportColumn[] = [
  { key: 'kind', label: { zh: '类别代码', en: 'Kind code' }, kind: 'text' },
  { key: 'kindName', label: { zh: '类别', en: 'Kind' }, kind: 'text' },
  { key: 'site', label: { zh: '站点', en: 'Site' }, kind: 'text' },
  { key: 'at', label: { zh: '时间（UTC）', en: 'At (UTC)' }, kind: 'text' },
  { key: 'status', label: { zh: '状态', en: 'Status' }, kind: 'text' },
  { key: 'subject', label: { zh: '对象', en: 'Subject' }, kind: 'text' },
  { key: 'expected', label: { zh: '阈值', en: 'Threshold' }, kind: 'count' },
  { key: 'actual', label: { zh: '实际', en: 'Found' }, kind: 'count' },
  { key: 'unit', label: { zh: '单位', en: 'Unit' }, kind: 'text' },
  { key: 'reason', label: { zh: '原因', en: 'Reason' }, kind: 'text' },
  { key: 'entries', label: { zh: '账本记录（seq）', en: 'Ledger entries (seq)' }, kind: 'text' },
  { key: 'lots', label: { zh: '批次', en: 'Lots' }, kind: 'text' },
];

export interface ExportAnomaliesDeps extends ListAnomaliesDeps {
  ledger: Ledger;
}

export async function exportAnomalies(
  deps: ExportAnomaliesDeps,
  input: z.output<typeof exportAnomaliesInput>,
): Promise<AnomalyExport> {
  const table = anomalyTable(deps, input);
  const names = exportFileNames(table, input.format, input.lang);
  const bytes = input.format === 'csv' ? reportToCsv(table, input.lang) : await reportToXlsx(table, input.lang);
  return { filename: names.ascii, contentType: EXPORT_CONTENT_TYPES[input.format], base64: bytes.toString('base64') };
}

/** The list read at a signed checkpoint that covers exactly what it saw (signed again if entries came in between). */
export function anomalyTable(deps: ExportAnomaliesDeps, input: z.output<typeof exportAnomaliesInput>): ReportTable {
  for (let attempt = 0; attempt < 5; attempt++) {
    const head = deps.ledger.signCheckpoint();
    const table = deps.db.$client
      .transaction(() => {
        const last = deps.db
          .select({ seq: sql<number | null>`max(${ledgerEntries.seq})` })
          .from(ledgerEntries)
          .get();
        const size = last?.seq === null || last?.seq === undefined ? 0 : Number(last.seq) + 1;
        if (size !== head.treeSize) return null;
        const list = listAnomalies(deps, input);
        return {
          report: 'anomalies',
          title: { zh: '异常清单', en: 'Anomalies' },
          filters: {
            kind: input.kind ?? null,
            site: input.site ?? null,
            from: input.from ?? null,
            to: input.to ?? null,
            status: input.status,
            now: list.now,
            truncated: list.truncated,
          },
          columns: COLUMNS,
          rows: list.items.map((i) => row(i, input.lang)),
          provenance: {
            treeSize: head.treeSize,
            rootHash: head.rootHash,
            checkpoint: head.note,
            factorVersions: {},
            timeZone: 'Asia/Shanghai',
            computedFrom: 'derived',
            computedAt: list.now,
          },
        } satisfies ReportTable;
      })
      .deferred();
    if (table) return table;
  }
  throw new Error('the ledger kept growing while the anomaly list was read; try again');
}

function row(i: AnomalyItem, lang: Lang): ReportTable['rows'][number] {
  return {
    kind: i.kind,
    kindName: ANOMALY_KIND_NAMES[i.kind][lang],
    site: i.site,
    at: i.at,
    status: i.status,
    subject: i.subject,
    expected: i.expected,
    actual: i.actual,
    unit: i.unit,
    reason: anomalyReason(i, lang),
    entries: [...new Set(i.entries.map((e) => e.seq))].join(' '),
    lots: [...new Set(i.entries.map((e) => e.lotId).filter((l): l is string => l !== null))].join(' '),
  };
}
