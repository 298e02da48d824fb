// A report's filters live in the page's address (?period=month&from=…), so a
// filtered report can be bookmarked, sent on, and downloaded with exactly
// the filters on screen: the same parameters make the procedure's input and
// the download link's query.
import type { ReportName } from '@alutrace/shared';
import type { ReportSpec } from './report-catalogue';

/** The filter fields as the form holds them: text, '' for "not set". */
export type ReportFilterValues = Record<string, string>;

/** Today and 1 January of this year in Asia/Shanghai, as YYYY-MM-DD. */
export function defaultRange(now: Date = new Date()): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The filters that take one value each (groupBy, a list, apart). */
export const SCALAR_KEYS = [
  'period',
  'from',
  'to',
  'site',
  'grade',
  'family',
  'sourceClass',
  'district',
  'park',
  'status',
  'asOf',
  'factorVersion',
];

/** The form's values from the address, with the defaults filled in. */
export function filtersFromSearch(spec: ReportSpec, search: URLSearchParams, now?: Date): ReportFilterValues {
  const range = defaultRange(now);
  const values: ReportFilterValues = {};
  for (const key of SCALAR_KEYS) values[key] = search.get(key) ?? '';
  values.from ||= range.from;
  values.to ||= range.to;
  if (spec.periods) values.period ||= 'month';
  const groups = search.has('groupBy')
    ? (search.get('groupBy') ?? '').split(',').filter(Boolean)
    : [...(spec.defaultGroups ?? [])];
  values.group1 = groups[0] ?? '';
  values.group2 = groups[1] ?? '';
  return values;
}

function groupsOf(values: ReportFilterValues): string[] {
  return [values.group1, values.group2].filter((g): g is string => Boolean(g));
}

/** The address's query for these values (only what is set; groupBy always, so "no grouping" survives a reload). */
export function searchOfFilters(spec: ReportSpec, values: ReportFilterValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of SCALAR_KEYS) {
    const value = values[key];
    if (!value) continue;
    if (key === 'period' && !spec.periods) continue;
    if (!spec.filters.includes(key as never) && !['period', 'from', 'to'].includes(key)) continue;
    search.set(key, value);
  }
  if (spec.maxGroups > 0) search.set('groupBy', groupsOf(values).slice(0, spec.maxGroups).join(','));
  return search;
}

/** The procedure's input, before its schema checks it (the schema's own messages then show beside the fields). */
export function inputOfFilters(spec: ReportSpec, values: ReportFilterValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of searchOfFilters(spec, values)) {
    if (key === 'groupBy') input.groupBy = value ? value.split(',') : [];
    else if (key === 'factorVersion' && /^\d+$/.test(value)) input[key] = Number(value);
    else input[key] = value;
  }
  return input;
}

/** The download address of a report with these filters, in the reader's language. */
export function downloadHref(
  name: ReportName,
  format: 'csv' | 'xlsx',
  search: URLSearchParams,
  lang: 'zh' | 'en',
): string {
  const query = new URLSearchParams(search);
  query.set('lang', lang);
  return `/reports/${name}.${format}?${query.toString()}`;
}
