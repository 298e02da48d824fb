// Verifies the ledger in the browser with the shared verifier (the same
// RangeVerifier and VerifyCoordinator as `alutrace verify`): every entry's
// bytes re-hashed, its seq and `prev` link checked, the Merkle tree rebuilt
// and its root compared with the head checkpoint the log signed. Full (from
// entry 0) or incremental (from the last checkpoint this browser verified,
// whose tree frontier it remembered).
import {
  base64Decode,
  bytesToHex,
  type EntriesPage,
  Frontier,
  hexToBytes,
  type NoteVerifier,
  parseVerifierKey,
  RangeVerifier,
  readCheckpointNote,
  VerifyCoordinator,
  type VerifyFailure,
  verifyCheckpoint,
  verifyFailure,
} from '@alutrace/shared';

/** What this browser remembers of its last successful verification. */
export interface VerifiedMark {
  format: 'alutrace-browser-verified';
  version: 1;
  /** The log's verifier key it was verified against (pinned). */
  logKey: string;
  origin: string;
  treeSize: number;
  rootHash: string;
  /** The signed checkpoint note of that size. */
  note: string;
  /** The tree's frontier at that size (perfect subtree roots, largest first), hex. */
  frontier: string[];
  /** The leaf hash of entry treeSize − 1, hex (null at size 0). */
  lastLeafHash: string | null;
  verifiedAt: string;
}

export interface VerifySource {
  publicKey(): Promise<{ verifierKey: string; origin: string }>;
  head(): Promise<{ treeSize: number; note: string }>;
  /** Entries oldest first after `cursor` (exclusive), at most 100. */
  entries(cursor: number | undefined): Promise<Pick<EntriesPage, 'items' | 'nextCursor'>>;
}

export interface BrowserVerifyResult {
  failure: VerifyFailure | null;
  /** Where the check started (0: full). */
  from: number;
  treeSize: number;
  rootHash: string;
  entriesChecked: number;
  logKey: string;
  /** Set on success: what to remember for the next incremental run. */
  mark: VerifiedMark | null;
}

export class VerifyKeyChanged extends Error {
  constructor(
    readonly pinned: string,
    readonly served: string,
  ) {
    super(`the server now signs with ${served}, not ${pinned} as when this browser last verified`);
  }
}

export async function verifyInBrowser(
  source: VerifySource,
  options: {
    /** Incremental: start from this tree (null: from entry 0). */
    mark: VerifiedMark | null;
    /**
     * A full run still holds the tree to what this browser verified before: the remembered
     * checkpoint's root must be the rebuilt tree's at its size (else a rewrite since then,
     * with every hash recomputed, would pass from scratch and replace the memory).
     */
    remembered?: VerifiedMark | null;
    onProgress?: (done: number, total: number) => void;
    now?: () => Date;
  },
): Promise<BrowserVerifyResult> {
  const served = await source.publicKey();
  const mark = options.mark;
  const remembered = mark ?? options.remembered ?? null;
  if (remembered && remembered.logKey !== served.verifierKey) {
    throw new VerifyKeyChanged(remembered.logKey, served.verifierKey);
  }
  const logKey = remembered?.logKey ?? served.verifierKey;
  const verifier = parseVerifierKey(logKey);
  const origin = remembered?.origin ?? served.origin;
  const head = await source.head();
  const start = mark
    ? {
        size: mark.treeSize,
        frontier: new Frontier(mark.treeSize, mark.frontier.map(hexToBytes)),
        lastLeafHash: mark.lastLeafHash ? hexToBytes(mark.lastLeafHash) : null,
      }
    : undefined;
  const from = start?.size ?? 0;
  if (mark && head.treeSize <= mark.treeSize) return sameOrSmaller(mark, head, verifier, origin, logKey);
  // The remembered checkpoint is trusted; the head is checked.
  const checkpoints = [{ size: head.treeSize, note: head.note }];
  if (!mark && remembered && remembered.treeSize > 0)
    checkpoints.push({ size: remembered.treeSize, note: remembered.note });
  const coordinator = new VerifyCoordinator({ verifier, origin, checkpoints, ...(start ? { start } : {}) });
  const ours = start ? start.frontier.clone() : new Frontier();
  let lastLeaf = mark?.lastLeafHash ?? null;
  const total = Math.max(0, head.treeSize - from);
  if (head.treeSize > from) {
    const [task] = coordinator.plan(head.treeSize, () => null);
    if (task) {
      const range = new RangeVerifier(task);
      let cursor: number | undefined = from > 0 ? from - 1 : undefined;
      let next: number | null = null;
      let done = 0;
      options.onProgress?.(0, total);
      outer: for (;;) {
        const page = await source.entries(cursor);
        for (const item of page.items) {
          if (item.seq >= head.treeSize) {
            next = item.seq;
            break outer;
          }
          const leafHash = hexToBytes(item.leafHash);
          if (!range.push({ seq: item.seq, canonical: base64Decode(item.canonicalBase64), leafHash })) break outer;
          ours.push(leafHash);
          lastLeaf = item.leafHash;
          done++;
        }
        options.onProgress?.(done, total);
        if (page.nextCursor === null || page.items.length === 0) break;
        cursor = page.nextCursor;
      }
      coordinator.accept(task, range.finish(next));
    }
  }
  const result = coordinator.finish();
  const ok = result.failure === null;
  const checkpoint = readCheckpointNote(head.note);
  return {
    failure: result.failure,
    from,
    treeSize: result.treeSize,
    rootHash: result.rootHash,
    entriesChecked: result.entriesChecked,
    logKey,
    mark:
      ok && ours.size === head.treeSize
        ? {
            format: 'alutrace-browser-verified',
            version: 1,
            logKey,
            origin,
            treeSize: head.treeSize,
            rootHash: bytesToHex(checkpoint.root),
            note: head.note,
            frontier: ours.subtreeHashes().map(bytesToHex),
            lastLeafHash: lastLeaf,
            verifiedAt: (options.now?.() ?? new Date()).toISOString(),
          }
        : null,
  };
}

/** A head no larger than the tree this browser verified: the same root, or the log went back. */
function sameOrSmaller(
  mark: VerifiedMark,
  head: { treeSize: number; note: string },
  verifier: NoteVerifier,
  origin: string,
  logKey: string,
): BrowserVerifyResult {
  const checkpoint = verifyCheckpoint(head.note, verifier, origin);
  const root = bytesToHex(checkpoint.root);
  const failure =
    head.treeSize < mark.treeSize
      ? verifyFailure('TRUNCATED', head.treeSize, { size: mark.treeSize, found: head.treeSize })
      : root !== mark.rootHash
        ? verifyFailure('ROOT_MISMATCH', null, { size: head.treeSize })
        : null;
  return {
    failure,
    from: mark.treeSize,
    treeSize: head.treeSize,
    rootHash: root,
    entriesChecked: 0,
    logKey,
    mark: failure ? null : { ...mark, note: head.note },
  };
}
