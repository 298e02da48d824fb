// A lot's state and balance from its entries alone, as the server's
// projections derive them: created with its mass, sent (in transit, 0 g),
// received (the receiving scale's mass), consumed by runs, shipped, routed.
// Corrected entries are left out — the rules refuse a correction that later
// events rest on, so leaving it out is exactly what undoing it does — and a
// lot whose creating entry was corrected is voided. For verifyPassport.
import type { LotState } from '../api/lifecycle-api';
import type { DomainEvent } from '../events';

export function replayLot(
  lotId: string,
  entries: readonly { seq: number; event: DomainEvent | null }[],
  createdSeq: number,
  corrected: ReadonlySet<number>,
): { state: LotState; balanceG: number } {
  if (corrected.has(createdSeq)) return { state: 'voided', balanceG: 0 };
  let state: LotState = 'on_hand';
  let balanceG = 0;
  for (const { seq, event } of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (!event || corrected.has(seq)) continue;
    switch (event.kind) {
      case 'collection.recorded':
        if (event.body.lotId === lotId) balanceG = event.body.netG;
        break;
      case 'processing.recorded': {
        const made = [...event.body.outputs, ...event.body.byproducts].find((o) => o.lotId === lotId);
        if (made) balanceG = made.massG;
        const used = event.body.inputs.find((i) => i.lotId === lotId);
        if (used) {
          balanceG -= used.consumedG;
          state = balanceG === 0 ? 'consumed' : 'on_hand';
        }
        break;
      }
      case 'lots.dispatched':
        if (event.body.lots.some((l) => l.lotId === lotId)) [state, balanceG] = ['in_transit', 0];
        break;
      case 'lots.received': {
        const got = event.body.lots.find((l) => l.lotId === lotId);
        if (got) [state, balanceG] = ['on_hand', got.receivedG];
        break;
      }
      case 'product.shipped':
        if (event.body.lotId === lotId) [state, balanceG] = ['shipped', 0];
        break;
      case 'byproduct.utilised':
        if (event.body.lotId === lotId) {
          balanceG -= event.body.massG;
          if (balanceG === 0) state = event.body.route === 'disposal' ? 'disposed' : 'utilised';
        }
        break;
      default:
        break;
    }
  }
  return { state, balanceG };
}
