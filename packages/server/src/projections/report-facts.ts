// Every domain event → the report aggregates (report_facts, and by month and
// ISO week report_facts_monthly and report_facts_weekly), in the append
// transaction, before the event's own projection runs (it reads only what
// never changes: the lots' grade, class, kind and content, the grade's
// family). What each entry added is kept in report_contributions; a
// correction subtracts exactly that, so corrected events count nowhere.
import type { DomainEvent } from '@alutrace/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { perDatabase } from '../db/per-database';
import {
  dispatches,
  dispatchLots,
  reportContributions,
  reportFacts,
  reportFactsMonthly,
  reportFactsWeekly,
} from '../db/schema';
import type { AppendedEntry } from '../ledger/types';
import { isoWeek } from '../reports/periods';
import { getLot, gradeFamily } from './lot-writes';
import { type Contribution, type ContributionLookup, contributionsOf } from './report-contributions';

const p = (name: string) => sql.placeholder(name);

const queries = perDatabase((db) => ({
  addFact: db
    .insert(reportFacts)
    .values({
      measure: p('measure'),
      day: p('day'),
      month: p('month'),
      site: p('site'),
      grade: p('grade'),
      sourceClass: p('sourceClass'),
      family: p('family'),
      detail: p('detail'),
      counterpart: p('counterpart'),
      massG: p('massG'),
      count: p('count'),
      recycledG: p('recycledG'),
      postConsumerG: p('postConsumerG'),
    })
    .onConflictDoUpdate({
      target: [
        reportFacts.measure,
        reportFacts.day,
        reportFacts.site,
        reportFacts.grade,
        reportFacts.sourceClass,
        reportFacts.family,
        reportFacts.detail,
        reportFacts.counterpart,
      ],
      set: {
        massG: sql`${reportFacts.massG} + excluded.mass_g`,
        count: sql`${reportFacts.count} + excluded.count`,
        recycledG: sql`${reportFacts.recycledG} + excluded.recycled_g`,
        postConsumerG: sql`${reportFacts.postConsumerG} + excluded.post_consumer_g`,
      },
    })
    .prepare(),
  addMonthly: db
    .insert(reportFactsMonthly)
    .values({
      measure: p('measure'),
      month: p('month'),
      site: p('site'),
      grade: p('grade'),
      sourceClass: p('sourceClass'),
      family: p('family'),
      detail: p('detail'),
      counterpart: p('counterpart'),
      massG: p('massG'),
      count: p('count'),
      recycledG: p('recycledG'),
      postConsumerG: p('postConsumerG'),
    })
    .onConflictDoUpdate({
      target: [
        reportFactsMonthly.measure,
        reportFactsMonthly.month,
        reportFactsMonthly.site,
        reportFactsMonthly.grade,
        reportFactsMonthly.sourceClass,
        reportFactsMonthly.family,
        reportFactsMonthly.detail,
        reportFactsMonthly.counterpart,
      ],
      set: {
        massG: sql`${reportFactsMonthly.massG} + excluded.mass_g`,
        count: sql`${reportFactsMonthly.count} + excluded.count`,
        recycledG: sql`${reportFactsMonthly.recycledG} + excluded.recycled_g`,
        postConsumerG: sql`${reportFactsMonthly.postConsumerG} + excluded.post_consumer_g`,
      },
    })
    .prepare(),
  addWeekly: db
    .insert(reportFactsWeekly)
    .values({
      measure: p('measure'),
      week: p('week'),
      site: p('site'),
      grade: p('grade'),
      sourceClass: p('sourceClass'),
      family: p('family'),
      detail: p('detail'),
      counterpart: p('counterpart'),
      massG: p('massG'),
      count: p('count'),
      recycledG: p('recycledG'),
      postConsumerG: p('postConsumerG'),
    })
    .onConflictDoUpdate({
      target: [
        reportFactsWeekly.measure,
        reportFactsWeekly.week,
        reportFactsWeekly.site,
        reportFactsWeekly.grade,
        reportFactsWeekly.sourceClass,
        reportFactsWeekly.family,
        reportFactsWeekly.detail,
        reportFactsWeekly.counterpart,
      ],
      set: {
        massG: sql`${reportFactsWeekly.massG} + excluded.mass_g`,
        count: sql`${reportFactsWeekly.count} + excluded.count`,
        recycledG: sql`${reportFactsWeekly.recycledG} + excluded.recycled_g`,
        postConsumerG: sql`${reportFactsWeekly.postConsumerG} + excluded.post_consumer_g`,
      },
    })
    .prepare(),
  addContribution: db
    .insert(reportContributions)
    .values({
      seq: p('seq'),
      measure: p('measure'),
      day: p('day'),
      site: p('site'),
      grade: p('grade'),
      sourceClass: p('sourceClass'),
      family: p('family'),
      detail: p('detail'),
      counterpart: p('counterpart'),
      massG: p('massG'),
      count: p('count'),
      recycledG: p('recycledG'),
      postConsumerG: p('postConsumerG'),
    })
    .prepare(),
  dispatchedLot: db
    .select({ fromSite: dispatches.fromSite, occurredAt: dispatches.occurredAt, dispatchedG: dispatchLots.dispatchedG })
    .from(dispatchLots)
    .innerJoin(dispatches, eq(dispatches.dispatchId, dispatchLots.dispatchId))
    .where(and(eq(dispatchLots.dispatchId, p('dispatchId')), eq(dispatchLots.lotId, p('lotId'))))
    .prepare(),
  contributionsOf: db
    .select()
    .from(reportContributions)
    .where(eq(reportContributions.seq, p('seq')))
    .prepare(),
}));

/** The lookups of the live projection: the derived tables as they stand before the event's own projection. */
function liveLookup(db: AppDb): ContributionLookup {
  return {
    lot: (lotId) => getLot(db, lotId),
    gradeFamily: (code) => gradeFamily(db, code),
    dispatchedLot: (dispatchId, lotId) => {
      const row = queries(db).dispatchedLot.get({ dispatchId, lotId });
      if (!row) throw new Error(`projection: lot ${lotId} is not in dispatch ${dispatchId}`);
      return row;
    },
  };
}

function addFact(db: AppDb, c: Contribution, sign: 1 | -1): void {
  const row = {
    ...c,
    month: c.day.slice(0, 7),
    week: isoWeek(c.day),
    massG: sign * c.massG,
    count: sign * c.count,
    recycledG: sign * c.recycledG,
    postConsumerG: sign * c.postConsumerG,
  };
  const q = queries(db);
  q.addFact.run(row);
  q.addMonthly.run(row);
  q.addWeekly.run(row);
}

export function projectReportFacts(event: DomainEvent, at: AppendedEntry, db: AppDb): void {
  if (event.kind === 'correction.recorded') {
    for (const c of queries(db).contributionsOf.all({ seq: event.body.targetSeq })) addFact(db, c as Contribution, -1);
    return;
  }
  for (const c of contributionsOf(event, at.entry, liveLookup(db))) {
    queries(db).addContribution.run({ seq: at.seq, ...c });
    addFact(db, c, 1);
  }
}
