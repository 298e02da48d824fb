import { resolve } from 'node:path';
// Command-line options shared by every scenario.
import { parseArgs } from 'node:util';

/** The parts of the lifecycle scenario, in the order they run. */
export const LIFECYCLE_PARTS = ['domain', 'http', 'trace', 'list', 'demo'] as const;
export type LifecyclePart = (typeof LIFECYCLE_PARTS)[number];

export interface BenchOptions {
  scenario: string | undefined;
  /** Entries in the large ledger that verify and proofs run on. */
  entries: number;
  quick: boolean;
  /** Repetitions of each cheap measurement; the median is reported. */
  repetitions: number;
  /** Repetitions of each verify run (a full pass over the large ledger each). */
  verifyRepetitions: number;
  jsonFile: string | undefined;
  keep: boolean;
  /** Where temporary ledgers go (default: the OS temp directory). */
  workDir: string | undefined;
  /** Write V8 CPU profiles of the verify children (http: of the server, per case) here. */
  cpuProfileDir: string | undefined;
  /** http: seconds of load per case (after a warm-up). */
  seconds: number;
  /** http: concurrent connections. */
  connections: number;
  /** crash: how many times the server is killed. */
  kills: number;
  /** crash: the seed of the kill schedule (default: a fresh one, printed). */
  seed: number | undefined;
  /** lifecycle: the sub-benchmarks to run (default: all). */
  only: LifecyclePart[] | undefined;
  /** lifecycle: events in the ledger lots.list runs on. */
  events: number;
  /** lifecycle: build the cached lots.list ledger again even when it is valid. */
  rebuild: boolean;
  help: boolean;
}

export const USAGE = `usage: pnpm bench SCENARIO [options]

scenarios:
  ledger            append, verify and proof figures, each next to its baseline
  crash             a server appending over HTTP, killed with SIGKILL again and again:
                    lost writes, restart times, the head after restart, verify
  http              requests/s through the real server (health, head, a signed-in read and write)
                    next to a bare Fastify route and one-row SQLite commits
  lifecycle         collections through the domain and over HTTP, lots.trace, lots.list on a large
                    ledger and the demo's load time, each next to its baseline
  reports           every report on the lifecycle's large ledger (cases in bench/reports/cases/), each next to
                    the naive GROUP BY over the raw entries; --events N, --rebuild as for lifecycle
  web               the public passport page: its JavaScript (raw, gzipped) next to the app's, and the
                    time until its verified badge shows on slow 4G next to unthrottled (needs pnpm build)
  collect           recording a collection on the real /collect screen (360 px, touch) as a practised
                    operator: a Keystroke-Level Model estimate against the 30 s target, and the scripted
                    run's wall clock next to the same kind of script on the sign-in form (needs pnpm build)

options:
  --entries N       entries in the large ledger (default 1,000,000)
  --quick           small sizes for a fast smoke run (20,000 entries, 1 repetition of everything)
  --reps N          repetitions of each cheap measurement (default 3); the median is shown
  --verify-reps N   repetitions of each verify run and its bare-hash pass (default 3)
  --json FILE       also write the figures as JSON
  --keep            keep the temporary ledgers and print where they are
  --dir DIR         put the temporary ledgers under DIR (default: the OS temp directory)
  --cpu-prof DIR    write CPU profiles of the verify child processes (http: of the server, per case;
                    lifecycle: of each timed stretch) to DIR
  --seconds N       http, lifecycle: seconds of load per case (default 5; --quick 2), after a warm-up
  --connections N   http: concurrent connections (default 10)
  --kills N         crash: SIGKILLs (default 50; --quick 5)
  --seed N          crash: replay the kill schedule of an earlier run
  --only A,B        lifecycle: only these parts of domain, http, trace, list, demo
  --events N        lifecycle: events in the lots.list ledger (default 1,000,000; --quick 20,000),
                    built once into bench/data/cache/ and reused while valid
  --rebuild         lifecycle: build that ledger again even when the cached one is valid
  --help            this text`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      entries: { type: 'string' },
      quick: { type: 'boolean', default: false },
      reps: { type: 'string' },
      'verify-reps': { type: 'string' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      dir: { type: 'string' },
      'cpu-prof': { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      kills: { type: 'string' },
      seed: { type: 'string' },
      only: { type: 'string' },
      events: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick ?? false;
  // `pnpm bench` runs in packages/server; paths given on the command line are the caller's.
  const fromCaller = (path: string | undefined) =>
    path === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), path);
  return {
    scenario: positionals[0],
    entries: positiveInteger('--entries', values.entries, quick ? 20_000 : 1_000_000),
    quick,
    repetitions: positiveInteger('--reps', values.reps, quick ? 1 : 3),
    verifyRepetitions: positiveInteger('--verify-reps', values['verify-reps'], quick ? 1 : 3),
    jsonFile: fromCaller(values.json),
    keep: values.keep ?? false,
    workDir: fromCaller(values.dir),
    cpuProfileDir: fromCaller(values['cpu-prof']),
    seconds: positiveInteger('--seconds', values.seconds, quick ? 2 : 5),
    connections: positiveInteger('--connections', values.connections, 10),
    kills: positiveInteger('--kills', values.kills, quick ? 5 : 50),
    seed: values.seed === undefined ? undefined : positiveInteger('--seed', values.seed, 1),
    only: values.only === undefined ? undefined : lifecycleParts(values.only),
    events: positiveInteger('--events', values.events, quick ? 20_000 : 1_000_000),
    rebuild: values.rebuild ?? false,
    help: values.help ?? false,
  };
}

function lifecycleParts(text: string): LifecyclePart[] {
  const names = text.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(LIFECYCLE_PARTS as readonly string[]).includes(name)) {
      throw new UsageError(`--only takes some of ${LIFECYCLE_PARTS.join(', ')}, not "${name}"`);
    }
  }
  return names as LifecyclePart[];
}

function positiveInteger(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  // Accept 1,000,000 and 1_000_000 as people write them.
  const n = Number(text.replaceAll(/[,_]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number ≥ 1, not "${text}"`);
  return n;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
