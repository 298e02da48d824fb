import type { SiteView } from '@alutrace/shared';
import { eq, inArray } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { sites } from '../../db/schema';

export type SiteRow = typeof sites.$inferSelect;

export function siteView(row: SiteRow): SiteView {
  return {
    code: row.code,
    kind: row.kind,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    district: row.district,
    active: row.active,
    createdAt: row.createdAt,
  };
}

export function findSite(db: AppDb, code: string): SiteRow | undefined {
  return db.select().from(sites).where(eq(sites.code, code)).get();
}

export function findSites(db: AppDb, codes: string[]): SiteRow[] {
  return codes.length ? db.select().from(sites).where(inArray(sites.code, codes)).all() : [];
}

export function listSites(db: AppDb): SiteView[] {
  return db.select().from(sites).orderBy(sites.code).all().map(siteView);
}
