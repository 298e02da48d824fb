// An incentive statement for one enterprise-year under 500 ms (issue 9), on
// the large ledger, next to the naive way: the same verified tonnage summed
// from the raw entries (collections of the site, their receipts read out of
// every receipt's body with json_each, corrections left out by a NOT IN).
//
// The scheme is defined once, through the domain, on the cached ledger (one
// incentive_scheme.defined entry; defining it again with the same fields
// writes nothing, so later runs add no entry). The enterprise is the
// collection point with the most collections in the year.

import { systemActor } from '../../../src/auth/principal';
import { defineScheme } from '../../../src/domain/incentives/schemes';
import { draftStatement } from '../../../src/domain/incentives/statements';
import { incentiveDeps } from '../../../src/routers/incentives';
import type { ReportBenchCase, ReportBenchContext } from '../report-case';

const SCHEME = {
  code: 'BENCH-INCENTIVE',
  nameZh: '基准测试补贴方案',
  nameEn: 'Benchmark incentive scheme',
  from: '2000-01-01',
  to: '2099-12-31',
  rates: [
    { family: 'ubc' as const, sourceClass: null, rateFenPerT: 12_345 },
    { family: 'wrought' as const, sourceClass: null, rateFenPerT: 20_000 },
    { family: null, sourceClass: 'pre_consumer' as const, rateFenPerT: 15_000 },
    { family: null, sourceClass: null, rateFenPerT: 10_000 },
  ],
  siteKinds: ['collection_point' as const],
  capFen: 1_000_000_000_000,
};

let prepared: Promise<string> | null = null;

/** Defines the scheme (once) and picks the busiest collection point of the year. */
function prepare(ctx: ReportBenchContext): Promise<string> {
  prepared ??= (async () => {
    await defineScheme(ctx.app, systemActor('cli'), SCHEME);
    const [start, end] = bounds(ctx.year.from, ctx.year.to);
    const row = ctx.app.db.$client
      .prepare(
        `SELECT site, count(*) AS n FROM ledger_entries
          WHERE kind = 'collection.recorded' AND occurred_at >= ? AND occurred_at < ?
          GROUP BY site ORDER BY n DESC LIMIT 1`,
      )
      .get(start, end) as { site: string; n: number };
    return row.site;
  })();
  return prepared;
}

function bounds(from: string, to: string): [string, string] {
  const start = new Date(Date.parse(`${from}T00:00:00Z`) - 8 * 3_600_000).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 16 * 3_600_000).toISOString();
  return [start, end];
}

const BODY = 'CAST(e.canonical AS TEXT)';
const NOT_CORRECTED = (
  alias: string,
) => `${alias}.seq NOT IN (SELECT json_extract(CAST(c.canonical AS TEXT), '$.body.targetSeq')
  FROM ledger_entries c WHERE c.kind = 'correction.recorded')`;

/**
 * Verified grams per grade and source class of the site's year, from the bodies: the site's collections
 * (json_extract), every receipt since the year began (json_each), joined in a Map, corrections left out.
 */
function naiveVerifiedTonnage(ctx: ReportBenchContext, site: string): Map<string, { lots: number; g: number }> {
  const [start, end] = bounds(ctx.year.from, ctx.year.to);
  const db = ctx.app.db.$client;
  const collected = db
    .prepare(
      `SELECT json_extract(${BODY}, '$.body.lotId') AS lot, json_extract(${BODY}, '$.body.netG') AS g,
              json_extract(${BODY}, '$.body.grade') AS grade, json_extract(${BODY}, '$.body.sourceClass') AS sc
         FROM ledger_entries e
        WHERE e.kind = 'collection.recorded' AND e.site = @site AND e.occurred_at >= @start AND e.occurred_at < @end
          AND ${NOT_CORRECTED('e')}`,
    )
    .all({ site, start, end }) as { lot: string; g: number; grade: string; sc: string }[];
  const received = new Map<string, number>();
  for (const r of db
    .prepare(
      `SELECT json_extract(l.value, '$.lotId') AS lot, json_extract(l.value, '$.receivedG') AS g
         FROM ledger_entries e, json_each(${BODY}, '$.body.lots') l
        WHERE e.kind = 'lots.received' AND e.occurred_at >= @start AND ${NOT_CORRECTED('e')}`,
    )
    .all({ start }) as { lot: string; g: number }[])
    received.set(r.lot, r.g);
  const out = new Map<string, { lots: number; g: number }>();
  for (const c of collected) {
    const g = received.get(c.lot);
    if (g === undefined) continue;
    const key = `${c.grade}/${c.sc}`;
    const sum = out.get(key) ?? { lots: 0, g: 0 };
    sum.lots++;
    sum.g += Math.min(c.g, g);
    out.set(key, sum);
  }
  return out;
}

export const cases: ReportBenchCase[] = [
  {
    name: 'incentives.statement: one collection point, a year',
    targetMs: 500,
    warmup: 1,
    runs: 5,
    run: async (ctx) => {
      const site = await prepare(ctx);
      return draftStatement(incentiveDeps(ctx.app), {
        scheme: SCHEME.code,
        site,
        from: ctx.year.from,
        to: ctx.year.to,
      });
    },
    baseline: {
      name: "the site's collections (json_extract) joined to every receipt's lots (json_each) in a Map",
      run: async (ctx) => naiveVerifiedTonnage(ctx, await prepare(ctx)),
    },
  },
];
