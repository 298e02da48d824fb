import { changePasswordInput, loginInput, type MeView, revokeSessionInput, type SessionView } from '@alutrace/shared';
import type { App } from '../app/create-app';
import { activeSitesOf, clearedSessionCookie, sessionCookie } from '../auth/authenticate';
import { actorOf, type Principal } from '../auth/principal';
import { login } from '../domain/auth/login';
import { findSites, siteView } from '../domain/sites/site-rows';
import { changePassword } from '../domain/users/change-password';
import { AppError } from '../errors';
import { procedure, publicProcedure, router } from '../trpc/trpc';

function meView(app: App, p: Principal): MeView {
  return {
    kind: p.kind,
    id: p.id,
    name: p.kind === 'user' ? p.username : p.name,
    displayName: p.kind === 'user' ? p.displayName : p.name,
    role: p.role,
    sites: findSites(app.db, p.sites).map(siteView),
    mustChangePassword: p.kind === 'user' && p.mustChangePassword,
  };
}

// Open even while the password must be changed: changing it, signing out, ending sessions.
const self = procedure({ signedIn: true, usersOnly: true, whilePasswordMustChange: true });

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }): Promise<MeView> => {
    const { token, session, user } = await login(ctx.app, input, ctx.request);
    const { cookieName, secureCookies } = ctx.app.auth;
    const maxAge = Math.floor((Date.parse(session.expiresAt) - Date.parse(session.createdAt)) / 1000);
    ctx.cookies.set(sessionCookie(cookieName, token, maxAge, secureCookies));
    return meView(ctx.app, {
      kind: 'user',
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      sites: activeSitesOf(ctx.app.db, user.id),
      mustChangePassword: user.mustChangePassword,
      sessionId: session.id,
    });
  }),

  logout: self.mutation(({ ctx }) => {
    const p = ctx.principal;
    if (p.kind === 'user' && p.sessionId) ctx.app.auth.sessions.revoke(p.id, p.sessionId);
    ctx.cookies.set(clearedSessionCookie(ctx.app.auth.cookieName, ctx.app.auth.secureCookies));
    return { ok: true };
  }),

  /** Who is signed in; null for anonymous callers (never an error). */
  me: publicProcedure.query(({ ctx }): MeView | null => (ctx.principal ? meView(ctx.app, ctx.principal) : null)),

  changePassword: self.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const p = ctx.principal;
    if (p.kind !== 'user') throw new AppError('USERS_ONLY');
    await changePassword(ctx.app, actorOf(p), { id: p.id, sessionId: p.sessionId }, input);
    return { ok: true };
  }),

  sessions: self.query(({ ctx }): SessionView[] => {
    const p = ctx.principal;
    if (p.kind !== 'user') throw new AppError('USERS_ONLY');
    const store = ctx.app.auth.sessions;
    return store.listLive(p.id).map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: store.endsAt(s),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === p.sessionId,
    }));
  }),

  revokeSession: self.input(revokeSessionInput).mutation(({ ctx, input }) => {
    const p = ctx.principal;
    if (p.kind !== 'user') throw new AppError('USERS_ONLY');
    if (!ctx.app.auth.sessions.revoke(p.id, input.sessionId)) {
      throw new AppError('NOT_FOUND', { what: 'session', id: input.sessionId });
    }
    if (input.sessionId === p.sessionId) {
      ctx.cookies.set(clearedSessionCookie(ctx.app.auth.cookieName, ctx.app.auth.secureCookies));
    }
    return { ok: true };
  }),
});
