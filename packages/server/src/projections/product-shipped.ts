// product.shipped → a lot leaves the network for a buyer, in one downstream chain.
import type { EventBody } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import { lotExits } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';
import { lotEvent, patchLot } from './lot-writes';

export function projectProductShipped(body: EventBody<'product.shipped'>, at: AppendedEntry, db: AppDb): void {
  patchLot(db, body.lotId, at, { balanceG: 0, state: 'shipped', holder: null });
  lotEvent(db, body.lotId, at, 'shipped', body.massG);
  db.insert(lotExits)
    .values({
      seq: at.seq,
      lotId: body.lotId,
      site: at.entry.site as string,
      exit: 'shipped',
      buyer: body.buyer,
      chain: body.chain,
      massG: body.massG,
      occurredAt: at.entry.occurredAt,
    })
    .run();
}
