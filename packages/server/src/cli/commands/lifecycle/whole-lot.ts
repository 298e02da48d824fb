// Dispatches and shipments move whole lots, so the CLI asks the server for
// each lot's balance first. A retry (an --idempotency-key given) must send
// the same masses as the first attempt, which by then may have emptied the
// lot: so a retry sends the mass of the site's latest such event on the lot,
// and the server either replays the first answer or says why not.
import { LOT_STATE_NAMES, type LotView } from '@alutrace/shared';
import { LocalRefusal, type Remote } from '../../remote/remote-command';

export async function wholeMassOf(
  remote: Remote,
  site: string,
  lotId: string,
  action: 'dispatched' | 'shipped',
): Promise<number> {
  const lot = await remote.client.query<LotView>('lots.get', { lotId });
  if (remote.keyGiven) {
    const earlier = lot.events.findLast((e) => e.action === action && e.site === site && e.correctedBy === null);
    if (earlier) return earlier.massG;
  }
  if (lot.balanceG > 0) return lot.balanceG;
  const state = LOT_STATE_NAMES[lot.state];
  throw new LocalRefusal(
    `lot ${lotId} has nothing left to ${action === 'dispatched' ? 'dispatch' : 'ship'}: it is ${state.en.toLowerCase()}${lot.holder ? ` at ${lot.holder}` : ''}`,
    `批次 ${lotId} 已无余量可${action === 'dispatched' ? '发运' : '出售'}：状态为${state.zh}${lot.holder ? `（${lot.holder}）` : ''}`,
  );
}
