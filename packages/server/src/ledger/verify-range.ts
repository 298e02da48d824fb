// Runs one verification range over the database's rows, reading them in
// pages so that memory stays flat. Used in-process and by verify workers.
import { type RangeResult, type RangeTask, RangeVerifier } from '@alutrace/shared';
import type Database from 'better-sqlite3';

// One blob and one string per row: creating JavaScript values is the
// largest cost of reading rows, so the columns are joined in SQL.
type Row = [seq: number, canonicalLength: number, bytes: Buffer, indexKey: string];

export const VERIFY_ROWS_SQL = `SELECT seq, length(canonical), CAST(canonical || leaf_hash || ifnull(nodes, x'') AS BLOB),
    id || char(31) || kind || char(31) || ifnull(site, char(0)) || char(31) || actor_id
       || char(31) || occurred_at || char(31) || recorded_at
  FROM ledger_entries WHERE seq >= ? AND seq < ? ORDER BY seq LIMIT ?`;

// A page is all a verifier holds in memory; 256 rows keep that small at no cost in speed.
const PAGE = 256;

export async function verifyRange(
  sqlite: Database.Database,
  task: RangeTask,
  betweenPages?: () => Promise<void>,
): Promise<RangeResult> {
  const hi = task.hi ?? Number.MAX_SAFE_INTEGER;
  const page = sqlite.prepare<[number, number, number], Row>(VERIFY_ROWS_SQL).raw();
  const range = new RangeVerifier(task);
  let from = task.lo;
  while (from < hi) {
    const rows = page.all(from, hi, PAGE);
    for (const r of rows) {
      const length = r[1];
      const bytes = r[2];
      const ok = range.push({
        seq: r[0],
        canonical: bytes.subarray(0, length),
        leafHash: bytes.subarray(length, length + 32),
        nodes: bytes.subarray(length + 32),
        indexKey: r[3],
      });
      if (!ok) return range.finish();
    }
    if (rows.length < PAGE) break;
    from = (rows[rows.length - 1] as Row)[0] + 1;
    if (betweenPages) await betweenPages();
  }
  const next = sqlite
    .prepare<[number], { seq: number | null }>('SELECT min(seq) AS seq FROM ledger_entries WHERE seq >= ?')
    .get(hi);
  return range.finish(next?.seq ?? null);
}
