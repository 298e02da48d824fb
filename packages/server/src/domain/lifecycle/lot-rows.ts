// Reads the rules need inside an append's transaction: lots, sites,
// grades and alloys, each refused with its own code when unknown or inactive.
import { formatLotId, LOT_STATE_NAMES, MAX_LOTS_PER_SITE_DAY, type SiteKind, shanghaiDay } from '@alutrace/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { perDatabase } from '../../db/per-database';
import { alloys, grades, lotSequences, lots, sites } from '../../db/schema';
import { AppError } from '../../errors';

export type LotRow = typeof lots.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;

// Built once per database: the hot path of every record (see db/per-database.ts).
const queries = perDatabase((db) => ({
  site: db
    .select()
    .from(sites)
    .where(eq(sites.code, sql.placeholder('code')))
    .prepare(),
  grade: db
    .select()
    .from(grades)
    .where(eq(grades.code, sql.placeholder('code')))
    .prepare(),
  alloy: db
    .select()
    .from(alloys)
    .where(eq(alloys.code, sql.placeholder('code')))
    .prepare(),
  lot: db
    .select()
    .from(lots)
    .where(eq(lots.lotId, sql.placeholder('lotId')))
    .prepare(),
  lastSequence: db
    .select({ last: lotSequences.last })
    .from(lotSequences)
    .where(and(eq(lotSequences.site, sql.placeholder('site')), eq(lotSequences.day, sql.placeholder('day'))))
    .prepare(),
}));

export function requireSite(db: AppDb, code: string, kinds: readonly SiteKind[]): SiteRow {
  const site = queries(db).site.get({ code });
  if (!site) throw new AppError('SITE_UNKNOWN', { site: code });
  if (!site.active) throw new AppError('SITE_INACTIVE', { site: code });
  if (!kinds.includes(site.kind))
    throw new AppError('SITE_KIND_WRONG', { site: code, kind: site.kind, kinds: kinds.join(', ') });
  return site;
}

export function requireGrade(db: AppDb, code: string) {
  const grade = queries(db).grade.get({ code });
  if (!grade) throw new AppError('GRADE_UNKNOWN', { grade: code });
  if (!grade.active) throw new AppError('GRADE_INACTIVE', { grade: code });
  return grade;
}

export function requireAlloy(db: AppDb, code: string) {
  const alloy = queries(db).alloy.get({ code });
  if (!alloy) throw new AppError('ALLOY_UNKNOWN', { alloy: code });
  if (!alloy.active) throw new AppError('ALLOY_INACTIVE', { alloy: code });
  return alloy;
}

/** The lots named, in the order given; LOT_UNKNOWN for the first that does not exist. */
export function requireLots(db: AppDb, lotIds: readonly string[]): LotRow[] {
  if (lotIds.length === 1) {
    const row = queries(db).lot.get({ lotId: lotIds[0] });
    if (!row) throw new AppError('LOT_UNKNOWN', { lot: lotIds[0] as string });
    return [row];
  }
  const found = new Map<string, LotRow>();
  for (let i = 0; i < lotIds.length; i += 500) {
    const chunk = lotIds.slice(i, i + 500);
    for (const row of db.select().from(lots).where(inArray(lots.lotId, chunk)).all()) found.set(row.lotId, row);
  }
  return lotIds.map((lot) => {
    const row = found.get(lot);
    if (!row) throw new AppError('LOT_UNKNOWN', { lot });
    return row;
  });
}

/** Rule 2: only the site holding a lot uses, sends or ships it. */
export function requireHeld(lot: LotRow, site: string): void {
  if (lot.state === 'shipped') {
    throw new AppError('LOT_ALREADY_SHIPPED', { lot: lot.lotId, seq: lot.lastSeq });
  }
  if (lot.holder !== site || lot.state !== 'on_hand') {
    throw new AppError('LOT_NOT_HELD', {
      lot: lot.lotId,
      site,
      state: LOT_STATE_NAMES[lot.state].en.toLowerCase(),
      holder: lot.holder ?? lot.transitTo ?? '—',
    });
  }
}

/** Rule 2: never beyond the balance. */
export function requireBalance(lot: LotRow, requested: number): void {
  if (requested > lot.balanceG) {
    throw new AppError('LOT_BALANCE_EXCEEDED', { lot: lot.lotId, balance: lot.balanceG, requested });
  }
}

/** The next `count` lot ids of a site for the day of `at` (Asia/Shanghai). */
export function nextLotIds(db: AppDb, site: string, at: Date, count: number): string[] {
  const day = shanghaiDay(at);
  const row = queries(db).lastSequence.get({ site, day });
  const last = row?.last ?? 0;
  if (last + count > MAX_LOTS_PER_SITE_DAY) {
    throw new AppError('BAD_REQUEST', {
      detail: `site ${site} has used all ${MAX_LOTS_PER_SITE_DAY} lot numbers of day ${day}`,
    });
  }
  return Array.from({ length: count }, (_, i) => formatLotId(site, day, last + 1 + i));
}
