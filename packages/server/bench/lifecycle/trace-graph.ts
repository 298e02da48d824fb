// The graph lots.trace is measured on, built through the domain functions:
// 10,000 household collections of cans at 10 collection points, dispatched
// whole to one recycler (500 lots a truck) and received there, then five
// processing stages down to one ingot that carries some of every one of them:
//
//   sorting    20 runs × 500 collection lots → 1 sorted lot each (+ rejects)
//   shredding  10 runs × 2 sorted lots       → 1 shredded lot each
//   decoating   5 runs × 2 shredded lots     → 1 decoated lot each
//   melting     1 run  × 5 decoated lots     → liquid metal in lots of ≤ 95 t (+ dross)
//   casting     1 run  × 1 liquid lot        → the ingot
//
// Every run consumes its inputs whole, and every output of a run carries a
// share of all its inputs, so the ingot's backward trace reaches all 10,000
// collection lots; a collection lot's forward trace runs through all five
// stages to the ingot (and the other liquid lots and by-products).

import type { recordProcessingInput } from '@alutrace/shared';
import type { z } from 'zod';
import type { App } from '../../src/app/create-app';
import type { SiteSpec } from './bench-app';
import { createSites } from './bench-app';
import { CollectionInputs } from './collection-inputs';
import { type HeldLot, inGroups, Network } from './network';

const RECYCLER = 'RC01';
const TRUCK_LOTS = 500;
const GROUP = 64;

export interface TraceGraph {
  /** The ingot at the end of the five stages. */
  ingot: string;
  /** A collection lot (the first one recorded). */
  collectionLot: string;
  collectionLots: number;
  /** Dispatches from the collection points to the recycler. */
  trucks: number;
  /** Each stage: its process, runs, and inputs per run. */
  stages: { process: string; runs: number; perRun: number }[];
  /** Ledger entries when the graph was complete. */
  entries: number;
  buildMs: number;
}

type Stage = { process: z.input<typeof recordProcessingInput>['process']; perRun: number };

const STAGES: Stage[] = [
  { process: 'sorting', perRun: 500 },
  { process: 'shredding', perRun: 2 },
  { process: 'decoating', perRun: 2 },
  { process: 'melting', perRun: 5 },
  { process: 'casting', perRun: 1 },
];

export async function buildTraceGraph(
  app: App,
  collectionLots: number,
  progress: (m: string) => void,
): Promise<TraceGraph> {
  const t0 = performance.now();
  const points = Array.from({ length: 10 }, (_, i) => `CP${String(i + 1).padStart(2, '0')}`);
  const sites: SiteSpec[] = [
    ...points.map((code) => ({ code, kind: 'collection_point' as const })),
    { code: RECYCLER, kind: 'recycler' },
  ];
  await createSites(app, sites);
  const network = new Network(app, sites);
  const inputs = new CollectionInputs(20261128);

  progress(`trace graph: ${collectionLots.toLocaleString('en-US')} collections at ${points.length} collection points`);
  const requests = Array.from({ length: collectionLots }, (_, i) =>
    inputs.nextSmall(points[i % points.length] as string),
  );
  const collected = await inGroups(requests, GROUP, (r) => network.collect(r));

  // Whole lots by truck from each point to the recycler, received with the masses sent.
  const byPoint = new Map<string, HeldLot[]>();
  collected.forEach((lot, i) => {
    const site = requests[i]?.site as string;
    byPoint.set(site, [...(byPoint.get(site) ?? []), lot]);
  });
  const trucks: { site: string; lots: HeldLot[] }[] = [];
  for (const [site, lots] of byPoint) {
    for (let i = 0; i < lots.length; i += TRUCK_LOTS) trucks.push({ site, lots: lots.slice(i, i + TRUCK_LOTS) });
  }
  progress(`trace graph: ${trucks.length} dispatches to ${RECYCLER} and their receipts`);
  const dispatched = await inGroups(trucks, GROUP, async (t) => ({
    dispatchId: await network.dispatch(t.site, RECYCLER, t.lots),
    lots: t.lots,
  }));
  await inGroups(dispatched, GROUP, (d) => network.receive(RECYCLER, d.dispatchId, d.lots));

  let held: HeldLot[] = collected;
  const stages: TraceGraph['stages'] = [];
  for (const stage of STAGES) {
    const runs: HeldLot[][] = [];
    for (let i = 0; i < held.length; i += stage.perRun) runs.push(held.slice(i, i + stage.perRun));
    stages.push({ process: stage.process, runs: runs.length, perRun: Math.min(stage.perRun, held.length) });
    progress(`trace graph: ${runs.length} ${stage.process} run(s)`);
    const made = await inGroups(runs, GROUP, (lots) => network.process(runInput(stage, lots)));
    // Stage outputs only (by-products leave the chain); the casting stage takes one liquid lot.
    held = made.flatMap((lots, i) => lots.slice(0, outputCount(stage, runs[i] as HeldLot[])));
    if (stage.process === 'melting') held = held.slice(0, 1);
  }
  const ingot = held[0];
  if (!ingot || !collected[0]) throw new Error('the trace graph has no ingot');
  return {
    ingot: ingot.lotId,
    collectionLot: collected[0].lotId,
    collectionLots,
    trucks: trucks.length,
    stages,
    entries: app.ledger.size,
    buildMs: performance.now() - t0,
  };
}

const LIQUID_LOT_G = 95_000_000;

function outputCount(stage: Stage, lots: readonly HeldLot[]): number {
  if (stage.process !== 'melting') return 1;
  return Math.ceil(metalOf(lots) / LIQUID_LOT_G);
}

function metalOf(lots: readonly HeldLot[]): number {
  return Math.floor(sum(lots) * 0.9);
}

function sum(lots: readonly HeldLot[]): number {
  return lots.reduce((s, l) => s + l.massG, 0);
}

/** A run consuming `lots` whole, with plausible yields for its process. */
function runInput(stage: Stage, lots: readonly HeldLot[]): z.input<typeof recordProcessingInput> {
  const inG = sum(lots);
  const inputs = lots.map((l) => ({ lotId: l.lotId, consumedG: l.massG }));
  const base = { site: RECYCLER, process: stage.process, inputs };
  switch (stage.process) {
    case 'sorting':
      return {
        ...base,
        outputs: [{ form: 'sorted_scrap', grade: 'UBC', massG: Math.floor(inG * 0.95) }],
        byproducts: [{ kind: 'other', massG: Math.floor(inG * 0.03) }],
      };
    case 'shredding':
      return { ...base, outputs: [{ form: 'sorted_scrap', grade: 'UBC-SHRED', massG: Math.floor(inG * 0.99) }] };
    case 'decoating':
      return { ...base, outputs: [{ form: 'sorted_scrap', grade: 'UBC-SHRED', massG: Math.floor(inG * 0.94) }] };
    case 'melting': {
      const metal = metalOf(lots);
      const n = Math.ceil(metal / LIQUID_LOT_G);
      const each = Math.floor(metal / n);
      return {
        ...base,
        outputs: Array.from({ length: n }, () => ({ form: 'liquid', alloy: 'ADC12', massG: each })),
        byproducts: [{ kind: 'dross', massG: Math.floor(inG * 0.06), hazardousWasteCode: 'HW48 321-026-48' }],
      };
    }
    default:
      return { ...base, outputs: [{ form: 'ingot', alloy: 'ADC12', massG: Math.floor(inG * 0.995) }] };
  }
}
