// transfers.incoming: the dispatches on their way to a site, each with the
// lots not yet received and the mass dispatched of each, oldest first — what
// the receiving scale works through. A corrected (voided) dispatch is gone.
import type { IncomingDispatchView } from '@alutrace/shared';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { dispatches, dispatchLots, lots } from '../../db/schema';
import { summary } from './read-lots';

/** At most this many lots per answer: a site's yard, not its history. */
export const MAX_INCOMING_LOTS = 2_000;

export function incomingDispatches(db: AppDb, site: string): IncomingDispatchView[] {
  const rows = db
    .select({ dispatch: dispatches, dispatchedG: dispatchLots.dispatchedG, lot: lots })
    .from(dispatches)
    .innerJoin(dispatchLots, eq(dispatchLots.dispatchId, dispatches.dispatchId))
    .innerJoin(lots, eq(lots.lotId, dispatchLots.lotId))
    .where(
      and(
        eq(dispatches.toSite, site),
        eq(dispatches.voided, false),
        isNull(dispatchLots.receivedSeq),
        eq(lots.state, 'in_transit'),
        eq(lots.dispatchId, dispatches.dispatchId),
      ),
    )
    .orderBy(asc(dispatches.seq), asc(dispatchLots.lotId))
    .limit(MAX_INCOMING_LOTS)
    .all();
  const byId = new Map<string, IncomingDispatchView>();
  for (const r of rows) {
    let d = byId.get(r.dispatch.dispatchId);
    if (!d) {
      d = {
        dispatchId: r.dispatch.dispatchId,
        seq: r.dispatch.seq,
        fromSite: r.dispatch.fromSite,
        occurredAt: r.dispatch.occurredAt,
        lots: [],
      };
      byId.set(d.dispatchId, d);
    }
    d.lots.push({ lot: summary(r.lot), dispatchedG: r.dispatchedG });
  }
  return [...byId.values()];
}
