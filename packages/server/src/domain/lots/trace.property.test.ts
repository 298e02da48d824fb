// lots.trace for all histories: random graphs of runs (fan-in, fan-out,
// partial consumption, several stages, by-products, primary additions,
// receipts lighter or heavier than sent, corrected runs) recorded through the
// real domain procedures into a real ledger, and traced both ways. The test
// keeps its own model of what was recorded and checks the trace against a
// brute force written here, independently of the server's code:
//  - the allocation rows the projection wrote are the largest-remainder
//    split of each input's consumed mass over the run's made lots;
//  - the exact contribution Ex(L, C) of collection lot C to lot L, in BigInt
//    fractions, summed over every path C → … → L of a(C→L₁) · Π a/B(Lᵢ);
//  - each traced figure (backward U(L, C), forward c(L) from C, and the
//    additions' bucket) is within the rounding bound derived in trace.ts:
//    |U − Ex| < bound(L, C), bound(L, C) = Σ_{rows I→L reaching C} ([I≠C] + a/B(I) · bound(I, C)),
//    and exactly Ex where the bound is 0; for a lot reached by one path of
//    s runs whose lots pass on at most what they hold, that is under s − 1 grams;
//  - backward totals add up exactly (sources + additions + untraced = the lot's
//    allocation rows + its additions), and forward feeds exactly what the
//    collection lot's runs consumed of it.
import { allocateLargestRemainder, type BackwardTrace, type ForwardTrace } from '@alutrace/shared';
import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAllocations } from '../../db/schema';
import { collect, correct, deliver, type LifecycleApp, openLifecycleApp, run } from '../../testing/lifecycle-app';
import { traceLot } from './trace';

// ── Exact rationals ───────────────────────────────────────────────────────
interface Q {
  n: bigint;
  d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const q = (n: bigint | number, d: bigint | number = 1n): Q => {
  const [nn, dd] = [BigInt(n), BigInt(d)];
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
};
const ZERO = q(0);
const plus = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const times = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const minus = (a: Q, b: Q): Q => plus(a, q(-b.n, b.d));
const abs = (a: Q): Q => (a.n < 0n ? q(-a.n, a.d) : a);
const less = (a: Q, b: Q): boolean => a.n * b.d < b.n * a.d;
const show = (a: Q): string => (Number(a.n) / Number(a.d)).toFixed(3);

/** Largest remainder, written again here: floors, then the grams left to the largest remainders, ties to the first. */
function shares(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const out = exact.map((e) => e / sum);
  let left = BigInt(total) - out.reduce((s, x) => s + x, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((i, j) => {
      const [ri, rj] = [(exact[i] as bigint) % sum, (exact[j] as bigint) % sum];
      return ri === rj ? i - j : ri > rj ? -1 : 1;
    });
  for (const i of order) {
    if (left === 0n) break;
    out[i] = (out[i] as bigint) + 1n;
    left--;
  }
  return out.map(Number);
}

// ── The random history ────────────────────────────────────────────────────
const collectionArb = fc.record({
  netG: fc.integer({ min: 1_000, max: 3_000_000 }),
  pre: fc.boolean(),
  site: fc.constantFrom('PG01', 'PG02'),
  /** The receiving scale's difference, in grams (the lot is consumed up to what was received). */
  receivedDelta: fc.integer({ min: -900, max: 900 }),
});
const runArb = fc.record({
  /** Which lots on hand: counted from the newest, mostly the newest few, so that runs build on runs. */
  picks: fc.uniqueArray(fc.oneof(fc.constantFrom(0, 0, 1, 2), fc.nat({ max: 9 })), { minLength: 1, maxLength: 4 }),
  /** Per pick, the share of its balance consumed (%); 100 takes it all. */
  pcts: fc.array(fc.constantFrom(100, 100, 73, 50, 31, 1), { minLength: 4, maxLength: 4 }),
  additionsG: fc.constantFrom(0, 0, 1, 12_345, 250_000),
  outputs: fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 3 }),
  byproducts: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 2 }),
  yieldPct: fc.integer({ min: 40, max: 100 }),
  corrected: fc.constantFrom(false, false, false, false, false, true),
});
const historyArb = fc.record({
  collections: fc.array(collectionArb, { minLength: 1, maxLength: 7 }),
  runs: fc.array(runArb, { minLength: 1, maxLength: 10 }),
});
type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

