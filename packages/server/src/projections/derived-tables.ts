// The tables that are projections of the log, and nothing else: `rebuild`
// clears and replays them, `verify --derived` compares them with a replay.
// A projection that writes a new table adds it here.
import { asc, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { AppDb } from '../db/open-database';
import {
  alloys,
  anomalies,
  anomalyThresholds,
  corrections,
  dispatches,
  dispatchLots,
  emissionFactors,
  grades,
  incentivePayments,
  incentiveSchemes,
  incentiveStatements,
  lotEvents,
  lotExits,
  lotSequences,
  lots,
  reportContributions,
  reportFacts,
  reportFactsMonthly,
  reportFactsWeekly,
  runAllocations,
  runs,
  targets,
} from '../db/schema';

export interface DerivedTable {
  name: string;
  /** Every row, in primary-key order. */
  rows(db: AppDb): Record<string, unknown>[];
  /** The primary key of a row, to name it in a report. */
  key(row: Record<string, unknown>): string;
  clear(db: AppDb): void;
}

export const DERIVED_TABLES: readonly DerivedTable[] = [
  {
    name: 'grades',
    rows: (db) => db.select().from(grades).orderBy(asc(grades.code)).all(),
    key: (row) => String(row.code),
    clear: (db) => {
      db.delete(grades).run();
    },
  },
  {
    name: 'alloys',
    rows: (db) => db.select().from(alloys).orderBy(asc(alloys.code)).all(),
    key: (row) => String(row.code),
    clear: (db) => {
      db.delete(alloys).run();
    },
  },
  table('lots', lots, [lots.lotId]),
  table('lot_events', lotEvents, [lotEvents.lotId, lotEvents.seq, lotEvents.action]),
  table('lot_sequences', lotSequences, [lotSequences.site, lotSequences.day]),
  table('runs', runs, [runs.seq]),
  table('run_allocations', runAllocations, [runAllocations.runSeq, runAllocations.inputLot, runAllocations.outputLot]),
  table('dispatches', dispatches, [dispatches.dispatchId]),
  table('dispatch_lots', dispatchLots, [dispatchLots.dispatchId, dispatchLots.lotId]),
  table('lot_exits', lotExits, [lotExits.seq, lotExits.lotId]),
  table('corrections', corrections, [corrections.targetSeq]),
  table('anomalies', anomalies, [anomalies.seq, anomalies.kind, anomalies.lotId]),
  table('report_facts_weekly', reportFactsWeekly, [
    reportFactsWeekly.measure,
    reportFactsWeekly.week,
    reportFactsWeekly.site,
    reportFactsWeekly.grade,
    reportFactsWeekly.sourceClass,
    reportFactsWeekly.family,
    reportFactsWeekly.detail,
    reportFactsWeekly.counterpart,
  ]),
  table('incentive_schemes', incentiveSchemes, [incentiveSchemes.code]),
  table('incentive_statements', incentiveStatements, [incentiveStatements.statementId]),
  table('incentive_payments', incentivePayments, [incentivePayments.collectionSeq]),
  table('report_facts', reportFacts, [
    reportFacts.measure,
    reportFacts.day,
    reportFacts.site,
    reportFacts.grade,
    reportFacts.sourceClass,
    reportFacts.family,
    reportFacts.detail,
    reportFacts.counterpart,
  ]),
  table('report_contributions', reportContributions, [
    reportContributions.seq,
    reportContributions.measure,
    reportContributions.site,
    reportContributions.grade,
    reportContributions.sourceClass,
    reportContributions.family,
    reportContributions.detail,
    reportContributions.counterpart,
  ]),
  table('emission_factors', emissionFactors, [emissionFactors.version]),
  table('report_facts_monthly', reportFactsMonthly, [
    reportFactsMonthly.measure,
    reportFactsMonthly.month,
    reportFactsMonthly.site,
    reportFactsMonthly.grade,
    reportFactsMonthly.sourceClass,
    reportFactsMonthly.family,
    reportFactsMonthly.detail,
    reportFactsMonthly.counterpart,
  ]),
  table('targets', targets, [targets.seq]),
  table('anomaly_thresholds', anomalyThresholds, [anomalyThresholds.id]),
];

/** A derived table read in the order of its primary key. */
function table(name: string, t: SQLiteTable, key: SQLiteColumn[]): DerivedTable {
  const order: SQL[] = key.map((c) => asc(c));
  return {
    name,
    rows: (db) =>
      db
        .select()
        .from(t)
        .orderBy(...order)
        .all() as Record<string, unknown>[],
    key: (row) => key.map((c) => String(row[columnKey(t, c)])).join('/'),
    clear: (db) => {
      db.delete(t).run();
    },
  };
}

/** The property name of a column in the table's rows. */
function columnKey(t: SQLiteTable, column: SQLiteColumn): string {
  const entry = Object.entries(t).find(([, v]) => v === column);
  if (!entry) throw new Error(`column ${column.name} is not in table`);
  return entry[0];
}
