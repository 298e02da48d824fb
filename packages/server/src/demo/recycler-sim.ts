// A recycler in the demo: trucks are weighed in at 07:00, the received
// scrap is sorted, decoated or shredded by grade at 08:00, furnace heats run
// through the day (sorted scrap, primary aluminium, alloying elements and
// flux in; liquid metal, dross, salt slag and filter dust out), each heat is
// cast into ingots or billets in the next slot, ingots leave for the buyers
// at 14:00 and the by-products for the utilisers at 15:00.
//
// Every heat's metal yield is drawn inside its grades' yield band and every
// loss stays under the flag, except the one deliberate low-yield heat.
import {
  type ByproductKind,
  dispatchLotsInput,
  type RecordedView,
  receiveLotsInput,
  recordProcessingInput,
  recordShipmentInput,
} from '@alutrace/shared';
import { dispatchLots, receiveLots, recordProcessing, recordShipment } from '../domain/lifecycle/procedures';
import { SEED_GRADES } from '../domain/reference/seed-catalogue';
import type { DemoAnomalies, DemoPlan } from './demo-anomalies';
import { personName, plate } from './demo-people';
import {
  ALLOY_RECIPES,
  alloysOfGroup,
  BUYERS,
  type DemoSite,
  HW_DROSS,
  HW_DUST,
  METAL_FEN_PER_KG,
  type MeltGroup,
  meltGroupOf,
  pretreatmentOf,
  type RecyclerProfile,
} from './demo-world';
import { SeededRandom } from './seeded-random';
import {
  type HeldLot,
  KG,
  madeLot,
  receivedMass,
  type SimContext,
  splitKg,
  sumMass,
  TONNE,
  type Transit,
  toKg,
} from './sim-context';

const RECEIPT_HOUR = 7;
const PRETREAT_HOUR = 8;
const SHIP_HOUR = 14;
const BYPRODUCT_HOUR = 15;
const LAST_HOUR = 20;
const INGOT_LOT_G = 6 * TONNE;
const SORT_RUN_G = 90 * TONNE;
const MAX_INPUTS = 500;

const BANDS = new Map(SEED_GRADES.map((g) => [g.code, [g.yieldMinPct, g.yieldMaxPct] as const]));

export class RecyclerSim {
  /** Received collection lots, waiting to be sorted. */
  readonly raw: HeldLot[] = [];
  /** Sorted, decoated or shredded scrap, waiting for a furnace. */
  readonly sorted: HeldLot[] = [];
  /** Liquid metal, waiting for the casting machine. */
  readonly liquid: HeldLot[] = [];
  /** Ingots and billets, waiting for a buyer. */
  readonly metal: HeldLot[] = [];
  readonly byproducts: HeldLot[] = [];
  private readonly plant: SeededRandom;
  private readonly road: SeededRandom;
  private readonly fleet: { plate: string; driver: string }[];
  private ticket = 0;
  private manifests = 0;
  private invoices = 0;

  constructor(
    readonly site: DemoSite & RecyclerProfile,
    private readonly index: number,
    seed: number,
    private readonly plan: DemoPlan,
    private readonly log: DemoAnomalies,
  ) {
    this.plant = SeededRandom.fork(seed, `plant:${site.code}`);
    this.road = SeededRandom.fork(seed, `road:${site.code}`);
    const people = SeededRandom.fork(seed, `people:${site.code}`);
    this.fleet = [0, 1].map(() => ({ plate: plate(people), driver: personName(people) }));
  }

  planSlot(ctx: SimContext, plantsRun: boolean): void {
    const { hour } = ctx;
    if (hour === RECEIPT_HOUR) {
      this.ticket = 0;
      this.receive(ctx);
    }
    if (!plantsRun) return;
    if (hour === PRETREAT_HOUR) this.pretreat(ctx);
    if (hour >= PRETREAT_HOUR && hour <= LAST_HOUR) this.cast(ctx);
    if (this.site.heatHours.includes(hour)) this.heat(ctx);
    if (hour === SHIP_HOUR) this.ship(ctx);
    if (hour === BYPRODUCT_HOUR) this.sendByproducts(ctx);
  }

  private code(): string {
    return this.site.code;
  }

  // ── Receiving ────────────────────────────────────────────────────────────

