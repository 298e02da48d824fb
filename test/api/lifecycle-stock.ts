// Material in a known place, made over HTTP the way the sites themselves
// would: a scrap lot on hand at a collection point or a recycler, an ingot
// or dross at a recycler, dross at a utiliser, a dispatch waiting at a site.
// Each call makes fresh lots, so a test (or a matrix cell) that uses them up
// never disturbs another. The sites of the world have a user each: the
// world's own (op PG01, rc RC01, ut UT01) and one made here for PG02, RC02
// and UT02.
import { createUser, systemActor } from '@alutrace/server/testing';
import type { RecordedView, Role } from '@alutrace/shared';
import { Client, data } from './http-client';
import { PASSWORD, type World } from './world';

export interface LotRef {
  lotId: string;
  massG: number;
}

/** A dispatch on its way to a site, not yet received. */
export interface Inbound {
  dispatchId: string;
  lots: LotRef[];
  recorded: RecordedView;
}

export const SELLER = { kind: 'individual', name: '李明', residentId: '451002198506151230' } as const;

const SITE_ROLES: Record<string, Role> = {
  PG01: 'operator',
  PG02: 'operator',
  RC01: 'recycler',
  RC02: 'recycler',
  UT01: 'utiliser',
  UT02: 'utiliser',
};

export function isCollectionPoint(site: string): boolean {
  return SITE_ROLES[site] === 'operator';
}
export function isRecycler(site: string): boolean {
  return SITE_ROLES[site] === 'recycler';
}
export function isUtiliser(site: string): boolean {
  return SITE_ROLES[site] === 'utiliser';
}

/** 1,100,000 g gross − 100,000 g tare = 1,000,000 g net of UBC: the standard lot of these tests. */
export function collectionInput(site: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    site,
    grade: 'UBC',
    grossG: 1_100_000,
    tareG: 100_000,
    deductionG: 0,
    netG: 1_000_000,
    sealed: { seller: SELLER, vehiclePlate: '桂L·12345' },
    ...overrides,
  };
}

export class Stock {
  private readonly helpers = new Map<string, Promise<string>>();

  constructor(private readonly world: World) {}

  /** A signed-in user acting for `site` (a fresh session). */
  async clientAt(site: string): Promise<Client> {
    const role = SITE_ROLES[site];
    if (!role) throw new Error(`no user acts for ${site} in the test world`);
    if (this.world.ownSite[role] === site) return this.world.clientFor(role);
    let made = this.helpers.get(site);
    if (!made) {
      made = createUser(
        this.world.server.app,
        systemActor('cli'),
        {
          username: `stock-${site.toLowerCase()}`,
          displayName: `Stock ${site}`,
          role,
          sites: [site],
          password: PASSWORD,
        },
        { passwordIsFinal: true },
      ).then((r) => r.user.id);
      this.helpers.set(site, made);
    }
    const { app } = this.world.server;
    const { token } = app.auth.sessions.create(await made, { ip: '127.0.0.1', userAgent: 'stock' });
    const client = new Client(this.world.server.url);
    client.cookie = `${app.auth.cookieName}=${token}`;
    return client;
  }

  /** A new 1,000,000 g UBC lot on hand at a collection point. */
  async collect(site: string, by?: Client, overrides: Record<string, unknown> = {}): Promise<RecordedView> {
    const client = by ?? (await this.clientAt(site));
    return data(await client.mutate<RecordedView>('collection.record', collectionInput(site, overrides)));
  }

  async dispatch(from: string, to: string, lots: LotRef[], by?: Client): Promise<Inbound> {
    const client = by ?? (await this.clientAt(from));
    const recorded = data(
      await client.mutate<RecordedView>('transfers.dispatch', {
        site: from,
        to,
        lots: lots.map((l) => ({ lotId: l.lotId, massG: l.massG })),
      }),
    );
    return { dispatchId: recorded.dispatchId as string, lots, recorded };
  }

  /** Receives every lot of the dispatch at the mass it was sent with. */
  async receive(site: string, inbound: Inbound, by?: Client): Promise<RecordedView> {
    const client = by ?? (await this.clientAt(site));
    return data(
      await client.mutate<RecordedView>('transfers.receive', {
        site,
        dispatchId: inbound.dispatchId,
        lots: inbound.lots.map((l) => ({ lotId: l.lotId, receivedG: l.massG })),
      }),
    );
  }

  /**
   * A dispatch waiting at `site`: 1,000,000 g of scrap from PG01 for a
   * recycler, 100,000 g of dross from RC01 for a utiliser.
   */
  async inbound(site: string): Promise<Inbound> {
    if (isRecycler(site)) {
      const lot = await this.collected('PG01');
      return this.dispatch('PG01', site, [lot]);
    }
    if (isUtiliser(site)) {
      const { dross } = await this.melt('RC01');
      return this.dispatch('RC01', site, [dross]);
    }
    throw new Error(`nothing is dispatched to ${site}: only recyclers and utilisers receive`);
  }

  /** A 1,000,000 g scrap lot on hand at a collection point or a recycler (received by `by`, if given). */
  async scrapAt(site: string, by?: Client): Promise<LotRef> {
    if (isCollectionPoint(site)) return this.collected(site, by);
    if (!isRecycler(site)) throw new Error(`scrap is held at collection points and recyclers, not ${site}`);
    const inbound = await this.inbound(site);
    await this.receive(site, inbound, by);
    return inbound.lots[0] as LotRef;
  }

  /**
   * A melt at a recycler of a fresh scrap lot: 1,000,000 g of UBC in, an
   * ADC12 ingot of 850,000 g and 100,000 g of dross out (loss 50,000 g = 5 %,
   * yield 85 % inside UBC's 80–88 % band: nothing flagged).
   */
  async melt(site: string, by?: Client): Promise<{ ingot: LotRef; dross: LotRef; recorded: RecordedView }> {
    const scrap = await this.scrapAt(site);
    const client = by ?? (await this.clientAt(site));
    const recorded = data(
      await client.mutate<RecordedView>('processing.record', {
        site,
        process: 'melting',
        inputs: [{ lotId: scrap.lotId, consumedG: scrap.massG }],
        outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 850_000 }],
        byproducts: [{ kind: 'dross', massG: 100_000, hazardousWasteCode: 'HW48 321-026-48' }],
      }),
    );
    const [ingot, dross] = recorded.lots.map((l) => ({ lotId: l.lotId, massG: l.massG })) as [LotRef, LotRef];
    return { ingot, dross, recorded };
  }

  /** An 850,000 g ingot on hand at a recycler. */
  async productAt(site: string): Promise<LotRef> {
    return (await this.melt(site)).ingot;
  }

  /** A 100,000 g dross lot on hand at a recycler or a utiliser (received by `by`, if given). */
  async byproductAt(site: string, by?: Client): Promise<LotRef> {
    if (isRecycler(site)) return (await this.melt(site)).dross;
    const inbound = await this.inbound(site);
    await this.receive(site, inbound, by);
    return inbound.lots[0] as LotRef;
  }

  private async collected(site: string, by?: Client): Promise<LotRef> {
    const r = await this.collect(site, by);
    const lot = r.lots[0] as RecordedView['lots'][number];
    return { lotId: lot.lotId, massG: lot.massG };
  }
}
