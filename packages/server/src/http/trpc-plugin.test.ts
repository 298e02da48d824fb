// The shortcut for single calls in trpc-plugin.ts must answer exactly as
// tRPC's own fastify handler does: the same request, sent to both, gets the
// same status, headers and body — successes, domain errors, validation
// errors, and everything the shortcut hands on to tRPC.
import { rmSync } from 'node:fs';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../app/create-app';
import { systemActor } from '../auth/principal';
import { loadConfig } from '../config';
import { createSite } from '../domain/sites/create-site';
import { createUser } from '../domain/users/create-user';
import { createLogger } from '../logger';
import { type AppRouter, appRouter } from '../routers';
import { makeTempDir } from '../testing/fixtures';
import { contextFactory } from '../trpc/context';
import { type TrpcPluginOptions, trpcPlugin } from './trpc-plugin';

let dataDir: string;
let app: App;
let direct: FastifyInstance;
let viaTrpc: FastifyInstance;
let cookie: string;
const errorsSeen: { lane: string; path: string | undefined }[] = [];

async function serverFor(lane: 'direct' | 'tRPC'): Promise<FastifyInstance> {
  const server = Fastify();
  await server.register(trpcPlugin, {
    prefix: '/trpc',
    directSingleCalls: lane === 'direct',
    trpcOptions: {
      router: appRouter,
      createContext: contextFactory(app),
      onError: ({ path }) => {
        errorsSeen.push({ lane, path });
      },
    },
  } satisfies TrpcPluginOptions<AppRouter> & { prefix: string });
  return server;
}

beforeAll(async () => {
  dataDir = makeTempDir('alutrace-trpc-plugin-');
  const config = loadConfig({ ALUTRACE_DATA_DIR: dataDir, ALUTRACE_SQLITE_SYNC: 'NORMAL' });
  app = await createApp(config, createLogger('silent'), { ensureAdmin: false });
  await createSite(app, systemActor('cli'), {
    code: 'PG01',
    kind: 'collection_point',
    nameZh: '平果回收站',
    nameEn: 'Pingguo collection point',
  });
  const { user } = await createUser(
    app,
    systemActor('cli'),
    { username: 'adm', displayName: 'adm', role: 'admin', sites: [], password: 'correct horse battery staple' },
    { passwordIsFinal: true },
  );
  cookie = `${app.auth.cookieName}=${app.auth.sessions.create(user.id, { ip: null, userAgent: null }).token}`;
  direct = await serverFor('direct');
  viaTrpc = await serverFor('tRPC');
});

