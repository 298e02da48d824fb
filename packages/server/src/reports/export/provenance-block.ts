// What an export says about where its figures came from, as label/value
// pairs in the file's language: the report, the signed checkpoint (tree size,
// root hash, the signed note), the factor versions, the time zone of its
// periods, when and from what it was computed, and the filters it covers.
// The CSV writes these as "# label,value" rows above the table, the XLSX
// above its table on the same sheet.
import type { ReportTable } from '@alutrace/shared';
import type { ExportLang } from './export-columns';

export interface ProvenanceLine {
  /** Stable key, so a program can find a line without reading its label. */
  key: string;
  label: string;
  value: string;
}

const LABELS: Record<string, { zh: string; en: string }> = {
  report: { zh: '报表', en: 'Report' },
  title: { zh: '标题', en: 'Title' },
  treeSize: { zh: '账本条目数（检查点树大小）', en: 'Ledger tree size (checkpoint)' },
  rootHash: { zh: '检查点根哈希', en: 'Checkpoint root hash' },
  factorVersions: { zh: '因子版本', en: 'Factor versions' },
  timeZone: { zh: '时区', en: 'Time zone' },
  computedFrom: { zh: '计算依据', en: 'Computed from' },
  computedAt: { zh: '计算时间（UTC）', en: 'Computed at (UTC)' },
  checkpoint: { zh: '签名检查点', en: 'Signed checkpoint' },
};

const COMPUTED_FROM = {
  derived: { zh: '账本派生汇总表', en: 'derived aggregates of the ledger' },
  log: { zh: '仅由账本条目重算', en: 'recomputed from the ledger entries alone' },
} as const;

function label(key: string, lang: ExportLang): string {
  const l = LABELS[key];
  return l ? l[lang] : key;
}

function filterValue(v: string | number | boolean | null, lang: ExportLang): string {
  if (v === null) return lang === 'zh' ? '全部' : 'all';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  return String(v);
}

/** The provenance lines of a table, in order; the signed note keeps its line breaks. */
export function provenanceLines(table: ReportTable, lang: ExportLang): ProvenanceLine[] {
  const p = table.provenance;
  const factors = Object.entries(p.factorVersions)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, version]) => `${name}=${version}`)
    .join('; ');
  const lines: [string, string][] = [
    ['report', table.report],
    ['title', table.title[lang]],
    ['treeSize', String(p.treeSize)],
    ['rootHash', p.rootHash],
    ['factorVersions', factors || (lang === 'zh' ? '无' : 'none')],
    ['timeZone', p.timeZone],
    ['computedFrom', COMPUTED_FROM[p.computedFrom][lang]],
    ['computedAt', p.computedAt],
    ['checkpoint', p.checkpoint],
  ];
  const out = lines.map(([key, value]) => ({ key, label: label(key, lang), value }));
  for (const [name, value] of Object.entries(table.filters)) {
    out.push({
      key: `filter.${name}`,
      label: lang === 'zh' ? `筛选条件 ${name}` : `Filter ${name}`,
      value: filterValue(value, lang),
    });
  }
  return out;
}
