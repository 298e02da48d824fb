// Random lifecycles on a real app (createApp on a temporary directory, the
// domain procedures the API calls, corrections accepted and refused), then
// every report under random filters three ways: live from the aggregates,
// from the log alone (--at), and by brute force from the raw entries
// (reports.brute-force.ts, which shares no code with the engine). All three
// must agree row for row.
//
// Deterministic: seed ALUTRACE_PROPERTY_SEED, runs ALUTRACE_PROPERTY_RUNS (default 20).
import {
  dispatchLotsInput,
  REPORT_INPUTS,
  type ReportName,
  type ReportTable,
  receiveLotsInput,
  recordShipmentInput,
  utiliseByproductInput,
} from '@alutrace/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/principal';
import { dispatchLots, receiveLots, recordShipment, utiliseByproduct } from '../domain/lifecycle/procedures';
import { createSite } from '../domain/sites/create-site';
import { AppError } from '../errors';
import { checkDerived } from '../projections/replay';
import { collect, correct, type LifecycleApp, openLifecycleApp, run } from '../testing/lifecycle-app';
import { computeReport } from './compute-report';
import { defineEmissionFactors } from './emission-factors';
import { BruteForce, type RawEntry } from './reports.brute-force';

const SEED = Number(process.env.ALUTRACE_PROPERTY_SEED ?? 20_261_201);
const RUNS = Number(process.env.ALUTRACE_PROPERTY_RUNS ?? 20);
const GRADES = ['UBC', 'EXTR-OLD', 'CAST-MIXED', 'MIXED'];
const CHAINS = ['transport', 'industrial', 'packaging', 'construction'] as const;
const ROUTES = ['aluminium_recovery', 'cement_refractory', 'disposal'] as const;
const OPS = ['collect', 'dispatch', 'receive', 'process', 'utilise', 'ship', 'correct', 'factors'] as const;

interface Step {
  op: (typeof OPS)[number];
  hours: number;
  a: number;
  b: number;
  c: number;
}
const stepArb = fc.record({
  // Weighted towards the steps that feed the next ones (a shipment needs a melt needs a receipt …).
  op: fc.constantFrom<Step['op']>(
    ...OPS,
    ...(['collect', 'dispatch', 'receive', 'process', 'ship'] as const),
    ...(['dispatch', 'receive', 'process', 'ship', 'utilise'] as const),
  ),
  hours: fc.integer({ min: 0, max: 60 }),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
});

interface OnHand {
  lotId: string;
  kind: string;
  holder: string;
  balanceG: number;
}

const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);

async function world(clock: { t: number }): Promise<LifecycleApp> {
  const w = await openLifecycleApp({
    now: () => {
      clock.t += 1000;
      return new Date(clock.t);
    },
  });
  // A second recycler in another district and park, so that districts and parks split the figures.
  await createSite(w.app, systemActor('cli'), {
    code: 'RC02',
    kind: 'recycler',
    nameZh: '德保再生铝',
    nameEn: 'Debao recycler',
    district: '德保县',
    park: 'debao_aluminium',
  });
  return w;
}

function onHand(w: LifecycleApp): OnHand[] {
  return w.app.db.$client
    .prepare(
      "SELECT lot_id AS lotId, kind, holder, balance_g AS balanceG FROM lots WHERE state = 'on_hand' ORDER BY lot_id",
    )
    .all() as OnHand[];
}

