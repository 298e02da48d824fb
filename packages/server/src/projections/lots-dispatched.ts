// lots.dispatched → whole lots leave their site: in transit, held by nobody.
import type { EventBody } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import { dispatches, dispatchLots } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';
import { lotEvent, patchLot } from './lot-writes';

export function projectLotsDispatched(body: EventBody<'lots.dispatched'>, at: AppendedEntry, db: AppDb): void {
  db.insert(dispatches)
    .values({
      dispatchId: body.dispatchId,
      seq: at.seq,
      fromSite: at.entry.site as string,
      toSite: body.to,
      occurredAt: at.entry.occurredAt,
      voided: false,
    })
    .run();
  for (const lot of body.lots) {
    db.insert(dispatchLots)
      .values({
        dispatchId: body.dispatchId,
        lotId: lot.lotId,
        dispatchedG: lot.massG,
        receivedG: null,
        receivedSeq: null,
      })
      .run();
    patchLot(db, lot.lotId, at, {
      state: 'in_transit',
      holder: null,
      balanceG: 0,
      transitTo: body.to,
      dispatchId: body.dispatchId,
    });
    lotEvent(db, lot.lotId, at, 'dispatched', lot.massG);
  }
}
