// The crash loop shared by test/crash and `pnpm bench crash`: a real server
// process takes writes over HTTP from several writers at once and is killed
// with SIGKILL at random moments (a seeded generator picks them, so a seed
// replays the same schedule), then started again on the same data directory.
// What must hold: every acknowledged write survives, every start is clean,
// the head checkpoint covers the whole ledger after each restart, and
// `alutrace verify` finds the ledger intact at the end.
import { rmSync } from 'node:fs';
import { createSiteOverHttp, type ExpectedEntry, type LedgerWrite, missingEntries } from './ledger-writes';
import { ServerHttp } from './server-http';
import { ADMIN, prepareDataDir, runCliProcess, type ServerProcess, startServerProcess } from './server-process';
import { WriterPool } from './writer-pool';

export interface CrashLoopOptions {
  kills: number;
  seed: number;
  /** One concurrent writer per element (default: four writers of `sites.create`). */
  writes?: readonly LedgerWrite[];
  /** How long the server takes writes between a start and the next kill, drawn uniformly (ms). */
  uptimeMs?: readonly [min: number, max: number];
  /** Where the data directory goes (default: the OS temp directory). */
  workDir?: string;
  keep?: boolean;
  progress?: (message: string) => void;
}

export interface ServerStart {
  startMs: number;
  ledgerSize: number;
  headTreeSize: number | null;
  /** Warnings, errors and stderr output of that server process over its life. */
  complaints: string[];
}

export interface CrashLoopReport {
  seed: number;
  kills: number;
  /** The first start and one per kill. */
  starts: ServerStart[];
  acknowledged: number;
  /** The acknowledged writes by entry kind. */
  acknowledgedByKind: Record<string, number>;
  /** Acknowledged writes not in the ledger at the end: must be none. */
  lost: ExpectedEntry[];
  /** Writes in flight at a kill, never answered. */
  cutOff: number;
  /** How many of those are in the ledger anyway (committed, then killed before answering). */
  cutOffLanded: number;
  /** Failures not caused by a kill: must be none. */
  errors: string[];
  /** The exit code of the orderly shutdown (SIGTERM) after the last restart. */
  stopExitCode: number | null;
  verify: { exitCode: number | null; ok: boolean; entriesChecked: number; output: string };
  ledgerSize: number;
  dataDir: string;
  durationMs: number;
}

export const DEFAULT_WRITES: readonly LedgerWrite[] = [
  createSiteOverHttp,
  createSiteOverHttp,
  createSiteOverHttp,
  createSiteOverHttp,
];

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopReport> {
  const began = performance.now();
  const random = seededRandom(options.seed);
  const [minUp, maxUp] = options.uptimeMs ?? [100, 2000];
  const progress = options.progress ?? (() => {});
  const dataDir = await prepareDataDir(options.workDir);
  const starts: ServerStart[] = [];
  let server: ServerProcess | null = null;
  let pool: WriterPool | null = null;
  const started = async (): Promise<ServerProcess> => {
    const s = await startServerProcess(dataDir);
    starts.push({
      startMs: s.startMs,
      ledgerSize: s.firstHealth.ledgerSize,
      headTreeSize: s.firstHealth.headTreeSize,
      complaints: [],
    });
    return s;
  };
  // A server's complaints are complete only once it is gone.
  const retire = (s: ServerProcess): void => {
    (starts[starts.length - 1] as ServerStart).complaints = s.complaints();
  };
  try {
    server = await started();
    const http = new ServerHttp(() => (server as ServerProcess).url);
    await http.login(ADMIN.username, ADMIN.password);
    pool = new WriterPool(http, options.writes ?? DEFAULT_WRITES);
    pool.start();
    for (let kill = 1; kill <= options.kills; kill++) {
      await sleep(minUp + random() * (maxUp - minUp));
      pool.pause();
      await server.kill();
      retire(server);
      server = await started();
      progress(
        `kill ${kill}/${options.kills}: ${pool.written} writes acknowledged, restarted in ${ms(server.startMs)}`,
      );
      // After the last restart no write is made, so that the start-up head must cover everything.
      if (kill < options.kills) pool.resume();
    }
    const tally = await pool.stop();
    const entries = await http.entries();
    const stopExitCode = await server.stop();
    retire(server);
    server = null;
    const lost = missingEntries(entries, tally.acknowledged);
    const cutOffMissing = missingEntries(entries, tally.cutOff);
    return {
      seed: options.seed,
      kills: options.kills,
      starts,
      acknowledged: tally.acknowledged.length,
      acknowledgedByKind: countByKind(tally.acknowledged),
      lost,
      cutOff: tally.cutOff.length,
      cutOffLanded: tally.cutOff.length - cutOffMissing.length,
      errors: tally.errors,
      stopExitCode,
      verify: await verifyDataDir(dataDir),
      ledgerSize: entries.length,
      dataDir,
      durationMs: performance.now() - began,
    };
  } finally {
    // On a failure, writers must not hammer a server that is gone.
    pool?.pause();
    await server?.kill();
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `alutrace verify --json` in its own process. */
export async function verifyDataDir(dataDir: string): Promise<CrashLoopReport['verify']> {
  const r = await runCliProcess(['verify', '--data-dir', dataDir, '--json'], dataDir);
  let report: { ok?: boolean; entriesChecked?: number } = {};
  try {
    report = JSON.parse(r.stdout) as typeof report;
  } catch {
    // Reported through `output`.
  }
  return {
    exitCode: r.code,
    ok: r.code === 0 && report.ok === true,
    entriesChecked: report.entriesChecked ?? 0,
    output: `${r.stdout}${r.stderr}`,
  };
}

/** A seed for a run: from `ALUTRACE_CRASH_SEED` when set (to replay a failure), else fresh. */
export function crashSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.ALUTRACE_CRASH_SEED);
  return Number.isSafeInteger(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1;
}

function countByKind(entries: readonly ExpectedEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}

// mulberry32: small, fast and good enough to spread kills over time.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
