// What a report reads, whichever way it was obtained: the derived tables at
// the head (live-source.ts), or a fold of the log's first treeSize entries
// (log-source.ts, for `--at`). The report builders see only this, so both
// ways give the same table by construction; a test checks it for every report.
import type { EmissionFactorVersion, ReportProvenance } from '@alutrace/shared';
import type { ReportMeasure } from '../projections/report-contributions';

export type KeyColumn = 'site' | 'grade' | 'sourceClass' | 'family' | 'detail' | 'counterpart';

export interface FactQuery {
  measures: readonly ReportMeasure[];
  /** First day (YYYY-MM-DD, Asia/Shanghai), included; null: from the beginning. */
  from: string | null;
  /** Last day, included. */
  to: string;
  /** Sum per day, per ISO week (YYYY-Www; a partial week at either end of the range by day), or per month. */
  bucket: 'day' | 'week' | 'month';
  /** The key columns to keep apart; the others are summed over. */
  by: readonly KeyColumn[];
  /** Only these sites (null: every site). */
  sites: readonly string[] | null;
  /** The sites filter also matches the counterpart (a transit's other end). */
  eitherEnd?: boolean;
  grade?: string | undefined;
  family?: string | undefined;
  sourceClass?: string | undefined;
}

export interface FactRow {
  measure: ReportMeasure;
  /** The day, the ISO week (YYYY-Www) or the month (YYYY-MM). */
  bucket: string;
  site: string;
  grade: string;
  sourceClass: string;
  family: string;
  detail: string;
  counterpart: string;
  massG: number;
  count: number;
  recycledG: number;
  postConsumerG: number;
}

export interface SiteInfo {
  code: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  district: string | null;
  park: string | null;
}

/** A yield target in force (target.defined, active, not superseded). */
export interface YieldTarget {
  seq: number;
  code: string;
  /** null: the whole base; else one recycler. */
  site: string | null;
  from: string;
  to: string;
  comparison: 'at_least' | 'at_most';
  valuePpm: number;
}

export interface ReportSource {
  provenance: Omit<ReportProvenance, 'factorVersions' | 'timeZone' | 'computedAt'>;
  facts(q: FactQuery): FactRow[];
  sites(): ReadonlyMap<string, SiteInfo>;
  /** Every version defined, oldest first. */
  emissionFactors(): EmissionFactorVersion[];
  /** The yield targets in force (engineer R2's target.defined), oldest first. */
  yieldTargets(): YieldTarget[];
}

/** Sums rows by a key function: the one way both sources (and the builders) add up facts. */
export function sumRows<T extends { massG: number; count: number; recycledG: number; postConsumerG: number }>(
  rows: Iterable<T>,
  keyOf: (row: T) => string,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    const k = keyOf(r);
    const s = out.get(k);
    if (s) {
      s.massG += r.massG;
      s.count += r.count;
      s.recycledG += r.recycledG;
      s.postConsumerG += r.postConsumerG;
    } else out.set(k, { ...r });
  }
  return out;
}
