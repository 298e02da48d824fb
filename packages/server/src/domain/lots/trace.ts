// lots.trace: backward from a lot to every collection lot it came from, with
// the grams each contributed; forward to every lot that carries some of it,
// and where those went. Both walk the run_allocations rows (a run's input
// consumed mass shared among its outputs and by-products, integer grams),
// one level of the graph per batch of queries, then propagate grams once per
// lot in ledger order (a run's inputs always precede its outputs).
//
// Backward, a lot's composition U(O) is Σ_j split(a_j, U(I_j)) over its
// allocation rows a_j = alloc(I_j → O), plus O's share of its run's
// additions in a bucket of their own (trace-composition.ts); a collection
// lot is {itself: its net mass}. Forward from X, a lot O carries
// c(O) = Σ_j part(a_j, c(I_j), B(I_j)), where B(I) is everything I's
// composition holds (its allocation rows plus its additions) and a_j from X
// itself counts whole.
//
// The rounding bound. Let Ex(L, C) be the exact rational value: the sum over
// every path C → I₁ → … → L of a(C→I₁) · Π a(I_k→I_k+1) / B(I_k). Each split
// is off by less than 1 g per source (largest remainder gives the floor or
// the ceiling of the exact quota), and it splits grams whose own error came
// from upstream, scaled by ρ = a / B(I). So, with B(C, C) = 0,
//   |U(O, C) − Ex(O, C)| < Σ_{rows I→O that reach C} ( [I ≠ C] + ρ · bound(I, C) )
// and the same for forward's c(O). A lot is rarely consumed beyond what it
// holds (ρ ≤ 1: mass balance gives B(I) ≥ its mass, less a gram per
// allocation row), so a lot reached by one path through s runs is within
// s − 1 grams, never more than s; with several paths, the paths' counts add.
// The property test checks this bound exactly, against path enumeration in
// BigInt fractions (trace.property.test.ts).
import type { BackwardTrace, LotTrace, SourceClass, TraceLink, TraceMadeLot, traceInput } from '@alutrace/shared';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { lots, runAllocations } from '../../db/schema';
import { AppError } from '../../errors';
import { mayRead, type Reader, summary } from './read-lots';
import {
  ADDITIONS,
  Composer,
  type Composition,
  EMPTY,
  FIRST_SOURCE,
  single,
  totalOf,
  UNTRACED,
} from './trace-composition';
import { traceForward } from './trace-forward';
import { additionShares, chunks, loadRuns, runList } from './trace-runs';

export type LotRow = typeof lots.$inferSelect;

export function traceLot(db: AppDb, reader: Reader, input: z.output<typeof traceInput>): LotTrace {
  const row = db.select().from(lots).where(eq(lots.lotId, input.lotId)).get();
  // A lot the reader may not see is as unknown as one that does not exist (as lots.get).
  if (!row || !mayRead(db, reader, row)) throw new AppError('LOT_UNKNOWN', { lot: input.lotId });
  return input.direction === 'backward' ? traceBackward(db, row, true) : traceForward(db, row);
}

const isCollection = (lot: { sourceClass: string | null }): boolean => lot.sourceClass !== null;

interface Source {
  lotId: string;
  originSite: string;
  grade: string;
  sourceClass: SourceClass;
  createdAt: string;
}

/** output, massG, and the input lot: lotId, createdSeq, sourceClass, originSite, grade, createdAt, massG. */
type UpRow = [string, number, string, number, string | null, string, string | null, string, number];

interface Collected extends Source {
  createdSeq: number;
  massG: number;
}

interface MadeNode {
  createdSeq: number;
  /** Allocation rows into this lot: from which lot, how many grams. */
  rows: { from: string; massG: number }[];
}

