// Produced is new metal. An ingot cast into billet, or melted again with fresh
// scrap, is metal already counted when it was first made: counting every run's
// output would count it twice, and the emissions report would credit its
// recycled content twice. Hand-worked figures.
import { REPORT_INPUTS } from '@alutrace/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collect, deliver, type LifecycleApp, openLifecycleApp, run } from '../testing/lifecycle-app';
import { computeReport } from './compute-report';

let w: LifecycleApp;
let t = Date.parse('2026-11-28T02:00:00Z');
const now = () => {
  t += 1000;
  return new Date(t);
};

beforeAll(async () => {
  w = await openLifecycleApp({ now });
  const a = (await collect(w, 'PG01', 1_000_000, { grade: 'UBC', sourceClass: 'post_consumer' })).lots[0]
    ?.lotId as string;
  const b = (await collect(w, 'PG01', 500_000, { grade: 'UBC', sourceClass: 'post_consumer' })).lots[0]
    ?.lotId as string;
  await deliver(w, 'PG01', 'RC01', [
    { lotId: a, massG: 1_000_000 },
    { lotId: b, massG: 500_000 },
  ]);
  // 1,000 kg of scrap melted into 900 kg of ingot: 900 kg of new metal.
  const ingot = (await run(w, 'RC01', { inputs: [{ lotId: a, consumedG: 1_000_000 }], outputs: [{ massG: 900_000 }] }))
    .lots[0]?.lotId as string;
  // The ingot cast again, 880 kg out of 900 kg: no new metal.
  const cast = (
    await run(w, 'RC01', {
      process: 'casting',
      inputs: [{ lotId: ingot, consumedG: 900_000 }],
      outputs: [{ massG: 880_000, alloy: '6063' }],
    })
  ).lots[0]?.lotId as string;
  // 400 kg of that melted with the other 500 kg of scrap into 850 kg: 450 kg new.
  await run(w, 'RC01', {
    inputs: [
      { lotId: cast, consumedG: 400_000 },
      { lotId: b, consumedG: 500_000 },
    ],
    outputs: [{ massG: 850_000 }],
  });
});

afterAll(() => w?.close());

it('counts metal made from metal once: 900 kg from the first melt, nothing from the recast, 450 kg from the mixed melt', () => {
  const input = REPORT_INPUTS.volumes.parse({ from: '2026-11-01', to: '2026-11-30', measures: ['produced'] });
  const live = computeReport(w.app, 'volumes', input);
  expect(live.rows).toEqual([{ period: '2026-11', produced_g: 1_350_000 }]);
});

it('credits avoided emissions on the new metal only', () => {
  const input = REPORT_INPUTS.emissions.parse({ from: '2026-11-01', to: '2026-11-30' });
  const live = computeReport(w.app, 'emissions', input);
  // All of it post-consumer scrap with no primary added: 1.35 t × (13.2 − 0.5) t CO2e/t = 17.145 t.
  expect(live.totals).toMatchObject({ produced_g: 1_350_000, recycled_metal_g: 1_350_000, avoided_kg: 17_145 });
});
