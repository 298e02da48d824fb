// Erasure of sealed personal data (`alutrace erase-personal-data`): the
// sealed records of entries recorded before a cut-off, and their seller
// index rows, are deleted, and a tombstone (seq, when, why; nothing
// personal) is written for each, in batches of one transaction each (the
// server may keep running; an interrupted run leaves whole batches done).
// The ledger is not touched: it holds only the commitments, and still
// verifies; lots still trace.
//
// SQLite leaves deleted content in free pages unless `secure_delete` is on,
// and in WAL mode the old pages stay in the database file until a
// checkpoint copies the zeroed ones over them (and in the -wal file until
// it is truncated): so this connection turns secure_delete on before it
// deletes, and ends with a TRUNCATE checkpoint.
import { asc, inArray, lt, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { sealedErasures, sealedRecords, sellerIndex } from '../db/schema';

const BATCH = 500;

export interface EraseOptions {
  /** Records of entries recorded before this instant are erased. */
  before: Date;
  /** Why (kept in each tombstone): no personal data. */
  reason: string;
  dryRun: boolean;
  now: () => Date;
  onProgress?: (done: number, total: number) => void;
}

export interface EraseReport {
  before: string;
  dryRun: boolean;
  /** Records erased (or, in a dry run, that would be). */
  records: number;
  /** Seller index rows deleted with them. */
  indexRows: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** Whether the WAL checkpoint that overwrites the old pages in the database file completed (null in a dry run). */
  checkpointed: boolean | null;
}

export function eraseSealed(db: AppDb, options: EraseOptions): EraseReport {
  const cutoff = options.before.toISOString();
  const due = lt(sealedRecords.recordedAt, cutoff);
  const range = db
    .select({ n: sql<number>`count(*)`, first: sql<number | null>`min(seq)`, last: sql<number | null>`max(seq)` })
    .from(sealedRecords)
    .where(due)
    .get() ?? { n: 0, first: null, last: null };
  const report: EraseReport = {
    before: cutoff,
    dryRun: options.dryRun,
    records: 0,
    indexRows: 0,
    firstSeq: range.first,
    lastSeq: range.last,
    checkpointed: null,
  };
  if (options.dryRun) {
    const index = db
      .select({ n: sql<number>`count(*)` })
      .from(sellerIndex)
      .where(inArray(sellerIndex.seq, db.select({ seq: sealedRecords.seq }).from(sealedRecords).where(due)))
      .get();
    return { ...report, records: range.n, indexRows: index?.n ?? 0 };
  }
  db.$client.pragma('secure_delete = ON');
  if (db.$client.pragma('secure_delete', { simple: true }) !== 1) {
    throw new Error('SQLite refused PRAGMA secure_delete = ON, so deleted records would stay readable in free pages');
  }
  const total = range.n;
  options.onProgress?.(0, total);
  for (;;) {
    const done = db.$client
      .transaction(() => {
        const seqs = db
          .select({ seq: sealedRecords.seq })
          .from(sealedRecords)
          .where(due)
          .orderBy(asc(sealedRecords.seq))
          .limit(BATCH)
          .all()
          .map((r) => r.seq);
        if (seqs.length === 0) return 0;
        report.indexRows += db.delete(sellerIndex).where(inArray(sellerIndex.seq, seqs)).run().changes;
        db.delete(sealedRecords).where(inArray(sealedRecords.seq, seqs)).run();
        const erasedAt = options.now().toISOString();
        db.insert(sealedErasures)
          .values(seqs.map((seq) => ({ seq, erasedAt, reason: options.reason })))
          .onConflictDoNothing()
          .run();
        return seqs.length;
      })
      .immediate();
    if (done === 0) break;
    report.records += done;
    options.onProgress?.(report.records, Math.max(total, report.records));
  }
  // Copies the zeroed pages over the old ones in the database file and empties the -wal file.
  const [result] = db.$client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  report.checkpointed = result === undefined || result.busy === 0;
  return report;
}
