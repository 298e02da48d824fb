import type { Actor } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { App } from '../../app/create-app';
import { forgetInitialAdminPassword } from '../../app/initial-admin-password';
import { checkNewPassword, hashPassword, verifyPassword } from '../../auth/passwords';
import { generatePassword } from '../../auth/secrets';
import { users } from '../../db/schema';
import { AppError } from '../../errors';
import { findUser } from './user-rows';

/**
 * An administrator sets a new password for a user (generated unless given),
 * which the user must change at next sign-in; the user's sessions end. The
 * ledger records that it happened, never the password or its hash.
 */
export async function resetPassword(
  app: App,
  actor: Actor,
  input: { userId: string; password?: string | undefined },
): Promise<{ password: string | null }> {
  const row = findUser(app.db, input.userId);
  if (!row) throw new AppError('NOT_FOUND', { what: 'user', id: input.userId });
  const generated = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? (generated as string);
  checkNewPassword(password);
  if (input.password !== undefined && (await verifyPassword(row.passwordHash, password))) {
    throw new AppError('PASSWORD_UNCHANGED');
  }
  const passwordHash = await hashPassword(password);
  await app.ledger.appendAsync(
    (db) => {
      if (!findUser(db, input.userId)) throw new AppError('NOT_FOUND', { what: 'user', id: input.userId });
      return [{ kind: 'user.password_reset', site: null, actor, body: { userId: input.userId } }];
    },
    {
      onAppended: ([e], db) => {
        db.update(users)
          .set({ passwordHash, mustChangePassword: true, updatedAt: e?.entry.recordedAt as string })
          .where(eq(users.id, input.userId))
          .run();
        return null;
      },
    },
  );
  app.auth.sessions.revokeAll(input.userId);
  forgetInitialAdminPassword(app.config.dataDir, input.userId);
  return { password: generated };
}
