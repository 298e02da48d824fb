// A collection point in the demo: sellers come through the day and are
// weighed (tricycles on the platform scale, trucks on the weighbridge), the
// lots pile up in the yard, and a truck takes them all to a recycler once
// there is a load or they have waited long enough. Also the deliberate
// anomalies that happen at a scale: a mistyped gross corrected with the
// right weighing, a load recorded twice, one seller far above the usual.
import {
  dispatchLotsInput,
  type RecordedView,
  recordCollectionInput,
  recordCorrectionInput,
  type SellerFields,
} from '@alutrace/shared';
import { dispatchLots, recordCollection, recordCorrection } from '../domain/lifecycle/procedures';
import { collectionFactor } from './calendar';
import type { DemoAnomalies, DemoPlan } from './demo-anomalies';
import { enterprise, individual, personName, plate, type Seller, type Vehicle } from './demo-people';
import { type CollectionPointProfile, type DemoSite, GRADE_TRADE, INDIVIDUAL_GRADES } from './demo-world';
import { SeededRandom } from './seeded-random';
import { type HeldLot, madeLot, type SimContext, sumMass, TONNE } from './sim-context';

/** Weighings per hour of the opening day, 08:00–18:00: busy mornings, a lunch break, a second wave. */
const HOURLY = [6, 10, 12, 11, 5, 5, 9, 11, 10, 7] as const;
const FIRST_HOUR = 8;
const TRUCK_G = 30 * TONNE;
const TRUCK_LOTS = 400;
/** The collection point's trucks leave at 18:00 and arrive at the recycler the next morning. */
export const DISPATCH_HOUR = 18;

interface Weighing {
  grossG: number;
  tareG: number;
  deductionG: number;
  netG: number;
}

interface Pool {
  sellers: Seller[];
  cumulative: number[];
}

export class CollectionPointSim {
  readonly stock: HeldLot[] = [];
  private readonly people: SeededRandom;
  private readonly trade: SeededRandom;
  private readonly road: SeededRandom;
  private readonly individuals: Pool;
  private readonly enterprises: Pool;
  private readonly fleet: { plate: string; driver: string }[];
  private hours: number[] = [];
  private ticket = 0;
  private waybill = 0;
  private readonly later: { hour: number; plan: (ctx: SimContext) => void }[] = [];

  constructor(
    readonly site: DemoSite & CollectionPointProfile,
    seed: number,
    private readonly plan: DemoPlan,
    private readonly log: DemoAnomalies,
  ) {
    this.people = SeededRandom.fork(seed, `people:${site.code}`);
    this.trade = SeededRandom.fork(seed, `trade:${site.code}`);
    this.road = SeededRandom.fork(seed, `road:${site.code}`);
    const district = site.district ?? '';
    this.individuals = pool(Array.from({ length: site.perDay * 25 }, () => individual(this.people, site, district)));
    this.enterprises = pool(
      Array.from({ length: Math.max(6, Math.round(site.perDay * 1.5)) }, () => enterprise(this.people, site, district)),
    );
    this.fleet = [0, 1].map(() => ({ plate: plate(this.people), driver: personName(this.people) }));
  }

  /** Plans this point's operations of the slot. */
  planSlot(ctx: SimContext): void {
    const { hour } = ctx;
    if (hour === FIRST_HOUR) this.startDay(ctx);
    const slot = hour - FIRST_HOUR;
    if (slot >= 0 && slot < HOURLY.length) {
      for (let i = 0; i < (this.hours[slot] ?? 0); i++) this.collect(ctx, this.pickSeller());
      this.anomaliesAtScale(ctx);
    }
    for (const job of this.later.filter((j) => j.hour === hour)) job.plan(ctx);
    this.later.splice(0, this.later.length, ...this.later.filter((j) => j.hour !== hour));
    if (hour === DISPATCH_HOUR) this.dispatch(ctx);
  }

  private startDay(ctx: SimContext): void {
    const r = this.trade;
    const n = r.poisson(this.site.perDay * collectionFactor(ctx.day));
    this.hours = HOURLY.map(() => 0);
    const weights = HOURLY.map((w, i) => [i, w] as const);
    for (let i = 0; i < n; i++) {
      const h = r.weighted(weights);
      this.hours[h] = (this.hours[h] ?? 0) + 1;
    }
    this.ticket = 0;
    this.waybill = 0;
  }