/** One step, chosen from what the ledger holds now; a refusal (AppError) writes nothing and is skipped. */
async function step(w: LifecycleApp, s: Step, recorded: { seq: number; site: string; leafHashes: string[] }[]) {
  const lots = onHand(w);
  const at = (site: string) => lots.filter((l) => l.holder === site);
  const remember = (site: string, r: { seq: number; leafHashes: string[] }) => recorded.push({ site, ...r });
  switch (s.op) {
    case 'collect': {
      const site = pick(['PG01', 'PG02'], s.a) as string;
      const r = await collect(w, site, 10_000 + (s.b % 3_000_000), {
        grade: pick(GRADES, s.c) as string,
        sourceClass: s.c % 3 === 0 ? 'pre_consumer' : 'post_consumer',
      });
      remember(site, r);
      return;
    }
    case 'dispatch': {
      const from = pick(['PG01', 'PG02', 'RC01', 'RC02'], s.a) as string;
      const fromRecycler = from.startsWith('RC');
      const candidates = at(from).filter((l) => (fromRecycler ? l.kind === 'byproduct' : l.kind === 'scrap'));
      if (!candidates.length) return;
      const to = fromRecycler ? 'UT01' : (pick(['RC01', 'RC02'], s.b) as string);
      const chosen = candidates.filter((_, i) => (s.c >> i) & 1).slice(0, 3);
      const sent = chosen.length ? chosen : candidates.slice(0, 1);
      const r = await dispatchLots(
        w.deps,
        w.at(from),
        dispatchLotsInput.parse({ site: from, to, lots: sent.map((l) => ({ lotId: l.lotId, massG: l.balanceG })) }),
      );
      remember(from, r);
      return;
    }
    case 'receive': {
      const open = w.app.db.$client
        .prepare(
          `SELECT d.dispatch_id AS dispatchId, d.to_site AS toSite, dl.lot_id AS lotId, dl.dispatched_g AS g
             FROM dispatch_lots dl JOIN dispatches d ON d.dispatch_id = dl.dispatch_id
            WHERE d.voided = 0 AND dl.received_seq IS NULL ORDER BY d.seq, dl.lot_id`,
        )
        .all() as { dispatchId: string; toSite: string; lotId: string; g: number }[];
      const first = pick(open, s.a);
      if (!first) return;
      const lotsOf = open.filter((o) => o.dispatchId === first.dispatchId).filter((_, i) => i === 0 || (s.b >> i) & 1);
      const r = await receiveLots(
        w.deps,
        w.at(first.toSite),
        receiveLotsInput.parse({
          site: first.toSite,
          dispatchId: first.dispatchId,
          lots: lotsOf.map((l, k) => ({
            lotId: l.lotId,
            // Within ±3 % in steps of 0.1 %: the 1 % flag falls either way.
            receivedG: Math.max(1, l.g + Math.trunc((l.g * (((s.c >> (k * 3)) % 61) - 30)) / 1000)),
          })),
        }),
      );
      remember(first.toSite, r);
      return;
    }
    case 'process': {
      const site = pick(['RC01', 'RC02'], s.a) as string;
      const scrap = at(site).filter((l) => l.kind === 'scrap');
      if (!scrap.length) return;
      const inputs = scrap
        .filter((_, i) => i === 0 || (s.b >> i) & 1)
        .slice(0, 3)
        .map((l, k) => ({
          lotId: l.lotId,
          consumedG: (s.c >> k) % 3 === 0 ? l.balanceG : 1 + ((s.c * (k + 7)) % l.balanceG),
        }));
      const inG = inputs.reduce((x, i) => x + i.consumedG, 0);
      const sorting = s.c % 4 === 0;
      const primaryG = !sorting && s.b % 3 === 0 ? Math.max(1, Math.floor(inG / 20)) : 0;
      const outG = Math.floor(((inG + primaryG) * (600 + (s.b % 381))) / 1000);
      const drossG = Math.floor((inG * (s.a % 60)) / 1000);
      if (outG < 2) return;
      const r = await run(w, site, {
        process: sorting ? 'sorting' : 'melting',
        inputs,
        additionsG: primaryG,
        outputs: sorting
          ? [{ massG: outG, form: 'sorted_scrap', grade: pick(GRADES, s.a) as string }]
          : s.a % 2
            ? [{ massG: outG, alloy: 'ADC12' }]
            : [
                { massG: Math.ceil(outG / 2), alloy: 'ADC12' },
                { massG: Math.floor(outG / 2), alloy: 'A356.2' },
              ],
        byproducts: drossG > 0 ? [drossG] : [],
      });
      remember(site, r);
      return;
    }
    case 'utilise': {
      const dross = lots.filter((l) => l.kind === 'byproduct');
      const lot = pick(dross, s.a);
      if (!lot) return;
      const r = await utiliseByproduct(
        w.deps,
        w.at(lot.holder),
        utiliseByproductInput.parse({
          site: lot.holder,
          lotId: lot.lotId,
          route: pick(ROUTES, s.b),
          massG: s.c % 2 ? lot.balanceG : 1 + (s.c % lot.balanceG),
        }),
      );
      remember(lot.holder, r);
      return;
    }
    case 'ship': {
      const lot = pick(
        lots.filter((l) => l.kind === 'product'),
        s.a,
      );
      if (!lot) return;
      const r = await recordShipment(
        w.deps,
        w.at(lot.holder),
        recordShipmentInput.parse({
          site: lot.holder,
          lotId: lot.lotId,
          buyer: 'BY01',
          chain: pick(CHAINS, s.b),
          massG: lot.balanceG,
        }),
      );
      remember(lot.holder, r);
      return;
    }
    case 'correct': {
      const target = pick(recorded, s.a);
      if (!target) return;
      await correct(w, target.site, target as never);
      return;
    }
    case 'factors':
      await defineEmissionFactors(w.app, systemActor('cli'), {
        primaryKgPerT: 10_000 + (s.a % 8_000),
        recycledKgPerT: 300 + (s.b % 700),
        primarySource: 'property test',
        recycledSource: 'property test',
      });
      return;
  }
}

function rawEntries(w: LifecycleApp): RawEntry[] {
  return (
    w.app.db.$client.prepare('SELECT seq, canonical FROM ledger_entries ORDER BY seq').all() as {
      seq: number;
      canonical: Buffer;
    }[]
  ).map((r) => ({ seq: r.seq, ...JSON.parse(r.canonical.toString('utf8')) }));
}