interface Model {
  collection: Map<string, { netG: number }>;
  /** Rows by made lot: where its grams came from. */
  rowsInto: Map<string, { from: string; massG: number }[]>;
  additions: Map<string, number>;
  /** Runs that stand, with their rows as the test computed them. */
  runs: { seq: number; rows: { input: string; output: string; massG: number }[] }[];
  voided: Set<string>;
  /** Grams consumed of each lot by runs that stand. */
  consumed: Map<string, number>;
}

async function record(w: LifecycleApp, h: History): Promise<Model> {
  const m: Model = {
    collection: new Map(),
    rowsInto: new Map(),
    additions: new Map(),
    runs: [],
    voided: new Set(),
    consumed: new Map(),
  };
  const onHand: { lotId: string; balanceG: number }[] = [];
  for (const c of h.collections) {
    const lotId = (await collect(w, c.site, c.netG, c.pre ? { sourceClass: 'pre_consumer' } : {})).lots[0]
      ?.lotId as string;
    const receivedG = Math.max(1, c.netG + c.receivedDelta);
    await deliver(w, c.site, 'RC01', [{ lotId, massG: c.netG, receivedG }]);
    m.collection.set(lotId, { netG: c.netG });
    onHand.push({ lotId, balanceG: receivedG });
  }
  for (const r of h.runs) {
    const live = onHand.filter((l) => l.balanceG > 0);
    if (live.length === 0) break;
    const picked = [...new Set(r.picks.map((p) => live[live.length - 1 - (p % live.length)] as (typeof live)[number]))];
    const inputs = picked.map((l, i) => ({
      lotId: l.lotId,
      consumedG: Math.max(1, Math.floor((l.balanceG * (r.pcts[i] ?? 100)) / 100)),
    }));
    const into = inputs.reduce((s, i) => s + i.consumedG, 0) + r.additionsG;
    const weights = [...r.outputs, ...r.byproducts];
    const madeG = Math.floor((into * r.yieldPct) / 100);
    if (madeG < weights.length) continue;
    const masses = allocateLargestRemainder(madeG, weights).map((g) => Math.max(1, g));
    if (masses.reduce((s, g) => s + g, 0) > into) continue;
    const recorded = await run(w, 'RC01', {
      inputs,
      additionsG: r.additionsG,
      outputs: masses.slice(0, r.outputs.length).map((massG) => ({ massG })),
      byproducts: masses.slice(r.outputs.length),
    });
    const made = recorded.lots.map((l) => l.lotId);
    if (r.corrected) {
      await correct(w, 'RC01', recorded);
      for (const id of made) m.voided.add(id);
      continue;
    }
    const rows: Model['runs'][number]['rows'] = [];
    for (const i of inputs) {
      shares(i.consumedG, masses).forEach((g, k) => {
        if (g > 0) rows.push({ input: i.lotId, output: made[k] as string, massG: g });
      });
      m.consumed.set(i.lotId, (m.consumed.get(i.lotId) ?? 0) + i.consumedG);
      const lot = onHand.find((l) => l.lotId === i.lotId) as (typeof onHand)[number];
      lot.balanceG -= i.consumedG;
    }
    if (r.additionsG > 0) {
      shares(r.additionsG, masses).forEach((g, k) => {
        m.additions.set(made[k] as string, g);
      });
    }
    for (const row of rows) {
      const list = m.rowsInto.get(row.output) ?? [];
      list.push({ from: row.input, massG: row.massG });
      m.rowsInto.set(row.output, list);
    }
    made.forEach((lotId, k) => {
      onHand.push({ lotId, balanceG: masses[k] as number });
    });
    m.runs.push({ seq: recorded.seq, rows });
  }
  return m;
}

// ── The brute force ───────────────────────────────────────────────────────
const ADD = 'additions';