  private receive(ctx: SimContext): void {
    const inbound = ctx.inbound.get(this.code()) ?? [];
    const arrived = inbound.filter((t) => t.day < ctx.day.index);
    if (arrived.length === 0) return;
    inbound.splice(0, inbound.length, ...inbound.filter((t) => t.day >= ctx.day.index));
    for (const t of arrived) this.receiveTruck(ctx, t);
  }

  private receiveTruck(ctx: SimContext, t: Transit): void {
    const r = this.road;
    const tolerance = ctx.deps.rules.transitTolerancePct;
    const lots = t.lots.map((l) => {
      // Moisture and dust: mostly a little light, now and then a little heavy.
      const ratio = Math.min(0.004, Math.max(-0.009, r.normal(-0.0025, 0.002)));
      const receivedG = l.lotId === t.short ? toKg(l.massG * 0.935) : receivedMass(l.massG, ratio, tolerance);
      return { lot: l, receivedG };
    });
    const at = ctx.occurredAt(r);
    this.ticket++;
    const input = receiveLotsInput.parse({
      site: this.code(),
      occurredAt: at,
      dispatchId: t.dispatchId,
      lots: lots.map((l) => ({ lotId: l.lot.lotId, receivedG: l.receivedG })),
      sealed: {
        ticketNumber: `${this.code()}-${ctx.day.yymmdd}-${String(this.ticket).padStart(3, '0')}`,
        ...(t.short
          ? {
              note: '复磅短少约 6.5%，已报运输公司核查。About 6.5 % short on our weighbridge; reported to the haulier.',
            }
          : {}),
      },
    });
    const day = ctx.day.index;
    ctx.add(at, () =>
      receiveLots(ctx.deps, ctx.callerOf(this.code()), input).then(() => {
        for (const { lot, receivedG } of lots) {
          this.raw.push({ ...lot, massG: receivedG, since: day });
          if (lot.lotId === t.short && this.log.transit) this.log.transit.receivedG = receivedG;
        }
      }),
    );
  }

  // ── Sorting, decoating, shredding ───────────────────────────────────────

  private pretreat(ctx: SimContext): void {
    const byGrade = new Map<string, HeldLot[]>();
    for (const l of this.raw) {
      const list = byGrade.get(l.grade as string);
      if (list) list.push(l);
      else byGrade.set(l.grade as string, [l]);
    }
    const day = ctx.day.index;
    for (const [grade, lots] of byGrade) {
      const waited = day - Math.min(...lots.map((l) => l.since));
      if (sumMass(lots) < 8 * TONNE && waited < 3) continue;
      let chunk: HeldLot[] = [];
      let mass = 0;
      for (const l of lots) {
        if (chunk.length > 0 && (chunk.length >= MAX_INPUTS || mass + l.massG > SORT_RUN_G)) {
          this.pretreatRun(ctx, grade, chunk);
          chunk = [];
          mass = 0;
        }
        chunk.push(l);
        mass += l.massG;
      }
      if (chunk.length > 0) this.pretreatRun(ctx, grade, chunk);
    }
  }

  private pretreatRun(ctx: SimContext, grade: string, lots: HeldLot[]): void {
    const r = this.plant;
    take(this.raw, lots);
    const pt = pretreatmentOf(grade);
    const inG = sumMass(lots);
    const y = r.between(pt.yield[0], pt.yield[1]);
    const outG = toKg(inG * y);
    const shares = pt.outputs.map(([, share]) => share);
    const masses = splitByShares(outG, shares);
    const otherG = pt.other ? toKg(inG * Math.min(r.between(pt.other[0], pt.other[1]), 0.985 - y)) : 0;
    const at = ctx.occurredAt(r);
    const input = recordProcessingInput.parse({
      site: this.code(),
      occurredAt: at,
      process: pt.process,
      inputs: lots.map((l) => ({ lotId: l.lotId, consumedG: l.massG })),
      outputs: pt.outputs.map(([g], i) => ({ form: 'sorted_scrap', grade: g, massG: masses[i] })),
      byproducts: otherG > 0 ? [{ kind: 'other', massG: otherG }] : [],
    });
    const day = ctx.day.index;
    ctx.add(at, () =>
      recordProcessing(ctx.deps, ctx.callerOf(this.code()), input).then((view) => {
        pt.outputs.forEach(([g], i) => {
          const lot = madeLot(view, i);
          this.sorted.push({ lotId: lot.lotId, massG: lot.massG, grade: g, alloy: null, since: day });
        });
        if (otherG > 0) this.addByproduct(madeLot(view, pt.outputs.length), 'other', 'UT02', day);
      }),
    );
  }

