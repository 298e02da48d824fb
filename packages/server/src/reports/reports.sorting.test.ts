// Scrap sorted before it is melted is consumed once, when it is melted, and a
// sorted lot has no source class of its own: its mass counts by its content
// (ISO 14021: post-consumer never merged with pre-consumer). Hand-worked.
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
  const post = (await collect(w, 'PG01', 600_000, { grade: 'MIXED', sourceClass: 'post_consumer' })).lots[0]?.lotId;
  const pre = (await collect(w, 'PG01', 400_000, { grade: 'MIXED', sourceClass: 'pre_consumer' })).lots[0]?.lotId;
  await deliver(w, 'PG01', 'RC01', [
    { lotId: post as string, massG: 600_000 },
    { lotId: pre as string, massG: 400_000 },
  ]);
  // Sorting 1,000 kg (60 % post-consumer) into 900 kg of extrusion scrap; 100 kg lost.
  const sorted = await run(w, 'RC01', {
    process: 'sorting',
    inputs: [
      { lotId: post as string, consumedG: 600_000 },
      { lotId: pre as string, consumedG: 400_000 },
    ],
    outputs: [{ massG: 900_000, form: 'sorted_scrap', grade: 'EXTR-OLD' }],
  });
  // Melting 500 kg of it into 450 kg of metal.
  await run(w, 'RC01', {
    inputs: [{ lotId: sorted.lots[0]?.lotId as string, consumedG: 500_000 }],
    outputs: [{ massG: 450_000, alloy: '6063' }],
  });
});

afterAll(() => w?.close());

it('counts sorted scrap as consumed once, when melted, split by its content', () => {
  const input = REPORT_INPUTS.volumes.parse({
    from: '2026-11-01',
    to: '2026-11-30',
    groupBy: ['grade', 'source_class'],
    measures: ['received', 'consumed', 'produced'],
  });
  const live = computeReport(w.app, 'volumes', input);
  // Consumed: only the melt's 500 kg of EXTR-OLD, 60 % post-consumer (300 kg), 40 % pre (200 kg).
  expect(live.rows).toEqual([
    { period: '2026-11', grade: null, source_class: null, received_g: 0, consumed_g: 0, produced_g: 450_000 },
    {
      period: '2026-11',
      grade: 'EXTR-OLD',
      source_class: 'post_consumer',
      received_g: 0,
      consumed_g: 300_000,
      produced_g: 0,
    },
    {
      period: '2026-11',
      grade: 'EXTR-OLD',
      source_class: 'pre_consumer',
      received_g: 0,
      consumed_g: 200_000,
      produced_g: 0,
    },
    {
      period: '2026-11',
      grade: 'MIXED',
      source_class: 'post_consumer',
      received_g: 600_000,
      consumed_g: 0,
      produced_g: 0,
    },
    {
      period: '2026-11',
      grade: 'MIXED',
      source_class: 'pre_consumer',
      received_g: 400_000,
      consumed_g: 0,
      produced_g: 0,
    },
  ]);
  expect(computeReport(w.app, 'volumes', input, { at: live.provenance.treeSize }).rows).toEqual(live.rows);
  // Yield: 450 ÷ 500 = 90 %: met.
  const y = computeReport(w.app, 'yield', REPORT_INPUTS.yield.parse({ from: '2026-11-01', to: '2026-11-30' }));
  expect(y.rows.map((r) => [r.scrap_in_g, r.metal_out_g, r.yield_ppm, r.status, r.grade_mix])).toEqual([
    [500_000, 450_000, 900_000, 'met', 'EXTR-OLD 100.0 %'],
  ]);
});

it('refuses a range too long for its periods, in both languages', () => {
  const input = REPORT_INPUTS.volumes.parse({ from: '2020-01-01', to: '2026-11-30', period: 'day' });
  expect(() => computeReport(w.app, 'volumes', input)).toThrow(
    expect.objectContaining({ code: 'REPORT_RANGE_TOO_LONG' }),
  );
});
