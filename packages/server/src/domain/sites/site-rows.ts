import type { SiteView } from '@alutrace/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { perDatabase } from '../../db/per-database';
import { sites } from '../../db/schema';

export type SiteRow = typeof sites.$inferSelect;

export function siteView(row: SiteRow): SiteView {
  return {
    code: row.code,
    kind: row.kind,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    district: row.district,
    park: row.park,
    licence: row.licence,
    active: row.active,
    createdAt: row.createdAt,
  };
}

const queries = perDatabase((db) => ({
  byCode: db
    .select()
    .from(sites)
    .where(eq(sites.code, sql.placeholder('code')))
    .prepare(),
  all: db.select().from(sites).orderBy(sites.code).prepare(),
  insertActive: db
    .insert(sites)
    .values({
      code: sql.placeholder('code'),
      kind: sql.placeholder('kind'),
      nameZh: sql.placeholder('nameZh'),
      nameEn: sql.placeholder('nameEn'),
      district: sql.placeholder('district'),
      park: sql.placeholder('park'),
      licence: sql.placeholder('licence'),
      active: true,
      createdAt: sql.placeholder('at'),
      updatedAt: sql.placeholder('at'),
    })
    .prepare(),
}));

/** Adds a new, active site (the derived row of a site.created entry). */
export function insertActiveSite(
  db: AppDb,
  site: Pick<SiteRow, 'code' | 'kind' | 'nameZh' | 'nameEn' | 'district' | 'park' | 'licence'>,
  at: string,
): void {
  queries(db).insertActive.run({ ...site, at });
}

export function findSite(db: AppDb, code: string): SiteRow | undefined {
  return queries(db).byCode.get({ code });
}

export function findSites(db: AppDb, codes: string[]): SiteRow[] {
  return codes.length ? db.select().from(sites).where(inArray(sites.code, codes)).all() : [];
}

export function listSites(db: AppDb): SiteView[] {
  return queries(db).all.all().map(siteView);
}
