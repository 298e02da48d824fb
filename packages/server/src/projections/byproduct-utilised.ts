// byproduct.utilised → a by-product lot (or part of it) goes to its route.
import type { EventBody } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import { lotExits } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';
import { getLot, lotEvent, patchLot } from './lot-writes';

export function projectByproductUtilised(body: EventBody<'byproduct.utilised'>, at: AppendedEntry, db: AppDb): void {
  const lot = getLot(db, body.lotId);
  const balanceG = lot.balanceG - body.massG;
  const gone = body.route === 'disposal' ? 'disposed' : 'utilised';
  patchLot(db, body.lotId, at, balanceG === 0 ? { balanceG, state: gone, holder: null } : { balanceG });
  lotEvent(db, body.lotId, at, body.route, body.massG);
  db.insert(lotExits)
    .values({
      seq: at.seq,
      lotId: body.lotId,
      site: at.entry.site as string,
      exit: body.route,
      buyer: null,
      chain: null,
      massG: body.massG,
      occurredAt: at.entry.occurredAt,
    })
    .run();
}
