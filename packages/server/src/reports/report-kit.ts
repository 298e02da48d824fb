// What the report builders share: columns in both languages, the scope of
// sites a filter leaves, and the order rows are listed in.
import type { LocalizedText, ReportCell, ReportColumn, ReportColumnKind } from '@alutrace/shared';
import type { SiteInfo } from './report-source';

export function column(key: string, zh: string, en: string, kind: ReportColumnKind, unit?: 't' | 'kg'): ReportColumn {
  return unit ? { key, label: { zh, en }, kind, unit } : { key, label: { zh, en }, kind };
}

export const PERIOD_COLUMN = column('period', '期间', 'Period', 'text');

/** A report as a builder makes it; compute-report.ts adds the provenance. */
export interface BuiltReport {
  report: string;
  title: LocalizedText;
  filters: Record<string, string | number | boolean | null>;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
  totals?: Record<string, ReportCell>;
  factorVersions: Record<string, number>;
}

/** The sites a report covers: the one named, narrowed by district and park; null when every site. */
export function scopeSites(
  sites: ReadonlyMap<string, SiteInfo>,
  filter: { site?: string | undefined; district?: string | undefined; park?: string | undefined },
): string[] | null {
  if (filter.site === undefined && filter.district === undefined && filter.park === undefined) return null;
  return [...sites.values()]
    .filter(
      (s) =>
        (filter.site === undefined || s.code === filter.site) &&
        (filter.district === undefined || s.district === filter.district) &&
        (filter.park === undefined || s.park === filter.park),
    )
    .map((s) => s.code)
    .sort();
}

/** Rows in the order of their text cells, left to right (periods, then dimensions). */
export function sortRows(rows: Record<string, ReportCell>[], keys: readonly string[]): Record<string, ReportCell>[] {
  // One sort key per row, computed once: the cells joined by a separator that sorts below every character.
  const keyed = rows.map((row) => ({
    row,
    key: keys.map((k) => (row[k] === null || row[k] === undefined ? '' : String(row[k]))).join('\u0000'),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** '' (a column that does not apply) is shown as an empty cell. */
export function cell(value: string | null | undefined): ReportCell {
  return value === undefined || value === null || value === '' ? null : value;
}

export function echo(filters: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(',') : (v as string | number | boolean | null);
  }
  return out;
}
