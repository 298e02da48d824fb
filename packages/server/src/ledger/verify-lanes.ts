// Where verification ranges run: "lanes" that each take the next range as
// soon as they are free — this thread, and worker threads for the other
// cores. Results are handed on strictly in range order, so the first failure
// reported is the first in sequence, whichever lane found it.
import { Worker } from 'node:worker_threads';
import type { RangeResult, RangeTask } from '@alutrace/shared';
import type Database from 'better-sqlite3';
import { verifyRange } from './verify-range';
import type { VerifyWorkerRequest } from './verify-worker';

export interface Lane {
  run(task: RangeTask): Promise<RangeResult>;
  close(): Promise<void>;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Verifies in this thread, giving the event loop a turn after every page. */
export function inThreadLane(sqlite: Database.Database): Lane {
  return { run: (task) => verifyRange(sqlite, task, nextTurn), close: async () => {} };
}

/** A worker thread with its own read-only connection to the database file. */
export function workerLane(script: string, dbFile: string): Lane {
  // Small heaps: a worker holds one page of rows at a time.
  const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 } });
  let id = 0;
  let pending: { resolve(r: RangeResult): void; reject(e: Error): void } | null = null;
  const fail = (e: Error) => {
    pending?.reject(e);
    pending = null;
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`verification worker exited with code ${code}`)));
  worker.on('message', (msg: { result?: RangeResult; error?: string }) => {
    if (msg.result) pending?.resolve(msg.result);
    else fail(new Error(`verification worker failed: ${msg.error}`));
    pending = null;
  });
  return {
    run(task) {
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage({ id: id++, dbFile, task } satisfies VerifyWorkerRequest);
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

/** Runs every task on the lanes; stops as soon as `accept` returns false. */
export async function runLanes(
  tasks: RangeTask[],
  lanes: Lane[],
  accept: (task: RangeTask, result: RangeResult) => boolean,
): Promise<void> {
  const done = new Map<number, RangeResult>();
  let next = 0;
  let accepted = 0;
  let stopped = false;
  const drain = (): void => {
    while (!stopped && done.has(accepted)) {
      const result = done.get(accepted) as RangeResult;
      done.delete(accepted);
      if (!accept(tasks[accepted] as RangeTask, result)) stopped = true;
      accepted++;
    }
  };
  try {
    await Promise.all(
      lanes.map(async (lane) => {
        while (!stopped && next < tasks.length) {
          const i = next++;
          done.set(i, await lane.run(tasks[i] as RangeTask));
          drain();
        }
      }),
    );
  } finally {
    await Promise.all(lanes.map((l) => l.close()));
  }
}
