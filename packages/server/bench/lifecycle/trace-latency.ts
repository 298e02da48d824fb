// lots.trace latency in-process (a child process of its own): the graph of
// trace-graph.ts built into DATA_DIR through the domain functions, then
// lots.trace backward from the ingot and forward from collection lots
// (a different one each call) through the tRPC caller as an official,
// next to lots.get of the same lots and a primary-key select. The data
// directory is left for the HTTP half of the part (trace-part.ts).
import { PerformanceObserver } from 'node:perf_hooks';
import { SeededRandom } from '../data/seeded-random';
import { type LatencySummary, sampleLatency, summarizeLatency } from '../stats';
import { openBenchApp } from './bench-app';
import { childProgress } from './child';
import { profiled } from './cpu-profile-of';
import { callerFor, userPrincipal } from './procedure-caller';
import { buildTraceGraph, type TraceGraph } from './trace-graph';

export interface TraceCall {
  name: string;
  latency: LatencySummary;
  /** Bytes of the answer as JSON (what HTTP would send). */
  answerBytes: number;
  /** Collection lots in a backward answer, lots reached in a forward one. */
  lots: number;
  /** This process's CPU time per call (user + system): below the wall time when other processes took the CPU. */
  cpuUsPerCall: number;
  /** Garbage collection per call (all of the process's pauses during the calls, spread over them). */
  gcUsPerCall: number;
}

export interface TraceFigures {
  graph: TraceGraph;
  calls: TraceCall[];
  primaryKey: LatencySummary;
  /** The collection lots the forward calls started from, in order. */
  forwardLots: string[];
}

export interface TraceArgs {
  dataDir: string;
  collectionLots: number;
  samples: number;
  profileFile?: string;
}

export async function measureTrace(a: TraceArgs): Promise<TraceFigures> {
  const app = await openBenchApp(a.dataDir, { synchronous: 'NORMAL' });
  try {
    const graph = await buildTraceGraph(app, a.collectionLots, childProgress);
    childProgress(`trace graph built in ${(graph.buildMs / 1000).toFixed(1)} s (${graph.entries} entries)`);
    const caller = callerFor(app, userPrincipal('official', []));
    const client = app.db.$client;
    const collectionLots = client
      .prepare("SELECT lot_id FROM lots WHERE kind = 'scrap' AND form IS NULL ORDER BY created_seq")
      .pluck()
      .all() as string[];
    const r = new SeededRandom(11);
    const forwardFrom = Array.from({ length: a.samples }, () => r.pick(collectionLots));

    const calls: TraceCall[] = [];
    const time = async (name: string, lotOf: (i: number) => string, call: (lotId: string) => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await call(lotOf(a.samples - 1 - i));
      const samples = new Float64Array(a.samples);
      let answer: unknown;
      const gc = gcTime();
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < a.samples; i++) {
        const t0 = process.hrtime.bigint();
        answer = await call(lotOf(i));
        samples[i] = Number(process.hrtime.bigint() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      const gcMs = await gc.stop();
      const json = JSON.stringify(answer);
      const parsed = answer as { sources?: unknown[]; reached?: unknown[] };
      calls.push({
        name,
        latency: summarizeLatency(samples),
        answerBytes: Buffer.byteLength(json),
        lots: parsed.sources?.length ?? parsed.reached?.length ?? 1,
        cpuUsPerCall: (cpu.user + cpu.system) / a.samples,
        gcUsPerCall: (gcMs * 1000) / a.samples,
      });
      childProgress(`  ${name}: p99 ${(summarizeLatency(samples).p99Us / 1000).toFixed(1)} ms`);
    };
    await profiled(a.profileFile, async () => {
      await time(
        'lots.trace backward from the ingot',
        () => graph.ingot,
        (lotId) => caller.lots.trace({ lotId, direction: 'backward' }),
      );
      await time(
        'lots.get of the ingot',
        () => graph.ingot,
        (lotId) => caller.lots.get({ lotId }),
      );
      await time(
        'lots.trace forward from a collection lot',
        (i) => forwardFrom[i] as string,
        (lotId) => caller.lots.trace({ lotId, direction: 'forward' }),
      );
      await time(
        'lots.get of that collection lot',
        (i) => forwardFrom[i] as string,
        (lotId) => caller.lots.get({ lotId }),
      );
    });
    const byKey = client.prepare('SELECT * FROM lots WHERE lot_id = ?');
    const primaryKey = summarizeLatency(
      sampleLatency(4_000, 1_000, (i) => byKey.get(collectionLots[i % collectionLots.length])),
    );
    return { graph, calls, primaryKey, forwardLots: forwardFrom };
  } finally {
    app.close();
  }
}

/** Sums the durations of garbage collections from now until `stop` (in ms). */
function gcTime(): { stop(): Promise<number> } {
  let ms = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) ms += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // GC entries are delivered on a later turn of the event loop than the collections: let the last ones arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      return ms;
    },
  };
}
