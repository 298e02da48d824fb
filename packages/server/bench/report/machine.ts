// The header of every report: where and when the figures were taken, since
// figures from another machine or Node.js version are not comparable.
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import Database from 'better-sqlite3';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  kernel: string;
  sqlite: string;
  betterSqlite3: string;
  date: string;
  /** The 1-minute load average when the run started: other work skews every figure. */
  loadAverage: number;
}

export function describeMachine(): MachineInfo {
  const memory = new Database(':memory:');
  const sqlite = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  memory.close();
  const require = createRequire(import.meta.url);
  const { version } = require('better-sqlite3/package.json') as { version: string };
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    kernel: `${process.platform} ${release()}`,
    sqlite,
    betterSqlite3: version,
    date: new Date().toISOString(),
    loadAverage: loadavg()[0] ?? 0,
  };
}

export function renderMachine(m: MachineInfo): string {
  return [
    `machine   ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, ${m.kernel}`,
    `runtime   Node.js ${m.node}, SQLite ${m.sqlite} (better-sqlite3 ${m.betterSqlite3})`,
    `date      ${m.date}`,
    `load      1-min load average ${m.loadAverage.toFixed(2)} at start` +
      (m.loadAverage > 0.5 ? ' — other processes are using the CPU; expect noisy figures' : ''),
  ].join('\n');
}
