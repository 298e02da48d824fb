// A year or so of a regional recycling network, day by day, through the
// domain functions: the ledger lots.list is measured on. 36 collection
// points weigh 40–70 loads a day each and truck them to their recycler in
// the evening (about 8 % stays in the yard for good, so that "on hand" means
// something beyond the last day); the 6 recyclers receive in the morning,
// sort some lots and melt the rest into ingot lots of ≤ 25 t and dross, ship
// yesterday's ingots to 3 buyers and send dross to 2 utilisers, who put it
// to aluminium recovery. The last day's trucks are still on the road.
//
// Appends are grouped as a busy server's would be: up to 64 procedure calls
// in one turn of the event loop. The clock is simulated (createApp's `now`),
// so lots carry a year of creation dates and lot ids.
import type { DownstreamChain } from '@alutrace/shared';
import type { App } from '../../src/app/create-app';
import { SeededRandom } from '../data/seeded-random';
import { createSites, type SiteSpec } from './bench-app';
import { CollectionInputs } from './collection-inputs';
import { type HeldLot, inGroups, Network } from './network';

const GROUP = 64;
const DAY_MS = 86_400_000;
/** 2025-10-01 00:00 in Asia/Shanghai. */
export const FIRST_DAY_MS = Date.parse('2025-09-30T16:00:00.000Z');
const HOUR_MS = 3_600_000;
const INGOT_LOT_G = 25_000_000;
const CHAINS: DownstreamChain[] = ['transport', 'industrial', 'construction', 'packaging', 'electronics_appliances'];
const ALLOYS = ['ADC12', 'YL113', 'A380', 'ALSI9CU3', 'A356.2', '6063'] as const;

export interface ListNetworkSites {
  collectionPoints: string[];
  recyclers: string[];
  utilisers: string[];
  buyers: string[];
}

export function listNetworkSites(): ListNetworkSites {
  const collectionPoints = ['PG', 'TY', 'TD', 'DB', 'JX', 'YJ'].flatMap((p) =>
    [1, 2, 3, 4, 5, 6].map((n) => `${p}${String(n).padStart(2, '0')}`),
  );
  return {
    collectionPoints,
    recyclers: ['RC01', 'RC02', 'RC03', 'RC04', 'RC05', 'RC06'],
    utilisers: ['UT01', 'UT02'],
    buyers: ['BY01', 'BY02', 'BY03'],
  };
}

export interface SimulatedNetwork {
  days: number;
  entries: number;
}

export class ListNetwork {
  private readonly random = new SeededRandom(20251001);
  private readonly inputs = new CollectionInputs(20251001, 20_000);
  private readonly network: Network;
  private readonly recyclerOf = new Map<string, string>();
  /** What each site holds, by what it will do with it next. */
  private readonly inTransit: { to: string; dispatchId: string; lots: HeldLot[] }[] = [];
  private readonly scrap = new Map<string, HeldLot[]>();
  private readonly sorted = new Map<string, HeldLot[]>();
  private readonly ingots = new Map<string, HeldLot[]>();
  private readonly dross = new Map<string, HeldLot[]>();

  private constructor(
    private readonly app: App,
    private readonly sites: ListNetworkSites,
    private readonly clock: { ms: number },
  ) {
    const specs = ListNetwork.specs(sites);
    this.network = new Network(app, specs);
    sites.collectionPoints.forEach((cp, i) => {
      this.recyclerOf.set(cp, sites.recyclers[i % sites.recyclers.length] as string);
    });
  }

  static async create(app: App, clock: { ms: number }): Promise<ListNetwork> {
    const sites = listNetworkSites();
    clock.ms = FIRST_DAY_MS - DAY_MS;
    await createSites(app, ListNetwork.specs(sites));
    return new ListNetwork(app, sites, clock);
  }

