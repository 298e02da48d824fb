// Drives the lifecycle procedures for a network of sites, as its devices
// would call them: every event goes through the domain functions the router
// calls (src/domain/lifecycle/procedures.ts) with inputs parsed by the API's
// zod schemas and the caller an API token of the acting site. The builders
// of the trace graph and of the large lots.list ledger use it.
import {
  type DownstreamChain,
  dispatchLotsInput,
  type RecordedView,
  receiveLotsInput,
  recordCollectionInput,
  recordProcessingInput,
  recordShipmentInput,
  utiliseByproductInput,
} from '@alutrace/shared';
import type { z } from 'zod';
import type { App } from '../../src/app/create-app';
import type { Caller, LifecycleDeps } from '../../src/domain/lifecycle/context';
import {
  dispatchLots,
  receiveLots,
  recordCollection,
  recordProcessing,
  recordShipment,
  utiliseByproduct,
} from '../../src/domain/lifecycle/procedures';
import { depsOf, type SiteSpec, tokenCaller } from './bench-app';
import type { CollectionRequest } from './collection-inputs';

/** A lot as the network knows it: its id and what it holds now. */
export interface HeldLot {
  lotId: string;
  massG: number;
}

type ProcessingRequest = z.input<typeof recordProcessingInput>;

const ROLE_OF = { collection_point: 'operator', recycler: 'recycler', utiliser: 'utiliser' } as const;

export class Network {
  private readonly deps: LifecycleDeps;
  private readonly callers = new Map<string, Caller>();
  /** Procedure calls made (each one append of one entry). */
  events = 0;

  constructor(app: App, sites: readonly SiteSpec[]) {
    this.deps = depsOf(app);
    for (const s of sites) {
      if (s.kind === 'collection_point' || s.kind === 'recycler' || s.kind === 'utiliser') {
        this.callers.set(s.code, tokenCaller(ROLE_OF[s.kind], s.code));
      }
    }
  }

  async collect(input: CollectionRequest): Promise<HeldLot> {
    const view = await this.call(recordCollection, input.site, recordCollectionInput.parse(input));
    return madeLots(view)[0] as HeldLot;
  }

  /** Whole lots from `site` to `to`; returns the dispatch id. */
  async dispatch(site: string, to: string, lots: readonly HeldLot[]): Promise<string> {
    const input = dispatchLotsInput.parse({ site, to, lots: lots.map((l) => ({ lotId: l.lotId, massG: l.massG })) });
    const view = await this.call(dispatchLots, site, input);
    if (!view.dispatchId) throw new Error('a dispatch without a dispatch id');
    return view.dispatchId;
  }

  /** Receives a dispatch with the masses the receiving scale showed. */
  async receive(site: string, dispatchId: string, lots: readonly HeldLot[]): Promise<void> {
    const input = receiveLotsInput.parse({
      site,
      dispatchId,
      lots: lots.map((l) => ({ lotId: l.lotId, receivedG: l.massG })),
    });
    await this.call(receiveLots, site, input);
  }

  /** A processing run; returns its output lots, then its by-product lots, as recorded. */
  async process(input: ProcessingRequest): Promise<HeldLot[]> {
    return madeLots(await this.call(recordProcessing, input.site, recordProcessingInput.parse(input)));
  }

  async ship(site: string, lot: HeldLot, buyer: string, chain: DownstreamChain): Promise<void> {
    const input = recordShipmentInput.parse({ site, lotId: lot.lotId, buyer, chain, massG: lot.massG });
    await this.call(recordShipment, site, input);
  }

  async utilise(site: string, lot: HeldLot): Promise<void> {
    const input = utiliseByproductInput.parse({
      site,
      lotId: lot.lotId,
      route: 'aluminium_recovery',
      massG: lot.massG,
      manifestNumber: `HW-${lot.lotId}`,
    });
    await this.call(utiliseByproduct, site, input);
  }

  private async call<I>(
    procedure: (deps: LifecycleDeps, caller: Caller, input: I) => Promise<RecordedView>,
    site: string,
    input: I,
  ): Promise<RecordedView> {
    const caller = this.callers.get(site);
    if (!caller) throw new Error(`no device for site ${site}`);
    const view = await procedure(this.deps, caller, input);
    this.events += view.leafHashes.length;
    return view;
  }
}

function madeLots(view: RecordedView): HeldLot[] {
  return view.lots.map((l) => ({ lotId: l.lotId, massG: l.massG }));
}

/**
 * Submits `perGroup` calls in one turn of the event loop (so that the
 * ledger commits their appends as one group), waits for them all, and so
 * on; the results in order.
 */
export async function inGroups<T, R>(
  items: readonly T[],
  perGroup: number,
  call: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += perGroup) {
    out.push(...(await Promise.all(items.slice(i, i + perGroup).map(call))));
  }
  return out;
}
