import type { TokenView } from '@alutrace/shared';
import { desc, eq } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { apiTokens } from '../../db/schema';

export type TokenRow = typeof apiTokens.$inferSelect;

export function findToken(db: AppDb, id: string): TokenRow | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
}

export function tokenView(row: TokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    site: row.siteCode,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export function listTokens(db: AppDb): TokenView[] {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt)).all().map(tokenView);
}