afterAll(async () => {
  await direct?.close();
  await viaTrpc?.close();
  app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const q = (path: string, input?: unknown, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'GET',
  url: `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
  headers,
});
const m = (path: string, body: string, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url: `/trpc/${path}`,
  headers: { 'content-type': 'application/json', ...headers },
  payload: body,
});

async function answers(server: FastifyInstance, request: InjectOptions) {
  const res = await server.inject(request);
  return {
    status: res.statusCode,
    contentType: res.headers['content-type'],
    vary: res.headers.vary,
    body: res.body === '' ? null : (JSON.parse(res.body) as unknown),
  };
}

/** The session cookie, known once beforeAll has run. */
const signedIn = (): Record<string, string> => ({ cookie });
const cases: [string, () => InjectOptions][] = [
  ['a public query without input', () => q('ledger.head')],
  ['a public query with input', () => q('ledger.inclusionProof', { seq: 0 })],
  ['a domain error', () => q('ledger.inclusionProof', { seq: 99 })],
  ['input that fails validation', () => q('ledger.inclusionProof', { seq: 'first' })],
  ['input that is not JSON', () => ({ method: 'GET', url: '/trpc/ledger.inclusionProof?input=%7Bseq' })],
  ['an empty input parameter', () => ({ method: 'GET', url: '/trpc/ledger.head?input=' })],
  ['a signed-in query without a session', () => q('sites.list')],
  ['a signed-in query', () => q('sites.list', undefined, signedIn())],
  ['auth.me signed out', () => q('auth.me')],
  ['auth.me signed in', () => q('auth.me', undefined, signedIn())],
  ['a mutation refused by the domain', () => m('sites.update', '{"code":"XX99","nameEn":"x"}', signedIn())],
  ['a mutation with invalid input', () => m('sites.update', '{"code":"pg 01"}', signedIn())],
  ['a mutation without a session', () => m('sites.update', '{"code":"PG01","nameEn":"x"}')],
  [
    'a mutation that changes nothing',
    () => m('sites.update', '{"code":"PG01","nameEn":"Pingguo collection point"}', signedIn()),
  ],
  ['a mutation with an empty body', () => m('sites.update', '', signedIn())],
  ['a mutation body that is not JSON', () => m('sites.update', '{code', signedIn())],
  ['a query sent as POST', () => m('ledger.head', '{}')],
  ['a mutation sent as GET', () => q('sites.update', { code: 'PG01' }, signedIn())],
  ['an unknown procedure', () => q('ledger.nothing')],
  ['a batch', () => ({ method: 'GET', url: '/trpc/ledger.head,ledger.publicKey?batch=1&input=%7B%7D' })],
  ['a batch of one query', () => ({ method: 'GET', url: '/trpc/ledger.head?batch=1&input=%7B%7D' })],
  ['a batch of one mutation', () => m('sites.update?batch=1', '{"0":{"code":"XX99","nameEn":"x"}}', signedIn())],
  ['a mutation with a query parameter', () => m('sites.update?x=1', '{"code":"XX99","nameEn":"x"}', signedIn())],
  ['a HEAD request', () => ({ method: 'HEAD', url: '/trpc/ledger.head' })],
  ['an unknown query parameter', () => ({ method: 'GET', url: '/trpc/ledger.head?other=1' })],
  ['a streaming accept header', () => q('ledger.head', undefined, { 'trpc-accept': 'application/jsonl' })],
];

describe('single calls answered directly', () => {
  it.each(cases)('answer %s exactly as tRPC does', async (_name, request) => {
    errorsSeen.length = 0;
    const expected = await answers(viaTrpc, request());
    const actual = await answers(direct, request());
    expect(actual).toEqual(expected);
    // onError heard of the same failures from both.
    expect(errorsSeen.filter((e) => e.lane === 'direct').map((e) => e.path)).toEqual(
      errorsSeen.filter((e) => e.lane === 'tRPC').map((e) => e.path),
    );
  });

  it('takes the direct way only for plain single calls (written in one piece, not streamed)', async () => {
    const streamed = async (server: FastifyInstance, request: InjectOptions) =>
      (await server.inject(request)).headers['transfer-encoding'] === 'chunked';
    expect(await streamed(viaTrpc, q('ledger.head'))).toBe(true);
    expect(await streamed(direct, q('ledger.head'))).toBe(false);
    expect(await streamed(direct, m('sites.update', '{"code":"XX99","nameEn":"x"}', signedIn()))).toBe(false);
    expect(await streamed(direct, q('ledger.nothing'))).toBe(true);
  });

  it('a successful write answers as tRPC does, and writes once', async () => {
    const body = (code: string) => JSON.stringify({ code, kind: 'recycler', nameZh: '平果再生铝', nameEn: 'Recycler' });
    const expected = await answers(viaTrpc, m('sites.create', body('RC01'), signedIn()));
    const actual = await answers(direct, m('sites.create', body('RC02'), signedIn()));
    const normalise = (a: typeof actual) =>
      JSON.parse(
        JSON.stringify(a)
          .replaceAll(/RC0[12]/g, 'RC0…')
          .replaceAll(/"createdAt":"[^"]+"/g, '"createdAt":"…"'),
      );
    expect(actual.status).toBe(200);
    expect(normalise(actual)).toEqual(normalise(expected));
    expect(app.db.$client.prepare("SELECT count(*) FROM sites WHERE code LIKE 'RC0%'").pluck().get()).toBe(2);
    // The same code again: the same conflict from both.
    expect(await answers(direct, m('sites.create', body('RC01'), signedIn()))).toEqual(
      await answers(viaTrpc, m('sites.create', body('RC01'), signedIn())),
    );
  });
});
