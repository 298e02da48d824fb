// A data directory made before the report aggregates existed has lifecycle
// entries and no report_contributions: its derived tables are rebuilt from
// the log once, on start (the same replay as `alutrace rebuild`), so that the
// aggregates are exactly what the projections would have written.
import { eq } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { ledgerEntries, reportContributions } from '../db/schema';
import { rebuildDerived } from '../projections/replay';

export function reportAggregatesMissing(db: AppDb): boolean {
  const anyContribution = db.select({ seq: reportContributions.seq }).from(reportContributions).limit(1).get();
  if (anyContribution) return false;
  const anyCollection = db
    .select({ seq: ledgerEntries.seq })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.kind, 'collection.recorded'))
    .limit(1)
    .get();
  return anyCollection !== undefined;
}

/** Rebuilds the derived tables when the aggregates are missing; true when it did. */
export function backfillReportAggregates(db: AppDb): boolean {
  if (!reportAggregatesMissing(db)) return false;
  rebuildDerived(db);
  return true;
}
