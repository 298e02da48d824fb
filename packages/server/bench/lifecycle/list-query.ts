// lots.list latency on the large ledger (in a child process of its own):
// filter combinations × two readers (an official, who sees everything, and
// an operator limited to one collection point), each call's first page and,
// when there is one, the page after its cursor. Filter values are drawn
// afresh for every call from what the ledger holds (sites, grades, days),
// so the figures are not those of one query repeated from a warm cache.
// The baseline is a primary-key select of a random lot on the same
// connection, in the same process.
import type { listLotsInput } from '@alutrace/shared';
import type { z } from 'zod';
import { SeededRandom } from '../data/seeded-random';
import { type LatencySummary, sampleLatency, summarizeLatency } from '../stats';
import { openBenchApp } from './bench-app';
import { childProgress } from './child';
import { profiled } from './cpu-profile-of';
import type { ListLedgerManifest } from './list-ledger';
import { dayOf, FIRST_DAY_MS } from './list-network';
import { callerFor, userPrincipal } from './procedure-caller';
import { type ExplainedStatement, explainCall } from './query-plan';

export const LIST_P99_LIMIT_US = 50_000;
const DAY_MS = 86_400_000;

type ListInput = z.input<typeof listLotsInput>;

interface Draw {
  r: SeededRandom;
  /** The reader's own collection point (operator), or a random one (official). */
  point(): string;
  /** Any site: a collection point or a recycler. */
  site(): string;
  grade(): string;
  window(days: number): { from: string; to: string };
  day(): string;
}

/** The filter combinations, each a function that draws the values of one call. */
export const COMBINATIONS: { name: string; input: (d: Draw) => ListInput }[] = [
  { name: 'no filter', input: () => ({}) },
  { name: 'site', input: (d) => ({ site: d.site() }) },
  { name: 'grade', input: (d) => ({ grade: d.grade() }) },
  { name: 'state on hand', input: () => ({ state: 'on_hand' }) },
  { name: 'state in transit', input: () => ({ state: 'in_transit' }) },
  { name: 'date range (7 days)', input: (d) => d.window(7) },
  { name: 'lot-id prefix (site + day)', input: (d) => ({ q: `${d.point()}-${d.day()}` }) },
  { name: 'site + grade', input: (d) => ({ site: d.point(), grade: d.grade() }) },
  { name: 'site + state on hand + grade', input: (d) => ({ site: d.point(), state: 'on_hand', grade: d.grade() }) },
  { name: 'grade + date range (7 days)', input: (d) => ({ grade: d.grade(), ...d.window(7) }) },
  {
    name: 'site + state + date range (30 days)',
    input: (d) => ({ site: d.site(), state: 'consumed', ...d.window(30) }),
  },
  { name: 'kind product + state on hand', input: () => ({ kind: 'product', state: 'on_hand' }) },
];

export interface ListCell {
  reader: 'official' | 'operator';
  combination: string;
  firstPage: LatencySummary;
  cursorPage: LatencySummary | null;
  meanRows: number;
  /** Share of calls whose first page had a next cursor. */
  withCursor: number;
  /** When p99 missed the target: the statements of one call, explained. */
  plan: ExplainedStatement[] | null;
}

export interface ListFigures {
  cells: ListCell[];
  primaryKey: LatencySummary;
  operatorSite: string;
  lots: number;
}

export interface ListQueryArgs {
  dataDir: string;
  manifest: ListLedgerManifest;
  maxSamples: number;
  budgetMs: number;
  profileFile?: string;
}

export async function measureLists(a: ListQueryArgs): Promise<ListFigures> {
  const app = await openBenchApp(a.dataDir, { synchronous: 'NORMAL' });
  try {
    const client = app.db.$client;
    const grades = client.prepare('SELECT DISTINCT grade FROM lots WHERE grade IS NOT NULL').pluck().all() as string[];
    const { collectionPoints, recyclers } = a.manifest.sites;
    const operatorSite = collectionPoints[2] as string;
    const readers = [
      { reader: 'official' as const, caller: callerFor(app, userPrincipal('official', [])), own: null },
      {
        reader: 'operator' as const,
        caller: callerFor(app, userPrincipal('operator', [operatorSite])),
        own: operatorSite,
      },
    ];
    const r = new SeededRandom(7);
    const draw = (own: string | null): Draw => ({
      r,
      point: () => own ?? r.pick(collectionPoints),
      site: () => own ?? r.pick([...collectionPoints, ...recyclers]),
      grade: () => r.pick(grades),
      window: (days) => {
        const from = FIRST_DAY_MS + r.int(0, Math.max(0, a.manifest.days - days)) * DAY_MS;
        return { from: new Date(from).toISOString(), to: new Date(from + days * DAY_MS).toISOString() };
      },
      day: () => dayOf(FIRST_DAY_MS + r.int(0, a.manifest.days - 1) * DAY_MS),
    });

    const cells: ListCell[] = [];
    await profiled(a.profileFile, async () => {
      for (const { reader, caller, own } of readers) {
        for (const c of COMBINATIONS) {
          const d = draw(own);
          for (let i = 0; i < 3; i++) await caller.lots.list(c.input(d));
          const first: number[] = [];
          const cursor: number[] = [];
          let rows = 0;
          const deadline = performance.now() + a.budgetMs;
          while (first.length < a.maxSamples && (performance.now() < deadline || first.length < 20)) {
            const input = c.input(d);
            let t0 = process.hrtime.bigint();
            const page = await caller.lots.list(input);
            first.push(Number(process.hrtime.bigint() - t0));
            rows += page.lots.length;
            if (page.nextCursor !== null) {
              t0 = process.hrtime.bigint();
              await caller.lots.list({ ...input, cursor: page.nextCursor });
              cursor.push(Number(process.hrtime.bigint() - t0));
            }
          }
          const firstPage = summarizeLatency(Float64Array.from(first));
          const cursorPage = cursor.length > 0 ? summarizeLatency(Float64Array.from(cursor)) : null;
          const slow = firstPage.p99Us >= LIST_P99_LIMIT_US || (cursorPage?.p99Us ?? 0) >= LIST_P99_LIMIT_US;
          cells.push({
            reader,
            combination: c.name,
            firstPage,
            cursorPage,
            meanRows: rows / first.length,
            withCursor: cursor.length / first.length,
            plan: slow ? await explainCall(client, () => caller.lots.list(c.input(d))) : null,
          });
          childProgress(
            `  ${reader}, ${c.name}: p99 ${(firstPage.p99Us / 1000).toFixed(1)} ms` +
              (cursorPage ? ` / cursor ${(cursorPage.p99Us / 1000).toFixed(1)} ms` : ''),
          );
        }
      }
    });

    const maxRowid = client.prepare('SELECT max(rowid) FROM lots').pluck().get() as number;
    const ids = client.prepare('SELECT lot_id FROM lots WHERE rowid = ?').pluck();
    const lotIds: string[] = [];
    while (lotIds.length < 5_000) {
      const id = ids.get(r.int(1, maxRowid)) as string | undefined;
      if (id) lotIds.push(id);
    }
    const byKey = client.prepare('SELECT * FROM lots WHERE lot_id = ?');
    const primaryKey = summarizeLatency(sampleLatency(4_000, 1_000, (i) => byKey.get(lotIds[i % lotIds.length])));
    const lots = client.prepare('SELECT count(*) FROM lots').pluck().get() as number;
    return { cells, primaryKey, operatorSite, lots };
  } finally {
    app.close();
  }
}
