// One load case: autocannon with a fixed number of connections for a fixed
// time, after an untimed warm-up on the same requests. Latencies are
// recorded per response in fractions of a millisecond (autocannon's own
// histogram keeps whole milliseconds, too coarse for a sub-ms route).
import autocannon, { type Request } from 'autocannon';
import { type LatencySummary, summarizeLatency } from '../stats';

export interface LoadCase {
  name: string;
  url: string;
  requests: Request[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadFigures {
  name: string;
  requestsPerSecond: number;
  requests: number;
  latency: LatencySummary;
  /** Responses other than 2xx, and connection errors: a case with any is not a valid figure. */
  failures: number;
  /** The status codes seen, for the report when there were failures. */
  statuses: Record<string, number>;
}

export interface LoadHooks {
  /** Runs between the warm-up and the timed run (to start a profiler, read counters). */
  beforeTimed?: () => Promise<void>;
  /** Runs right after the timed run. */
  afterTimed?: () => Promise<void>;
}

export async function runLoad(c: LoadCase, hooks: LoadHooks = {}): Promise<LoadFigures> {
  if (c.warmupSeconds > 0) await fire(c, c.warmupSeconds, null);
  await hooks.beforeTimed?.();
  const latenciesMs: number[] = [];
  const result = await fire(c, c.seconds, latenciesMs);
  await hooks.afterTimed?.();
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count ?? 0;
  return {
    name: c.name,
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    latency: summarizeLatency(Float64Array.from(latenciesMs, (ms) => ms * 1e6)),
    failures: result.non2xx + result.errors,
    statuses,
  };
}

function fire(c: LoadCase, seconds: number, latenciesMs: number[] | null): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: c.url, connections: c.connections, duration: seconds, requests: c.requests },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (latenciesMs) {
      instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
        latenciesMs.push(responseTimeMs);
      });
    }
  });
}
