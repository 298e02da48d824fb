// The baseline for writes over HTTP: one-row transactions with plain
// better-sqlite3 at synchronous FULL in WAL mode, in a file in the same
// directory as the server's database — the rate that fsync per commit
// allows on this disk. Each row is a ledger_entries row as the server
// writes it: the canonical bytes of the entries the write case stored (so
// the same sizes), a fresh id, a leaf hash, and the Merkle nodes the ledger
// would store with that seq.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { type LedgerRow, openRawDatabase } from '../ledger/raw-insert-baseline';

export interface CommitFigures {
  transactionsPerSecond: number;
  transactions: number;
  meanRowBytes: number;
}

const INSERT_ROW = `INSERT INTO ledger_entries
  (seq, id, kind, site, actor_id, occurred_at, recorded_at, canonical, leaf_hash, nodes)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The canonical bytes of up to 1,000 entries of `kind` that the server stored. */
export function storedCanonicals(serverDb: string, kind: string): Buffer[] {
  const db = new Database(serverDb, { readonly: true });
  try {
    return db
      .prepare<[string], [Buffer]>('SELECT canonical FROM ledger_entries WHERE kind = ? LIMIT 1000')
      .raw()
      .all(kind)
      .map((r) => r[0]);
  } finally {
    db.close();
  }
}

/**
 * One-row commits into a fresh database, timed in runs that can be spread
 * around another measurement (the write case runs between two of them, so
 * that both see the same disk, whatever else the machine is doing).
 */
export class OneRowCommits {
  private readonly sqlite: Database.Database;
  private readonly commit: (row: LedgerRow) => void;
  private seq = 0;
  private transactions = 0;
  private ms = 0;
  private rowBytes = 0;

  constructor(
    dir: string,
    private readonly canonicals: Buffer[],
  ) {
    if (canonicals.length === 0) throw new Error('no stored entries to model the rows on');
    this.sqlite = openRawDatabase(join(dir, 'one-row-commits.db'), 'FULL');
    const insert = this.sqlite.prepare<LedgerRow>(INSERT_ROW);
    const tx = this.sqlite.transaction((r: LedgerRow) => insert.run(...r));
    this.commit = (r) => tx.immediate(r);
    // Warm-up: the JIT, the page cache and the first WAL frames.
    for (const r of this.rows(200)) this.commit(r);
  }

  /** Commits one row per transaction for `seconds`. */
  run(seconds: number): void {
    let left = seconds * 1000;
    while (left > 0) {
      // Rows are made before the clock starts, a batch at a time.
      const batch = this.rows(5_000);
      const t0 = performance.now();
      let i = 0;
      let elapsed = 0;
      while (i < batch.length && elapsed < left) {
        this.commit(batch[i] as LedgerRow);
        this.rowBytes += (batch[i] as LedgerRow)[7].length;
        i++;
        elapsed = performance.now() - t0;
      }
      this.transactions += i;
      this.ms += elapsed;
      left -= elapsed;
    }
  }

  figures(): CommitFigures {
    return {
      transactionsPerSecond: (this.transactions / this.ms) * 1000,
      transactions: this.transactions,
      meanRowBytes: this.rowBytes / Math.max(1, this.transactions),
    };
  }

  close(): void {
    this.sqlite.close();
  }

  private rows(n: number): LedgerRow[] {
    return Array.from({ length: n }, () => {
      const seq = this.seq++;
      return row(seq, this.canonicals[seq % this.canonicals.length] as Buffer);
    });
  }
}

function row(seq: number, canonical: Buffer): LedgerRow {
  const at = new Date(1_764_300_000_000 + seq * 1000).toISOString();
  // Pushing leaf `seq` completes one interior node per trailing 1 bit of seq.
  let completed = 0;
  for (let n = seq; n & 1; n >>= 1) completed++;
  return [
    seq,
    uuidv7(),
    'site.created',
    `B${seq.toString(36).toUpperCase()}`,
    '0192f000-0000-7000-8000-000000000001',
    at,
    at,
    canonical,
    randomBytes(32),
    completed === 0 ? null : randomBytes(32 * completed),
  ];
}
