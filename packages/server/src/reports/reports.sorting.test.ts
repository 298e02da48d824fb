// Scrap sorted before it is melted is consumed once, when it is melted, and a
// sorted lot has no source class of its own: its mass counts by its content
// (ISO 14021: post-consumer never merged with pre-consumer). Hand-worked.
import { REPORT_INPUTS, recordCollectionInput } from '@alutrace/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordCollection } from '../domain/lifecycle/procedures';
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

it('sums weeks from the weekly aggregates and the days of a partial week at either end, each day once', async () => {
  // A collection on Sunday 2026-11-22 (the last day of ISO week 47) and one on Monday 23 (the
  // first of week 48), besides the week-48 events above (600 + 400 kg on Saturday 28).
  for (const [netG, occurredAt] of [
    [200_000, '2026-11-22T04:00:00Z'],
    [50_000, '2026-11-23T04:00:00Z'],
  ] as const) {
    await recordCollection(
      w.deps,
      w.at('PG02'),
      recordCollectionInput.parse({
        site: 'PG02',
        grade: 'UBC',
        grossG: netG + 100_000,
        tareG: 100_000,
        deductionG: 0,
        netG,
        occurredAt,
        sealed: { seller: { kind: 'individual', name: '李明', residentId: '451002198506151230' } },
      }),
    );
  }
  const weekly = (from: string, to: string) => {
    const input = REPORT_INPUTS.volumes.parse({ from, to, period: 'week', measures: ['collected'] });
    const live = computeReport(w.app, 'volumes', input);
    expect(computeReport(w.app, 'volumes', input, { at: live.provenance.treeSize }).rows).toEqual(live.rows);
    return live.rows;
  };
  // Week 47 whole (16–22), then Monday 23 by day: each counted once.
  expect(weekly('2026-11-16', '2026-11-23')).toEqual([
    { period: '2026-W47', collected_g: 200_000 },
    { period: '2026-W48', collected_g: 50_000 },
  ]);
  // Wednesday 18 to Sunday 22 by day, week 48 whole (23–29): 50 + 600 + 400 kg.
  expect(weekly('2026-11-18', '2026-11-29')).toEqual([
    { period: '2026-W47', collected_g: 200_000 },
    { period: '2026-W48', collected_g: 1_050_000 },
  ]);
  // Whole weeks only, and a range inside one week (all by day).
  expect(weekly('2026-11-16', '2026-11-29')).toEqual(weekly('2026-11-22', '2026-11-28'));
});

it('refuses a range too long for its periods, in both languages', () => {
  const input = REPORT_INPUTS.volumes.parse({ from: '2020-01-01', to: '2026-11-30', period: 'day' });
  expect(() => computeReport(w.app, 'volumes', input)).toThrow(
    expect.objectContaining({ code: 'REPORT_RANGE_TOO_LONG' }),
  );
});
