// The dispatches on their way to a site, with the lots still to receive and
// the mass dispatched of each (transfers.incoming), newest first.
import type { IncomingDispatchView } from '@alutrace/shared';
import type { ApiClient } from '../../lib/trpc';

export type IncomingDispatch = IncomingDispatchView;
export type IncomingLot = IncomingDispatchView['lots'][number];

export async function loadIncomingDispatches(client: ApiClient, site: string): Promise<IncomingDispatch[]> {
  const dispatches = await client.transfers.incoming.query({ site });
  return [...dispatches].sort((a, b) => b.seq - a.seq);
}
