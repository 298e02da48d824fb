// The HTTP server: tRPC at /trpc, health at /healthz, the built web app at /
// with a fallback for client-side routes. Every error answers with the
// envelope of error-envelope.ts; nothing answers with a stack trace.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { App } from '../app/create-app';
import { registerIncentiveRoutes } from '../incentives/statement-routes';
import { registerLabelRoutes } from '../labels/label-routes';
import { registerReportDownloadRoutes } from '../reports/export/report-download-routes';
import { type AppRouter, appRouter } from '../routers';
import { contextFactory } from '../trpc/context';
import { normaliseError } from '../trpc/error-formatter';
import { checkRequestOrigin } from './csrf';
import { batchRefusal, MAX_PARAM_LENGTH, onClientError, onFrameworkError, SECURITY_HEADERS } from './edge-errors';
import { errorEnvelope } from './error-envelope';
import { registerLedgerExportRoute } from './ledger-export-route';
import { registerLotProofRoute } from './lot-proof-route';
import { requestLogController } from './request-logging';
import { setStaticCacheHeaders } from './static-cache';
import { trpcPlugin } from './trpc-plugin';

export async function buildServer(app: App): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    logController: requestLogController(app.logger),
    bodyLimit: app.config.bodyLimit,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    trustProxy: app.config.trustProxy,
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
  });

  // A callback hook: on every response, an async one costs a promise more.
  server.addHook('onSend', (_req, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });

  // Changes travel only as POST with a JSON body from an allowed origin (see csrf.ts).
  server.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/trpc/')) {
      const q = req.url.indexOf('?');
      const refused = batchRefusal(req.url.slice(6, q < 0 ? undefined : q), q < 0 ? '' : req.url.slice(q));
      if (refused) return reply.code(refused.status).send(refused.body);
    }
    if (req.method === 'POST' && req.url.startsWith('/trpc/')) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') {
        const e = errorEnvelope('UNSUPPORTED_MEDIA_TYPE', {}, 415);
        return reply.code(e.status).send(e.body);
      }
      const verdict = checkRequestOrigin(req, app.config.publicUrl, app.auth.cookieName);
      if (!verdict.ok) {
        req.log.warn({ origin: req.headers.origin, url: req.url }, 'refused a cross-site request');
        const e = errorEnvelope('CSRF_REJECTED', { detail: verdict.detail });
        return reply.code(e.status).send(e.body);
      }
    }
  });

  server.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const e = errorEnvelope('PAYLOAD_TOO_LARGE', { limit: app.config.bodyLimit });
      return reply.code(e.status).send(e.body);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const e = errorEnvelope('UNSUPPORTED_MEDIA_TYPE', {}, 415);
      return reply.code(e.status).send(e.body);
    }
    if (status >= 400 && status < 500) {
      const e = errorEnvelope('BAD_REQUEST', { detail: error.message }, status);
      return reply.code(e.status).send(e.body);
    }
    const ref = Math.random().toString(16).slice(2, 10);
    req.log.error({ err: error, ref }, 'request failed');
    const e = errorEnvelope('INTERNAL_ERROR', { ref });
    return reply.code(e.status).send(e.body);
  });

  await server.register(trpcPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: contextFactory(app),
      onError({ error, path, req }) {
        const n = normaliseError(error);
        if (n.code === 'INTERNAL_ERROR')
          req.log.error({ err: error.cause ?? error, ref: n.params.ref, path }, 'procedure failed');
      },
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);

  server.get('/healthz', async () => {
    const head = app.ledger.head();
    return {
      status: 'ok',
      ledger: { size: app.ledger.size },
      head: head
        ? { treeSize: head.treeSize, rootHash: head.rootHash, createdAt: head.createdAt, note: head.note }
        : null,
    };
  });

  registerLabelRoutes(server, app);
  registerIncentiveRoutes(server, app);
  registerReportDownloadRoutes(server, app);
  registerLotProofRoute(server, app);
  registerLedgerExportRoute(server, app);

  const webDir = app.config.webDir;
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await server.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ['index.html'],
      // The .br and .gz copies written at build time (packages/web/build/precompress-assets.ts).
      preCompressed: true,
      cacheControl: false,
      setHeaders: setStaticCacheHeaders,
    });
  }
  server.setNotFoundHandler((req, reply) => {
    const wantsPage =
      req.method === 'GET' && !req.url.startsWith('/trpc') && (req.headers.accept ?? '').includes('text/html');
    if (wantsPage && hasWeb) return reply.type('text/html').sendFile('index.html');
    if (wantsPage) {
      return reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>alutrace</title><p>The web app is not built. Run <code>pnpm build</code> (or start with <code>pnpm start</code>).</p><p>网页应用尚未构建，请运行 <code>pnpm build</code>。</p>',
        );
    }
    const path = req.url.split('?')[0] ?? req.url;
    // Named in the message, but never echoed at length.
    const e = errorEnvelope('ROUTE_NOT_FOUND', { path: path.length > 100 ? `${path.slice(0, 100)}…` : path });
    return reply.code(e.status).send(e.body);
  });

  // A label's address, /l/{lot id}?d={digest}: the public passport, its own small page (packages/web/passport.html).
  if (hasWeb && existsSync(join(webDir, 'passport.html'))) {
    server.get('/l/:lotId', (_req, reply) => reply.type('text/html; charset=utf-8').sendFile('passport.html'));
  }

  return server;
}
