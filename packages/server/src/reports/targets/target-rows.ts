// Reading targets back from their projection (the targets table).
import {
  isRatioMetric,
  type ListTargetsInput,
  TARGET_METRICS,
  type TargetMetric,
  type TargetView,
} from '@alutrace/shared';
import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { targets } from '../../db/schema';

type TargetRow = typeof targets.$inferSelect;

function metricOf(v: string): TargetMetric {
  const m = TARGET_METRICS.find((x) => x === v);
  if (!m) throw new Error(`targets row holds an unknown metric ${v}`);
  return m;
}

export function targetView(row: TargetRow): TargetView {
  const metric = metricOf(row.metric);
  const scope: TargetView['scope'] =
    row.scopeKind === 'site'
      ? { kind: 'site', site: row.scopeValue ?? '' }
      : row.scopeKind === 'district'
        ? { kind: 'district', district: row.scopeValue ?? '' }
        : { kind: 'all' };
  return {
    seq: row.seq,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    metric,
    scope,
    period: row.period,
    from: row.fromDay,
    to: row.toDay,
    comparison: row.comparison,
    value: row.value,
    unit: isRatioMetric(metric) ? 'ppm' : 'g',
    active: row.active,
    supersedesSeq: row.supersedesSeq,
    supersededBySeq: row.supersededBySeq,
    definedBy: row.definedBy,
    definedAt: row.definedAt,
  };
}

/** The definition of a code in force (active or withdrawn), or null when the code was never defined. */
export function currentTarget(db: AppDb, code: string): TargetView | null {
  const row = db
    .select()
    .from(targets)
    .where(and(eq(targets.code, code), isNull(targets.supersededBySeq)))
    .get();
  return row ? targetView(row) : null;
}

/** Targets in force (by code), or with `history` every definition, newest first within a code. */
export function listTargets(db: AppDb, input: ListTargetsInput): TargetView[] {
  const where: SQL[] = [];
  if (!input.history) where.push(isNull(targets.supersededBySeq));
  if (!input.includeInactive && !input.history) where.push(eq(targets.active, true));
  if (input.code) where.push(eq(targets.code, input.code));
  return db
    .select()
    .from(targets)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(targets.code), desc(targets.seq))
    .all()
    .map(targetView);
}