/** B(L): everything L's composition holds. */
function basis(m: Model, lot: string): number {
  const c = m.collection.get(lot);
  if (c) return c.netG;
  return (m.rowsInto.get(lot) ?? []).reduce((s, r) => s + r.massG, 0) + (m.additions.get(lot) ?? 0);
}

interface Paths {
  exact: Map<string, Q>;
  /** Per collection lot: the length (runs) of each path, and whether every lot on it passes on at most what it holds. */
  paths: Map<string, { runs: number; modest: boolean }[]>;
}

/** Every path into `lot`, walked back one row at a time (no memo: this is the brute force). */
function enumerate(m: Model, lot: string): Paths {
  const exact = new Map<string, Q>();
  const paths = new Map<string, { runs: number; modest: boolean }[]>();
  const credit = (key: string, v: Q) => exact.set(key, plus(exact.get(key) ?? ZERO, v));
  if (m.collection.has(lot)) {
    credit(lot, q(basis(m, lot)));
    paths.set(lot, [{ runs: 0, modest: true }]);
    return { exact, paths };
  }
  const walk = (x: string, factor: Q, runs: number, modest: boolean) => {
    const own = m.additions.get(x) ?? 0;
    if (own > 0) credit(ADD, times(factor, q(own)));
    for (const r of m.rowsInto.get(x) ?? []) {
      if (m.collection.has(r.from)) {
        credit(r.from, times(factor, q(r.massG)));
        const list = paths.get(r.from) ?? [];
        list.push({ runs: runs + 1, modest });
        paths.set(r.from, list);
      } else {
        const b = basis(m, r.from);
        if (b > 0) walk(r.from, times(factor, q(r.massG, b)), runs + 1, modest && r.massG <= b);
      }
    }
  };
  walk(lot, q(1), 0, true);
  return { exact, paths };
}

/** The rounding bound of trace.ts, for collection lot `c` (or the additions) in `lot`. */
function bound(m: Model, ex: (lot: string) => Map<string, Q>, lot: string, c: string, memo = new Map<string, Q>()): Q {
  const hit = memo.get(lot);
  if (hit) return hit;
  let b = ZERO;
  for (const r of m.rowsInto.get(lot) ?? []) {
    if (r.from === c) continue;
    if (m.collection.has(r.from) || !ex(r.from).has(c)) continue;
    b = plus(b, plus(q(1), times(q(r.massG, basis(m, r.from)), bound(m, ex, r.from, c, memo))));
  }
  memo.set(lot, b);
  return b;
}

function within(got: number, exact: Q, b: Q, what: string): void {
  const err = abs(minus(q(got), exact));
  const ok = b.n === 0n ? err.n === 0n : less(err, b);
  expect(ok, `${what}: got ${got}, exact ${show(exact)}, error ${show(err)}, bound ${show(b)}`).toBe(true);
}

// ── The property ─────────────────────────────────────────────────────────
let w: LifecycleApp;
beforeAll(async () => {
  w = await openLifecycleApp();
});
afterAll(() => w?.close());
const all = { reach: 'all', sites: [] } as const;

