// lots.trace on a small history worked out by hand: three collection lots,
// a sorting run, a melt with primary aluminium, a cast, a shipment and a
// by-product sent to two routes. Every figure below is derived in the
// comments; "LR" is the largest-remainder split (floor of each exact quota,
// the grams left over to the largest remainders, ties to the earlier part).
import type { BackwardTrace, ForwardTrace } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, correct, deliver, type LifecycleApp, openLifecycleApp, run } from '../../testing/lifecycle-app';
import { recordShipment, utiliseByproduct } from '../lifecycle/procedures';
import { traceLot } from './trace';

let w: LifecycleApp;
const ids: Record<string, string> = {};
const all = { reach: 'all', sites: [] } as const;

const backward = (lot: string) =>
  traceLot(w.app.db, all, { lotId: ids[lot] as string, direction: 'backward' }) as BackwardTrace;
const forward = (lot: string) =>
  traceLot(w.app.db, all, { lotId: ids[lot] as string, direction: 'forward' }) as ForwardTrace;
const grams = (t: BackwardTrace) => Object.fromEntries(t.sources.map((s) => [name(s.lotId), s.grams]));
const name = (lotId: string) => Object.entries(ids).find(([, id]) => id === lotId)?.[0];

beforeAll(async () => {
  w = await openLifecycleApp();
  // A: 600,000 g of UBC (post-consumer) and B: 300,000 g of new clippings (pre-consumer) at PG01; C: 100,001 g of UBC at PG02.
  ids.A = (await collect(w, 'PG01', 600_000)).lots[0]?.lotId as string;
  ids.B = (await collect(w, 'PG01', 300_000, { grade: 'CLIP-NEW' })).lots[0]?.lotId as string;
  ids.C = (await collect(w, 'PG02', 100_001)).lots[0]?.lotId as string;
  await deliver(w, 'PG01', 'RC01', [
    { lotId: ids.A, massG: 600_000 },
    { lotId: ids.B, massG: 300_000 },
  ]);
  await deliver(w, 'PG02', 'RC01', [{ lotId: ids.C, massG: 100_001 }]);

  // Sorting: A and B whole → S1 500,000 g and S2 350,000 g (M = 850,000; 50,000 g lost).
  const sort = await run(w, 'RC01', {
    process: 'sorting',
    inputs: [
      { lotId: ids.A, consumedG: 600_000 },
      { lotId: ids.B, consumedG: 300_000 },
    ],
    outputs: [
      { form: 'sorted_scrap', massG: 500_000 },
      { form: 'sorted_scrap', massG: 350_000 },
    ],
  });
  [ids.S1, ids.S2] = sort.lots.map((l) => l.lotId) as [string, string];

  // Melting: 400,000 g of S1 (100,000 g stay on hand), all of S2 and C, 49,999 g of primary aluminium
  // → liquid L 800,000 g and dross D 60,000 g (M = 860,000).
  const melt = await run(w, 'RC01', {
    process: 'melting',
    inputs: [
      { lotId: ids.S1, consumedG: 400_000 },
      { lotId: ids.S2, consumedG: 350_000 },
      { lotId: ids.C, consumedG: 100_001 },
    ],
    additionsG: 49_999,
    outputs: [{ form: 'liquid', massG: 800_000 }],
    byproducts: [60_000],
  });
  [ids.L, ids.D] = melt.lots.map((l) => l.lotId) as [string, string];

  // Casting: all of L → ingot I 790,000 g.
  const cast = await run(w, 'RC01', {
    process: 'casting',
    inputs: [{ lotId: ids.L, consumedG: 800_000 }],
    outputs: [{ form: 'ingot', massG: 790_000 }],
  });
  ids.I = cast.lots[0]?.lotId as string;

  await recordShipment(w.deps, w.at('RC01'), {
    site: 'RC01',
    lotId: ids.I,
    buyer: 'BY01',
    chain: 'transport',
    massG: 790_000,
    sealed: {},
  });
  for (const [route, massG] of [
    ['aluminium_recovery', 40_000],
    ['cement_refractory', 20_000],
  ] as const) {
    await utiliseByproduct(w.deps, w.at('RC01'), {
      site: 'RC01',
      lotId: ids.D,
      route,
      massG,
      manifestNumber: null,
      sealed: {},
    });
  }
});
afterAll(() => w?.close());

