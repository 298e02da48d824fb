// Collections per second through the domain layer (recordCollection: the
// rules, the lot id, the sealed commitment, the projections, the sealed
// record and seller index, the idempotency record, the answer), next to the
// bare ledger appending entries of the same canonical size.
//
// Fairness: both sides submit through Ledger.appendAsync in the same groups
// (`perGroup` appends submitted in one turn of the event loop, so one group
// commit each, awaited before the next), on a fresh data directory each,
// with the same synchronous setting and the default checkpoint interval.
// The bare side replays the bodies the domain run wrote, under a kind of the
// same length that no projection handles, so its canonical bytes are the
// domain's to the byte (but for seq digits); setup entries are replayed as
// fillers so that seqs line up too. Inputs are generated and parsed by zod
// (as the router would) before the clock starts.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { recordCollectionInput } from '@alutrace/shared';
import type { z } from 'zod';
import type { SyncMode } from '../../src/db/open-database';
import type { Caller } from '../../src/domain/lifecycle/context';
import { recordCollection } from '../../src/domain/lifecycle/procedures';
import { openLedger } from '../../src/ledger/open-ledger';
import type { NewEntry } from '../../src/ledger/types';
import { median, perSecond } from '../stats';
import { createSites, depsOf, openBenchApp, tokenCaller } from './bench-app';
import { CollectionInputs } from './collection-inputs';
import { profiled } from './cpu-profile-of';
import { inGroups } from './network';

export const COLLECTION_POINTS: readonly string[] = ['PG01', 'PG02', 'PG03', 'PG04', 'TD01', 'TD02', 'DB01', 'DB02'];
/** As long as "collection.recorded", and no projection knows it. */
export const BASELINE_KIND = 'collection.baseline';
const FILLER_KIND = 'bench.filler';

export interface DomainCase {
  synchronous: SyncMode;
  /** Appends submitted together (one group commit). */
  perGroup: number;
  collections: number;
}

export interface DomainRun {
  ms: number;
  meanCanonicalBytes: number;
  appendsPerCommit: number;
}

export interface DomainFigures extends DomainCase {
  domain: DomainRun[];
  bare: DomainRun[];
  domainRate: number;
  bareRate: number;
  /** Median of the per-repetition ratios (each domain run paired with the bare run right after it). */
  ratio: number;
}

type Collection = { caller: Caller; input: z.output<typeof recordCollectionInput> };

/**
 * Runs `repetitions` pairs of fresh ledgers. With `profileDir`, the first
 * domain run's timed part is profiled (domain-SYNC-GROUP.cpuprofile).
 */
export async function measureDomainCase(
  c: DomainCase,
  repetitions: number,
  workDir: string,
  profileDir?: string,
): Promise<DomainFigures> {
  const domain: DomainRun[] = [];
  const bare: DomainRun[] = [];
  for (let rep = 0; rep < repetitions; rep++) {
    const dir = mkdtempSync(join(workDir, 'domain-'));
    try {
      const profile =
        profileDir && rep === 0 ? join(profileDir, `domain-${c.synchronous}-${c.perGroup}.cpuprofile`) : undefined;
      const run = await domainRun(c, join(dir, 'domain'), rep, profile);
      domain.push(run.figures);
      bare.push(await bareRun(c, join(dir, 'bare'), run.replay, run.warmup));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rate = (r: DomainRun): number => perSecond(c.collections, r.ms);
  return {
    ...c,
    domain,
    bare,
    domainRate: median(domain.map(rate)),
    bareRate: median(bare.map(rate)),
    ratio: median(domain.map((d, i) => rate(d) / rate(bare[i] as DomainRun))),
  };
}

function warmupCount(c: DomainCase): number {
  return Math.max(500, 5 * c.perGroup);
}

async function domainRun(
  c: DomainCase,
  dataDir: string,
  rep: number,
  profileFile: string | undefined,
): Promise<{ figures: DomainRun; replay: NewEntry[]; warmup: number }> {
  const app = await openBenchApp(dataDir, { synchronous: c.synchronous });
  try {
    await createSites(
      app,
      COLLECTION_POINTS.map((code) => ({ code, kind: 'collection_point' })),
    );
    const deps = depsOf(app);
    const callers = new Map(COLLECTION_POINTS.map((site) => [site, tokenCaller('operator', site)]));
    const inputs = new CollectionInputs(20261128 + rep);
    const make = (n: number): Collection[] =>
      Array.from({ length: n }, (_, i) => {
        const site = COLLECTION_POINTS[i % COLLECTION_POINTS.length] as string;
        return { caller: callers.get(site) as Caller, input: recordCollectionInput.parse(inputs.next(site)) };
      });
    const warmup = make(warmupCount(c));
    const timed = make(c.collections);
    const record = (x: Collection) => recordCollection(deps, x.caller, x.input);
    await inGroups(warmup, c.perGroup, record);
    const before = { ...app.ledger.groupStats };
    const ms = await profiled(profileFile, async () => {
      const t0 = performance.now();
      await inGroups(timed, c.perGroup, record);
      return performance.now() - t0;
    });
    const after = app.ledger.groupStats;
    const stored = app.db.$client
      .prepare<[], Buffer>('SELECT canonical FROM ledger_entries ORDER BY seq')
      .pluck()
      .all();
    const timedBytes = stored.slice(stored.length - c.collections);
    return {
      figures: {
        ms,
        meanCanonicalBytes: timedBytes.reduce((s, b) => s + b.length, 0) / timedBytes.length,
        appendsPerCommit: (after.appends - before.appends) / (after.transactions - before.transactions),
      },
      replay: stored.map((bytes, i) => replayed(bytes, i < stored.length - c.collections - warmup.length)),
      warmup: warmup.length,
    };
  } finally {
    app.close();
  }
}

/** The stored entry as a new one for the bare ledger: the same body and sizes, a kind nothing projects. */
function replayed(bytes: Buffer, setup: boolean): NewEntry {
  const e = JSON.parse(bytes.toString('utf8')) as NewEntry;
  return {
    kind: setup ? FILLER_KIND : BASELINE_KIND,
    site: e.site,
    actor: e.actor,
    ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
    body: e.body,
  };
}

async function bareRun(c: DomainCase, dataDir: string, replay: NewEntry[], warmup: number): Promise<DomainRun> {
  const opened = openLedger({ dataDir, synchronous: c.synchronous });
  try {
    const ledger = opened.ledger;
    const setupCount = replay.length - c.collections - warmup;
    // Setup fillers in one untimed append, then the same warm-up and timed groups as the domain run.
    ledger.append(replay.slice(0, setupCount));
    const append = (e: NewEntry) => ledger.appendAsync([e]);
    await inGroups(replay.slice(setupCount, setupCount + warmup), c.perGroup, append);
    const timed = replay.slice(setupCount + warmup);
    const before = { ...ledger.groupStats };
    const t0 = performance.now();
    await inGroups(timed, c.perGroup, append);
    const ms = performance.now() - t0;
    const after = ledger.groupStats;
    const stored = opened.db.$client
      .prepare<[number], Buffer>('SELECT canonical FROM ledger_entries WHERE seq >= ?')
      .pluck()
      .all(ledger.size - c.collections);
    return {
      ms,
      meanCanonicalBytes: stored.reduce((s, b) => s + b.length, 0) / stored.length,
      appendsPerCommit: (after.appends - before.appends) / (after.transactions - before.transactions),
    };
  } finally {
    opened.close();
  }
}
