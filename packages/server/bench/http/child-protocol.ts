// What the `http` scenario and its server child say to each other over IPC.

/** The administrator the child creates with the CLI before the server starts. */
export const BENCH_USER = { username: 'bench', password: 'bench-password-0123456789' };

export interface ChildReady {
  type: 'ready';
  /** The alutrace server. */
  url: string;
  /** A bare Fastify server in the same process: the baseline. */
  bareUrl: string;
  dataDir: string;
  logFile: string;
}

export type ParentMessage =
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string }
  | { type: 'usage' }
  | { type: 'stop' };

/** Counters of the server process, read before and after each timed run. */
export interface ChildUsage {
  type: 'usage';
  /** User + system CPU time of the whole process, µs. */
  cpuMicros: number;
  /** Ledger group commits: transactions, and the appends they carried. */
  groupTransactions: number;
  groupAppends: number;
}

export type ChildMessage =
  | ChildReady
  | ChildUsage
  | { type: 'profiling' }
  | { type: 'profiled'; file: string }
  | { type: 'failed'; message: string };
