// What each report page offers: its filters and the dimensions it can be
// grouped by (from the report's input schema in shared/api/reports-api.ts),
// and which chart draws it. Everything else a page shows comes from the
// ReportTable the server answers.
import type { ReportName } from '@alutrace/shared';

export type FilterKey =
  | 'site'
  | 'grade'
  | 'family'
  | 'sourceClass'
  | 'district'
  | 'park'
  | 'status'
  | 'asOf'
  | 'factorVersion';

export interface ReportSpec {
  name: ReportName;
  /** Whether the report is split into calendar periods (day … year). */
  periods: boolean;
  /** Dimensions the report can be grouped by, in the order the form offers them. */
  dims: readonly string[];
  /** How many of them at once. */
  maxGroups: number;
  /** The dimensions the server groups by when none are given. */
  defaultGroups?: readonly string[];
  filters: readonly FilterKey[];
  chart: 'bar' | 'line';
  /** The chart's x axis (default the period column). */
  category?: string;
  /** What the chart splits its measure by when the report is not grouped. */
  splitBy?: string;
  /** The column the chart first shows (a key of the report's table); default its first figure. */
  measure?: string;
  /** Draw the series stacked (parts of a whole, like volumes by grade). */
  stacked?: boolean;
}

export const REPORT_SPECS: readonly ReportSpec[] = [
  {
    name: 'volumes',
    periods: true,
    dims: ['site', 'district', 'park', 'grade', 'family', 'source_class'],
    maxGroups: 2,
    filters: ['site', 'district', 'park', 'grade', 'family', 'sourceClass'],
    chart: 'bar',
    stacked: true,
  },
  {
    name: 'yield',
    periods: true,
    dims: [],
    maxGroups: 0,
    filters: ['site'],
    chart: 'line',
    splitBy: 'site',
    measure: 'yield_ppm',
  },
  { name: 'dross', periods: true, dims: ['site', 'kind'], maxGroups: 2, filters: ['site'], chart: 'bar' },
  {
    name: 'discrepancies',
    periods: false,
    dims: [],
    maxGroups: 0,
    filters: ['site', 'status', 'asOf'],
    chart: 'bar',
    category: 'route',
    splitBy: 'status',
    measure: 'difference_g',
  },
  {
    name: 'shipments',
    periods: true,
    dims: ['chain', 'buyer', 'site'],
    maxGroups: 2,
    defaultGroups: ['chain', 'buyer'],
    filters: ['site'],
    chart: 'bar',
    stacked: true,
    measure: 'shipped_g',
  },
  {
    name: 'emissions',
    periods: true,
    dims: ['site'],
    maxGroups: 1,
    filters: ['site', 'factorVersion'],
    chart: 'bar',
    measure: 'avoided_kg',
  },
];

/** A report's page. (The server keeps /reports/{name}.csv|.xlsx for the downloads, and any /reports/{x} with them.) */
export function reportPath(name: ReportName): string {
  return `/reports/view/${name}`;
}

export function reportSpec(name: string): ReportSpec | undefined {
  return REPORT_SPECS.find((spec) => spec.name === name);
}
