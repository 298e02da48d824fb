// The ledger: append-only entries in a hash chain and a Merkle tree, with
// signed checkpoints. This module knows nothing of scrap; domain code calls
// `append` (or `appendAsync`, with group commit) and updates its own tables
// through the `onAppended` hook. Here: the write path and the in-memory tip.
// Reading entries back is entry-reader.ts; idempotency records are
// idempotency-store.ts; when to sign is checkpoint-schedule.ts.
import {
  bytesEqual,
  bytesToHex,
  Frontier,
  GENESIS_PREV,
  hashLeaf,
  type JsonValue,
  type NoteSigner,
  readCheckpointNote,
  signCheckpoint,
} from '@alutrace/shared';
import type Database from 'better-sqlite3';
import type { AppDb } from '../db/open-database';
import { AppError } from '../errors';
import { buildEntry } from './build-entry';
import { CheckpointSchedule } from './checkpoint-schedule';
import { EntryReader } from './entry-reader';
import { GroupQueue, type Outcome } from './group-queue';
import { IdempotencyStore, requestFingerprint } from './idempotency-store';
import { TreeStore } from './tree-store';
import type {
  AppendedEntry,
  AppendOptions,
  AppendResult,
  CheckpointView,
  EntrySource,
  NewEntry,
  StoredEntry,
} from './types';
import { MAX_ENTRIES_PER_APPEND, validateNewEntry } from './validate-new-entry';

export interface LedgerOptions {
  db: AppDb;
  signer: NoteSigner;
  /** The checkpoint origin line. */
  origin: string;
  /**
   * At most one checkpoint per this many ms under load; 0 signs after every
   * append transaction. An append after a quiet spell is signed at once.
   */
  checkpointIntervalMs?: number;
  now?: () => Date;
  onCheckpointError?: (error: unknown) => void;
  /**
   * Derives tables from the entries just written, inside the append's
   * transaction, for every append (the domain's projections; this module
   * knows nothing of them). Throwing refuses the append.
   */
  project?: (entries: readonly AppendedEntry[], db: AppDb) => void;
}

type CheckpointRow = [treeSize: number, rootHash: Buffer, note: string, createdAt: string];
type Appended = { entries: AppendedEntry[]; result: JsonValue; replayed: boolean };

/** An append waiting for its group's transaction (see appendAsync). */
interface GroupMember {
  source: EntrySource;
  options: AppendOptions<JsonValue>;
  fingerprint: Buffer | null;
}

