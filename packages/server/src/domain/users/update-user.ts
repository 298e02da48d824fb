import type { Actor, JsonObject, UserView, updateUserInput } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { App } from '../../app/create-app';
import type { AppDb } from '../../db/open-database';
import { userSites, users } from '../../db/schema';
import { AppError } from '../../errors';
import type { NewEntry } from '../../ledger/types';
import { checkRoleSites } from './check-role-sites';
import { countActiveAdmins, findUser, sitesOf, userView } from './user-rows';

type Input = z.output<typeof updateUserInput>;

/**
 * Changes a user's profile, role, sites or active flag. Each kind of change
 * is its own ledger entry (user.profile_changed, user.role_changed,
 * user.sites_changed, user.deactivated, user.reactivated), all in one
 * transaction; a request that changes nothing writes nothing. A deactivated
 * user's sessions end at once.
 */
export async function updateUser(app: App, actor: Actor, input: Input): Promise<UserView> {
  let deactivated = false;
  await app.ledger.appendAsync((db) => plan(db, actor, input), {
    onAppended: (entries, db) => {
      for (const { entry } of entries) apply(db, input.userId, entry.kind, entry.body as JsonObject, entry.recordedAt);
      deactivated = entries.some((e) => e.entry.kind === 'user.deactivated');
      return null;
    },
  });
  if (deactivated) app.auth.sessions.revokeAll(input.userId);
  const row = findUser(app.db, input.userId);
  if (!row) throw new AppError('NOT_FOUND', { what: 'user', id: input.userId });
  return userView(app.db, row);
}

function plan(db: AppDb, actor: Actor, input: Input): NewEntry[] {
  const user = findUser(db, input.userId);
  if (!user) throw new AppError('NOT_FOUND', { what: 'user', id: input.userId });
  const entry = (kind: string, body: JsonObject): NewEntry => ({
    kind,
    site: null,
    actor,
    body: { userId: user.id, ...body },
  });
  const out: NewEntry[] = [];
  const role = input.role ?? user.role;
  const active = input.active ?? user.active;
  const currentSites = sitesOf(db, user.id);
  // Moving to a role without sites drops the sites; otherwise they must fit the role.
  const wantedSites =
    input.sites ?? (input.role && input.role !== user.role && ['official', 'admin'].includes(role) ? [] : currentSites);
  const sites = checkRoleSites(db, role, wantedSites);
  const losesAdmin = user.role === 'admin' && user.active && (role !== 'admin' || !active);
  if (losesAdmin && countActiveAdmins(db) <= 1) throw new AppError('LAST_ADMIN');

  if (input.displayName !== undefined && input.displayName !== user.displayName) {
    out.push(
      entry('user.profile_changed', {
        from: { displayName: user.displayName },
        to: { displayName: input.displayName },
      }),
    );
  }
  if (role !== user.role) out.push(entry('user.role_changed', { from: user.role, to: role }));
  if (sites.join() !== currentSites.join()) out.push(entry('user.sites_changed', { from: currentSites, to: sites }));
  if (active !== user.active) out.push(entry(active ? 'user.reactivated' : 'user.deactivated', {}));
  return out;
}

function apply(db: AppDb, userId: string, kind: string, body: JsonObject, at: string): void {
  const set = (values: Partial<typeof users.$inferInsert>) =>
    db
      .update(users)
      .set({ ...values, updatedAt: at })
      .where(eq(users.id, userId))
      .run();
  switch (kind) {
    case 'user.profile_changed':
      set({ displayName: (body.to as { displayName: string }).displayName });
      break;
    case 'user.role_changed':
      set({ role: body.to as (typeof users.$inferInsert)['role'] });
      break;
    case 'user.sites_changed':
      db.delete(userSites).where(eq(userSites.userId, userId)).run();
      for (const siteCode of body.to as string[]) db.insert(userSites).values({ userId, siteCode }).run();
      set({});
      break;
    case 'user.deactivated':
      set({ active: false });
      break;
    case 'user.reactivated':
      set({ active: true });
      break;
    default:
      throw new Error(`unexpected entry ${kind}`);
  }
}
