// The `crash` scenario: the crash loop of test/crash/crash-safety.test.ts
// (src/testing/crash/crash-loop.ts, one implementation for both) with 50
// kills instead of a handful, and its figures as a report.
import { type CrashLoopReport, DEFAULT_WRITES, runCrashLoop } from '../../src/testing/crash/crash-loop';
import type { BenchOptions } from '../bench-options';
import type { ScenarioIo, ScenarioOutput } from '../ledger/ledger-scenario';
import { crashSection } from './crash-section';

// Between a start and the next kill; long enough for the server to warm up at times, short enough to catch it cold.
const UPTIME_MS = [100, 2000] as const;

export async function runCrashScenario(options: BenchOptions, io: ScenarioIo): Promise<ScenarioOutput> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31) + 1;
  const header = [
    `seed      ${seed} (the same kill schedule again: pnpm bench crash --seed ${seed})`,
    `writers   ${DEFAULT_WRITES.length} at once, each sites.create over HTTP (POST /trpc/sites.create) as a signed-in admin`,
  ];
  io.headerLines(header);
  io.progress(`${options.kills} kills; each restart takes a couple of seconds`);
  const report: CrashLoopReport = await runCrashLoop({
    kills: options.kills,
    seed,
    uptimeMs: UPTIME_MS,
    keep: options.keep,
    progress: io.progress,
    ...(options.workDir ? { workDir: options.workDir } : {}),
  });
  if (options.keep) io.progress(`kept the data directory ${report.dataDir}`);
  const section = crashSection(report, [
    'server: node --import tsx src/cli/main.ts serve, a real process, ALUTRACE_SQLITE_SYNC=FULL, on one data directory throughout.',
    `kill: SIGKILL after an uptime drawn uniformly from ${UPTIME_MS[0]}–${UPTIME_MS[1]} ms (seeded), then a restart on the same directory;`,
    '      new writes wait while the server is down; no write is made after the last restart.',
    'acknowledged: a 2xx answer with a result. In flight: sent before a kill, never answered (those may or may not be in the ledger).',
    'lost: acknowledged, but no entry of that kind and body in ledger.entries (read over HTTP) after the last restart.',
    'restart time: from spawning the process to its first /healthz answer (process start-up and tsx included).',
    'head covers: that first /healthz answer has head.treeSize = ledger.size (the checkpoint signed at start-up).',
    'clean start: the process logged no warning or error and wrote nothing to stderr over its life; verify: alutrace verify --json.',
  ]);
  io.emit(section);
  return { header, sections: [section] };
}
