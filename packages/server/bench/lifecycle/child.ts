// Runs one lifecycle task (child-main.ts) in a fresh Node.js process: its
// heap, JIT and SQLite caches are its own, so one measurement's garbage
// never lands in another's latency tail. Progress lines the child writes to
// stderr are passed on as they come (a build of the large ledger takes
// minutes); the child's answer is the JSON on the last line of its stdout.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CHILD_MAIN = fileURLToPath(new URL('./child-main.ts', import.meta.url));

export interface ChildRun {
  progress(message: string): void;
  /** Write a V8 CPU profile of the child here. */
  cpuProfileDir?: string | undefined;
}

export function runLifecycleChild<T>(task: string, args: unknown, run: ChildRun): Promise<T> {
  const profile = run.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', run.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', CHILD_MAIN, task, JSON.stringify(args)], {
    cwd: SERVER_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('… ')) run.progress(`  ${line.slice(2)}`);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`lifecycle task "${task}" failed (exit ${code}):\n${stderr.slice(-4000)}`));
        return;
      }
      resolve(JSON.parse(last) as T);
    });
  });
}

/** In a child: a progress line for the parent. */
export function childProgress(message: string): void {
  process.stderr.write(`… ${message}\n`);
}
