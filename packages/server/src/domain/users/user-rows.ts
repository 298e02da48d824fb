import type { UserView } from '@alutrace/shared';
import { and, eq } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { userSites, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export function findUser(db: AppDb, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function findUserByName(db: AppDb, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.usernameKey, username.trim().toLowerCase())).get();
}

export function sitesOf(db: AppDb, userId: string): string[] {
  return db
    .select({ code: userSites.siteCode })
    .from(userSites)
    .where(eq(userSites.userId, userId))
    .orderBy(userSites.siteCode)
    .all()
    .map((r) => r.code);
}

export function countActiveAdmins(db: AppDb): number {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .all().length;
}

export function userView(db: AppDb, row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    sites: sitesOf(db, row.id),
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
  };
}

export function listUsers(db: AppDb): UserView[] {
  return db
    .select()
    .from(users)
    .orderBy(users.usernameKey)
    .all()
    .map((row) => userView(db, row));
}