  private pickSeller(): Seller {
    const r = this.trade;
    return draw(r, r.chance(0.8) ? this.individuals : this.enterprises);
  }

  private gradeFor(seller: Seller): string {
    return this.trade.weighted(seller.grades ?? INDIVIDUAL_GRADES);
  }

  /** A weighing as the scale shows it, net = gross − tare − deduction. */
  private weigh(vehicle: Vehicle, grade: string, loadRange?: readonly [number, number]): Weighing {
    const r = this.trade;
    let loadG: number;
    let tareG: number;
    if (loadRange) {
      loadG = step(r.between(loadRange[0], loadRange[1]), 10_000);
      tareG = r.int(180, 320) * 10_000;
    } else if (vehicle === 'tricycle') {
      // Platform scale, 0.5 kg steps; the tare is the bags and baskets.
      loadG = clampStep(r.logNormal(130_000, 0.7), 50_000, 900_000, 500);
      tareG = r.int(2, 24) * 500;
    } else if (vehicle === 'light_truck') {
      loadG = clampStep(r.logNormal(1_400_000, 0.45), 400_000, 4_500_000, 10_000);
      tareG = r.int(180, 320) * 10_000;
    } else {
      loadG = clampStep(r.logNormal(5_000_000, 0.6), 1_500_000, 20_000_000, 20_000);
      tareG = (loadG > 10 * TONNE ? r.int(550, 750) : r.int(300, 550)) * 20_000;
    }
    const [lo, hi] = GRADE_TRADE[grade]?.deductionPermille ?? [0, 10];
    let deductionG = Math.round((loadG * r.int(lo, hi)) / 1000 / 500) * 500;
    if (loadG - deductionG < 50_000) deductionG = 0;
    return { grossG: tareG + loadG, tareG, deductionG, netG: loadG - deductionG };
  }

  private priceFen(grade: string, netG: number, ctx: SimContext): number {
    const base = GRADE_TRADE[grade]?.fenPerKg ?? 1_300;
    // Prices drift over the year and are haggled at the scale.
    const drift = 1 + 0.04 * Math.sin((2 * Math.PI * ctx.day.index) / 365);
    return Math.round((netG / 1000) * base * drift * (1 + this.trade.between(-0.03, 0.03)));
  }

  private collectionInput(ctx: SimContext, seller: Seller, grade: string, w: Weighing, at: string) {
    this.ticket++;
    return recordCollectionInput.parse({
      site: this.site.code,
      occurredAt: at,
      grade,
      ...w,
      sealed: {
        seller: seller.fields,
        ...(seller.plate ? { vehiclePlate: seller.plate } : {}),
        ticketNumber: `${this.site.code}-${ctx.day.yymmdd}-${String(this.ticket).padStart(3, '0')}`,
        priceFen: this.priceFen(grade, w.netG, ctx),
      },
    });
  }

  private collect(ctx: SimContext, seller: Seller, then?: (view: RecordedView) => void): void {
    const grade = this.gradeFor(seller);
    const at = ctx.occurredAt(this.trade);
    const input = this.collectionInput(ctx, seller, grade, this.weigh(seller.vehicle, grade), at);
    this.record(ctx, at, input, grade, then);
  }

  private record(
    ctx: SimContext,
    at: string,
    input: ReturnType<typeof recordCollectionInput.parse>,
    grade: string,
    then?: (view: RecordedView) => void,
    keep = true,
  ): void {
    const day = ctx.day.index;
    ctx.add(at, () =>
      recordCollection(ctx.deps, ctx.callerOf(this.site.code), input).then((view) => {
        const lot = madeLot(view, 0);
        if (keep) this.stock.push({ lotId: lot.lotId, massG: lot.massG, grade, alloy: null, since: day });
        then?.(view);
      }),
    );
  }

