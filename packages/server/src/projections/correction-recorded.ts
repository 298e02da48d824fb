// correction.recorded → the target entry no longer counts: its effect on
// the lots is undone (its lots voided, or restored to where they were
// before it), its anomalies voided, and it is listed in `corrections` so
// that balances, trace and reports leave it out. The rules refused the
// correction if anything later rested on the target (CORRECTION_CONFLICT),
// so undoing it here is exact. The target's entry stays in the ledger.
import { type DomainEvent, type EventBody, readDomainEvent } from '@alutrace/shared';
import { and, eq } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import {
  anomalies,
  corrections,
  dispatches,
  dispatchLots,
  ledgerEntries,
  lotExits,
  runAllocations,
  runs,
} from '../db/schema';
import type { AppendedEntry } from '../ledger/types';
import { getLot, lotEvent, patchLot } from './lot-writes';

export function projectCorrectionRecorded(body: EventBody<'correction.recorded'>, at: AppendedEntry, db: AppDb): void {
  const target = readEntry(db, body.targetSeq);
  db.insert(corrections).values({ targetSeq: body.targetSeq, correctionSeq: at.seq, reason: body.reason }).run();
  db.update(anomalies).set({ voided: true }).where(eq(anomalies.seq, body.targetSeq)).run();
  undo(target.event, target.site, body.targetSeq, at, db);
}

function readEntry(db: AppDb, seq: number): { event: DomainEvent; site: string } {
  const row = db
    .select({ canonical: ledgerEntries.canonical, site: ledgerEntries.site })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.seq, seq))
    .get();
  const event = row
    ? readDomainEvent(JSON.parse(row.canonical.toString('utf8')) as { kind: string; body: unknown })
    : null;
  if (!row || !event || row.site === null) throw new Error(`projection: entry ${seq} is not a lifecycle event`);
  return { event, site: row.site };
}

function undo(event: DomainEvent, site: string, targetSeq: number, at: AppendedEntry, db: AppDb): void {
  switch (event.kind) {
    case 'collection.recorded':
      void_(db, event.body.lotId, at);
      return;
    case 'lots.dispatched':
      db.update(dispatches).set({ voided: true }).where(eq(dispatches.dispatchId, event.body.dispatchId)).run();
      for (const lot of event.body.lots) {
        patchLot(db, lot.lotId, at, {
          state: 'on_hand',
          holder: site,
          balanceG: lot.massG,
          transitTo: null,
          dispatchId: null,
        });
        lotEvent(db, lot.lotId, at, 'restored', lot.massG);
      }
      return;
    case 'lots.received': {
      const to = site;
      for (const lot of event.body.lots) {
        db.update(dispatchLots)
          .set({ receivedG: null, receivedSeq: null })
          .where(and(eq(dispatchLots.dispatchId, event.body.dispatchId), eq(dispatchLots.lotId, lot.lotId)))
          .run();
        patchLot(db, lot.lotId, at, {
          state: 'in_transit',
          holder: null,
          balanceG: 0,
          transitTo: to,
          dispatchId: event.body.dispatchId,
        });
        lotEvent(db, lot.lotId, at, 'restored', 0);
      }
      return;
    }
    case 'processing.recorded':
      for (const i of event.body.inputs) {
        const lot = getLot(db, i.lotId);
        patchLot(db, i.lotId, at, { state: 'on_hand', holder: site, balanceG: lot.balanceG + i.consumedG });
        lotEvent(db, i.lotId, at, 'restored', i.consumedG);
      }
      for (const o of [...event.body.outputs, ...event.body.byproducts]) void_(db, o.lotId, at);
      db.update(runs).set({ voided: true }).where(eq(runs.seq, targetSeq)).run();
      db.delete(runAllocations).where(eq(runAllocations.runSeq, targetSeq)).run();
      return;
    case 'byproduct.utilised': {
      const lot = getLot(db, event.body.lotId);
      patchLot(db, event.body.lotId, at, { state: 'on_hand', holder: site, balanceG: lot.balanceG + event.body.massG });
      lotEvent(db, event.body.lotId, at, 'restored', event.body.massG);
      db.delete(lotExits).where(eq(lotExits.seq, targetSeq)).run();
      return;
    }
    case 'product.shipped':
      patchLot(db, event.body.lotId, at, { state: 'on_hand', holder: site, balanceG: event.body.massG });
      lotEvent(db, event.body.lotId, at, 'restored', event.body.massG);
      db.delete(lotExits).where(eq(lotExits.seq, targetSeq)).run();
      return;
    default:
      throw new Error(`projection: a ${event.kind} entry cannot be corrected`);
  }
}

function void_(db: AppDb, lotId: string, at: AppendedEntry): void {
  patchLot(db, lotId, at, { state: 'voided', holder: null, balanceG: 0, transitTo: null, dispatchId: null });
  lotEvent(db, lotId, at, 'voided', 0);
}
