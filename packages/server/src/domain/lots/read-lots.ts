// lots.get and lots.list: a lot with everything that happened to it, and
// filtered, cursor-paged lists. Operating roles see the lots that were made
// at, are held by, or are on their way to their sites; officials and
// administrators see all.
import type { LotEventView, LotPage, LotSummary, LotView, listLotsInput, Reach } from '@alutrace/shared';
import { and, asc, desc, eq, exists, gte, inArray, like, lt, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { corrections, ledgerEntries, lotEvents, lotExits, lots } from '../../db/schema';
import { AppError } from '../../errors';
import { gramsOf } from '../../projections/recycled-content';

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
    recycledG: gramsOf(row.massG, row.recycledPpm),
    postConsumerG: gramsOf(row.massG, row.postConsumerPpm),
    events,
    shippedTo: shipped ? { buyer: shipped.buyer as string, chain: shipped.chain as never, seq: shipped.seq } : null,
    route: routed ? { route: routed.exit as never, seq: routed.seq } : null,
  };
}

export function listLots(db: AppDb, reader: Reader, input: z.output<typeof listLotsInput>): LotPage {
  const where: SQL[] = [];
  if (reader.reach !== 'all') where.push(visibleTo(db, reader.sites));
  if (input.site) where.push(or(eq(lots.originSite, input.site), eq(lots.holder, input.site)) as SQL);
  if (input.grade) where.push(eq(lots.grade, input.grade));
  if (input.family) where.push(eq(lots.family, input.family));
  if (input.state) where.push(eq(lots.state, input.state));
  if (input.kind) where.push(eq(lots.kind, input.kind));
  if (input.sourceClass) where.push(eq(lots.sourceClass, input.sourceClass));
  if (input.from) where.push(gte(lots.createdAt, input.from));
  if (input.to) where.push(lte(lots.createdAt, input.to));
  if (input.q) {
    const q = input.q
      .replace(/\s+/g, '')
      .toUpperCase()
      .replace(/[%_\\]/g, '');
    if (q) where.push(like(lots.lotId, `${q}%`));
  }
  if (input.cursor !== undefined) where.push(lt(lots.createdSeq, input.cursor));
  const rows = db
    .select()
    .from(lots)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(lots.createdSeq), asc(lots.lotId))
    .limit(input.limit + 1)
    .all();
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