  private static specs(s: ListNetworkSites): SiteSpec[] {
    return [
      ...s.collectionPoints.map((code) => ({ code, kind: 'collection_point' as const })),
      ...s.recyclers.map((code) => ({ code, kind: 'recycler' as const })),
      ...s.utilisers.map((code) => ({ code, kind: 'utiliser' as const })),
      ...s.buyers.map((code) => ({ code, kind: 'buyer' as const })),
    ];
  }

  /** Simulates days until the ledger holds at least `entries`; calls `progress` after each day. */
  async run(entries: number, progress: (day: number, entries: number) => void): Promise<SimulatedNetwork> {
    let day = 0;
    while (this.app.ledger.size < entries) {
      await this.day(FIRST_DAY_MS + day * DAY_MS);
      day++;
      progress(day, this.app.ledger.size);
    }
    return { days: day, entries: this.app.ledger.size };
  }

  private async day(start: number): Promise<void> {
    const r = this.random;
    this.clock.ms = start + 7.5 * HOUR_MS;
    await this.receiveTrucks();

    const loads = this.sites.collectionPoints.flatMap((cp) => Array.from({ length: r.int(40, 70) }, () => cp));
    const collected = new Map<string, HeldLot[]>();
    for (let i = 0; i < loads.length; i += GROUP) {
      this.clock.ms = start + 8 * HOUR_MS + Math.floor((i / loads.length) * 10 * HOUR_MS);
      const group = loads.slice(i, i + GROUP);
      const lots = await Promise.all(group.map((cp) => this.network.collect(this.inputs.next(cp))));
      lots.forEach((lot, k) => {
        push(collected, group[k] as string, lot);
      });
    }

    this.clock.ms = start + 10 * HOUR_MS;
    await this.processAll();
    this.clock.ms = start + 15 * HOUR_MS;
    await this.shipIngots();
    this.clock.ms = start + 16 * HOUR_MS;
    await this.utiliseDross();
    this.clock.ms = start + 18.5 * HOUR_MS;
    await this.dispatchEvening(collected);
  }

  private async receiveTrucks(): Promise<void> {
    const arriving = this.inTransit.splice(0);
    await inGroups(arriving, GROUP, async (t) => {
      // The receiving scale: mostly within 0.8 %, now and then 1.5 % light (flagged as a transit discrepancy).
      const received = t.lots.map((l) => {
        const permille = this.random.next() < 0.03 ? 15 : this.random.int(0, 8);
        return { lotId: l.lotId, massG: l.massG - Math.floor((l.massG * permille) / 1000) };
      });
      await this.network.receive(t.to, t.dispatchId, received);
      push(this.sites.utilisers.includes(t.to) ? this.dross : this.scrap, t.to, ...received);
    });
  }

  private async processAll(): Promise<void> {
    const r = this.random;
    const runs: { site: string; lots: HeldLot[]; sorting: boolean }[] = [];
    for (const rc of this.sites.recyclers) {
      const lots = [...take(this.sorted, rc), ...take(this.scrap, rc)];
      for (let i = 0; i < lots.length; ) {
        const n = r.int(20, 40);
        runs.push({ site: rc, lots: lots.slice(i, i + n), sorting: r.next() < 0.1 });
        i += n;
      }
    }
    await inGroups(runs, GROUP, async (run) => {
      const inG = run.lots.reduce((s, l) => s + l.massG, 0);
      const inputs = run.lots.map((l) => ({ lotId: l.lotId, consumedG: l.massG }));
      if (run.sorting) {
        const made = await this.network.process({
          site: run.site,
          process: 'sorting',
          inputs,
          outputs: [
            ...pieces(Math.floor(inG * 0.55)).map((massG) => ({
              form: 'sorted_scrap' as const,
              grade: 'SHEET-OLD',
              massG,
            })),
            ...pieces(Math.floor(inG * 0.4)).map((massG) => ({
              form: 'sorted_scrap' as const,
              grade: 'CAST-MIXED',
              massG,
            })),
          ],
        });
        push(this.sorted, run.site, ...made);
        return;
      }
      const primaryG = r.next() < 0.3 ? Math.floor(inG * 0.02) : 0;
      const metalG = Math.floor((inG + primaryG) * (r.int(82, 90) / 100));
      const ingots = pieces(metalG, INGOT_LOT_G);
      const alloy = this.random.pick(ALLOYS);
      const made = await this.network.process({
        site: run.site,
        process: 'melting',
        inputs,
        additions: primaryG > 0 ? [{ kind: 'primary_aluminium', massG: primaryG }] : [],
        outputs: ingots.map((massG) => ({ form: 'ingot' as const, alloy, massG })),
        byproducts: pieces(Math.floor(inG * 0.06)).map((massG) => ({
          kind: 'dross' as const,
          massG,
          hazardousWasteCode: 'HW48 321-026-48',
        })),
      });
      push(this.ingots, run.site, ...made.slice(0, ingots.length));
      push(this.dross, run.site, ...made.slice(ingots.length));
    });
  }

