// Turns a request's credentials (the session cookie, or an API token in
// `Authorization: Bearer …`) into a Principal, checking on every request
// that the session is live, the user active, the token unrevoked, and
// dropping sites that were deactivated.

import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { perDatabase } from '../db/per-database';
import { apiTokens, sites, userSites, users } from '../db/schema';
import type { Principal } from './principal';
import { secretHash, TOKEN_PREFIX } from './secrets';
import type { SessionStore } from './session-store';

export interface Credentials {
  sessionToken: string | null;
  bearer: string | null;
}

/** Secure cookies get the __Host- prefix: browsers then refuse them over HTTP or for another domain. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-alutrace_session' : 'alutrace_session';
}

export function readCredentials(
  headers: { cookie?: string | undefined; authorization?: string | undefined },
  cookieName: string,
): Credentials {
  const auth = headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? null;
  const sessionToken = headers.cookie ? (parseCookie(headers.cookie)[cookieName] ?? null) : null;
  return { sessionToken, bearer };
}

export function sessionCookie(name: string, token: string, maxAgeSeconds: number, secure: boolean): string {
  return serializeCookie(name, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: maxAgeSeconds });
}

export function clearedSessionCookie(name: string, secure: boolean): string {
  return serializeCookie(name, '', { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: 0 });
}

// Every request of a signed-in caller runs these.
const queries = perDatabase((db) => ({
  user: db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
  activeSites: db
    .select({ code: userSites.siteCode })
    .from(userSites)
    .innerJoin(sites, eq(sites.code, userSites.siteCode))
    .where(and(eq(userSites.userId, sql.placeholder('userId')), eq(sites.active, true)))
    .orderBy(userSites.siteCode)
    .prepare(),
  token: db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
    .prepare(),
  site: db
    .select()
    .from(sites)
    .where(eq(sites.code, sql.placeholder('code')))
    .prepare(),
}));

export function activeSitesOf(db: AppDb, userId: string): string[] {
  return queries(db)
    .activeSites.all({ userId })
    .map((r) => r.code);
}

const TOKEN_TOUCH_MS = 60_000;

export function resolvePrincipal(
  db: AppDb,
  store: SessionStore,
  credentials: Credentials,
  now: () => Date,
): Principal | null {
  // A request that presents a token is judged by the token alone.
  if (credentials.bearer !== null) return resolveToken(db, credentials.bearer, now);
  if (credentials.sessionToken === null) return null;
  const session = store.resolve(credentials.sessionToken);
  if (!session) return null;
  const user = queries(db).user.get({ id: session.userId });
  if (!user?.active) return null;
  return {
    kind: 'user',
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    sites: activeSitesOf(db, user.id),
    mustChangePassword: user.mustChangePassword,
    sessionId: session.id,
  };
}

function resolveToken(db: AppDb, secret: string, now: () => Date): Principal | null {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 100) return null;
  const row = queries(db).token.get({ hash: secretHash(secret) });
  if (!row) return null;
  let tokenSites: string[] = [];
  if (row.siteCode) {
    const site = queries(db).site.get({ code: row.siteCode });
    if (!site?.active) return null;
    tokenSites = [row.siteCode];
  }
  const at = now();
  if (!row.lastUsedAt || at.getTime() - Date.parse(row.lastUsedAt) > TOKEN_TOUCH_MS) {
    db.update(apiTokens).set({ lastUsedAt: at.toISOString() }).where(eq(apiTokens.id, row.id)).run();
  }
  return { kind: 'token', id: row.id, name: row.name, role: row.role, sites: tokenSites, createdBy: row.createdBy };
}
