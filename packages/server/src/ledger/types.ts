import type { Actor, JsonObject, JsonValue, LedgerEntry } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';

/** What domain code asks the ledger to record. */
export interface NewEntry {
  kind: string;
  site: string | null;
  actor: Actor;
  /** When the event happened (ISO-8601 UTC); defaults to the time it is recorded. */
  occurredAt?: string;
  body: JsonObject;
}

export interface AppendedEntry {
  seq: number;
  leafHash: string;
  entry: LedgerEntry;
}

/** An entry read back from its row, with the bytes the leaf hash was computed over. */
export interface StoredEntry extends AppendedEntry {
  /** The `canonical` column as stored: the entry's RFC 8785 bytes, never re-encoded. */
  canonical: Uint8Array;
}

export interface CheckpointView {
  treeSize: number;
  rootHash: string;
  note: string;
  createdAt: string;
}

export interface AppendOptions<R extends JsonValue> {
  /**
   * Makes a retry safe: the same key with the same request returns the first
   * result and writes nothing; the same key with another request fails with
   * IDEMPOTENCY_CONFLICT. Keys are scoped by who asked (`scope`: the calling
   * principal, e.g. `token:<id>`), so that two devices that happen to pick
   * the same key never collide.
   */
  idempotency?: { scope: string; key: string };
  /** What "the same request" means; defaults to the entries given. Required when entries are built by a function. */
  request?: JsonValue;
  /**
   * Runs inside the append's transaction after the entries are written, to
   * update derived tables. Throwing rolls back everything, entries included.
   * Use `db` directly: the transaction is already open.
   */
  onAppended?: (entries: AppendedEntry[], db: AppDb) => R;
}

export interface AppendResult<R extends JsonValue> {
  entries: AppendedEntry[];
  /** What onAppended returned (null when the entries turned out to be none). */
  result: R;
  /** True when an idempotency key matched an earlier request and nothing was written. */
  replayed: boolean;
  /** The checkpoint signed right after this append, or null when signing was deferred (see checkpointIntervalMs). */
  checkpoint: CheckpointView | null;
}

/**
 * The entries to append, or a function that builds them inside the append's
 * transaction (reading current state through `db`). It may also `write`
 * entries as it goes: they are written and projected at once, and it gets
 * their seqs and leaf hashes back; what it returns is written after them.
 */
export type EntrySource =
  | NewEntry[]
  | ((db: AppDb, write: (entries: readonly NewEntry[]) => AppendedEntry[]) => NewEntry[]);
