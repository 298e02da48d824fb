// The one shape every report, statement and export shares: the web app
// renders it, the CSV/XLSX/PDF writers write it, and the CLI prints it, so a
// figure looks the same wherever it is read and always names its ledger.
/** A text a person reads, in both of the app's languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** The signed checkpoint a figure was computed at, and what else it depended on. */
export interface ReportProvenance {
  /** Entries covered: the figure counts entries with seq < treeSize. */
  treeSize: number;
  /** Merkle root of the first treeSize entries, lower-case hex. */
  rootHash: string;
  /** The signed note (C2SP checkpoint) for treeSize, so a reader can check the signature. */
  checkpoint: string;
  /** Versions of configured factors the figures used, e.g. { emissions: 2 }. Empty when none. */
  factorVersions: Record<string, number>;
  /** Periods are calendar periods in this zone. */
  timeZone: 'Asia/Shanghai';
  /** 'derived': from the projections at the head; 'log': replayed from the entries alone (--at). */
  computedFrom: 'derived' | 'log';
  /** ISO-8601 UTC instant the figure was computed. */
  computedAt: string;
}

/**
 * How a column's values are to be read. Masses are integer grams in rows;
 * writers show them in `unit` and keep the grams. Ratios are integer parts
 * per million (1_000_000 = 100 %). Money is integer fen.
 */
export type ReportColumnKind = 'text' | 'date' | 'count' | 'mass' | 'ratio' | 'money' | 'co2e' | 'days';

export interface ReportColumn {
  key: string;
  label: LocalizedText;
  kind: ReportColumnKind;
  /** Display unit for masses ('t' or 'kg'); for co2e, kilograms of CO2e are kept and shown in 't'. */
  unit?: 't' | 'kg';
}

export type ReportCell = string | number | null;

export interface ReportTable {
  /** Stable machine name, e.g. 'volumes', 'yield', 'incentive-statement'. */
  report: string;
  title: LocalizedText;
  /** The filters as applied (after defaults), echoed so an export says what it covers. */
  filters: Record<string, string | number | boolean | null>;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
  /** Column totals where they make sense (masses, counts, money); absent keys have none. */
  totals?: Record<string, ReportCell>;
  provenance: ReportProvenance;
}
