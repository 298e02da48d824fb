// What a hostile client sends that belongs to no one procedure: unknown
// paths, batches of garbage, URLs and header blocks over the server's
// limits, broken request lines. The same promises as for the procedures
// (fuzz-world.ts): no 5xx, no internal detail, the one error shape, the
// security headers, nothing written on a refusal.
import { appRouter } from '@alutrace/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFuzzWorld, CALLERS, type FuzzWorld, fcOptions } from './fuzz-world';
import { hostileValue, ODD_KEYS, ODD_STRINGS, toJsonText } from './hostile-values';
import type { Probe } from './http-probe';

const PATHS = Object.keys(appRouter._def.procedures);

let fw: FuzzWorld;
beforeAll(async () => {
  fw = await buildFuzzWorld();
});
afterAll(async () => {
  await fw?.stop();
});

/** Only what encodeURIComponent can write (it throws on a lone surrogate). */
const encodable = (s: string): boolean => s.isWellFormed();

const unknownPath = fc
  .oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(...ODD_STRINGS, ...ODD_KEYS),
    fc.constantFrom(...PATHS).map((p) => `${p}.x`),
    fc.constantFrom(...PATHS).map((p) => `${p.split('.')[0]}.`),
    fc.constantFrom(...PATHS).map((p) => p.toUpperCase()),
    fc.constantFrom(...PATHS).map((p) => `__proto__.${p}`),
    fc.constantFrom('ledger', 'auth', '_def', 'ledger._def', 'createCaller', 'constructor.name', 'ledger/head'),
  )
  .filter((p) => encodable(p) && !PATHS.includes(p));

/** A call as tRPC clients send it: a POST with a JSON body, or a GET with `input` in the query. */
function callProbe(headers: Record<string, string>, post: boolean, url: string, input: unknown): Probe {
  if (post)
    return {
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      body: toJsonText(input),
    };
  const sep = url.includes('?') ? '&' : '?';
  return { method: 'GET', url: `${url}${sep}input=${encodeURIComponent(toJsonText(input))}`, headers };
}

describe('requests for no procedure', () => {
  it('an unknown procedure is a 404 in the one error shape, whoever asks and however', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALLERS),
        fc.boolean(),
        unknownPath,
        hostileValue,
        async (who, post, path, input) => {
          const caller = fw.caller(who);
          const probe = callProbe(caller.headers(), post, `/trpc/${encodeURIComponent(path)}`, input);
          const res = await fw.exchange(probe);
          expect(res.status).toBeGreaterThanOrEqual(400);
        },
      ),
      fcOptions(),
    );
  });

  it('a batch of real and unknown procedures with garbage inputs breaks nothing', { timeout: 300_000 }, async () => {
    const batchInput = fc.oneof(
      hostileValue,
      fc.dictionary(fc.constantFrom('0', '1', '2', '-1', '01', 'x'), hostileValue, { maxKeys: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALLERS),
        fc.boolean(),
        fc.array(fc.oneof(fc.constantFrom(...PATHS), unknownPath), { minLength: 1, maxLength: 6 }),
        batchInput,
        fc.constantFrom('1', 'true', '0', '', '1&batch=1'),
        async (who, post, paths, input, batch) => {
          const caller = fw.caller(who);
          const url = `/trpc/${paths.map(encodeURIComponent).join(',')}?batch=${batch}`;
          const probe = callProbe(caller.headers(), post, url, input);
          await fw.exchange(probe);
        },
      ),
      fcOptions(),
    );
  });

  it('a batch of 500 calls, or of one path 500 times, breaks nothing', async () => {
    const many = Array.from({ length: 500 }, (_, i) => PATHS[i % PATHS.length]).join(',');
    const input = encodeURIComponent(JSON.stringify({}));
    for (const url of [
      `/trpc/${many}?batch=1&input=${input}`,
      `/trpc/${'ledger.head,'.repeat(499)}ledger.head?batch=1`,
    ]) {
      await fw.exchange({ method: 'GET', url, headers: fw.caller('admin').headers() });
    }
  });

  it('paths outside the API answer in the one error shape, or with the web app', async () => {
    const urls = [
      '/',
      '/trpc',
      '/trpc/',
      '//trpc/ledger.head',
      '/trpc//ledger.head',
      '/trpc/ledger.head/',
      '/trpc/ledger.head%00',
      '/trpc/%E0%A4%A',
      '/trpc/%',
      '/%',
      '/%00',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/healthz?x=%',
      '/healthz/',
      '/index.html',
      '/.env',
      '/node_modules/.pnpm',
    ];
    for (const url of urls) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const headers: Record<string, string> = method === 'POST' ? { 'content-type': 'application/json' } : {};
        await fw.exchange({ method, url, headers, ...(method === 'POST' ? { body: '{}' } : {}) });
      }
      await fw.exchange({ method: 'GET', url, headers: { accept: 'text/html' } });
    }
  });
});

describe('requests over the server limits', () => {
  it('a body over the limit is a 413 in the one error shape', async () => {
    const res = await fw.exchange({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'a'.repeat(300_000), password: 'x' }),
    });
    expect(res.status).toBe(413);
  });

  it('a path of 10 kB is a 414 in the one error shape', async () => {
    for (const url of [`/trpc/${'a'.repeat(10_000)}`, `/trpc/ledger.${'a'.repeat(10_000)}?input=%7B%7D`]) {
      const res = await fw.exchange({ method: 'GET', url });
      expect(res.status).toBe(414);
    }
  });

  it('a header block of 20 kB is a 431 in the one error shape', async () => {
    const host = new URL(fw.base).host;
    const big = 'x'.repeat(20_000);
    const requests = [
      `GET /trpc/ledger.head HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${big}\r\nConnection: close\r\n\r\n`,
      `GET /trpc/ledger.head HTTP/1.1\r\nHost: ${host}\r\nCookie: alutrace_session=${big}\r\nConnection: close\r\n\r\n`,
      // A query's input travels in the URL, which counts towards the same limit.
      `GET /trpc/ledger.entry?input=${encodeURIComponent(JSON.stringify({ id: big }))} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ];
    for (const raw of requests) {
      const res = await fw.exchange({ method: 'GET', url: raw.split(' ')[1] ?? '', raw });
      expect(res.status).toBe(431);
    }
  });

  it('a broken request line or header is refused in the one error shape', async () => {
    const host = new URL(fw.base).host;
    const requests = [
      `FOO /trpc/ledger.head HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      `GET /trpc/ledger.head HTTP/9.9\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      `GET /trpc/ledger head HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      `GET /trpc/ledger.head HTTP/1.1\r\nHost: ${host}\r\nX Bad: 1\r\nConnection: close\r\n\r\n`,
      `POST /trpc/auth.login HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}`,
      `POST /trpc/auth.login HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`,
    ];
    for (const raw of requests) {
      const res = await fw.exchange({ method: raw.split(' ')[0] ?? '', url: raw.split(' ')[1] ?? '', raw });
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
  });
});
