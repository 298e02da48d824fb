// The names behind the actors of a page of ledger entries, so that a reader
// sees "李明" or "API token PG01 weighbridge" instead of a UUID. Entries keep
// only ids (names change, entries do not); the names are today's.
import type { Actor } from '@alutrace/shared';
import { inArray } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { apiTokens, users } from '../../db/schema';

/** `user:<id>` → display name, `token:<id>` → token name, for the user and token actors among `actors`. */
export function actorNames(db: AppDb, actors: readonly Actor[]): Record<string, string> {
  const userIds = new Set<string>();
  const tokenIds = new Set<string>();
  for (const a of actors) {
    if (a.type === 'user') userIds.add(a.id);
    else if (a.type === 'token') tokenIds.add(a.id);
  }
  const names: Record<string, string> = {};
  if (userIds.size > 0) {
    const rows = db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...userIds]))
      .all();
    for (const r of rows) names[`user:${r.id}`] = r.name;
  }
  if (tokenIds.size > 0) {
    const rows = db
      .select({ id: apiTokens.id, name: apiTokens.name })
      .from(apiTokens)
      .where(inArray(apiTokens.id, [...tokenIds]))
      .all();
    for (const r of rows) names[`token:${r.id}`] = r.name;
  }
  return names;
}