  /** Yesterday's ingots (today's wait for the assay), each lot to one buyer. */
  private async shipIngots(): Promise<void> {
    const shipments = this.sites.recyclers.flatMap((rc) => take(this.ingots, rc).map((lot) => ({ rc, lot })));
    const fresh = new Map<string, HeldLot[]>();
    const due = shipments.filter((s) => {
      const made = s.lot.lotId.split('-')[1];
      if (made === dayOf(this.clock.ms)) {
        push(fresh, s.rc, s.lot);
        return false;
      }
      return true;
    });
    for (const [rc, lots] of fresh) push(this.ingots, rc, ...lots);
    await inGroups(due, GROUP, (s) =>
      this.network.ship(s.rc, s.lot, this.random.pick(this.sites.buyers), this.random.pick(CHAINS)),
    );
  }

  private async utiliseDross(): Promise<void> {
    const jobs = this.sites.utilisers.flatMap((ut) => take(this.dross, ut).map((lot) => ({ ut, lot })));
    await inGroups(jobs, GROUP, (j) => this.network.utilise(j.ut, j.lot));
  }

  private async dispatchEvening(collected: Map<string, HeldLot[]>): Promise<void> {
    const trucks: { from: string; to: string; lots: HeldLot[] }[] = [];
    for (const [cp, lots] of collected) {
      // About 8 % stays in the yard.
      const going = lots.filter(() => this.random.next() >= 0.08);
      if (going.length > 0) trucks.push({ from: cp, to: this.recyclerOf.get(cp) as string, lots: going });
    }
    // Dross goes to a utiliser once a recycler has ten lots of it.
    for (const rc of this.sites.recyclers) {
      if ((this.dross.get(rc)?.length ?? 0) >= 10) {
        trucks.push({ from: rc, to: this.random.pick(this.sites.utilisers), lots: take(this.dross, rc) });
      }
    }
    const sent = await inGroups(trucks, GROUP, async (t) => ({
      to: t.to,
      dispatchId: await this.network.dispatch(t.from, t.to, t.lots),
      lots: t.lots,
    }));
    this.inTransit.push(...sent);
  }
}

/** `massG` in equal lots of at most `maxG` (90 t: under the 100 t limit of a lot, DOMAIN.md rule 1). */
function pieces(massG: number, maxG = 90_000_000): number[] {
  const n = Math.ceil(massG / maxG);
  return Array.from({ length: n }, () => Math.floor(massG / n));
}

function push(map: Map<string, HeldLot[]>, site: string, ...lots: HeldLot[]): void {
  const list = map.get(site);
  if (list) list.push(...lots);
  else map.set(site, [...lots]);
}

function take(map: Map<string, HeldLot[]>, site: string): HeldLot[] {
  const list = map.get(site) ?? [];
  map.delete(site);
  return list;
}

/** YYMMDD in Asia/Shanghai, as in lot ids. */
export function dayOf(ms: number): string {
  return new Date(ms + 8 * HOUR_MS).toISOString().slice(2, 10).replaceAll('-', '');
}