  // ── Furnace heats ────────────────────────────────────────────────────────

  private heat(ctx: SimContext): void {
    const day = ctx.day.index;
    const furnace = this.site.furnaceG;
    const groups = new Map<MeltGroup, HeldLot[]>();
    for (const l of this.sorted) {
      const g = meltGroupOf(l.grade as string);
      const list = groups.get(g);
      if (list) list.push(l);
      else groups.set(g, [l]);
    }
    let best: { group: MeltGroup; lots: HeldLot[]; mass: number } | null = null;
    for (const [group, lots] of groups) {
      const mass = sumMass(lots);
      const waited = day - Math.min(...lots.map((l) => l.since));
      const due = mass >= furnace * 0.6 || (mass >= 2 * TONNE && waited >= 4) || waited >= 7;
      if (due && (!best || mass > best.mass)) best = { group, lots, mass };
    }
    if (!best) return;
    const r = this.plant;
    // Charge first in, first out; the last lot may be part-used, never leaving a scrap of it.
    const inputs: { lot: HeldLot; consumedG: number }[] = [];
    let charged = 0;
    for (const lot of best.lots) {
      if (charged >= furnace || inputs.length >= MAX_INPUTS) break;
      const room = furnace - charged;
      const consumedG = lot.massG - room < 2 * TONNE ? lot.massG : room;
      inputs.push({ lot, consumedG });
      charged += consumedG;
    }
    for (const i of inputs) i.lot.massG -= i.consumedG;
    take(
      this.sorted,
      inputs.filter((i) => i.lot.massG === 0).map((i) => i.lot),
    );

    const lowYield = this.log.lowYield === null && day >= this.plan.lowYieldDay && this.index === 2;
    const alloy = r.weighted(alloysOfGroup(best.group, this.site));
    const recipe = ALLOY_RECIPES[alloy];
    if (!recipe) throw new Error(`demo: no recipe for alloy ${alloy}`);
    const s = charged;
    const additions = [
      { kind: 'primary_aluminium', massG: r.chance(recipe.primaryChance) ? toKg(s * r.between(...recipe.primary)) : 0 },
      { kind: 'alloying_element', massG: toKg(s * r.between(...recipe.alloying)) },
      { kind: 'flux', massG: toKg(s * r.between(...recipe.flux)) },
    ].filter((a) => a.massG > 0);
    const a = sumMass(additions);
    const band = weightedBand(inputs.map((i) => ({ grade: i.lot.grade as string, consumedG: i.consumedG })));
    const yieldPpm = lowYield
      ? band.minPpm - 130_000
      : band.minPpm + Math.floor((band.maxPpm - band.minPpm) * r.between(0.35, 0.85));
    // The yield the rules check is the metal the scrap gave: metal out less the metal that went in as metal.
    const metalAddedG = sumMass(additions.filter((x) => x.kind !== 'flux'));
    const fromScrapG = Math.floor((s * yieldPpm) / 1e6 / 1000) * 1000;
    const metalG = fromScrapG + metalAddedG;
    const actual = ratioPpm(fromScrapG, s);
    if (!lowYield && (actual < band.minPpm || actual > band.maxPpm)) {
      throw new Error(`demo: a heat's yield ${actual} ppm fell outside ${band.minPpm}–${band.maxPpm}`);
    }
    const remainder = s + a - metalG;
    const lossG = lowYield ? toKg((s + a) * 0.15) : toKg(remainder * r.between(0.25, 0.4));
    const dustG = r.chance(0.25) ? toKg(s * r.between(0.0015, 0.003)) : 0;
    const skimG = remainder - lossG - dustG;
    const saltG = this.site.saltFlux && best.group === 'diecast' ? toKg(skimG * r.between(0.3, 0.45)) : 0;
    const drossG = skimG - saltG;
    if (drossG <= 0 || lossG * 100 > (s + a) * 19) throw new Error('demo: a heat would lose more than the flag allows');
    const byproducts: { kind: ByproductKind; massG: number; hazardousWasteCode: string; dest: string }[] = [
      { kind: 'dross', massG: drossG, hazardousWasteCode: HW_DROSS, dest: r.chance(0.85) ? 'UT01' : 'UT02' },
      ...(saltG > 0 ? [{ kind: 'salt_slag' as const, massG: saltG, hazardousWasteCode: HW_DROSS, dest: 'UT01' }] : []),
      ...(dustG > 0 ? [{ kind: 'filter_dust' as const, massG: dustG, hazardousWasteCode: HW_DUST, dest: 'UT02' }] : []),
    ];
    const at = ctx.occurredAt(r);
    const input = recordProcessingInput.parse({
      site: this.code(),
      occurredAt: at,
      process: 'melting',
      inputs: inputs.map((i) => ({ lotId: i.lot.lotId, consumedG: i.consumedG })),
      additions,
      outputs: [{ form: 'liquid', alloy, massG: metalG }],
      byproducts: byproducts.map(({ dest: _dest, ...b }) => b),
      ...(lowYield
        ? { sealed: { note: '炉料潮湿含油，烧损严重。Wet, oily charge: heavy burn-off and a thick dross layer.' } }
        : {}),
    });
    ctx.add(at, () =>
      recordProcessing(ctx.deps, ctx.callerOf(this.code()), input).then((view) => {
        const liquid = madeLot(view, 0);
        this.liquid.push({ lotId: liquid.lotId, massG: liquid.massG, grade: null, alloy, since: day });
        byproducts.forEach((b, k) => {
          this.addByproduct(madeLot(view, 1 + k), b.kind, b.dest, day);
        });
        if (lowYield) {
          this.log.lowYield = {
            site: this.code(),
            date: ctx.day.date,
            liquidLot: liquid.lotId,
            scrapG: s,
            metalFromScrapG: fromScrapG,
            bandMinPpm: band.minPpm,
          };
        }
      }),
    );
  }

