// Runs a bench module in a fresh Node.js process and returns the JSON it
// prints last. Measurements that must not inherit this process's heap (peak
// memory, latency tails that a large heap's GC pauses would stretch) run so.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The server package, whose node_modules resolve `--import tsx`.
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface ChildOptions {
  /** Write a V8 CPU profile of the child (and its worker threads) here. */
  cpuProfileDir?: string | undefined;
}

export function runTsxChild<T>(moduleUrl: URL, args: string[], options: ChildOptions = {}): T {
  const profile = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawnSync(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(moduleUrl), ...args], {
    cwd: SERVER_DIR,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !lastLine.startsWith('{')) {
    throw new Error(`${fileURLToPath(moduleUrl)} failed (exit ${child.status}):\n${child.stderr}`);
  }
  return JSON.parse(lastLine) as T;
}