describe('lots.trace against a brute force over every path', () => {
  it('every share is within the rounding bound of its exact value, and every total adds up exactly', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(historyArb, async (h) => {
        const m = await record(w, h);

        // The projection's rows are the test's own split of each input.
        const seqs = m.runs.map((r) => r.seq);
        const stored = seqs.length
          ? w.app.db.select().from(runAllocations).where(inArray(runAllocations.runSeq, seqs)).all()
          : [];
        const key = (r: { input: string; output: string }) => `${r.input}>${r.output}`;
        expect(new Map(stored.map((r) => [key({ input: r.inputLot, output: r.outputLot }), r.massG]))).toEqual(
          new Map(m.runs.flatMap((r) => r.rows).map((r) => [key(r), r.massG])),
        );

        const cache = new Map<string, Paths>();
        const paths = (lot: string) => {
          const hit = cache.get(lot);
          if (hit) return hit;
          const p = enumerate(m, lot);
          cache.set(lot, p);
          return p;
        };
        const ex = (lot: string) => paths(lot).exact;
        const lots = [...new Set([...m.collection.keys(), ...m.rowsInto.keys(), ...m.additions.keys()])];

        for (const lot of lots) {
          const t = traceLot(w.app.db, all, { lotId: lot, direction: 'backward' }) as BackwardTrace;
          expect(t.totalG, `${lot} total`).toBe(basis(m, lot));
          const sum = t.sources.reduce((s, x) => s + x.grams, 0);
          expect(sum + t.additionsG + t.untracedG, `${lot} parts`).toBe(t.totalG);
          expect(t.bySourceClass.post_consumer + t.bySourceClass.pre_consumer).toBe(sum);
          expect(t.byCollectionPoint.reduce((s, p) => s + p.grams, 0)).toBe(sum);
          const got = new Map(t.sources.map((s) => [s.lotId, s.grams]));
          const exact = ex(lot);
          for (const c of new Set([...got.keys(), ...[...exact.keys()].filter((k) => k !== ADD)])) {
            const b = bound(m, ex, lot, c);
            within(got.get(c) ?? 0, exact.get(c) ?? ZERO, b, `backward ${lot} ← ${c}`);
            // The corollary: one path of s runs, each lot passing on at most what it holds → under s − 1 grams.
            const ps = paths(lot).paths.get(c) ?? [];
            if (ps.length === 1 && ps[0]?.modest) {
              const err = abs(minus(q(got.get(c) ?? 0), exact.get(c) ?? ZERO));
              const s = ps[0].runs;
              expect(s <= 1 ? err.n === 0n : less(err, q(s - 1)), `${lot} ← ${c}: one path of ${s} runs`).toBe(true);
            }
            checked++;
          }
          within(t.additionsG, exact.get(ADD) ?? ZERO, bound(m, ex, lot, ADD), `additions of ${lot}`);
          // The backward tree: every made lot on the way, with exactly its rows.
          for (const made of t.made) {
            expect(made.inputs.map((i) => `${i.lotId}:${i.consumedG}`).sort(), `${made.lotId} inputs`).toEqual(
              (m.rowsInto.get(made.lotId) ?? []).map((r) => `${r.from}:${r.massG}`).sort(),
            );
          }
        }

        for (const c of m.collection.keys()) {
          const t = traceLot(w.app.db, all, { lotId: c, direction: 'forward' }) as ForwardTrace;
          expect(t.fedG, `${c} fed`).toBe(m.consumed.get(c) ?? 0);
          const reached = new Map(t.reached.map((l) => [l.lotId, l.carriedG]));
          const expected = lots.filter((l) => l !== c && ex(l).has(c));
          expect([...reached.keys()].sort()).toEqual(expected.sort());
          for (const lot of expected) {
            within(reached.get(lot) ?? 0, ex(lot).get(c) ?? ZERO, bound(m, ex, lot, c), `forward ${c} → ${lot}`);
          }
          // The tree: each reached lot's links are its rows from c or a lot reached, and add up to what it carries.
          const rowKey = (from: string, massG: number) => `${from}:${massG}`;
          for (const l of t.reached) {
            const rows = (m.rowsInto.get(l.lotId) ?? []).filter((r) => r.from === c || reached.has(r.from));
            expect(l.parents.map((p) => rowKey(p.lotId, p.consumedG)).sort(), `${c} → ${l.lotId} links`).toEqual(
              rows.map((r) => rowKey(r.from, r.massG)).sort(),
            );
            expect(l.parents.every((p) => p.runSeq === l.createdSeq)).toBe(true);
            expect(
              l.parents.reduce((s, p) => s + (p.carriedG ?? 0), 0),
              `${c} → ${l.lotId} carried`,
            ).toBe(l.carriedG);
          }
        }
        for (const lot of m.voided) {
          const t = traceLot(w.app.db, all, { lotId: lot, direction: 'backward' }) as BackwardTrace;
          expect(t).toMatchObject({ totalG: 0, sources: [] });
        }
      }),
      { numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(300);
  }, 240_000);
});
