import type { Actor } from '@alutrace/shared';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { App } from '../../app/create-app';
import { forgetInitialAdminPassword } from '../../app/initial-admin-password';
import { checkNewPassword, hashPassword, verifyPassword } from '../../auth/passwords';
import { sessions, users } from '../../db/schema';
import { AppError } from '../../errors';
import { findUser } from './user-rows';

/** A user changes their own password; their other sessions end, the current one stays. */
export async function changePassword(
  app: App,
  actor: Actor,
  user: { id: string; sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = findUser(app.db, user.id);
  if (!row) throw new AppError('NOT_FOUND', { what: 'user', id: user.id });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) throw new AppError('WRONG_PASSWORD');
  // A forced change that keeps the password someone else set or saw would defeat the point of forcing it.
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_UNCHANGED');
  checkNewPassword(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await app.ledger.appendAsync([{ kind: 'user.password_changed', site: null, actor, body: { userId: user.id } }], {
    onAppended: ([e], db) => {
      const at = e?.entry.recordedAt as string;
      db.update(users)
        .set({ passwordHash, mustChangePassword: false, updatedAt: at })
        .where(eq(users.id, user.id))
        .run();
      db.update(sessions)
        .set({ revokedAt: at })
        .where(
          and(
            eq(sessions.userId, user.id),
            isNull(sessions.revokedAt),
            ...(user.sessionId ? [ne(sessions.id, user.sessionId)] : []),
          ),
        )
        .run();
      return null;
    },
  });
  forgetInitialAdminPassword(app.config.dataDir, user.id);
}
