// `verify` over the database. The work is split into aligned ranges of rows
// (see verify-coordinator.ts in the shared package) that run in this thread,
// with a pause between pages so the server stays responsive, and on worker
// threads for the other cores (verify-lanes.ts). Memory stays flat and the
// first failure reported is the first in sequence order. With a trusted checkpoint, verification is incremental:
// the stored tree is tied to the trusted root by inclusion and consistency
// proofs, and only the entries after it are recomputed.
import { availableParallelism } from 'node:os';
import {
  bytesEqual,
  bytesToHex,
  formatVerifierKey,
  hexToBytes,
  NoteError,
  type NoteVerifier,
  type TrustedStart,
  VerifyCoordinator,
  type VerifyFailure,
  type VerifyFailureCode,
  type VerifyReport,
  verifyCheckpoint,
  verifyConsistency,
  verifyFailure,
  verifyInclusion,
} from '@alutrace/shared';
import type Database from 'better-sqlite3';
import { readLedgerBounds } from './read-head';
import { TreeStore } from './tree-store';
import { inThreadLane, type Lane, runLanes, workerLane } from './verify-lanes';
import { verifyWorkerScript } from './verify-worker-script';

export interface VerifyLedgerOptions {
  verifier: NoteVerifier;
  /** Refuse checkpoints of another log. */
  origin?: string;
  /** A checkpoint note trusted from an earlier verification: verify only what was added since. */
  trustedCheckpoint?: string;
  /**
   * Threads that verify, this one included (0 or 1: only this one). Defaults
   * to the number of cores, at most 4.
   */
  workers?: number;
  /** Leaves per range = 2^chunkLevel (default 16). */
  chunkLevel?: number;
  /** Told once before the first range and after each range, in order: entries verified of those to verify. */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_CHUNK_LEVEL = 16;

export function defaultVerifyWorkers(): number {
  return Math.min(availableParallelism(), 4);
}

export async function verifyLedger(sqlite: Database.Database, options: VerifyLedgerOptions): Promise<VerifyReport> {
  const started = performance.now();
  const verifierKey = formatVerifierKey(options.verifier);
  const { checkpoints, end } = readLedgerBounds(sqlite);
  const tree = new TreeStore(sqlite);
  const finish = (
    failure: VerifyFailure | null,
    r: { entriesChecked: number; treeSize: number; rootHash: string; checkpointsChecked: number; coveredSize: number },
    trustedSize: number | null,
  ): VerifyReport => ({
    ok: failure === null,
    ...r,
    trustedSize,
    verifierKey,
    durationMs: Math.round(performance.now() - started),
    threads,
    failure,
  });
  let threads = 1;

  let start: TrustedStart | undefined;
  let trusted: { size: number; root: Uint8Array } | undefined;
  if (options.trustedCheckpoint !== undefined) {
    const outcome = trustedStart(tree, options, end);
    if ('failure' in outcome) {
      const empty = { entriesChecked: 0, treeSize: end, rootHash: '', checkpointsChecked: 0, coveredSize: 0 };
      return finish(outcome.failure, empty, outcome.size);
    }
    ({ start, trusted } = outcome);
  }

  const chunkLevel = options.chunkLevel ?? DEFAULT_CHUNK_LEVEL;
  const coordinator = new VerifyCoordinator({
    verifier: options.verifier,
    checkpoints,
    chunkLevel,
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
    ...(start ? { start } : {}),
  });
  const leafAt = sqlite.prepare<[number], { h: Buffer }>('SELECT leaf_hash AS h FROM ledger_entries WHERE seq = ?');
  const tasks = coordinator.failed
    ? []
    : coordinator.plan(end, (seq) => {
        const row = leafAt.get(seq);
        return row ? bytesToHex(row.h) : null;
      });
  // This thread verifies too; worker threads take the other cores. Without a
  // place to write the worker bundle (a read-only install) this thread does it all.
  const wanted = Math.min(options.workers ?? defaultVerifyWorkers(), tasks.length);
  const script = wanted >= 2 && sqlite.name !== ':memory:' ? await verifyWorkerScript().catch(() => null) : null;
  const lanes: Lane[] = [inThreadLane(sqlite)];
  if (script) for (let i = 1; i < wanted; i++) lanes.push(workerLane(script, sqlite.name));
  threads = lanes.length;
  const first = start?.size ?? 0;
  options.onProgress?.(0, end - first);
  await runLanes(tasks, lanes, (task, result) => {
    const more = coordinator.accept(task, result);
    if (more) options.onProgress?.((task.hi ?? end) - first, end - first);
    return more;
  });
  const result = coordinator.finish();

  if (!result.failure && trusted) {
    // Tie the recomputed head to the trusted root the way any outside verifier would.
    const proof = tree.consistencyProof(trusted.size, result.treeSize);
    const check = verifyConsistency(trusted.size, result.treeSize, trusted.root, hexToBytes(result.rootHash), proof);
    if (!check.valid) {
      const params = { size: result.treeSize, trusted: trusted.size, detail: check.reason };
      return finish(verifyFailure('INCONSISTENT', trusted.size, params), result, trusted.size);
    }
  }
  return finish(result.failure, result, trusted?.size ?? null);
}

function trustedStart(
  tree: TreeStore,
  options: VerifyLedgerOptions,
  end: number,
):
  | { start: TrustedStart; trusted: { size: number; root: Uint8Array } }
  | { failure: VerifyFailure; size: number | null } {
  let cp: { size: number; root: Uint8Array };
  try {
    cp = verifyCheckpoint(options.trustedCheckpoint as string, options.verifier, options.origin);
  } catch (e) {
    const code: VerifyFailureCode =
      e instanceof NoteError && (e.code === 'BAD_SIGNATURE' || e.code === 'UNKNOWN_KEY')
        ? 'BAD_SIGNATURE'
        : 'MALFORMED_CHECKPOINT';
    return { failure: verifyFailure(code, null, { size: 'trusted', detail: (e as Error).message }), size: null };
  }
  if (cp.size > end) {
    return { failure: verifyFailure('TRUNCATED', end, { size: cp.size, found: end }), size: cp.size };
  }
  const inconsistent = (detail: string) => ({
    failure: verifyFailure('INCONSISTENT', null, { size: end, trusted: cp.size, detail }),
    size: cp.size,
  });
  try {
    const frontier = tree.frontierAt(cp.size);
    if (!bytesEqual(frontier.root(), cp.root)) return inconsistent('the stored tree at that size has another root');
    let lastLeaf: Uint8Array | null = null;
    if (cp.size > 0) {
      lastLeaf = tree.subtree(0, cp.size - 1);
      const proof = tree.inclusionProof(cp.size - 1, cp.size);
      if (!verifyInclusion(cp.size - 1, cp.size, lastLeaf, proof, cp.root).valid) {
        return inconsistent(`the stored hash of entry ${cp.size - 1} is not in the trusted tree`);
      }
    }
    return { start: { size: cp.size, frontier, lastLeafHash: lastLeaf }, trusted: cp };
  } catch (e) {
    return inconsistent((e as Error).message);
  }
}
