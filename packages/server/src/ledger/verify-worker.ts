// A worker thread that verifies ranges of a ledger database file, each on
// its own read-only connection, so that `verify` uses every core.
import { parentPort } from 'node:worker_threads';
import type { RangeTask } from '@alutrace/shared';
import Database from 'better-sqlite3';
import { verifyRange } from './verify-range';

export interface VerifyWorkerRequest {
  id: number;
  dbFile: string;
  task: RangeTask;
}

const connections = new Map<string, Database.Database>();

parentPort?.on('message', async (req: VerifyWorkerRequest) => {
  try {
    let sqlite = connections.get(req.dbFile);
    if (!sqlite) {
      sqlite = new Database(req.dbFile, { readonly: true, fileMustExist: true });
      connections.set(req.dbFile, sqlite);
    }
    const result = await verifyRange(sqlite, req.task);
    parentPort?.postMessage({ id: req.id, result });
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
