// What the parts of the demo simulation share: the lots each site holds as
// the simulation sees them, trucks on the road, and the slot queue.
//
// A simulated day runs in hourly slots. Every site plans its operations for
// a slot from the state at the start of the slot (taking lots out of its
// stock at once, so that no two operations of a slot touch the same lot),
// then the slot submits them all in one turn of the event loop: the ledger
// commits them as one group (appendAsync), and each result feeds the state
// before the next slot plans. An operation that needs another's result (the
// casting of a melt, the receipt of a truck) is planned in a later slot.
import type { ByproductKind, RecordedView } from '@alutrace/shared';
import type { Caller, LifecycleDeps } from '../domain/lifecycle/context';
import { type DemoDay, instantAt } from './calendar';
import type { SeededRandom } from './seeded-random';

/** A lot as the simulation tracks it at the site that holds it. */
export interface HeldLot {
  lotId: string;
  /** Its balance: what is left of it. */
  massG: number;
  grade: string | null;
  alloy: string | null;
  /** The day index it came to this site. */
  since: number;
  byproduct?: ByproductKind;
  /** Where a by-product goes (a utiliser). */
  dest?: string;
  /** The hazardous-waste transfer manifest it travelled under. */
  manifest?: string;
}

/** A truck between two sites: the dispatch and what it carries. */
export interface Transit {
  dispatchId: string;
  from: string;
  to: string;
  lots: HeldLot[];
  day: number;
  manifest?: string;
  /** The lot of the deliberate transit discrepancy, if this truck carries it. */
  short?: string;
}

interface Queued {
  at: string;
  run: () => Promise<void>;
}

export interface SimContext {
  deps: LifecycleDeps;
  callerOf(site: string): Caller;
  day: DemoDay;
  hour: number;
  /** Trucks on their way, by destination. */
  inbound: Map<string, Transit[]>;
  /** Queues an operation of this slot; `at` is when it happened (ISO-8601 UTC). */
  add(at: string, run: () => Promise<void>): void;
  /** A random instant within the slot's hour. */
  occurredAt(r: SeededRandom): string;
}

export class SlotQueue {
  private queued: Queued[] = [];

  add(at: string, run: () => Promise<void>): void {
    this.queued.push({ at, run });
  }

  /**
   * Submits the slot's operations in the order they happened (all in one
   * turn, so they share group commits) and waits for every one.
   */
  async run(): Promise<number> {
    const ops = this.queued.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    this.queued = [];
    await Promise.all(
      ops.map((op) =>
        op.run().catch((e: unknown) => {
          // A refusal here is a bug of the simulation: say when, and keep the domain error as the cause.
          throw new Error(`demo: an operation at ${op.at} was refused: ${(e as Error).message}`, { cause: e });
        }),
      ),
    );
    return ops.length;
  }
}

export function slotInstant(day: DemoDay, hour: number, r: SeededRandom): string {
  return instantAt(day, hour * 3600 + r.int(0, 3599)).toISOString();
}

export const KG = 1000;
export const TONNE = 1_000_000;

/** Grams rounded to whole kilograms (what a weighbridge shows). */
export function toKg(g: number): number {
  return Math.round(g / KG) * KG;
}

export function sumMass(lots: readonly { massG: number }[]): number {
  return lots.reduce((s, l) => s + l.massG, 0);
}

/**
 * What a receiving scale shows for `sentG` when the load changed by `ratio`
 * (−0.004 = 0.4 % light): to the kilogram, and never outside the transit
 * tolerance, so that only the deliberate discrepancy is flagged.
 */
export function receivedMass(sentG: number, ratio: number, tolerancePct: number): number {
  const limit = Math.floor((sentG * tolerancePct * 0.9) / 100);
  let diff = Math.round((sentG * ratio) / KG) * KG;
  if (Math.abs(diff) > limit) diff = Math.sign(diff) * limit;
  return Math.max(1, sentG + diff);
}

/** The lot a recorded operation made at `index` (the view lists them in the order of their ids). */
export function madeLot(view: RecordedView, index: number): { lotId: string; massG: number } {
  const lot = view.lots[index];
  if (!lot) throw new Error(`demo: expected a lot at index ${index}, the operation made ${view.lots.length}`);
  return lot;
}

/** Splits `totalG` into `n` parts in whole kilograms that add up exactly. */
export function splitKg(totalG: number, n: number): number[] {
  const kg = Math.floor(totalG / KG);
  const base = Math.floor(kg / n);
  const parts = Array.from({ length: n }, (_, i) => (base + (i < kg - base * n ? 1 : 0)) * KG);
  parts[n - 1] = (parts[n - 1] as number) + (totalG - kg * KG);
  return parts;
}
