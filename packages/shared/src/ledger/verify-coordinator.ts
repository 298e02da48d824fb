// Plans `verify` as ranges of rows and checks what spans ranges: the Merkle
// nodes above a range, every checkpoint's signature and root, and a
// truncated tail. Ranges may be verified anywhere (in a stream, or on worker
// threads); their results must be accepted in order, and the first failure
// reported is the one a strictly sequential check would have found first.
//
// Ranges are aligned "chunks" of 2^chunkLevel leaves, so each full chunk is
// one perfect subtree; the coordinator keeps the frontier of chunk roots.
import { bytesEqual, bytesToHex } from '../bytes';
import { parseCheckpointText } from '../checkpoint/checkpoint';
import { NoteError, type NoteVerifier, openNote } from '../checkpoint/signed-note';
import { Frontier, foldSubtrees } from '../merkle/frontier';
import { EMPTY_ROOT, HASH_SIZE } from '../merkle/hashes';
import { GENESIS_PREV } from './entry';
import { type RangeResult, type RangeTask, verifyFailure } from './range-verifier';
import type { VerifyFailure, VerifyFailureCode } from './verify-report';

export interface StoredCheckpoint {
  size: number;
  note: string;
}

/** Where incremental verification starts: a tree already trusted. */
export interface TrustedStart {
  size: number;
  frontier: Frontier;
  /** The leaf hash of entry size − 1 (null when size is 0). */
  lastLeafHash: Uint8Array | null;
}

export interface CoordinatorOptions {
  verifier: NoteVerifier;
  /** When set, checkpoints of another origin are refused. */
  origin?: string;
  checkpoints: StoredCheckpoint[];
  start?: TrustedStart;
  /** Leaves per range = 2^chunkLevel; omit for a single range (streaming). */
  chunkLevel?: number;
}

export interface CoordinatorResult {
  failure: VerifyFailure | null;
  entriesChecked: number;
  treeSize: number;
  rootHash: string;
  checkpointsChecked: number;
  /** The largest tree size covered by a verified checkpoint. */
  coveredSize: number;
}

/** A single range is one "chunk" as large as any ledger can be. */
const WHOLE = 52;

export class VerifyCoordinator {
  private readonly chunkLevel: number;
  private readonly chunkSize: number;
  private readonly startSize: number;
  private readonly checkpoints: StoredCheckpoint[];
  private nextCheckpoint = 0;
  /** Frontier over chunk roots: its leaves are perfect subtrees at chunkLevel. */
  private readonly high: Frontier;
  /** Subtrees of the current partial chunk (below chunkLevel), largest first. */
  private tail: Uint8Array[];
  private verifiedEnd: number;
  private failure: VerifyFailure | null = null;
  private checkpointsChecked = 0;
  private coveredSize: number;
  private readonly firstPrev: string;