  /** Whole lots onto trucks (at most 30 t each) to the recyclers this point sells to. */
  private dispatch(ctx: SimContext): void {
    if (this.stock.length === 0) return;
    const day = ctx.day.index;
    const mass = sumMass(this.stock);
    const waited = day - Math.min(...this.stock.map((l) => l.since));
    const due = mass >= 12 * TONNE || (mass >= 2 * TONNE && waited >= 3) || waited >= 6;
    if (!due) return;
    const lots = this.stock.splice(0);
    const r = this.road;
    while (lots.length > 0) {
      const truck: HeldLot[] = [];
      let load = 0;
      while (lots.length > 0 && truck.length < TRUCK_LOTS) {
        const next = lots[0] as HeldLot;
        if (truck.length > 0 && load + next.massG > TRUCK_G) break;
        truck.push(next);
        load += next.massG;
        lots.shift();
      }
      const to = r.weighted(this.site.recyclers);
      const vehicle = r.pick(this.fleet);
      this.waybill++;
      const at = ctx.occurredAt(r);
      const input = dispatchLotsInput.parse({
        site: this.site.code,
        occurredAt: at,
        to,
        lots: truck.map((l) => ({ lotId: l.lotId, massG: l.massG })),
        sealed: {
          vehiclePlate: vehicle.plate,
          driver: vehicle.driver,
          waybillNumber: `YD${ctx.day.yymmdd}${this.site.code}${String(this.waybill).padStart(2, '0')}`,
        },
      });
      // The deliberate transit discrepancy: the first truck on or after its day with a lot of a tonne or more.
      const short =
        this.log.transit === null && day >= this.plan.transitDay ? truck.find((l) => l.massG >= TONNE) : undefined;
      if (short)
        this.log.transit = {
          lotId: short.lotId,
          from: this.site.code,
          to,
          dispatchedG: short.massG,
          receivedG: 0,
          dispatchId: '',
          date: ctx.day.date,
        };
      ctx.add(at, () =>
        dispatchLots(ctx.deps, ctx.callerOf(this.site.code), input).then((view) => {
          const dispatchId = view.dispatchId as string;
          if (short && this.log.transit) this.log.transit.dispatchId = dispatchId;
          const transit = { dispatchId, from: this.site.code, to, lots: truck, day };
          ctx.inbound.get(to)?.push(short ? { ...transit, short: short.lotId } : transit);
        }),
      );
    }
  }

  // ── Deliberate anomalies (README "Demo data") ────────────────────────────

  private anomaliesAtScale(ctx: SimContext): void {
    const { hour } = ctx;
    const day = ctx.day.index;
    if (this.site.code === 'TD01' && day === this.plan.correctionDay && hour === 10) this.mistypedGross(ctx);
    if (this.site.code === 'YJ01' && day === this.plan.duplicateDay && hour === 14) this.recordedTwice(ctx);
    if (this.site.code === 'PG01' && day === this.plan.spikeDay && hour >= 9 && hour <= 14) this.bigSeller(ctx);
  }

  /** A gross typed with one digit too many (4,220 kg as 42,200 kg), corrected an hour later with the right weighing. */
  private mistypedGross(ctx: SimContext): void {
    const seller = draw(this.trade, this.individuals);
    const right = this.weigh('light_truck', 'EXTR-OLD', [1_500_000, 1_700_000]);
    const wrongGross = right.grossG * 10;
    const wrong = { ...right, grossG: wrongGross, netG: wrongGross - right.tareG - right.deductionG };
    const at = ctx.occurredAt(this.trade);
    const rightInput = this.collectionInput(ctx, seller, 'EXTR-OLD', right, at);
    const wrongInput = { ...rightInput, ...wrong };
    const { site: _site, idempotencyKey: _key, ...replacement } = rightInput;
    this.record(
      ctx,
      at,
      wrongInput,
      'EXTR-OLD',
      (view) => {
        const voided = madeLot(view, 0);
        this.later.push({
          hour: ctx.hour + 1,
          plan: (next) => {
            const input = recordCorrectionInput.parse({
              site: this.site.code,
              targetSeq: view.seq,
              targetLeafHash: view.leafHashes[0],
              reason: 'weighing_error',
              replacement: { kind: 'collection.recorded', input: replacement },
              sealed: {
                note: '毛重多输入一位数字，按磅单更正。Gross typed with one digit too many; corrected from the weighbridge ticket.',
              },
            });
            next.add(next.occurredAt(this.trade), () =>
              recordCorrection(next.deps, next.callerOf(this.site.code), input).then((cv) => {
                const lot = madeLot(cv, 0);
                this.stock.push({
                  lotId: lot.lotId,
                  massG: lot.massG,
                  grade: 'EXTR-OLD',
                  alloy: null,
                  since: next.day.index,
                });
                this.log.correction = {
                  site: this.site.code,
                  date: next.day.date,
                  targetSeq: view.seq,
                  voidedLot: voided.lotId,
                  voidedNetG: voided.massG,
                  replacementLot: lot.lotId,
                  replacementNetG: lot.massG,
                };
              }),
            );
          },
        });
      },
      false,
    );
  }