  /** Each heat's liquid metal is cast in the next slot: ingots (or billets) in lots of up to 12 t, and a little skim. */
  private cast(ctx: SimContext): void {
    const r = this.plant;
    const day = ctx.day.index;
    for (const lot of this.liquid.splice(0)) {
      const recipe = ALLOY_RECIPES[lot.alloy as string];
      if (!recipe) throw new Error(`demo: no recipe for alloy ${lot.alloy}`);
      const skimG = Math.max(KG, toKg(lot.massG * r.between(0.003, 0.006)));
      const lossG = toKg(lot.massG * r.between(0.001, 0.003));
      const castG = lot.massG - skimG - lossG;
      const parts = splitKg(castG, Math.ceil(castG / INGOT_LOT_G));
      const at = ctx.occurredAt(r);
      const input = recordProcessingInput.parse({
        site: this.code(),
        occurredAt: at,
        process: 'casting',
        inputs: [{ lotId: lot.lotId, consumedG: lot.massG }],
        outputs: parts.map((massG) => ({ form: recipe.form, alloy: lot.alloy, massG })),
        byproducts: [{ kind: 'dross', massG: skimG, hazardousWasteCode: HW_DROSS }],
      });
      ctx.add(at, () =>
        recordProcessing(ctx.deps, ctx.callerOf(this.code()), input).then((view: RecordedView) => {
          parts.forEach((_, k) => {
            const made = madeLot(view, k);
            this.metal.push({ lotId: made.lotId, massG: made.massG, grade: null, alloy: lot.alloy, since: day });
          });
          this.addByproduct(madeLot(view, parts.length), 'dross', 'UT01', day);
        }),
      );
    }
  }

  // ── Leaving the plant ────────────────────────────────────────────────────

