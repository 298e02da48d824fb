// lots.trace forward: from a lot to every lot that carries some of it, with
// the grams of it each carries, and where they left the network (shipments
// by buyer and chain, by-products by route). The model and its rounding
// bound are described in trace.ts: c(O) = Σ_j part(a_j, c(I_j), B(I_j)) over
// O's allocation rows from lots already reached, a row from the traced lot
// itself counting whole.
import type { ForwardTrace, TraceExit, TraceLink, TraceReachedLot } from '@alutrace/shared';
import { asc, eq, inArray, sum } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { lotExits, lots, runAllocations } from '../../db/schema';
import { summary } from './read-lots';
import type { LotRow } from './trace';
import { partOf, split } from './trace-composition';
import { additionShares, chunks, loadRuns, runList } from './trace-runs';

interface DownNode {
  row: LotRow;
  /** Allocation rows into this lot from the traced lot or a lot it reached. */
  rows: { from: string; massG: number }[];
  consumed: boolean;
}

export function traceForward(db: AppDb, root: LotRow): ForwardTrace {
  const reached = new Map<string, DownNode>();
  const consumedFrom = new Set<string>();
  let fedG = 0;

  // Down the graph one level at a time: the allocation rows out of the frontier, with the lots they made.
  let frontier = [root.lotId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const chunk of chunks(frontier)) {
      const found = db
        .select({ input: runAllocations.inputLot, massG: runAllocations.massG, lot: lots })
        .from(runAllocations)
        .innerJoin(lots, eq(lots.lotId, runAllocations.outputLot))
        .where(inArray(runAllocations.inputLot, chunk))
        .all();
      for (const r of found) {
        consumedFrom.add(r.input);
        if (r.input === root.lotId) fedG += r.massG;
        let node = reached.get(r.lot.lotId);
        if (!node) {
          node = { row: r.lot, rows: [], consumed: false };
          reached.set(r.lot.lotId, node);
          next.push(r.lot.lotId);
        }
        node.rows.push({ from: r.input, massG: r.massG });
      }
    }
    frontier = next;
  }
  for (const id of consumedFrom) {
    const node = reached.get(id);
    if (node) node.consumed = true;
  }

  const order = [...reached.values()].sort((a, b) => a.row.createdSeq - b.row.createdSeq);
  const runs = loadRuns(
    db,
    order.map((n) => n.row.createdSeq),
  );
  const basis = basisOf(
    db,
    order.filter((n) => n.consumed),
    runs,
  );

  // Forward in ledger order: every lot's inputs carry their grams before it.
  // Each link keeps its own share, so the tree shows what every run passed on.
  const carried = new Map<string, number>();
  const parents = new Map<string, TraceLink[]>();
  for (const n of order) {
    let c = 0;
    const links: TraceLink[] = [];
    for (const r of n.rows) {
      const g =
        r.from === root.lotId
          ? r.massG
          : partOf(r.massG, carried.get(r.from) ?? 0, basis.get(r.from) ?? (carried.get(r.from) as number));
      c += g;
      links.push({ lotId: r.from, runSeq: n.row.createdSeq, consumedG: r.massG, carriedG: g });
    }
    carried.set(n.row.lotId, c);
    // In ledger order of the lot each came from: the traced lot first.
    const seqOf = (id: string) => reached.get(id)?.row.createdSeq ?? root.createdSeq;
    parents.set(
      n.row.lotId,
      links.sort((x, y) => seqOf(x.lotId) - seqOf(y.lotId)),
    );
  }

  const exits = exitsOf(db, [root.lotId, ...reached.keys()]);
  const list: TraceReachedLot[] = order.map((n) => ({
    ...summary(n.row),
    carriedG: carried.get(n.row.lotId) ?? 0,
    exits: exits.get(n.row.lotId) ?? [],
    parents: parents.get(n.row.lotId) ?? [],
  }));
  const own = exits.get(root.lotId) ?? [];
  return {
    direction: 'forward',
    lot: summary(root),
    fedG,
    exits: own,
    reached: list,
    ...exitTotals(own, list),
    runs: runList(runs),
  };
}

/** B(I) for the lots given: all their allocation rows (not only the traced lot's) plus their additions. */
function basisOf(db: AppDb, nodes: DownNode[], runs: ReturnType<typeof loadRuns>): Map<string, number> {
  const out = new Map<string, number>();
  const additions = additionShares(db, runs.values());
  for (const chunk of chunks(nodes.map((n) => n.row.lotId))) {
    const rows = db
      .select({ lotId: runAllocations.outputLot, grams: sum(runAllocations.massG).mapWith(Number) })
      .from(runAllocations)
      .where(inArray(runAllocations.outputLot, chunk))
      .groupBy(runAllocations.outputLot)
      .all();
    for (const r of rows) out.set(r.lotId, r.grams + (additions.get(r.lotId) ?? 0));
  }
  return out;
}

function exitsOf(db: AppDb, lotIds: string[]): Map<string, TraceExit[]> {
  const out = new Map<string, TraceExit[]>();
  for (const chunk of chunks(lotIds)) {
    const rows = db.select().from(lotExits).where(inArray(lotExits.lotId, chunk)).orderBy(asc(lotExits.seq)).all();
    for (const x of rows) {
      const list = out.get(x.lotId) ?? [];
      list.push({
        seq: x.seq,
        exit: x.exit as TraceExit['exit'],
        buyer: x.buyer,
        chain: x.chain as TraceExit['chain'],
        massG: x.massG,
        occurredAt: x.occurredAt,
      });
      out.set(x.lotId, list);
    }
  }
  return out;
}

/** Carried grams by buyer and chain, and by by-product route (a lot routed in parts shares them by mass). */
function exitTotals(own: TraceExit[], reached: TraceReachedLot[]): Pick<ForwardTrace, 'shipped' | 'routed'> {
  const shipped = new Map<string, ForwardTrace['shipped'][number]>();
  const routed = new Map<string, ForwardTrace['routed'][number]>();
  const count = (x: TraceExit, grams: number) => {
    if (x.exit === 'shipped') {
      const key = `${x.buyer}\u0000${x.chain}`;
      const t = shipped.get(key) ?? {
        buyer: x.buyer as string,
        chain: x.chain as NonNullable<TraceExit['chain']>,
        lots: 0,
        grams: 0,
      };
      t.lots += 1;
      t.grams += grams;
      shipped.set(key, t);
    } else {
      const t = routed.get(x.exit) ?? { route: x.exit, lots: 0, grams: 0 };
      t.lots += 1;
      t.grams += grams;
      routed.set(x.exit, t);
    }
  };
  for (const x of own) count(x, x.massG);
  for (const lot of reached) {
    if (lot.exits.length === 0) continue;
    // A shipment takes the whole lot; routes may take parts of a by-product, the rest stays or is consumed.
    const exitG = lot.exits.reduce((s, x) => s + x.massG, 0);
    const weights = [...lot.exits.map((x) => x.massG), Math.max(0, lot.massG - exitG)];
    const shares =
      lot.exits.length === 1 && lot.exits[0]?.exit === 'shipped'
        ? [lot.carriedG]
        : Array.from(split(lot.carriedG, weights));
    lot.exits.forEach((x, i) => {
      count(x, shares[i] as number);
    });
  }
  return {
    shipped: [...shipped.values()].sort((a, b) => b.grams - a.grams),
    routed: [...routed.values()].sort((a, b) => b.grams - a.grams),
  };
}
