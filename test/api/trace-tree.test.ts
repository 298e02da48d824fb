// lots.trace as a tree, over real HTTP: every lot reached forward names the
// links (run, lot it came from, grams consumed, grams of the traced lot
// carried) that brought it there, and backward every lot made on the way
// names its inputs. The graph has a partial consumption, two runs fed from one
// ingot, and paths that meet again (lot a feeds run 3 directly and through
// ingot 1), so a lot has two parents. Every figure below is worked by hand
// from the allocation rule (each input split over the run's outputs and
// by-products by mass, largest remainder) and the forward rule (a link from a
// lot carries its consumed grams times carried/basis of that lot).
import type { BackwardTrace, ForwardTrace, RecordedView } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, data } from './http-client';
import { Stock } from './lifecycle-stock';
import { buildWorld, type World } from './world';

let world: World;
let rc: Client;
type Made = RecordedView['lots'][number];
const ids: Record<string, string> = {};
const runSeq: Record<string, number> = {};

async function run(body: Record<string, unknown>): Promise<RecordedView> {
  return data(await rc.mutate<RecordedView>('processing.record', { site: 'RC01', ...body }));
}

beforeAll(async () => {
  world = await buildWorld();
  rc = world.clientFor('recycler');
  const stock = new Stock(world);
  // a: 1,000,000 g and b: 500,000 g of UBC, both delivered whole to RC01.
  const a = (await stock.collect('PG01')).lots[0] as Made;
  const b = (await stock.collect('PG01', undefined, { grossG: 600_000, tareG: 100_000, deductionG: 0, netG: 500_000 }))
    .lots[0] as Made;
  await stock.receive('RC01', await stock.dispatch('PG01', 'RC01', [a, b]));
  ids.a = a.lotId;
  ids.b = b.lotId;

  // Run 1: a 600,000 + b 400,000 → ingot1 900,000 + dross1 100,000.
  // a → ingot1 540,000, dross1 60,000; b → ingot1 360,000, dross1 40,000.
  const r1 = await run({
    process: 'melting',
    inputs: [
      { lotId: a.lotId, consumedG: 600_000 },
      { lotId: b.lotId, consumedG: 400_000 },
    ],
    additions: [],
    outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 900_000 }],
    byproducts: [{ kind: 'dross', massG: 100_000, hazardousWasteCode: 'HW48 321-026-48' }],
  });
  [ids.ingot1, ids.dross1] = r1.lots.map((l) => l.lotId) as [string, string];
  runSeq.r1 = r1.seq;

  // Run 2: ingot1 450,000 → billet 400,000 + dross2 50,000 (the allocation rows are the masses themselves).
  const r2 = await run({
    process: 'casting',
    inputs: [{ lotId: ids.ingot1, consumedG: 450_000 }],
    additions: [],
    outputs: [{ form: 'billet', alloy: 'ADC12', massG: 400_000 }],
    byproducts: [{ kind: 'dross', massG: 50_000, hazardousWasteCode: 'HW48 321-026-48' }],
  });
  [ids.billet, ids.dross2] = r2.lots.map((l) => l.lotId) as [string, string];
  runSeq.r2 = r2.seq;

  // Run 3: a's other 400,000 + ingot1's other 450,000 → ingot3 800,000 + dross3 50,000 (over 850,000).
  // a: 400,000 × 800/850 = 376,470.59 and 23,529.41: floors 376,470 + 23,529, the gram left to the
  // larger fraction → 376,471 and 23,529. ingot1: 450,000 × 800/850 = 423,529.41 and 26,470.59 →
  // 423,529 and 26,471.
  const r3 = await run({
    process: 'melting',
    inputs: [
      { lotId: a.lotId, consumedG: 400_000 },
      { lotId: ids.ingot1, consumedG: 450_000 },
    ],
    additions: [],
    outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 800_000 }],
    byproducts: [{ kind: 'dross', massG: 50_000, hazardousWasteCode: 'HW48 321-026-48' }],
  });
  [ids.ingot3, ids.dross3] = r3.lots.map((l) => l.lotId) as [string, string];
  runSeq.r3 = r3.seq;

  data(
    await rc.mutate('shipments.record', {
      site: 'RC01',
      lotId: ids.billet,
      buyer: 'BY01',
      chain: 'construction',
      massG: 400_000,
    }),
  );
});
afterAll(async () => {
  await world?.stop();
});

const trace = async <T>(lotId: string, direction: 'forward' | 'backward'): Promise<T> =>
  data(await rc.query<T>('lots.trace', { lotId, direction }));

