// Verifies one contiguous range of stored ledger rows: the per-entry half of
// `verify`. Ranges are independent, so a coordinator (verify-coordinator.ts)
// can run them one after another in a stream or side by side on worker
// threads, and then checks what spans ranges: checkpoints and the Merkle
// nodes above a range.
//
// For each row, in this order: seq continuity, the leaf hash recomputed from
// the stored bytes, the entry's shape, its own seq, its `prev` link, the
// stored look-up columns, and the stored interior nodes it completes.
import { bytesEqual, bytesToHex } from '../bytes';
import { Frontier } from '../merkle/frontier';
import { HASH_SIZE, hashLeaf } from '../merkle/hashes';
import { entryIndexKey, entryShapeProblem, INDEX_COLUMN_NAMES, type LedgerEntry, splitIndexKey } from './entry';
import { formatVerifyFailure, type VerifyFailure, type VerifyFailureCode } from './verify-report';

export interface VerifiableRow {
  /** The position the row is stored at. */
  seq: number;
  /** The stored canonical bytes. */
  canonical: Uint8Array;
  /** The stored leaf hash, when the store keeps one. */
  leafHash?: Uint8Array;
  /** The stored interior nodes completed by this leaf (levels 1..t), when the store keeps them. */
  nodes?: Uint8Array | null;
  /** The stored look-up columns joined by `indexKey()`, when the store keeps them. */
  indexKey?: string;
}

export interface RangeTask {
  /** The first seq of the range. */
  lo: number;
  /** One past the last seq, or null to take rows until they end. */
  hi: number | null;
  /**
   * Where this range's local tree starts: a multiple of a power of two at
   * least as large as the range, so that local perfect subtrees are global ones.
   */
  base: number;
  /** The perfect subtrees of leaves [base, lo), largest first. */
  seed: Uint8Array[];
  /** The hex leaf hash entry `lo` must point to, or null when it cannot be known here. */
  expectedPrev: string | null;
  /** Sizes (lo < size ≤ hi) at which to capture the local frontier, for checkpoint roots. */
  snapshotSizes: number[];
}

export interface RangeResult {
  failure: VerifyFailure | null;
  /** One past the last row that passed every check. */
  end: number;
  /** The local frontier (subtrees of [base, end)), largest first. */
  frontier: Uint8Array[];
  snapshots: { size: number; hashes: Uint8Array[] }[];
  /** Stored nodes of the range's last row above what the local tree completes. */
  extraNodes: Uint8Array | null;
}

const EMPTY = new Uint8Array(0);
const textDecoder = new TextDecoder('utf-8', { fatal: true });

export function verifyFailure(
  code: VerifyFailureCode,
  seq: number | null,
  params: Record<string, string | number>,
): VerifyFailure {
  const all = seq === null ? params : { seq, ...params };
  return { code, seq, params: all, message: formatVerifyFailure(code, all) };
}

export class RangeVerifier {
  private readonly frontier: Frontier;
  private readonly snapshots: RangeResult['snapshots'] = [];
  private nextSnapshot = 0;
  private expected: number;
  private prevHex: string | null;
  private failure: VerifyFailure | null = null;
  private lastNodes: Uint8Array | null = null;
  private lastCompleted = 0;

  constructor(private readonly task: RangeTask) {
    this.frontier = new Frontier(task.lo - task.base, task.seed);
    this.expected = task.lo;
    this.prevHex = task.expectedPrev;
  }