describe('backward', () => {
  it('a collection lot comes from itself', () => {
    const t = backward('A');
    expect(grams(t)).toEqual({ A: 600_000 });
    expect(t).toMatchObject({ totalG: 600_000, bySourceClass: { post_consumer: 600_000, pre_consumer: 0 }, runs: [] });
  });

  it('a sorted lot carries its share of each input', () => {
    // A's 600,000 g over [500,000, 350,000]: quotas 352,941.18 and 247,058.82; the gram left goes to the
    // larger remainder (0.82) → 352,941 and 247,059. B's 300,000 g: 176,470.59 and 123,529.41 → 176,471, 123,529.
    expect(grams(backward('S1'))).toEqual({ A: 352_941, B: 176_471 });
    expect(grams(backward('S2'))).toEqual({ A: 247_059, B: 123_529 });
    expect(backward('S1').totalG).toBe(529_412);
  });

  it('through a melt with primary aluminium, which stays out of the collection lots', () => {
    // Rows into L (each input over [800,000, 60,000]): S1 400,000 → 372,093; S2 350,000 → 325,581;
    // C 100,001 → 93,024; the additions 49,999 → 46,511. S1's 372,093 over S1's {A 352,941, B 176,471}:
    // 248,061.77 / 124,031.23 → 248,062 + 124,031; S2's 325,581 over {A 247,059, B 123,529}: 217,054.29 /
    // 108,526.71 → 217,054 + 108,527. So A 465,116, B 232,558, C 93,024, additions 46,511 (837,209 in all).
    const t = backward('L');
    expect(grams(t)).toEqual({ A: 465_116, B: 232_558, C: 93_024 });
    expect(t).toMatchObject({ totalG: 837_209, additionsG: 46_511, untracedG: 0 });
    // The dross carries the rest of each row: 27,907 + 24,419 + 6,977 and 3,488 of additions.
    expect(grams(backward('D'))).toEqual({ A: 34_884, B: 17_442, C: 6_977 });
    expect(backward('D')).toMatchObject({ totalG: 62_791, additionsG: 3_488 });
  });

  it('to the ingot, three runs down: every collection lot, by source class and by collection point', () => {
    // The cast's one row, 800,000 g of L, over L's {additions 46,511, A 465,116, B 232,558, C 93,024}
    // (837,209): 44,443.86 / 444,444.39 / 222,222.11 / 88,889.63 → floors 799,998, the 2 grams left to
    // the largest remainders, the additions (.86) and C (.63) → A 444,444, B 222,222, C 88,890,
    // additions 44,444. (Without the additions' bucket A would be credited 470,588 g.)
    const t = backward('I');
    expect(grams(t)).toEqual({ A: 444_444, B: 222_222, C: 88_890 });
    expect(t.totalG).toBe(800_000);
    expect(t.additionsG).toBe(44_444);
    expect(t.bySourceClass).toEqual({ post_consumer: 444_444 + 88_890, pre_consumer: 222_222 });
    expect(t.byCollectionPoint).toEqual([
      { site: 'PG01', lots: 2, grams: 666_666 },
      { site: 'PG02', lots: 1, grams: 88_890 },
    ]);
    expect(t.sources.map((s) => [s.originSite, s.grade, s.sourceClass])).toEqual([
      ['PG01', 'UBC', 'post_consumer'],
      ['PG01', 'CLIP-NEW', 'pre_consumer'],
      ['PG02', 'UBC', 'post_consumer'],
    ]);
    expect(t.runs.map((r) => [r.process, r.site])).toEqual([
      ['sorting', 'RC01'],
      ['melting', 'RC01'],
      ['casting', 'RC01'],
    ]);
  });
});

describe('forward', () => {
  it('from a collection lot to the ingot, its buyer and the dross routes', () => {
    // A's rows: 352,941 to S1 and 247,059 to S2 (600,000 fed). S1 → L: 372,093 × 352,941/529,412 =
    // 248,061.77 → 248,062; S2 → L: 325,581 × 247,059/370,588 = 217,054.29 → 217,054; L carries 465,116,
    // as backward says. L → I: 800,000 × 465,116/837,209 = 444,444.39 → 444,444.
    const t = forward('A');
    expect(t.fedG).toBe(600_000);
    expect(Object.fromEntries(t.reached.map((l) => [name(l.lotId), l.carriedG]))).toEqual({
      S1: 352_941,
      S2: 247_059,
      L: 465_116,
      D: 34_884,
      I: 444_444,
    });
    const s1 = t.reached.find((l) => l.lotId === ids.S1);
    expect(s1).toMatchObject({ state: 'on_hand', holder: 'RC01', balanceG: 100_000 });
    expect(t.shipped).toEqual([{ buyer: 'BY01', chain: 'transport', lots: 1, grams: 444_444 }]);
    // D's 34,884 g of A over its routes [40,000, 20,000] → 23,256 and 11,628.
    expect(t.routed).toEqual([
      { route: 'aluminium_recovery', lots: 1, grams: 23_256 },
      { route: 'cement_refractory', lots: 1, grams: 11_628 },
    ]);
    expect(t.reached.find((l) => l.lotId === ids.I)?.exits).toEqual([
      expect.objectContaining({ exit: 'shipped', buyer: 'BY01', chain: 'transport', massG: 790_000 }),
    ]);
  });

  it('from the other collection point: the same grams backward and forward', () => {
    const t = forward('C');
    expect(t.fedG).toBe(100_001);
    expect(t.reached.find((l) => l.lotId === ids.I)?.carriedG).toBe(88_890);
  });

  it('from the ingot itself: its own shipment', () => {
    const t = forward('I');
    expect(t).toMatchObject({ fedG: 0, reached: [], shipped: [{ buyer: 'BY01', grams: 790_000 }] });
  });
});

describe('corrections and visibility', () => {
  it('a corrected run leaves the trace, and its lots trace to nothing', async () => {
    const x = (await collect(w, 'PG01', 50_000)).lots[0]?.lotId as string;
    await deliver(w, 'PG01', 'RC01', [{ lotId: x, massG: 50_000 }]);
    const wrong = await run(w, 'RC01', { inputs: [{ lotId: x, consumedG: 50_000 }], outputs: [{ massG: 45_000 }] });
    await correct(w, 'RC01', wrong);
    ids.X = x;
    ids.W = wrong.lots[0]?.lotId as string;
    expect(forward('X')).toMatchObject({ fedG: 0, reached: [] });
    expect(backward('W')).toMatchObject({ totalG: 0, sources: [], runs: [] });
  });

  it('a lot the reader may not see is unknown', () => {
    const operator = { reach: 'own-sites', sites: ['PG02'] } as const;
    expect(() => traceLot(w.app.db, operator, { lotId: ids.A as string, direction: 'backward' })).toThrow(
      expect.objectContaining({ code: 'LOT_UNKNOWN', params: { lot: ids.A } }),
    );
    // PG01's operator handled A: it sees where A went.
    const own = { reach: 'own-sites', sites: ['PG01'] } as const;
    expect(traceLot(w.app.db, own, { lotId: ids.A as string, direction: 'forward' }).direction).toBe('forward');
  });
});