describe('lots.trace forward, as a tree', () => {
  it('names, for every lot reached, the links that brought it a’s grams', async () => {
    const t = await trace<ForwardTrace>(ids.a as string, 'forward');
    expect(t.fedG).toBe(1_000_000);
    // ingot1 holds 900,000 g (its basis), 540,000 g of them a's: a link out of it carries 540/900 = 0.6.
    // billet 400,000 × 0.6 = 240,000; dross2 50,000 × 0.6 = 30,000; into ingot3 423,529 × 0.6 =
    // 254,117.4 (254,117 and 169,411.6 → 169,412 for the rest: the spare gram goes to .6);
    // into dross3 26,471 × 0.6 = 15,882.6 (15,883, the rest 10,588).
    const byLot = Object.fromEntries(t.reached.map((l) => [l.lotId, l]));
    const view = (id: string) => {
      const l = byLot[id];
      return [l?.carriedG, l?.parents.map((p) => [p.lotId, p.runSeq, p.consumedG, p.carriedG])];
    };
    expect(t.reached.map((l) => l.lotId)).toEqual([
      ids.ingot1,
      ids.dross1,
      ids.billet,
      ids.dross2,
      ids.ingot3,
      ids.dross3,
    ]);
    expect(view(ids.ingot1 as string)).toEqual([540_000, [[ids.a, runSeq.r1, 540_000, 540_000]]]);
    expect(view(ids.dross1 as string)).toEqual([60_000, [[ids.a, runSeq.r1, 60_000, 60_000]]]);
    expect(view(ids.billet as string)).toEqual([240_000, [[ids.ingot1, runSeq.r2, 400_000, 240_000]]]);
    expect(view(ids.dross2 as string)).toEqual([30_000, [[ids.ingot1, runSeq.r2, 50_000, 30_000]]]);
    expect(view(ids.ingot3 as string)).toEqual([
      376_471 + 254_117,
      [
        [ids.a, runSeq.r3, 376_471, 376_471],
        [ids.ingot1, runSeq.r3, 423_529, 254_117],
      ],
    ]);
    expect(view(ids.dross3 as string)).toEqual([
      23_529 + 15_883,
      [
        [ids.a, runSeq.r3, 23_529, 23_529],
        [ids.ingot1, runSeq.r3, 26_471, 15_883],
      ],
    ]);
    // What a's children carry is what a fed: 540,000 + 60,000 + 376,471 + 23,529.
    const fromA = t.reached.flatMap((l) => l.parents.filter((p) => p.lotId === ids.a));
    expect(fromA.reduce((s, p) => s + (p.carriedG ?? 0), 0)).toBe(t.fedG);
    expect(byLot[ids.billet as string]?.exits.map((x) => [x.exit, x.buyer, x.massG])).toEqual([
      ['shipped', 'BY01', 400_000],
    ]);
    expect(t.shipped).toEqual([{ buyer: 'BY01', chain: 'construction', lots: 1, grams: 240_000 }]);
  });

  it('a lot nothing consumed has no children, and a lot made by a run lists none of its siblings', async () => {
    const t = await trace<ForwardTrace>(ids.billet as string, 'forward');
    expect(t.reached).toEqual([]);
    expect(t.exits.map((x) => x.massG)).toEqual([400_000]);
    const i = await trace<ForwardTrace>(ids.ingot1 as string, 'forward');
    // From ingot1 itself every link out of it counts whole.
    expect(i.reached.map((l) => [l.lotId, l.carriedG, l.parents.map((p) => p.lotId)])).toEqual([
      [ids.billet, 400_000, [ids.ingot1]],
      [ids.dross2, 50_000, [ids.ingot1]],
      [ids.ingot3, 423_529, [ids.ingot1]],
      [ids.dross3, 26_471, [ids.ingot1]],
    ]);
  });
});

describe('lots.trace backward, as a tree', () => {
  it('lists every lot made on the way back with its inputs and the grams consumed', async () => {
    const t = await trace<BackwardTrace>(ids.ingot3 as string, 'backward');
    expect(t.made.map((m) => [m.lotId, m.inputs.map((i) => [i.lotId, i.runSeq, i.consumedG])])).toEqual([
      [
        ids.ingot1,
        [
          [ids.a, runSeq.r1, 540_000],
          [ids.b, runSeq.r1, 360_000],
        ],
      ],
      [
        ids.ingot3,
        [
          [ids.a, runSeq.r3, 376_471],
          [ids.ingot1, runSeq.r3, 423_529],
        ],
      ],
    ]);
    // a: 376,471 directly and 423,529 × 540/900 = 254,117.4 through ingot1; b: 423,529 × 360/900 = 169,411.6.
    // The split of 423,529 by [540,000, 360,000]: floors 254,117 + 169,411, the spare gram to b (.6) →
    // a 630,588, b 169,412, together ingot3's 800,000.
    expect(t.sources.map((s) => [s.lotId, s.grams])).toEqual([
      [ids.a, 630_588],
      [ids.b, 169_412],
    ]);
    expect(t.totalG).toBe(800_000);
  });

  it('a collection lot is its own source, with nothing made on the way', async () => {
    const t = await trace<BackwardTrace>(ids.a as string, 'backward');
    expect(t.made).toEqual([]);
    expect(t.sources.map((s) => [s.lotId, s.grams])).toEqual([[ids.a, 1_000_000]]);
  });
});
