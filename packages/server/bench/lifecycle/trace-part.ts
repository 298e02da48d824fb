// Figure 3: lots.trace p99 backward through five processing stages from an
// ingot of 10,000 collection lots, and forward from a collection lot, next
// to lots.get of the same lots and a primary-key select: in-process through
// the tRPC caller (trace-latency.ts, in a child process), then over HTTP
// from the real server on the same data directory (what a browser waits
// for, the JSON of the answer included).
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import {
  type FigureValue,
  formatCount,
  formatSeconds,
  formatUs,
  passFail,
  type Section,
  type Verdict,
} from '../report/section';
import { type LatencySummary, summarizeLatency } from '../stats';
import { runLifecycleChild } from './child';
import type { PartContext } from './lifecycle-scenario';
import { ServerProcess, SetupClient } from './server-process';
import type { TraceFigures } from './trace-latency';

export const TRACE_P99_LIMIT_US = 100_000;

interface Row {
  how: 'in-process' | 'HTTP';
  name: string;
  latency: LatencySummary;
  answerBytes: number;
  lots: number;
  /** In-process only: CPU and GC per call. */
  cpuUsPerCall: number | null;
  gcUsPerCall: number | null;
  target: boolean;
}

export async function runTracePart({ options, io, workDir }: PartContext): Promise<Section[]> {
  const dir = mkdtempSync(join(workDir, 'trace-'));
  const collectionLots = options.quick ? 1_000 : 10_000;
  const samples = options.quick ? 30 : 200;
  io.progress(
    `trace: building the graph (${formatCount(collectionLots)} collection lots, 5 stages) and tracing in-process`,
  );
  const f = await runLifecycleChild<TraceFigures>(
    'trace',
    {
      dataDir: join(dir, 'data'),
      collectionLots,
      samples,
      ...(options.cpuProfileDir ? { profileFile: join(options.cpuProfileDir, 'lots-trace.cpuprofile') } : {}),
    },
    { progress: io.progress },
  );
  const rows: Row[] = f.calls.map((c) => ({ how: 'in-process', ...c, target: c.name.startsWith('lots.trace') }));

  io.progress('trace: the same calls over HTTP from the real server on that data directory');
  const server = await ServerProcess.start(dir);
  try {
    const { url } = server.ready;
    const admin = await SetupClient.signIn(url);
    const { secret } = await admin.mutate<{ secret: string }>('tokens.create', {
      name: 'bench official',
      role: 'official',
    });
    const get = async (path: string, input: unknown): Promise<number> => {
      const res = await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${Buffer.from(body).toString()}`);
      return body.byteLength;
    };
    const over = async (name: string, lotOf: (i: number) => string, call: (lotId: string) => Promise<number>) => {
      for (let i = 0; i < 3; i++) await call(lotOf(samples - 1 - i));
      const times = new Float64Array(samples);
      let bytes = 0;
      for (let i = 0; i < samples; i++) {
        const t0 = process.hrtime.bigint();
        bytes = await call(lotOf(i));
        times[i] = Number(process.hrtime.bigint() - t0);
      }
      const same = f.calls.find((c) => c.name === name);
      rows.push({
        how: 'HTTP',
        name,
        latency: summarizeLatency(times),
        answerBytes: bytes,
        lots: same?.lots ?? 0,
        cpuUsPerCall: null,
        gcUsPerCall: null,
        target: name.startsWith('lots.trace'),
      });
    };
    const forward = (i: number): string => f.forwardLots[i % f.forwardLots.length] as string;
    await over(
      'lots.trace backward from the ingot',
      () => f.graph.ingot,
      (lotId) => get('lots.trace', { lotId, direction: 'backward' }),
    );
    await over(
      'lots.get of the ingot',
      () => f.graph.ingot,
      (lotId) => get('lots.get', { lotId }),
    );
    await over('lots.trace forward from a collection lot', forward, (lotId) =>
      get('lots.trace', { lotId, direction: 'forward' }),
    );
    await over('lots.get of that collection lot', forward, (lotId) => get('lots.get', { lotId }));
  } finally {
    await server.stop();
  }
  return [traceSection(f, rows, samples)];
}

function traceSection(f: TraceFigures, rows: Row[], samples: number): Section {
  const verdicts: Verdict[] = [];
  const figures: Record<string, FigureValue>[] = [];
  const pk = f.primaryKey;
  const table = rows.map((r) => {
    const pass = r.latency.p99Us < TRACE_P99_LIMIT_US;
    const what = `${r.name} (${r.how})`;
    if (r.target) verdicts.push({ what: `${what}: p99`, target: `< ${formatUs(TRACE_P99_LIMIT_US)}`, pass });
    figures.push({
      what,
      ...r.latency,
      answerBytes: r.answerBytes,
      lots: r.lots,
      cpuUsPerCall: r.cpuUsPerCall,
      gcUsPerCall: r.gcUsPerCall,
    });
    return [
      r.how,
      r.name,
      formatCount(r.lots),
      `${formatCount(r.answerBytes / 1024)} KB`,
      formatUs(r.latency.p50Us),
      formatUs(r.latency.p99Us),
      formatUs(r.latency.maxUs),
      r.cpuUsPerCall === null ? '' : formatUs(r.cpuUsPerCall),
      r.gcUsPerCall === null ? '' : formatUs(r.gcUsPerCall),
      `${(r.latency.p99Us / pk.p99Us).toFixed(0)}×`,
      r.target ? `p99 < ${formatUs(TRACE_P99_LIMIT_US)}` : '—',
      r.target ? passFail(pass) : '—',
    ];
  });
  figures.push({ what: 'primary-key select', ...pk });
  table.push([
    'baseline',
    'SELECT * FROM lots WHERE lot_id = ?',
    '1',
    '',
    formatUs(pk.p50Us),
    formatUs(pk.p99Us),
    formatUs(pk.maxUs),
    '',
    '',
    '1×',
    '—',
    '—',
  ]);
  const g = f.graph;
  return {
    title: `lots.trace through ${g.stages.length} processing stages from ${formatCount(g.collectionLots)} collection lots (µs per call)`,
    headers: [
      'via',
      'call',
      'lots',
      'answer',
      'p50',
      'p99',
      'max',
      'CPU/call',
      'GC/call',
      'p99 ÷ pk',
      'target',
      'result',
    ],
    rows: table,
    notes: [
      `graph: ${formatCount(g.collectionLots)} collections at 10 collection points, ${g.trucks} trucks to one recycler, then ` +
        g.stages.map((s) => `${s.process} (${s.runs} run${s.runs === 1 ? '' : 's'} × ${s.perRun})`).join(', '),
      `     to the ingot ${g.ingot} (melting makes liquid metal in lots of ≤ 95 t and dross; casting takes one); all through the`,
      `     domain functions (bench/lifecycle/trace-graph.ts), ${formatCount(g.entries)} entries, built in ${formatSeconds(g.buildMs)}.`,
      '     lots = collection lots in a backward answer, lots reached in a forward one.',
      `calls: ${samples} each, one at a time, after 3 untimed; as an official (sees every lot). Forward calls start from a different`,
      `     collection lot each time (e.g. ${f.forwardLots.slice(0, 2).join(', ')}); lots.get takes the same lots.`,
      'in-process: the tRPC caller (access rule, zod parse, procedure), in a child process that built the graph; CPU/call is that',
      "     process's user + system time over the calls (below p50 when other processes took the CPU), GC/call its collections' pauses.",
      'HTTP: GET /trpc/<procedure>?input=… with an official API token, from this process to the real server (startServer) on the',
      '     same data directory, the answer read to its end; "answer" is the JSON size.',
      `baseline: better-sqlite3 SELECT * FROM lots WHERE lot_id = ? of collection lots in the child, ${formatCount(pk.samples)} calls.`,
    ],
    verdicts,
    figures,
  };
}