const INSERT_ENTRY = `INSERT INTO ledger_entries
  (seq, id, kind, site, actor_id, occurred_at, recorded_at, canonical, leaf_hash, nodes)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export class Ledger {
  readonly db: AppDb;
  private readonly signer: NoteSigner;
  readonly origin: string;
  readonly tree: TreeStore;
  private readonly sqlite: Database.Database;
  private readonly now: () => Date;
  private readonly project: (entries: readonly AppendedEntry[], db: AppDb) => void;
  private readonly schedule: CheckpointSchedule;
  private readonly reader: EntryReader;
  private readonly idempotency: IdempotencyStore;

  // The tip of the tree and the head checkpoint, kept in memory so that
  // appending and reading the head cost no reads. Another connection (the
  // CLI) may append or sign; SQLite's data_version then changes, and both
  // are read again before they are trusted (`refresh`).
  private frontier = new Frontier();
  private lastLeaf: Uint8Array | null = null;
  private lastRecordedAt: string | null = null;
  private cachedHead: CheckpointView | null | undefined = undefined;
  private knownDataVersion = -1;
  private inAppend = false;
  private readonly group: GroupQueue<GroupMember, AppendResult<JsonValue>>;
  private readonly groupTransaction: Database.Transaction<(members: GroupMember[]) => Outcome<Appended>[]>;
  private readonly memberTransaction: (member: GroupMember) => Appended;
  /** Group commits so far: transactions, and the appends they carried. */
  readonly groupStats = { transactions: 0, appends: 0 };
  private closed = false;

  private readonly stmts: {
    dataVersion: Database.Statement<[], number>;
    insertEntry: Database.Statement;
    lastEntry: Database.Statement<[], [number, Buffer, string]>;
    headCheckpoint: Database.Statement<[], CheckpointRow>;
    checkpointBySize: Database.Statement<[number], CheckpointRow>;
    insertCheckpoint: Database.Statement;
  };

  constructor(options: LedgerOptions) {
    this.db = options.db;
    this.sqlite = options.db.$client;
    this.signer = options.signer;
    this.origin = options.origin;
    this.now = options.now ?? (() => new Date());
    this.project = options.project ?? (() => {});
    this.schedule = new CheckpointSchedule(
      options.checkpointIntervalMs ?? 1000,
      () => this.signCheckpoint(),
      options.onCheckpointError ?? ((e) => console.error(e)),
    );
    this.tree = new TreeStore(this.sqlite);
    this.reader = new EntryReader(this.sqlite);
    this.idempotency = new IdempotencyStore(this.sqlite);
    const s = this.sqlite;
    this.stmts = {
      dataVersion: s.prepare<[], number>('PRAGMA data_version').pluck(),
      insertEntry: s.prepare(INSERT_ENTRY),
      lastEntry: s
        .prepare<[], [number, Buffer, string]>(
          'SELECT seq, leaf_hash, recorded_at FROM ledger_entries ORDER BY seq DESC LIMIT 1',
        )
        .raw(),
      headCheckpoint: s
        .prepare<[], CheckpointRow>(
          'SELECT tree_size, root_hash, note, created_at FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1',
        )
        .raw(),
      checkpointBySize: s
        .prepare<[number], CheckpointRow>(
          'SELECT tree_size, root_hash, note, created_at FROM ledger_checkpoints WHERE tree_size = ?',
        )
        .raw(),
      insertCheckpoint: s.prepare(
        'INSERT OR IGNORE INTO ledger_checkpoints (tree_size, root_hash, note, created_at) VALUES (?, ?, ?, ?)',
      ),
    };
    this.memberTransaction = s.transaction((m: GroupMember) =>
      this.appendInTransaction(m.source, m.options, m.fingerprint),
    );
    this.groupTransaction = s.transaction((members: GroupMember[]) => members.map((m) => this.appendMember(m)));
    this.group = new GroupQueue((members) => this.commitGroup(members));
    this.syncTip();
    const head = this.stmts.headCheckpoint.get();
    if (head) {
      const headOrigin = readCheckpointNote(head[2]).origin;
      if (headOrigin !== this.origin) {
        throw new Error(
          `this ledger's checkpoints are for origin "${headOrigin}", but the origin is configured as "${this.origin}"`,
        );
      }
    }
    if (!head || head[0] < this.frontier.size) this.signCheckpoint();
  }

  /** The number of entries. */
  get size(): number {
    return this.syncTip();
  }

  /**
   * Appends entries in one SQLite transaction: all of them, the tree nodes,
   * the idempotency record and whatever `onAppended` writes, or nothing.
   */
  append<R extends JsonValue = null>(source: EntrySource, options: AppendOptions<R> = {}): AppendResult<R> {
    if (this.closed) throw new Error('the ledger is closed');
    if (this.inAppend) throw new Error('append was called from inside an append hook');
    const fingerprint = requestFingerprint(source, options);
    const saved = this.saveTip();
    this.inAppend = true;
    let outcome: { entries: AppendedEntry[]; result: R; replayed: boolean };
    try {
      outcome = this.sqlite.transaction(() => this.appendInTransaction(source, options, fingerprint)).immediate();
    } catch (e) {
      this.restoreTip(saved);
      throw e;
    } finally {
      this.inAppend = false;
    }
    const checkpoint = outcome.replayed || outcome.entries.length === 0 ? null : this.schedule.afterCommit();
    return { ...outcome, checkpoint };
  }

  /**
   * `append` with group commit: appends submitted in the same turn of the
   * event loop share one SQLite transaction, so that one commit (one fsync
   * at synchronous FULL) serves them all. Each append still is all or
   * nothing: it runs in a savepoint of its own, so one that is refused
   * (throws in its source, validation or `onAppended`) writes nothing and
   * leaves the others alone. Appends get their seqs in the order they were
   * submitted. The promise settles once the group's transaction has
   * committed (or failed, which fails every append in it).
   */
  appendAsync<R extends JsonValue = null>(
    source: EntrySource,
    options: AppendOptions<R> = {},
  ): Promise<AppendResult<R>> {
    try {
      if (this.closed) throw new Error('the ledger is closed');
      if (this.inAppend) throw new Error('append was called from inside an append hook');
      const fingerprint = requestFingerprint(source, options);
      return this.group.submit({ source, options, fingerprint }) as Promise<AppendResult<R>>;
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Runs one group in one IMMEDIATE transaction; an outcome per member. */
  private commitGroup(members: GroupMember[]): Outcome<AppendResult<JsonValue>>[] {
    if (this.closed) return members.map(() => ({ ok: false, error: new Error('the ledger is closed') }));
    const saved = this.saveTip();
    let outcomes: Outcome<Appended>[];
    this.inAppend = true;
    try {
      outcomes = this.groupTransaction.immediate(members);
    } catch (e) {
      this.restoreTip(saved);
      throw e;
    } finally {
      this.inAppend = false;
    }
    this.groupStats.transactions++;
    this.groupStats.appends += members.length;
    const wrote = (o: Outcome<Appended>): boolean => o.ok && !o.value.replayed && o.value.entries.length > 0;
    let checkpoint: CheckpointView | null = null;
    if (outcomes.some(wrote)) {
      try {
        checkpoint = this.schedule.afterCommit();
      } catch (error) {
        // As with append: committed, but the caller hears that signing failed.
        return outcomes.map((o) => (o.ok ? { ok: false, error } : o));
      }
    }
    return outcomes.map((o) =>
      o.ok ? { ok: true, value: { ...o.value, checkpoint: wrote(o) ? checkpoint : null } } : o,
    );
  }

  /** One member of a group, in a savepoint: on failure only its own writes are undone. */
  private appendMember(member: GroupMember): Outcome<Appended> {
    const saved = this.saveTip();
    try {
      return { ok: true, value: this.memberTransaction(member) };
    } catch (error) {
      this.restoreTip(saved);
      // SQLite ended the whole transaction (an I/O error, say): the group fails as one.
      if (!this.sqlite.inTransaction) throw error;
      return { ok: false, error };
    }
  }

  private saveTip(): { frontier: Frontier; lastLeaf: Uint8Array | null; lastRecordedAt: string | null } {
    return { frontier: this.frontier.clone(), lastLeaf: this.lastLeaf, lastRecordedAt: this.lastRecordedAt };
  }

  private restoreTip(saved: { frontier: Frontier; lastLeaf: Uint8Array | null; lastRecordedAt: string | null }): void {
    this.frontier = saved.frontier;
    this.lastLeaf = saved.lastLeaf;
    this.lastRecordedAt = saved.lastRecordedAt;
    // The tip may have been re-read inside the rolled-back transaction: read it again next time.
    this.knownDataVersion = -1;
  }

  private appendInTransaction<R extends JsonValue>(
    source: EntrySource,
    options: AppendOptions<R>,
    fingerprint: Buffer | null,
  ): { entries: AppendedEntry[]; result: R; replayed: boolean } {
    const idem = options.idempotency;
    if (idem !== undefined && fingerprint) {
      const seen = this.idempotency.find(idem.scope, idem.key);
      if (seen) {
        if (!bytesEqual(seen.fingerprint, fingerprint)) {
          throw new AppError('IDEMPOTENCY_CONFLICT', { key: idem.key });
        }
        return {
          entries: this.readRange(seen.firstSeq, seen.firstSeq + seen.count),
          result: seen.result as R,
          replayed: true,
        };
      }
    }
    this.syncTip();
    // recorded_at never runs backwards along the log (a clock stepped back by NTP, say), so
    // that a time range of the log is a seq range: readers may look one up by bisection.
    const now = this.now().toISOString();
    const recordedAt = this.lastRecordedAt !== null && this.lastRecordedAt > now ? this.lastRecordedAt : now;
    const appended: AppendedEntry[] = [];
    // Writes entries and projects them at once, so that a source can build
    // later entries on the state the earlier ones left (a correction, then
    // the corrected event).
    const write = (batch: readonly NewEntry[]): AppendedEntry[] => {
      if (appended.length + batch.length > MAX_ENTRIES_PER_APPEND) {
        throw new AppError('INVALID_ENTRY', { detail: `at most ${MAX_ENTRIES_PER_APPEND} entries per append` });
      }
      const out = batch.map((input, i) => {
        validateNewEntry(input, appended.length + i);
        return this.writeEntry(input, recordedAt, appended.length + i);
      });
      appended.push(...out);
      this.project(out, this.db);
      return out;
    };
    const rest = typeof source === 'function' ? source(this.db, write) : source;
    if (rest.length > 0) write(rest);
    // A change that turns out to change nothing writes nothing.
    if (appended.length === 0) return { entries: [], result: null as R, replayed: false };
    const result = (options.onAppended ? options.onAppended(appended, this.db) : null) as R;
    if (idem !== undefined && fingerprint) {
      const first = appended[0] as AppendedEntry;
      this.idempotency.record(idem.scope, idem.key, fingerprint, first.seq, appended.length, result);
    }
    return { entries: appended, result, replayed: false };
  }

  private writeEntry(input: NewEntry, recordedAt: string, i: number): AppendedEntry {
    const seq = this.frontier.size;
    const prev = this.lastLeaf ? bytesToHex(this.lastLeaf) : GENESIS_PREV;
    const { entry, bytes } = buildEntry(input, { seq, prev, recordedAt }, i);
    const leaf = hashLeaf(bytes);
    const completed = this.frontier.push(leaf);
    const nodes = completed.length === 0 ? null : Buffer.concat(completed.map((n) => n.hash));
    this.stmts.insertEntry.run(
      seq,
      entry.id,
      entry.kind,
      entry.site,
      entry.actor.id,
      entry.occurredAt,
      entry.recordedAt,
      bytes,
      leaf,
      nodes,
    );
    this.lastLeaf = leaf;
    this.lastRecordedAt = entry.recordedAt;
    return { seq, leafHash: bytesToHex(leaf), entry };
  }

  /** Makes the in-memory tip match the database; returns the number of entries. */
  private syncTip(): number {
    this.refresh();
    return this.frontier.size;
  }

  /**
   * Reads the tip and forgets the head when another connection has
   * committed since the last look (PRAGMA data_version changes then, and
   * only then: this connection's own commits keep it as it is).
   */
  private refresh(): void {
    const version = this.stmts.dataVersion.get() as number;
    if (version === this.knownDataVersion) return;
    this.cachedHead = undefined;
    this.readTip();
    this.knownDataVersion = version;
  }

  private readTip(): void {
    const last = this.stmts.lastEntry.get();
    const size = last ? last[0] + 1 : 0;
    this.lastRecordedAt = last ? last[2] : null;
    if (size === this.frontier.size && (!last || (this.lastLeaf && bytesEqual(last[1], this.lastLeaf)))) return;
    this.frontier = this.tree.frontierAt(size);
    this.lastLeaf = last ? last[1] : null;
  }

  // ── checkpoints ──────────────────────────────────────────────────────────

  /** Signs a checkpoint of the current tree unless the head already covers it. */
  signCheckpoint(): CheckpointView {
    // Size and root from one look at the tip, before the head is read: reading the head may
    // refresh the tip when another process has committed since, and the root of that newer
    // tree must never be signed under the older size.
    const size = this.syncTip();
    const root = this.frontier.root();
    const head = this.head();
    if (head && head.treeSize >= size) return head;
    const note = signCheckpoint({ origin: this.origin, size, root }, this.signer);
    const createdAt = this.now().toISOString();
    this.stmts.insertCheckpoint.run(size, Buffer.from(root), note, createdAt);
    this.schedule.signed();
    // Read back: another process may have signed this size first (INSERT OR IGNORE).
    this.cachedHead = undefined;
    return this.head() as CheckpointView;
  }

  /** The newest signed checkpoint. */
  head(): CheckpointView | null {
    this.refresh();
    if (this.cachedHead === undefined) {
      const row = this.stmts.headCheckpoint.get();
      this.cachedHead = row ? Object.freeze(checkpointView(row)) : null;
    }
    return this.cachedHead;
  }

  checkpointAt(treeSize: number): CheckpointView | null {
    const row = this.stmts.checkpointBySize.get(treeSize);
    return row ? checkpointView(row) : null;
  }

  // ── reads ────────────────────────────────────────────────────────────────

  entryBySeq(seq: number): StoredEntry | null {
    return this.reader.entryBySeq(seq);
  }

  entryById(id: string): StoredEntry | null {
    return this.reader.entryById(id);
  }

  readRange(from: number, to: number): AppendedEntry[] {
    return this.reader.readRange(from, to);
  }

  /** Commits appends still waiting for their group, signs any deferred checkpoint and stops the timer; the database stays open. */
  close(): void {
    if (this.closed) return;
    this.group.flush();
    this.schedule.stop();
    this.signCheckpoint();
    this.closed = true;
  }
}

function checkpointView(row: CheckpointRow): CheckpointView {
  return { treeSize: row[0], rootHash: bytesToHex(row[1]), note: row[2], createdAt: row[3] };
}