  private ship(ctx: SimContext): void {
    const r = this.road;
    const day = ctx.day.index;
    const leaving = this.metal.filter((l) => day - l.since >= 4 || (day - l.since >= 1 && r.chance(0.55)));
    take(this.metal, leaving);
    for (const lot of leaving) {
      const recipe = ALLOY_RECIPES[lot.alloy as string];
      if (!recipe) throw new Error(`demo: no recipe for alloy ${lot.alloy}`);
      const buyer = r.weighted(recipe.buyers);
      const chain = BUYERS.find((b) => b.code === buyer)?.chain ?? 'other';
      this.invoices++;
      const at = ctx.occurredAt(r);
      const input = recordShipmentInput.parse({
        site: this.code(),
        occurredAt: at,
        lotId: lot.lotId,
        buyer,
        chain,
        massG: lot.massG,
        sealed: {
          invoiceNumber: `${ctx.day.date.slice(0, 4)}4510${this.index + 1}${String(this.invoices).padStart(7, '0')}`,
          contractNumber: `HT-${ctx.day.date.slice(0, 4)}-${this.code()}-${buyer}`,
          priceFen: Math.round(
            (lot.massG / 1000) * (METAL_FEN_PER_KG[lot.alloy as string] ?? 2_000) * r.between(0.98, 1.02),
          ),
        },
      });
      ctx.add(at, () => recordShipment(ctx.deps, ctx.callerOf(this.code()), input).then(() => undefined));
    }
  }

  /** Dross, salt slag and dust by hazardous-waste truck, under a transfer manifest (转移联单), to the utilisers. */
  private sendByproducts(ctx: SimContext): void {
    const day = ctx.day.index;
    const r = this.road;
    for (const dest of ['UT01', 'UT02']) {
      const lots = this.byproducts.filter((l) => l.dest === dest);
      if (lots.length === 0) continue;
      const waited = day - Math.min(...lots.map((l) => l.since));
      if (sumMass(lots) < 10 * TONNE && waited < 6) continue;
      take(this.byproducts, lots);
      while (lots.length > 0) {
        const truck: HeldLot[] = [];
        let load = 0;
        while (lots.length > 0 && truck.length < 400) {
          const next = lots[0] as HeldLot;
          if (truck.length > 0 && load + next.massG > 25 * TONNE) break;
          truck.push(next);
          load += next.massG;
          lots.shift();
        }
        this.manifests++;
        const manifest = `${ctx.day.date.slice(0, 4)}4510${this.index + 1}${String(this.manifests).padStart(5, '0')}`;
        const vehicle = r.pick(this.fleet);
        const at = ctx.occurredAt(r);
        const input = dispatchLotsInput.parse({
          site: this.code(),
          occurredAt: at,
          to: dest,
          lots: truck.map((l) => ({ lotId: l.lotId, massG: l.massG })),
          sealed: { vehiclePlate: vehicle.plate, driver: vehicle.driver, waybillNumber: manifest },
        });
        ctx.add(at, () =>
          dispatchLots(ctx.deps, ctx.callerOf(this.code()), input).then((view) => {
            const lotsWithManifest = truck.map((l) => ({ ...l, manifest }));
            ctx.inbound.get(dest)?.push({
              dispatchId: view.dispatchId as string,
              from: this.code(),
              to: dest,
              lots: lotsWithManifest,
              day,
              manifest,
            });
          }),
        );
      }
    }
  }

  private addByproduct(lot: { lotId: string; massG: number }, kind: ByproductKind, dest: string, day: number): void {
    this.byproducts.push({
      lotId: lot.lotId,
      massG: lot.massG,
      grade: null,
      alloy: null,
      since: day,
      byproduct: kind,
      dest,
    });
  }
}

/** Removes `lots` from `from` (by identity). */
function take(from: HeldLot[], lots: readonly HeldLot[]): void {
  const gone = new Set(lots);
  const kept = from.filter((l) => !gone.has(l));
  from.splice(0, from.length, ...kept);
}

function splitByShares(totalG: number, shares: readonly number[]): number[] {
  const parts = shares.map((s) => toKg(totalG * s));
  parts[parts.length - 1] = totalG - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

/** The input grades' yield bands weighted by mass, in ppm, as the processing projection computes them. */
function weightedBand(inputs: { grade: string; consumedG: number }[]): { minPpm: number; maxPpm: number } {
  let total = 0n;
  let min = 0n;
  let max = 0n;
  for (const i of inputs) {
    const band = BANDS.get(i.grade);
    if (!band) throw new Error(`demo: grade ${i.grade} has no yield band`);
    const c = BigInt(i.consumedG);
    total += c;
    min += c * BigInt(band[0] * 10_000);
    max += c * BigInt(band[1] * 10_000);
  }
  return { minPpm: Number(min / total), maxPpm: Number(max / total) };
}

function ratioPpm(part: number, whole: number): number {
  return Number((2n * BigInt(part) * 1_000_000n + BigInt(whole)) / (2n * BigInt(whole)));
}
