// The server and the CLI as real, separate processes on one data directory,
// for the crash and concurrency suites. Node is spawned directly (not pnpm),
// so that SIGKILL reaches the server itself and nothing gets to clean up.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The server package, whose node_modules resolve `--import tsx`.
const SERVER_DIR = fileURLToPath(new URL('../../..', import.meta.url));
const CLI_MAIN = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

/** The environment of every child: durability is what these suites test, so SQLite syncs FULL. */
export function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ALUTRACE_')));
  return {
    ...inherited,
    ALUTRACE_DATA_DIR: dataDir,
    ALUTRACE_LOG_LEVEL: 'warn',
    ALUTRACE_SQLITE_SYNC: 'FULL',
    ...extra,
  };
}

export interface CliProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `alutrace ARGS` in its own process; `stdin` is written to its standard input. */
export function runCliProcess(args: string[], dataDir: string, stdin = ''): Promise<CliProcessResult> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, ...args], {
    cwd: SERVER_DIR,
    env: childEnv(dataDir),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** The administrator the suites sign in as; created with the CLI before the server first starts. */
export const ADMIN = { username: 'boss', password: 'a long password 123' } as const;

/** A fresh data directory under `workDir` holding the ledger and one administrator (whose password is final). */
export async function prepareDataDir(workDir = tmpdir()): Promise<string> {
  const dataDir = mkdtempSync(join(workDir, 'alutrace-crash-'));
  const r = await runCliProcess(
    ['user', 'add', '--username', ADMIN.username, '--role', 'admin', '--password-stdin', '--data-dir', dataDir],
    dataDir,
    `${ADMIN.password}\n`,
  );
  if (r.code !== 0) throw new Error(`alutrace user add failed (exit ${r.code}):\n${r.stdout}${r.stderr}`);
  return dataDir;
}

export interface Health {
  ledgerSize: number;
  headTreeSize: number | null;
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** From spawning the process to its first answer on /healthz. */
  startMs: number;
  /** That first answer, given before any client could write. */
  firstHealth: Health;
  /** Log lines at warn level or above and anything on stderr: a clean server has none. */
  complaints(): string[];
  health(): Promise<Health>;
  /** SIGKILL: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, the orderly shutdown; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `alutrace serve` on `dataDir` and waits until /healthz answers. */
export async function startServerProcess(dataDir: string): Promise<ServerProcess> {
  // The free port is found by binding and releasing it; another process may
  // take it in between, so a start that fails on a taken address is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(dataDir, await freePort());
    } catch (e) {
      if (!(e instanceof AddressInUse) || attempt === 3) throw e;
    }
  }
}

class AddressInUse extends Error {}

async function startOnce(dataDir: string, port: number): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, 'serve'], {
    cwd: SERVER_DIR,
    env: childEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const complaints: string[] = [];
  let output = '';
  let partial = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
    const lines = (partial + String(chunk)).split('\n');
    partial = lines.pop() ?? '';
    // Log lines are JSON (pino: 40 warn, 50 error, 60 fatal); the rest is the banner `serve` prints.
    for (const line of lines) if (line.startsWith('{') && logLevel(line) >= 40) complaints.push(line);
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
    complaints.push(String(chunk));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const health = async (): Promise<Health> => {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    const body = (await res.json()) as { ledger: { size: number }; head: { treeSize: number } | null };
    return { ledgerSize: body.ledger.size, headTreeSize: body.head?.treeSize ?? null };
  };

  let firstHealth: Health | null = null;
  while (!firstHealth) {
    if (gone) {
      if (output.includes('EADDRINUSE')) throw new AddressInUse(output);
      throw new Error(`the server exited during start-up:\n${output}`);
    }
    if (performance.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    firstHealth = await health().catch(() => null);
    if (!firstHealth) await new Promise((r) => setTimeout(r, 20));
  }
  const startMs = performance.now() - started;
  return {
    url,
    pid: child.pid as number,
    startMs,
    firstHealth,
    complaints: () => [...complaints],
    health,
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!gone) child.kill('SIGTERM');
      return (await exited).code;
    },
  };
}

function logLevel(line: string): number {
  try {
    return (JSON.parse(line) as { level?: number }).level ?? 0;
  } catch {
    return 60;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
