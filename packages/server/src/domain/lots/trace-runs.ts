// Reads lots.trace needs about runs, batched: the runs that made a set of
// lots, and each made lot's share of its run's non-scrap additions — split
// among the run's outputs and by-products in proportion to their masses,
// largest remainder in the order the run listed them (their lot ids were
// given out in that order), as the projection splits every input.
import { allocateLargestRemainder, type ProcessKind, type TraceRun } from '@alutrace/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { lots, runs } from '../../db/schema';

/** inArray lists at most this long: SQLite's parameter limit, and plans that stay index look-ups. */
export const CHUNK = 500;

export function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

export interface RunInfo extends TraceRun {
  additionsG: number;
}

/** The runs (not voided) recorded at these seqs. */
export function loadRuns(db: AppDb, seqs: Iterable<number>): Map<number, RunInfo> {
  const out = new Map<number, RunInfo>();
  for (const chunk of chunks([...new Set(seqs)])) {
    const rows = db
      .select({
        seq: runs.seq,
        process: runs.process,
        site: runs.site,
        occurredAt: runs.occurredAt,
        additionsG: runs.additionsG,
      })
      .from(runs)
      .where(and(inArray(runs.seq, chunk), eq(runs.voided, false)))
      .all();
    for (const r of rows) out.set(r.seq, { ...r, process: r.process as ProcessKind });
  }
  return out;
}

/** Each lot made by these runs, with its share of its run's additions (lots of runs without additions absent). */
export function additionShares(db: AppDb, made: Iterable<RunInfo>): Map<string, number> {
  const withAdditions = new Map<number, number>();
  for (const r of made) if (r.additionsG > 0) withAdditions.set(r.seq, r.additionsG);
  const out = new Map<string, number>();
  for (const chunk of chunks([...withAdditions.keys()])) {
    const rows = db
      .select({ lotId: lots.lotId, massG: lots.massG, seq: lots.createdSeq })
      .from(lots)
      .where(inArray(lots.createdSeq, chunk))
      .orderBy(asc(lots.createdSeq), asc(lots.lotId))
      .all();
    let i = 0;
    while (i < rows.length) {
      const seq = (rows[i] as (typeof rows)[number]).seq;
      let j = i;
      while (j < rows.length && (rows[j] as (typeof rows)[number]).seq === seq) j++;
      const group = rows.slice(i, j);
      const shares = allocateLargestRemainder(
        withAdditions.get(seq) as number,
        group.map((g) => g.massG),
      );
      group.forEach((g, k) => {
        out.set(g.lotId, shares[k] as number);
      });
      i = j;
    }
  }
  return out;
}

export function runList(found: Map<number, RunInfo>): TraceRun[] {
  return [...found.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((r) => ({ seq: r.seq, process: r.process, site: r.site, occurredAt: r.occurredAt }));
}
