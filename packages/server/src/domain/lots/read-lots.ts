// lots.get and lots.list: a lot with everything that happened to it, and
// filtered, cursor-paged lists. Operating roles see the lots that were made
// at, are held by, or are on their way to their sites; officials and
// administrators see all.
import {
  gramsOfPpm,
  type LotEventView,
  type LotPage,
  type LotSummary,
  type LotView,
  type listLotsInput,
  type Reach,
} from '@alutrace/shared';
import { and, asc, desc, eq, exists, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { perDatabase } from '../../db/per-database';
import { corrections, ledgerEntries, lotEvents, lotExits, lots } from '../../db/schema';
import { AppError } from '../../errors';

type LotRow = typeof lots.$inferSelect;

/** Who is reading: how far their grant reaches, and their sites. */
export interface Reader {
  reach: Reach;
  sites: readonly string[];
}

export function summary(row: LotRow): LotSummary {
  return {
    lotId: row.lotId,
    kind: row.kind,
    state: row.state,
    originSite: row.originSite,
    holder: row.holder,
    transitTo: row.transitTo,
    grade: row.grade,
    family: row.family,
    sourceClass: row.sourceClass as LotSummary['sourceClass'],
    alloy: row.alloy,
    form: row.form as LotSummary['form'],
    byproductKind: row.byproductKind as LotSummary['byproductKind'],
    massG: row.massG,
    balanceG: row.balanceG,
    recycledPpm: row.recycledPpm,
    postConsumerPpm: row.postConsumerPpm,
    createdSeq: row.createdSeq,
    createdAt: row.createdAt,
  };
}

/** Lots an operating role may see: made at, held by, on the way to, or once handled at one of its sites. */
function visibleTo(db: AppDb, sites: readonly string[]): SQL {
  const list = [...sites];
  // Correlated, so that it costs one look at the lot's own few events (the primary key
  // starts with lot_id) rather than a scan of every event of the sites.
  const handled = db
    .select({ seq: lotEvents.seq })
    .from(lotEvents)
    .where(and(eq(lotEvents.lotId, lots.lotId), inArray(lotEvents.site, list)));
  return or(
    inArray(lots.originSite, list),
    inArray(lots.holder, list),
    inArray(lots.transitTo, list),
    exists(handled),
  ) as SQL;
}

export function mayRead(
  db: AppDb,
  reader: Reader,
  row: Pick<LotRow, 'lotId' | 'originSite' | 'holder' | 'transitTo'>,
): boolean {
  if (reader.reach === 'all') return true;
  if ([row.originSite, row.holder, row.transitTo].some((s) => s !== null && reader.sites.includes(s))) return true;
  const handled = db
    .select({ seq: lotEvents.seq })
    .from(lotEvents)
    .where(and(eq(lotEvents.lotId, row.lotId), inArray(lotEvents.site, [...reader.sites])))
    .limit(1)
    .get();
  return handled !== undefined;
}

export function getLotView(db: AppDb, reader: Reader, lotId: string): LotView {
  const row = db.select().from(lots).where(eq(lots.lotId, lotId)).get();
  // A lot the reader may not see is as unknown as one that does not exist.
  if (!row || !mayRead(db, reader, row)) throw new AppError('LOT_UNKNOWN', { lot: lotId });
  const events = db
    .select({
      seq: lotEvents.seq,
      kind: lotEvents.kind,
      action: lotEvents.action,
      site: lotEvents.site,
      massG: lotEvents.massG,
      leafHash: ledgerEntries.leafHash,
      recordedAt: ledgerEntries.recordedAt,
      correctedBy: corrections.correctionSeq,
    })
    .from(lotEvents)
    .innerJoin(ledgerEntries, eq(ledgerEntries.seq, lotEvents.seq))
    .leftJoin(corrections, eq(corrections.targetSeq, lotEvents.seq))
    .where(eq(lotEvents.lotId, lotId))
    .orderBy(asc(lotEvents.seq))
    .all()
    .map((e): LotEventView => ({ ...e, leafHash: e.leafHash.toString('hex'), correctedBy: e.correctedBy ?? null }));
  const exits = db.select().from(lotExits).where(eq(lotExits.lotId, lotId)).orderBy(asc(lotExits.seq)).all();
  const shipped = exits.find((x) => x.exit === 'shipped');
  const routed = exits.find((x) => x.exit !== 'shipped');
  return {
    ...summary(row),
    labelDigest: row.labelDigest,
    labelPath: `/l/${row.lotId}?d=${row.labelDigest}`,
    hazardousWasteCode: row.hazardousWasteCode,
    recycledG: gramsOfPpm(row.massG, row.recycledPpm),
    postConsumerG: gramsOfPpm(row.massG, row.postConsumerPpm),
    events,
    shippedTo: shipped ? { buyer: shipped.buyer as string, chain: shipped.chain as never, seq: shipped.seq } : null,
    route: routed ? { route: routed.exit as never, seq: routed.seq } : null,
  };
}

export function listLots(db: AppDb, reader: Reader, input: z.output<typeof listLotsInput>): LotPage {
  const where: SQL[] = [];
  if (reader.reach !== 'all') where.push(visibleTo(db, reader.sites));
  if (input.grade) where.push(eq(lots.grade, input.grade));
  if (input.family) where.push(eq(lots.family, input.family));
  if (input.state) where.push(eq(lots.state, input.state));
  if (input.kind) where.push(eq(lots.kind, input.kind));
  if (input.sourceClass) where.push(eq(lots.sourceClass, input.sourceClass));
  // A time range of the log is a seq range (recorded_at never runs backwards, see the
  // ledger): found by bisection, so the newest-first walk starts and stops in the right place.
  // Stored times are toISOString()'s (milliseconds always): compare in that form, not as typed.
  if (input.from) {
    const from = new Date(input.from).toISOString();
    where.push(gte(lots.createdAt, from), gte(lots.createdSeq, firstSeqAtOrAfter(db, from)));
  }
  if (input.to) {
    const to = new Date(input.to).toISOString();
    where.push(lte(lots.createdAt, to), lt(lots.createdSeq, firstSeqAfter(db, to)));
  }
  if (input.q) {
    const q = input.q.replace(/\s+/g, '').toUpperCase();
    // A prefix as a key range, which the primary key answers (LIKE would scan).
    if (q) where.push(gte(lots.lotId, q), lt(lots.lotId, `${q}\uffff`));
  }
  if (input.cursor !== undefined) where.push(lt(lots.createdSeq, input.cursor));
  const take = (extra: SQL | null): LotRow[] => {
    const all = extra ? [...where, extra] : where;
    return (
      db
        .select()
        .from(lots)
        .where(all.length ? and(...all) : undefined)
        // created_seq alone: a second term would make SQLite sort every matching row
        // (a temporary B-tree) before the limit; ties are put in lot-id order below.
        .orderBy(desc(lots.createdSeq))
        .limit(input.limit + 1)
        .all()
    );
  };
  // A site's lots are those made there or held there: two index walks merged,
  // rather than one OR that no single index orders.
  const rows = input.site
    ? mergeNewestFirst(take(eq(lots.originSite, input.site)), take(eq(lots.holder, input.site))).slice(
        0,
        input.limit + 1,
      )
    : take(null).sort((x, y) => y.createdSeq - x.createdSeq || (x.lotId < y.lotId ? -1 : 1));
  // Several lots share a created seq (a run's outputs): page on whole seqs.
  let page = rows.slice(0, input.limit);
  let nextCursor: number | null = null;
  if (rows.length > input.limit) {
    const last = page[page.length - 1] as LotRow;
    const next = rows[input.limit] as LotRow;
    if (next.createdSeq === last.createdSeq) {
      page = page.filter((r) => r.createdSeq !== last.createdSeq);
      if (page.length === 0) page = rows.filter((r) => r.createdSeq === last.createdSeq);
    }
    const tail = page[page.length - 1] as LotRow;
    nextCursor = tail.createdSeq;
  }
  return { lots: page.map(summary), nextCursor };
}

function mergeNewestFirst(a: LotRow[], b: LotRow[]): LotRow[] {
  const seen = new Set<string>();
  const out: LotRow[] = [];
  for (const row of [...a, ...b].sort((x, y) => y.createdSeq - x.createdSeq || (x.lotId < y.lotId ? -1 : 1))) {
    if (seen.has(row.lotId)) continue;
    seen.add(row.lotId);
    out.push(row);
  }
  return out;
}

const timeQueries = perDatabase((db) => ({
  recordedAt: db
    .select({ at: ledgerEntries.recordedAt })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.seq, sql.placeholder('seq')))
    .prepare(),
  last: db.select({ seq: ledgerEntries.seq }).from(ledgerEntries).orderBy(desc(ledgerEntries.seq)).limit(1).prepare(),
}));

/** The first seq whose recorded time satisfies `after` (monotone along the log), or the log's size. */
function bisect(db: AppDb, after: (at: string) => boolean): number {
  const q = timeQueries(db);
  let lo = 0;
  let hi = (q.last.get()?.seq ?? -1) + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const at = q.recordedAt.get({ seq: mid })?.at as string;
    if (after(at)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function firstSeqAtOrAfter(db: AppDb, from: string): number {
  const t = Date.parse(from);
  return bisect(db, (at) => Date.parse(at) >= t);
}

function firstSeqAfter(db: AppDb, to: string): number {
  const t = Date.parse(to);
  return bisect(db, (at) => Date.parse(at) > t);
}
