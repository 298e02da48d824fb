// A dross utiliser in the demo: hazardous-waste trucks are weighed in at
// 07:00, and from 10:00 each received lot goes to its route under the
// transfer manifest it came with: aluminium recovered from dross and salt
// slag, cement or refractory raw material, and disposal for the dust a kiln
// cannot take.
import type { ByproductRoute } from '@alutrace/shared';
import { receiveLotsInput, utiliseByproductInput } from '@alutrace/shared';
import { receiveLots, utiliseByproduct } from '../domain/lifecycle/procedures';
import type { DemoSite } from './demo-world';
import { SeededRandom } from './seeded-random';
import { type HeldLot, receivedMass, type SimContext } from './sim-context';

const RECEIPT_HOUR = 7;
const UTILISE_HOUR = 10;

export class UtiliserSim {
  readonly held: HeldLot[] = [];
  private readonly r: SeededRandom;
  private ticket = 0;

  constructor(
    readonly site: DemoSite,
    seed: number,
  ) {
    this.r = SeededRandom.fork(seed, `utiliser:${site.code}`);
  }

  planSlot(ctx: SimContext, plantsRun: boolean): void {
    if (ctx.hour === RECEIPT_HOUR) this.receive(ctx);
    if (ctx.hour === UTILISE_HOUR && plantsRun) this.utilise(ctx);
  }

  private receive(ctx: SimContext): void {
    const code = this.site.code;
    const inbound = ctx.inbound.get(code) ?? [];
    const arrived = inbound.filter((t) => t.day < ctx.day.index);
    if (arrived.length === 0) return;
    inbound.splice(0, inbound.length, ...inbound.filter((t) => t.day >= ctx.day.index));
    this.ticket = 0;
    const day = ctx.day.index;
    for (const t of arrived) {
      const lots = t.lots.map((l) => {
        const ratio = Math.min(0.003, Math.max(-0.006, this.r.normal(-0.001, 0.002)));
        return { lot: l, receivedG: receivedMass(l.massG, ratio, ctx.deps.rules.transitTolerancePct) };
      });
      this.ticket++;
      const at = ctx.occurredAt(this.r);
      const input = receiveLotsInput.parse({
        site: code,
        occurredAt: at,
        dispatchId: t.dispatchId,
        lots: lots.map((l) => ({ lotId: l.lot.lotId, receivedG: l.receivedG })),
        sealed: { ticketNumber: `${code}-${ctx.day.yymmdd}-${String(this.ticket).padStart(3, '0')}` },
      });
      ctx.add(at, () =>
        receiveLots(ctx.deps, ctx.callerOf(code), input).then(() => {
          for (const { lot, receivedG } of lots) this.held.push({ ...lot, massG: receivedG, since: day });
        }),
      );
    }
  }

  private utilise(ctx: SimContext): void {
    const day = ctx.day.index;
    const going = this.held.filter((l) => day - l.since >= 3 || (day - l.since >= 1 && this.r.chance(0.7)));
    if (going.length === 0) return;
    const gone = new Set(going);
    this.held.splice(0, this.held.length, ...this.held.filter((l) => !gone.has(l)));
    for (const lot of going) {
      const at = ctx.occurredAt(this.r);
      const input = utiliseByproductInput.parse({
        site: this.site.code,
        occurredAt: at,
        lotId: lot.lotId,
        route: this.routeOf(lot),
        massG: lot.massG,
        manifestNumber: lot.manifest ?? null,
      });
      ctx.add(at, () => utiliseByproduct(ctx.deps, ctx.callerOf(this.site.code), input).then(() => undefined));
    }
  }

  private routeOf(lot: HeldLot): ByproductRoute {
    if (this.site.code === 'UT01') return 'aluminium_recovery';
    // The kiln takes dross and insulation granulate as raw material and fuel; dust high in chlorides is landfilled.
    if (lot.byproduct === 'filter_dust') return this.r.chance(0.7) ? 'cement_refractory' : 'disposal';
    return 'cement_refractory';
  }
}