  /** The same load saved twice by the scale PC; the second is declared a duplicate an hour later. */
  private recordedTwice(ctx: SimContext): void {
    const seller = draw(this.trade, this.individuals);
    const w = this.weigh('tricycle', 'UBC');
    const at = ctx.occurredAt(this.trade);
    const input = this.collectionInput(ctx, seller, 'UBC', w, at);
    let kept = '';
    this.record(ctx, at, input, 'UBC', (view) => {
      kept = madeLot(view, 0).lotId;
    });
    this.record(
      ctx,
      at,
      input,
      'UBC',
      (view) => {
        const voided = madeLot(view, 0);
        this.later.push({
          hour: ctx.hour + 1,
          plan: (next) => {
            const correction = recordCorrectionInput.parse({
              site: this.site.code,
              targetSeq: view.seq,
              targetLeafHash: view.leafHashes[0],
              reason: 'duplicate',
              sealed: { note: '同一磅单保存了两次。The same weighing was saved twice.' },
            });
            next.add(next.occurredAt(this.trade), () =>
              recordCorrection(next.deps, next.callerOf(this.site.code), correction).then(() => {
                this.log.duplicate = {
                  site: this.site.code,
                  date: next.day.date,
                  targetSeq: view.seq,
                  voidedLot: voided.lotId,
                  keptLot: kept,
                };
              }),
            );
          },
        });
      },
      false,
    );
  }

  /** One individual selling two truckloads an hour, 09:00–15:00: about 40 t in a day, where 1 t is a lot for a person. */
  private bigSeller(ctx: SimContext): void {
    this.log.sellerSpike ??= {
      site: this.site.code,
      date: ctx.day.date,
      seller: spikeSeller(this.people, this.site),
      lots: [],
      totalNetG: 0,
    };
    const spike = this.log.sellerSpike;
    const fields = spike.seller;
    for (let i = 0; i < 2; i++) {
      const grade = this.trade.weighted([
        ['EXTR-OLD', 3],
        ['CAST-AUTO', 2],
        ['WHEELS', 1],
        ['SHEET-OLD', 2],
      ] as const);
      const at = ctx.occurredAt(this.trade);
      const seller: Seller = { fields, plate: spikePlate, vehicle: 'light_truck', grades: null, weight: 1 };
      const input = this.collectionInput(
        ctx,
        seller,
        grade,
        this.weigh('light_truck', grade, [2_800_000, 4_400_000]),
        at,
      );
      this.record(ctx, at, input, grade, (view) => {
        const lot = madeLot(view, 0);
        spike.lots.push(lot.lotId);
        spike.totalNetG += lot.massG;
      });
    }
  }
}

const spikePlate = '桂L8J062';

function spikeSeller(r: SeededRandom, site: CollectionPointProfile): SellerFields {
  const s = individual(r, site, '平果市');
  return { ...s.fields, address: '广西百色市平果市马头镇' } as SellerFields;
}

function pool(sellers: Seller[]): Pool {
  let total = 0;
  return { sellers, cumulative: sellers.map((s) => (total += s.weight)) };
}

function draw(r: SeededRandom, p: Pool): Seller {
  const total = p.cumulative[p.cumulative.length - 1] as number;
  const x = r.next() * total;
  let lo = 0;
  let hi = p.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p.cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return p.sellers[lo] as Seller;
}

function step(g: number, stepG: number): number {
  return Math.max(stepG, Math.round(g / stepG) * stepG);
}

function clampStep(g: number, min: number, max: number, stepG: number): number {
  return step(Math.min(max, Math.max(min, g)), stepG);
}
