// lots.received → lots of a dispatch arrive with the mass the receiving
// scale showed; a difference beyond the tolerance in force is flagged.
import type { EventBody } from '@alutrace/shared';
import { and, eq } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { anomalies, dispatchLots } from '../db/schema';
import { outsideTolerance } from '../domain/lifecycle/rules';
import type { AppendedEntry } from '../ledger/types';
import { lotEvent, patchLot } from './lot-writes';

export function projectLotsReceived(body: EventBody<'lots.received'>, at: AppendedEntry, db: AppDb): void {
  const site = at.entry.site as string;
  for (const lot of body.lots) {
    const where = and(eq(dispatchLots.dispatchId, body.dispatchId), eq(dispatchLots.lotId, lot.lotId));
    const sent = db.select().from(dispatchLots).where(where).get();
    if (!sent) throw new Error(`projection: lot ${lot.lotId} is not in dispatch ${body.dispatchId}`);
    db.update(dispatchLots).set({ receivedG: lot.receivedG, receivedSeq: at.seq }).where(where).run();
    patchLot(db, lot.lotId, at, {
      state: 'on_hand',
      holder: site,
      balanceG: lot.receivedG,
      transitTo: null,
      dispatchId: null,
    });
    lotEvent(db, lot.lotId, at, 'received', lot.receivedG);
    if (outsideTolerance(sent.dispatchedG, lot.receivedG, body.tolerancePct)) {
      db.insert(anomalies)
        .values({
          seq: at.seq,
          kind: 'transit_discrepancy',
          site,
          lotId: lot.lotId,
          expected: sent.dispatchedG,
          actual: lot.receivedG,
          voided: false,
        })
        .run();
    }
  }
}
