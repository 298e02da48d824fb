// The web app as a browser on a slow connection receives it: the .br or .gz
// copy written at build time when the browser accepts it, the plain file
// otherwise, hashed assets cached for a year, and index.html (also when it
// answers a client-side route) always revalidated.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '@alutrace/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WEB_DIST = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url));

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that leaves the body as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

let server: TestServer;
/** The largest script of the build, e.g. `react-D1hcpZsg.js`. */
let script: string;

beforeAll(async () => {
  if (!existsSync(`${WEB_DIST}index.html`)) throw new Error(`The web app is not built (${WEB_DIST}). Run: pnpm build`);
  const scripts = readdirSync(`${WEB_DIST}assets`).filter((f) => f.endsWith('.js'));
  script =
    scripts.sort(
      (a, b) => readFileSync(`${WEB_DIST}assets/${b}`).length - readFileSync(`${WEB_DIST}assets/${a}`).length,
    )[0] ?? '';
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('the built web app', () => {
  it('sends brotli to a browser that accepts it, and it decompresses to the built file', async () => {
    const res = await rawGet(`${server.url}/assets/${script}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    const original = readFileSync(`${WEB_DIST}assets/${script}`);
    expect(res.body.length).toBeLessThan(original.length / 3);
    expect(brotliDecompressSync(res.body).equals(original)).toBe(true);
  });

  it('sends gzip to a browser that accepts only gzip', async () => {
    const res = await rawGet(`${server.url}/assets/${script}`, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).equals(readFileSync(`${WEB_DIST}assets/${script}`))).toBe(true);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    const res = await rawGet(`${server.url}/assets/${script}`, {});
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(readFileSync(`${WEB_DIST}assets/${script}`))).toBe(true);
  });

  it('lets browsers keep hashed assets for a year without asking', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await rawGet(`${server.url}/assets/${script}`, { 'accept-encoding': encoding });
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('has index.html revalidated, compressed, with the security headers', async () => {
    const res = await rawGet(`${server.url}/`, { accept: 'text/html', 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).equals(readFileSync(`${WEB_DIST}index.html`))).toBe(true);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a client-side route with index.html, revalidated', async () => {
    const res = await rawGet(`${server.url}/admin/users`, { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).equals(readFileSync(`${WEB_DIST}index.html`))).toBe(true);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