const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
const VOLUME_DIMS = ['site', 'district', 'park', 'grade', 'family', 'source_class'] as const;

/** Filters for each report, drawn from the step numbers. */
function filters(n: number, from: string, to: string) {
  const period = pick(PERIODS, n) as string;
  const d1 = pick(VOLUME_DIMS, n >> 3) as string;
  const d2 = pick(VOLUME_DIMS, n >> 6) as string;
  const groupBy = n % 3 === 0 ? [] : d1 === d2 ? [d1] : [d1, d2];
  const site = n % 5 === 0 ? pick(['PG01', 'RC01', 'RC02', 'UT01'], n >> 9) : undefined;
  const opt = <T>(v: T | undefined, k: string) => (v === undefined ? {} : { [k]: v });
  return {
    volumes: {
      from,
      to,
      period,
      groupBy,
      ...opt(site, 'site'),
      ...(n % 7 === 0 ? { district: '平果市' } : {}),
      ...(n % 11 === 0 ? { family: 'ubc' } : {}),
      ...(n % 13 === 0 ? { measures: ['collected', 'consumed'] } : {}),
    },
    yield: { from, to, period, ...opt(site, 'site') },
    dross: { from, to, period, groupBy: [[], ['site'], ['kind'], ['site', 'kind']][n % 4] },
    discrepancies: {
      from,
      to,
      status: pick(['all', 'open', 'resolved'], n) as string,
      asOf: '2027-06-30',
      ...opt(site, 'site'),
    },
    shipments: { from, to, period, groupBy: [['chain', 'buyer'], ['site'], [], ['chain']][n % 4] },
    emissions: { from, to, period, groupBy: n % 2 ? ['site'] : [], ...(n % 3 === 1 ? { factorVersion: 1 } : {}) },
  } satisfies Record<ReportName, Record<string, unknown>>;
}

const sortKey = (r: Record<string, unknown>) =>
  JSON.stringify(
    Object.keys(r)
      .sort()
      .map((k) => [k, r[k]]),
  );
const sorted = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));

describe('reports against brute force', () => {
  it('every report, live and from the log, equals a brute-force sum over the raw entries', async () => {
    let runs = 0;
    const tally: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 30, maxLength: 70 }), fc.nat(), async (steps, n) => {
        const clock = { t: Date.parse('2026-03-01T01:00:00Z') };
        const w = await world(clock);
        try {
          const recorded: { seq: number; site: string; leafHashes: string[] }[] = [];
          for (const s of steps) {
            clock.t += s.hours * 3_600_000;
            try {
              const before = w.app.ledger.size;
              await step(w, s, recorded);
              if (w.app.ledger.size > before) tally[s.op] = (tally[s.op] ?? 0) + 1;
            } catch (e) {
              if (!(e instanceof AppError)) throw e;
              tally[`${s.op} refused`] = (tally[`${s.op} refused`] ?? 0) + 1;
            }
          }
          const brute = new BruteForce(rawEntries(w));
          // Four draws of filters per ledger: a wide range and narrower ones.
          for (const k of [0, 1, 2, 3]) {
            const m = (n + k * 7_919) % 1_000_003;
            const f = filters(
              m,
              pick(['2026-03-01', '2026-03-20'], m >> 4) as string,
              pick(['2026-12-31', '2026-04-15', '2027-03-31'], m) as string,
            );
            for (const name of Object.keys(f) as ReportName[]) {
              const input = REPORT_INPUTS[name].parse(f[name]) as never;
              const live: ReportTable = computeReport(w.app, name, input);
              const fromLog = computeReport(w.app, name, input, { at: live.provenance.treeSize });
              // biome-ignore lint/suspicious/noExplicitAny: the brute force's methods by report name
              const expected = (brute as any)[name](f[name]) as Record<string, unknown>[];
              expect(sorted(live.rows), `${name} ${JSON.stringify(f[name])}`).toEqual(sorted(expected));
              expect(fromLog.rows, `${name} from the log`).toEqual(live.rows);
              expect(fromLog.totals).toEqual(live.totals);
              if (live.rows.length > 0) tally[`${name} with rows`] = (tally[`${name} with rows`] ?? 0) + 1;
            }
          }
          expect(checkDerived(w.app.db).difference).toBeNull();
          runs += 1;
        } finally {
          w.close();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (process.env.ALUTRACE_PROPERTY_TALLY) console.log(tally);
    expect(runs).toBe(RUNS);
    // The runs reached every kind of step, corrections accepted, and every report had rows to compare.
    for (const what of [...OPS, ...Object.keys(filters(0, '', ''))]) {
      const key = (OPS as readonly string[]).includes(what) ? what : `${what} with rows`;
      expect(tally[key] ?? 0, `no run exercised ${key}: ${JSON.stringify(tally)}`).toBeGreaterThan(0);
    }
  }, 600_000);
});
