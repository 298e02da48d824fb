// correction.recorded → the target entry no longer counts: its effect on
// the lots is undone (its lots voided, or restored to where they were
// before it), its anomalies voided, and it is listed in `corrections` so
// that balances, trace and reports leave it out. The rules refused the
// correction if anything later rested on the target (CORRECTION_CONFLICT),
// so undoing it here is exact. The target's entry stays in the ledger.
//
// What to undo is read from the derived tables alone (the lot events the
// target wrote, with their masses), so that a replay into a scratch
// database needs nothing but the projections' own output.
import type { EventBody } from '@alutrace/shared';
import { and, eq } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { anomalies, corrections, dispatches, dispatchLots, lotExits, runAllocations, runs } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';
import { getLot, lotEvent, lotEventsOf, patchLot } from './lot-writes';

export function projectCorrectionRecorded(body: EventBody<'correction.recorded'>, at: AppendedEntry, db: AppDb): void {
  const target = body.targetSeq;
  db.insert(corrections).values({ targetSeq: target, correctionSeq: at.seq, reason: body.reason }).run();
  db.update(anomalies).set({ voided: true }).where(eq(anomalies.seq, target)).run();
  for (const e of lotEventsOf(db, target)) {
    const site = e.site as string;
    switch (e.action) {
      case 'created':
        patchLot(db, e.lotId, at, { state: 'voided', holder: null, balanceG: 0, transitTo: null, dispatchId: null });
        lotEvent(db, e.lotId, at, 'voided', 0);
        break;
      case 'dispatched':
        patchLot(db, e.lotId, at, {
          state: 'on_hand',
          holder: site,
          balanceG: e.massG,
          transitTo: null,
          dispatchId: null,
        });
        lotEvent(db, e.lotId, at, 'restored', e.massG);
        break;
      case 'received': {
        const sent = db
          .select({ dispatchId: dispatchLots.dispatchId })
          .from(dispatchLots)
          .where(and(eq(dispatchLots.lotId, e.lotId), eq(dispatchLots.receivedSeq, target)))
          .get();
        if (!sent) throw new Error(`projection: no dispatch received lot ${e.lotId} at entry ${target}`);
        db.update(dispatchLots)
          .set({ receivedG: null, receivedSeq: null })
          .where(and(eq(dispatchLots.dispatchId, sent.dispatchId), eq(dispatchLots.lotId, e.lotId)))
          .run();
        patchLot(db, e.lotId, at, {
          state: 'in_transit',
          holder: null,
          balanceG: 0,
          transitTo: site,
          dispatchId: sent.dispatchId,
        });
        lotEvent(db, e.lotId, at, 'restored', 0);
        break;
      }
      case 'consumed':
      case 'aluminium_recovery':
      case 'cement_refractory':
      case 'disposal': {
        const lot = getLot(db, e.lotId);
        patchLot(db, e.lotId, at, { state: 'on_hand', holder: site, balanceG: lot.balanceG + e.massG });
        lotEvent(db, e.lotId, at, 'restored', e.massG);
        break;
      }
      case 'shipped':
        patchLot(db, e.lotId, at, { state: 'on_hand', holder: site, balanceG: e.massG });
        lotEvent(db, e.lotId, at, 'restored', e.massG);
        break;
      default:
        throw new Error(`projection: a lot event "${e.action}" cannot be undone`);
    }
  }
  db.update(dispatches).set({ voided: true }).where(eq(dispatches.seq, target)).run();
  db.update(runs).set({ voided: true }).where(eq(runs.seq, target)).run();
  db.delete(runAllocations).where(eq(runAllocations.runSeq, target)).run();
  db.delete(lotExits).where(eq(lotExits.seq, target)).run();
}
