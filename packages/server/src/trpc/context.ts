// The tRPC context. `createContextInner` builds it from plain values (tests
// call procedures in-process with it); the HTTP adapter derives those values
// from the request: the client's address and the principal behind its
// session cookie or API token.
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { App } from '../app/create-app';
import { readCredentials, resolvePrincipal } from '../auth/authenticate';
import type { Principal } from '../auth/principal';

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

/** Where procedures put Set-Cookie headers (sign-in, sign-out). */
export interface CookieSink {
  set(header: string): void;
}

export interface Context {
  app: App;
  request: RequestInfo;
  principal: Principal | null;
  cookies: CookieSink;
}

export function createContextInner(
  app: App,
  options: { request?: RequestInfo; principal?: Principal | null; cookies?: CookieSink } = {},
): Context {
  return {
    app,
    request: options.request ?? { ip: null, userAgent: null },
    principal: options.principal ?? null,
    cookies: options.cookies ?? { set() {} },
  };
}

export function contextFactory(app: App) {
  return ({ req, res }: CreateFastifyContextOptions): Context => {
    const credentials = readCredentials(req.headers, app.auth.cookieName);
    return createContextInner(app, {
      request: { ip: req.ip, userAgent: req.headers['user-agent'] ?? null },
      principal: resolvePrincipal(app.db, app.auth.sessions, credentials, app.now),
      cookies: { set: (header) => res.header('set-cookie', header) },
    });
  };
}
