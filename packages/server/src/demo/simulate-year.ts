// The demo year, day by day and hour by hour (07:00–20:00): every site plans
// its slot, the slot's operations go to the ledger together, and the clock
// moves on. See sim-context.ts for why it is cut into slots.
import type { Caller, LifecycleDeps } from '../domain/lifecycle/context';
import { demoDay, instantAt, plantsRun } from './calendar';
import { CollectionPointSim } from './collection-point-sim';
import { type DemoAnomalies, demoPlan, noAnomaliesYet } from './demo-anomalies';
import { COLLECTION_POINTS, RECYCLERS, UTILISERS } from './demo-world';
import { RecyclerSim } from './recycler-sim';
import { type SimContext, SlotQueue, slotInstant, type Transit } from './sim-context';
import { UtiliserSim } from './utiliser-sim';

const FIRST_HOUR = 7;
const LAST_HOUR = 20;

export interface SimulateOptions {
  deps: LifecycleDeps;
  /** The demo user who acts for each site. */
  callers: ReadonlyMap<string, Caller>;
  /** Moves the app's clock (recordedAt, lot-id days) to the end of each slot. */
  setClock(at: Date): void;
  seed: number;
  /** YYYY-MM-DD (Asia/Shanghai). */
  start: string;
  days: number;
  /** After each slot, with the day index. */
  onSlot?(day: number): void;
}

export async function simulateYear(options: SimulateOptions): Promise<DemoAnomalies> {
  const { seed, days } = options;
  const plan = demoPlan(days);
  const log = noAnomaliesYet();
  const points = COLLECTION_POINTS.map((site) => new CollectionPointSim(site, seed, plan, log));
  const recyclers = RECYCLERS.map((site, i) => new RecyclerSim(site, i, seed, plan, log));
  const utilisers = UTILISERS.map((site) => new UtiliserSim(site, seed));
  const inbound = new Map<string, Transit[]>([...RECYCLERS, ...UTILISERS].map((s) => [s.code, []]));
  const queue = new SlotQueue();
  const callerOf = (site: string): Caller => {
    const caller = options.callers.get(site);
    if (!caller) throw new Error(`demo: no demo user acts for ${site}`);
    return caller;
  };

  for (let d = 0; d < days; d++) {
    const day = demoDay(options.start, d);
    const running = plantsRun(day);
    for (let hour = FIRST_HOUR; hour <= LAST_HOUR; hour++) {
      const ctx: SimContext = {
        deps: options.deps,
        callerOf,
        day,
        hour,
        inbound,
        add: (at, run) => queue.add(at, run),
        occurredAt: (r) => slotInstant(day, hour, r),
      };
      for (const p of points) p.planSlot(ctx);
      for (const r of recyclers) r.planSlot(ctx, running);
      for (const u of utilisers) u.planSlot(ctx, running);
      // Recorded at the end of the slot: after everything that happened in it, on the same day.
      options.setClock(instantAt(day, hour * 3600 + 3599));
      await queue.run();
      options.onSlot?.(d);
    }
  }
  return log;
}