  /** Checks the next row; returns false once the range has failed (stop feeding rows). */
  push(row: VerifiableRow): boolean {
    if (this.failure) return false;
    const seq = this.expected;
    if (row.seq !== seq) return this.fail('SEQ_GAP', seq, { prevSeq: seq - 1, foundSeq: row.seq });
    if (this.task.hi !== null && seq >= this.task.hi) throw new Error(`row ${seq} is beyond the range`);
    const leaf = hashLeaf(row.canonical);
    if (row.leafHash && !bytesEqual(leaf, row.leafHash)) return this.fail('LEAF_HASH_MISMATCH', seq, {});

    let entry: LedgerEntry;
    try {
      entry = JSON.parse(textDecoder.decode(row.canonical)) as LedgerEntry;
    } catch {
      return this.fail('MALFORMED_ENTRY', seq, { detail: 'the stored bytes are not UTF-8 JSON' });
    }
    const problem = entryShapeProblem(entry);
    if (problem) return this.fail('MALFORMED_ENTRY', seq, { detail: problem });
    if (entry.seq !== seq) return this.fail('SEQ_MISMATCH', seq, { claimed: entry.seq });
    if (this.prevHex !== null && entry.prev !== this.prevHex)
      return this.fail('CHAIN_BROKEN', seq, { prevSeq: seq - 1 });
    if (row.indexKey !== undefined) {
      const actual = entryIndexKey(entry);
      if (actual !== row.indexKey) return this.indexMismatch(row.indexKey, actual, seq);
    }

    const completed = this.frontier.push(leaf);
    if (row.nodes !== undefined) {
      const stored = row.nodes ?? EMPTY;
      for (let i = 0; i < completed.length; i++) {
        const node = completed[i] as (typeof completed)[number];
        const at = i * HASH_SIZE;
        if (stored.length < at + HASH_SIZE || !bytesEqual(node.hash, stored.subarray(at, at + HASH_SIZE))) {
          return this.fail('NODE_HASH_MISMATCH', seq, {
            level: node.level,
            index: node.index + this.task.base / 2 ** node.level,
          });
        }
      }
      // Only the range's last row may complete nodes above the range; the coordinator checks those.
      this.lastNodes = stored;
      this.lastCompleted = completed.length;
      if (stored.length > completed.length * HASH_SIZE && (this.task.hi === null || seq !== this.task.hi - 1)) {
        return this.fail('NODE_HASH_MISMATCH', seq, { level: completed.length + 1, index: '-' });
      }
    }
    this.prevHex = bytesToHex(leaf);
    this.expected = seq + 1;
    const snap = this.task.snapshotSizes[this.nextSnapshot];
    if (snap === this.expected) {
      this.snapshots.push({ size: snap, hashes: this.frontier.subtreeHashes() });
      this.nextSnapshot++;
    }
    return true;
  }

  /**
   * Ends the range. `nextSeq` is the first stored seq after the rows given
   * (null when none), used to describe a gap at the end of the range.
   */
  finish(nextSeq: number | null = null): RangeResult {
    if (!this.failure && this.task.hi !== null && this.expected < this.task.hi) {
      this.fail('SEQ_GAP', this.expected, { prevSeq: this.expected - 1, foundSeq: nextSeq ?? 'none' });
    }
    const complete = !this.failure && this.expected > this.task.lo;
    const extra =
      complete && this.lastNodes && this.lastNodes.length > this.lastCompleted * HASH_SIZE
        ? this.lastNodes.slice(this.lastCompleted * HASH_SIZE)
        : null;
    return {
      failure: this.failure,
      end: this.expected,
      frontier: this.frontier.subtreeHashes(),
      snapshots: this.snapshots,
      extraNodes: extra,
    };
  }

  private indexMismatch(storedKey: string, actualKey: string, seq: number): false {
    const stored = splitIndexKey(storedKey);
    const actual = splitIndexKey(actualKey);
    const i = Math.max(
      0,
      INDEX_COLUMN_NAMES.findIndex((_, j) => stored[j] !== actual[j]),
    );
    return this.fail('INDEX_MISMATCH', seq, {
      column: INDEX_COLUMN_NAMES[i] ?? 'id',
      stored: stored[i] ?? '',
      actual: actual[i] ?? '',
    });
  }

  private fail(code: VerifyFailureCode, seq: number, params: Record<string, string | number>): false {
    this.failure = verifyFailure(code, seq, params);
    return false;
  }
}