  constructor(private readonly options: CoordinatorOptions) {
    this.chunkLevel = options.chunkLevel ?? WHOLE;
    this.chunkSize = 2 ** this.chunkLevel;
    const start = options.start;
    this.startSize = start?.size ?? 0;
    this.verifiedEnd = this.startSize;
    this.coveredSize = this.startSize;
    this.firstPrev = start?.lastLeafHash && this.startSize > 0 ? bytesToHex(start.lastLeafHash) : GENESIS_PREV;
    const subtrees = start?.frontier.subtrees() ?? [];
    const above = subtrees.filter((s) => s.level >= this.chunkLevel);
    this.high = new Frontier(
      Math.floor(this.startSize / this.chunkSize),
      above.map((s) => s.hash),
    );
    this.tail = subtrees.filter((s) => s.level < this.chunkLevel).map((s) => s.hash);
    // Checkpoints the trusted start already covers are not checked again.
    this.checkpoints = [...options.checkpoints]
      .filter((c) => c.size > this.startSize || (c.size === 0 && this.startSize === 0))
      .sort((a, b) => a.size - b.size);
    const first = this.checkpoints[0];
    if (first?.size === 0) {
      this.nextCheckpoint = 1;
      this.checkCheckpoint(first, EMPTY_ROOT);
    }
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** The ranges that cover [start, end), in order. */
  plan(end: number, boundaryPrev: (seq: number) => string | null): RangeTask[] {
    const tasks: RangeTask[] = [];
    let lo = this.startSize;
    let seed = this.tail;
    while (lo < end) {
      const base = Math.floor(lo / this.chunkSize) * this.chunkSize;
      const hi = Math.min(base + this.chunkSize, end);
      tasks.push({
        lo,
        hi,
        base,
        seed,
        expectedPrev: lo === this.startSize ? this.firstPrev : boundaryPrev(lo - 1),
        snapshotSizes: uniqueSizes(this.checkpoints.filter((c) => c.size > lo && c.size <= hi)),
      });
      lo = hi;
      seed = [];
    }
    return tasks;
  }

  /** One task reading rows until they end, for a stream whose length is not known. */
  streamTask(): RangeTask {
    if (this.chunkLevel !== WHOLE) throw new Error('a stream is verified as a single range');
    return {
      lo: this.startSize,
      hi: null,
      base: 0,
      seed: this.tail,
      expectedPrev: this.firstPrev,
      snapshotSizes: uniqueSizes(this.checkpoints.filter((c) => c.size > this.startSize)),
    };
  }

  /** Takes the result of the next range, in plan order. Returns false once verification has failed. */
  accept(task: RangeTask, result: RangeResult): boolean {
    if (this.failure) return false;
    if (task.lo !== this.verifiedEnd) throw new Error(`range ${task.lo} accepted out of order`);
    const highPrefix = this.high.subtreeHashes();
    // Checkpoints inside the range come before any later row's failure.
    const limit = result.failure?.seq ?? result.end;
    for (const snap of result.snapshots) {
      if (snap.size > limit || (snap.size === task.hi && !result.failure)) break;
      if (!this.checkNextCheckpoint(snap.size, foldSubtrees([...highPrefix, ...snap.hashes]))) return false;
    }
    if (result.failure) {
      this.failure = result.failure;
      return false;
    }
    this.verifiedEnd = result.end;
    const fullChunk = task.hi !== null && result.end === task.base + this.chunkSize;
    if (fullChunk) {
      // The range's local tree is one perfect subtree: a leaf of the high frontier.
      const completed = this.high.push(result.frontier[0] as Uint8Array);
      const extra = result.extraNodes ?? new Uint8Array(0);
      for (let i = 0; i < completed.length; i++) {
        const node = completed[i] as (typeof completed)[number];
        const at = i * HASH_SIZE;
        if (extra.length < at + HASH_SIZE || !bytesEqual(node.hash, extra.subarray(at, at + HASH_SIZE))) {
          return this.fail('NODE_HASH_MISMATCH', result.end - 1, {
            level: node.level + this.chunkLevel,
            index: node.index,
          });
        }
      }
      if (extra.length !== completed.length * HASH_SIZE) {
        return this.fail('NODE_HASH_MISMATCH', result.end - 1, {
          level: completed.length + this.chunkLevel + 1,
          index: '-',
        });
      }
      this.tail = [];
    } else {
      if (result.extraNodes && result.extraNodes.length > 0) {
        return this.fail('NODE_HASH_MISMATCH', result.end - 1, { level: '-', index: '-' });
      }
      this.tail = result.frontier;
    }
    const atEnd = result.snapshots.find((s) => s.size === result.end && s.size === task.hi);
    if (atEnd) return this.checkNextCheckpoint(atEnd.size, this.root());
    return true;
  }

  /** Ends verification: checkpoints beyond the last entry mean the tail was removed. */
  finish(): CoordinatorResult {
    if (!this.failure) {
      const beyond = this.checkpoints[this.nextCheckpoint];
      if (beyond && beyond.size > this.verifiedEnd) {
        this.fail('TRUNCATED', this.verifiedEnd, { size: beyond.size, found: this.verifiedEnd });
      }
    }
    return {
      failure: this.failure,
      entriesChecked: this.verifiedEnd - this.startSize,
      treeSize: this.verifiedEnd,
      rootHash: bytesToHex(this.root()),
      checkpointsChecked: this.checkpointsChecked,
      coveredSize: this.coveredSize,
    };
  }

  private root(): Uint8Array {
    return foldSubtrees([...this.high.subtreeHashes(), ...this.tail]);
  }

  private checkNextCheckpoint(size: number, root: Uint8Array): boolean {
    for (;;) {
      const cp = this.checkpoints[this.nextCheckpoint];
      if (!cp || cp.size > size) return true;
      this.nextCheckpoint++;
      if (cp.size === size && !this.checkCheckpoint(cp, root)) return false;
    }
  }

  private checkCheckpoint(cp: StoredCheckpoint, root: Uint8Array): boolean {
    let text: string;
    try {
      text = openNote(cp.note, this.options.verifier);
    } catch (e) {
      if (e instanceof NoteError && (e.code === 'BAD_SIGNATURE' || e.code === 'UNKNOWN_KEY')) {
        return this.fail('BAD_SIGNATURE', null, { size: cp.size });
      }
      return this.fail('MALFORMED_CHECKPOINT', null, { detail: (e as Error).message, size: cp.size });
    }
    let checkpoint: ReturnType<typeof parseCheckpointText>;
    try {
      checkpoint = parseCheckpointText(text);
    } catch (e) {
      return this.fail('MALFORMED_CHECKPOINT', null, { detail: (e as Error).message, size: cp.size });
    }
    if (checkpoint.size !== cp.size) {
      return this.fail('MALFORMED_CHECKPOINT', null, {
        detail: `stored as size ${cp.size} but the note says ${checkpoint.size}`,
        size: cp.size,
      });
    }
    const origin = this.options.origin;
    if (origin !== undefined && checkpoint.origin !== origin) {
      return this.fail('WRONG_ORIGIN', null, { found: checkpoint.origin, expected: origin });
    }
    if (!bytesEqual(checkpoint.root, root)) return this.fail('ROOT_MISMATCH', this.coveredSize, { size: cp.size });
    this.checkpointsChecked++;
    this.coveredSize = cp.size;
    return true;
  }

  private fail(code: VerifyFailureCode, seq: number | null, params: Record<string, string | number>): false {
    this.failure = verifyFailure(code, seq, params);
    return false;
  }
}

/** Sorted sizes without repeats: two notes may cover one size (a stored one and a trusted one). */
function uniqueSizes(checkpoints: StoredCheckpoint[]): number[] {
  return [...new Set(checkpoints.map((c) => c.size))];
}
