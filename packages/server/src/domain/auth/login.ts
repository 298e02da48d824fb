import { eq } from 'drizzle-orm';
import type { App } from '../../app/create-app';
import { LoginThrottle } from '../../auth/login-throttle';
import { verifyPassword } from '../../auth/passwords';
import type { SessionRow } from '../../auth/session-store';
import { users } from '../../db/schema';
import { AppError } from '../../errors';
import { findUserByName, type UserRow } from '../users/user-rows';

/**
 * Checks a username and password and opens a session. Every failure reads
 * the same (LOGIN_FAILED) and costs the same time, whether the user exists,
 * is deactivated or typed a wrong password; repeated failures are throttled
 * per username and per client address.
 */
export async function login(
  app: App,
  input: { username: string; password: string },
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: SessionRow; user: UserRow }> {
  const { throttle, sessions } = app.auth;
  const keys = LoginThrottle.keys(input.username, client.ip);
  // Counted before the hash is checked, so that attempts in flight count too.
  const admission = throttle.admit(keys);
  if (!admission.admitted) throw new AppError('LOGIN_THROTTLED', { seconds: admission.waitSeconds });
  const user = findUserByName(app.db, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!ok || !user?.active) throw new AppError('LOGIN_FAILED');
  throttle.recordSuccess(input.username, client.ip);
  const { token, session } = sessions.create(user.id, client);
  app.db.update(users).set({ lastLoginAt: session.createdAt }).where(eq(users.id, user.id)).run();
  return { token, session, user };
}
