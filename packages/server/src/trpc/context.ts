// The tRPC context. `createContextInner` builds it from plain values (tests
// call procedures in-process with it); the HTTP adapter derives those values
// from the request.
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { App } from '../app/create-app';

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
}

export interface Context {
  app: App;
  request: RequestInfo | null;
}

export function createContextInner(app: App, request: RequestInfo | null = null): Context {
  return { app, request };
}

export function contextFactory(app: App) {
  return ({ req }: CreateFastifyContextOptions): Context =>
    createContextInner(app, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
}
