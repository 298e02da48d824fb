// anomalies.export: the list as CSV with a UTF-8 byte-order mark (Excel
// reads the Chinese text), one row per item with its reason in both
// languages and the ledger entries it rests on. Written with csv-stringify;
// when the shared ReportTable writers (reports/export/) land, this table can
// go through them instead.
import {
  ANOMALY_KIND_NAMES,
  type AnomalyExport,
  type AnomalyItem,
  anomalyReason,
  type ListAnomaliesInput,
} from '@alutrace/shared';
import { stringify } from 'csv-stringify/sync';
import { type ListAnomaliesDeps, listAnomalies } from './list-anomalies';

const BOM = '\uFEFF';

const COLUMNS: { header: string; value: (i: AnomalyItem) => string | number }[] = [
  { header: '类别 kind', value: (i) => i.kind },
  { header: '类别名称 kind name', value: (i) => `${ANOMALY_KIND_NAMES[i.kind].zh} / ${ANOMALY_KIND_NAMES[i.kind].en}` },
  { header: '站点 site', value: (i) => i.site ?? '' },
  { header: '时间 at (UTC)', value: (i) => i.at },
  { header: '状态 status', value: (i) => i.status },
  { header: '对象 subject', value: (i) => i.subject ?? '' },
  { header: '阈值 expected', value: (i) => i.expected },
  { header: '实际 actual', value: (i) => i.actual },
  { header: '单位 unit', value: (i) => i.unit },
  { header: '原因', value: (i) => anomalyReason(i, 'zh') },
  { header: 'reason', value: (i) => anomalyReason(i, 'en') },
  { header: '账本记录 ledger entries (seq)', value: (i) => [...new Set(i.entries.map((e) => e.seq))].join(' ') },
  {
    header: '批次 lots',
    value: (i) => [...new Set(i.entries.map((e) => e.lotId).filter((l): l is string => l !== null))].join(' '),
  },
];

export function exportAnomalies(deps: ListAnomaliesDeps, input: ListAnomaliesInput): AnomalyExport {
  const list = listAnomalies(deps, input);
  const rows = list.items.map((i) => COLUMNS.map((c) => c.value(i)));
  const csv = stringify([COLUMNS.map((c) => c.header), ...rows], { record_delimiter: '\r\n' });
  const day = list.now.slice(0, 10);
  return { filename: `anomalies-${day}.csv`, contentType: 'text/csv; charset=utf-8', body: BOM + csv };
}