/** `tree`: also the lots made on the way with their inputs (the lot page's tree; the passport does without). */
export function traceBackward(db: AppDb, row: LotRow, tree = false): BackwardTrace {
  const empty = (): BackwardTrace => ({
    direction: 'backward',
    lot: summary(row),
    totalG: 0,
    sources: [],
    bySourceClass: { post_consumer: 0, pre_consumer: 0 },
    byCollectionPoint: [],
    additionsG: 0,
    untracedG: 0,
    runs: [],
    made: [],
  });
  if (row.state === 'voided') return empty();

  // Collection lots end the walk; lots made by runs are walked through.
  const collected = new Map<string, Collected>();
  const made = new Map<string, MadeNode>();
  if (isCollection(row)) collected.set(row.lotId, { ...sourceOf(row), createdSeq: row.createdSeq, massG: row.massG });
  else made.set(row.lotId, { createdSeq: row.createdSeq, rows: [] });

  // Up the graph one level at a time: the allocation rows into the frontier, with the lots they came from.
  let frontier = isCollection(row) ? [] : [row.lotId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const chunk of chunks(frontier)) {
      // Arrays, not objects: this read returns a row per allocation row of the whole upstream graph.
      const found = db
        .select({
          output: runAllocations.outputLot,
          massG: runAllocations.massG,
          lotId: lots.lotId,
          createdSeq: lots.createdSeq,
          sourceClass: lots.sourceClass,
          originSite: lots.originSite,
          grade: lots.grade,
          createdAt: lots.createdAt,
          lotMassG: lots.massG,
        })
        .from(runAllocations)
        .innerJoin(lots, eq(lots.lotId, runAllocations.inputLot))
        .where(inArray(runAllocations.outputLot, chunk))
        .values() as UpRow[];
      for (const [output, massG, lotId, createdSeq, sourceClass, originSite, grade, createdAt, lotMassG] of found) {
        (made.get(output) as MadeNode).rows.push({ from: lotId, massG });
        if (made.has(lotId) || collected.has(lotId)) continue;
        if (sourceClass === null) {
          made.set(lotId, { createdSeq, rows: [] });
          next.push(lotId);
        } else {
          collected.set(lotId, {
            lotId,
            originSite,
            grade: grade as string,
            sourceClass: sourceClass as SourceClass,
            createdAt,
            createdSeq,
            massG: lotMassG,
          });
        }
      }
    }
    frontier = next;
  }

  const order = [...made.entries()].sort((x, y) => x[1].createdSeq - y[1].createdSeq);
  const runs = loadRuns(
    db,
    order.map(([, n]) => n.createdSeq),
  );
  const additions = additionShares(db, runs.values());

  // Sources numbered in ledger order, after the buckets: the order ties are broken in.
  const numbered = [...collected.values()].sort((x, y) => x.createdSeq - y.createdSeq);
  const composed = new Map<string, Composition>();
  numbered.forEach((c, i) => {
    composed.set(c.lotId, single(FIRST_SOURCE + i, c.massG));
  });

  // Down again in ledger order: every lot's inputs are composed before it.
  const composer = new Composer(FIRST_SOURCE + numbered.length);
  for (const [lotId, n] of order) {
    for (const r of n.rows) composer.addShare(r.massG, composed.get(r.from) ?? EMPTY);
    composer.add(ADDITIONS, additions.get(lotId) ?? 0);
    composed.set(lotId, composer.take());
  }

  const mine = composed.get(row.lotId) ?? EMPTY;
  const trace = empty();
  const points = new Map<string, { site: string; lots: number; grams: number }>();
  mine.keys.forEach((key, i) => {
    const grams = mine.grams[i] as number;
    if (key === ADDITIONS) trace.additionsG = grams;
    else if (key === UNTRACED) trace.untracedG = grams;
    else {
      const s = numbered[key - FIRST_SOURCE] as Collected;
      trace.sources.push({
        lotId: s.lotId,
        originSite: s.originSite,
        grade: s.grade,
        sourceClass: s.sourceClass,
        createdAt: s.createdAt,
        grams,
      });
      trace.bySourceClass[s.sourceClass] += grams;
      const p = points.get(s.originSite) ?? { site: s.originSite, lots: 0, grams: 0 };
      p.lots += 1;
      p.grams += grams;
      points.set(s.originSite, p);
    }
  });
  trace.totalG = totalOf(mine);
  trace.byCollectionPoint = [...points.values()].sort((a, b) => b.grams - a.grams || (a.site < b.site ? -1 : 1));
  trace.runs = runList(runs);
  if (tree) trace.made = madeLots(db, row, order, collected);
  return trace;
}

/** The made lots in ledger order, each with its links in the ledger order of its inputs. */
function madeLots(
  db: AppDb,
  root: LotRow,
  order: [string, MadeNode][],
  collected: Map<string, Collected>,
): TraceMadeLot[] {
  const rows = new Map<string, LotRow>([[root.lotId, root]]);
  const others = order.map(([id]) => id).filter((id) => id !== root.lotId);
  for (const chunk of chunks(others)) {
    for (const r of db.select().from(lots).where(inArray(lots.lotId, chunk)).all()) rows.set(r.lotId, r);
  }
  const seqOf = new Map<string, number>();
  for (const [id, n] of order) seqOf.set(id, n.createdSeq);
  for (const [id, c] of collected) seqOf.set(id, c.createdSeq);
  return order.map(([id, n]) => {
    const inputs: TraceLink[] = n.rows.map((r) => ({ lotId: r.from, runSeq: n.createdSeq, consumedG: r.massG }));
    inputs.sort((x, y) => (seqOf.get(x.lotId) ?? 0) - (seqOf.get(y.lotId) ?? 0) || (x.lotId < y.lotId ? -1 : 1));
    return { ...summary(rows.get(id) as LotRow), inputs };
  });
}

function sourceOf(lot: {
  lotId: string;
  originSite: string;
  grade: string | null;
  sourceClass: string | null;
  createdAt: string;
}): Source {
  return {
    lotId: lot.lotId,
    originSite: lot.originSite,
    grade: lot.grade as string,
    sourceClass: lot.sourceClass as SourceClass,
    createdAt: lot.createdAt,
  };
}
