// The defects found by attacking the server, each pinned: concurrent and
// batched sign-ins against the throttle, a forced change that keeps the
// password, the first administrator's password file, file modes, invisible
// characters in names, and errors before a route runs.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { runCli } from '@alutrace/server';
import type { SiteView, UserView } from '@alutrace/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, data, errorCode, type HttpResult } from './http-client';
import { buildWorld, PASSWORD, type World } from './world';

/** A clock the tests move by hand, and can stop (a loaded machine must not let the throttle's delay run out mid-test). */
const clock: { offsetMs: number; stoppedAt: number | null } = { offsetMs: 0, stoppedAt: null };
const now = () => new Date((clock.stoppedAt ?? Date.now()) + clock.offsetMs);

let world: World;
let base: string;

beforeAll(async () => {
  world = await buildWorld({ now });
  base = world.server.url;
});
afterAll(async () => {
  await world?.stop();
});
afterEach(() => {
  clock.stoppedAt = null;
  forgetFailures();
});

/** Lets every throttle window run out, so that tests do not depend on each other's order. */
function forgetFailures(): void {
  clock.offsetMs += 60 * 60_000;
}

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('sign-in throttling under concurrent attempts', () => {
  it('counts attempts in flight: of 12 wrong passwords sent at once, at most 5 are checked', async () => {
    forgetFailures();
    clock.stoppedAt = Date.now();
    const attempts = Array.from({ length: 12 }, (_, i) =>
      new Client(base).mutate('auth.login', { username: 'target', password: `wrong guess ${i}` }),
    );
    const codes = (await Promise.all(attempts)).map(errorCode);
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED')).toHaveLength(7);
    // And the right password now waits too.
    const right = await new Client(base).mutate('auth.login', { username: 'target', password: PASSWORD });
    expect(errorCode(right)).toBe('LOGIN_THROTTLED');
  });

  it('a successful sign-in does not use up the address allowance of others', async () => {
    forgetFailures();
    for (let i = 0; i < 8; i++) await new Client(base).login('op', PASSWORD);
    for (let i = 0; i < 5; i++) {
      expect(errorCode(await new Client(base).mutate('auth.login', { username: 'rc', password: `no ${i}` }))).toBe(
        'LOGIN_FAILED',
      );
    }
    forgetFailures();
  });
});

describe('batched calls', () => {
  const batch = (paths: string[], inputs: Record<string, unknown>, init: RequestInit = {}) =>
    fetch(`${base}/trpc/${paths.join(',')}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify(inputs),
      ...init,
    });

  it('refuses auth.login inside a batch, without checking or counting a single password', async () => {
    forgetFailures();
    const guesses = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [String(i), { username: 'target', password: `guess ${i}` }]),
    );
    const failures = () => world.server.app.db.$client.prepare('SELECT * FROM login_failures ORDER BY key').all();
    const before = failures();
    const res = await batch(Array(8).fill('auth.login'), guesses);
    expect(res.status).toBe(400);
    const body = (await res.json()) as HttpResult['body'];
    expect(body.error?.data.app.code).toBe('BATCH_NOT_ALLOWED');
    expect(body.error?.message).toBe('auth.login must be sent on its own, not in a batch with other calls.');
    expect(failures()).toEqual(before);
    const alone = await batch(['auth.login'], { 0: { username: 'op', password: PASSWORD } });
    expect(alone.status).toBe(400);
  });

  it('takes up to 10 calls in a batch and refuses 11', async () => {
    const ok = await fetch(`${base}/trpc/${Array(10).fill('auth.me').join(',')}?batch=1`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as unknown[]).length).toBe(10);
    const tooMany = await fetch(`${base}/trpc/${Array(11).fill('auth.me').join(',')}?batch=1`);
    expect(tooMany.status).toBe(400);
    const body = (await tooMany.json()) as HttpResult['body'];
    expect(body.error?.data.app).toMatchObject({ code: 'BATCH_TOO_LARGE', params: { max: 10, count: 11 } });
  });
});

describe('changing a password to itself', () => {
  it('is refused for the forced change, which stays required', async () => {
    const admin = world.clientFor('admin');
    const created = data(
      await admin.mutate<{ user: UserView; password: string }>('users.create', {
        username: 'newbie',
        displayName: 'Newbie',
        role: 'official',
      }),
    );
    const c = new Client(base);
    await c.login('newbie', created.password);
    const same = await c.mutate('auth.changePassword', {
      currentPassword: created.password,
      newPassword: created.password,
    });
    expect(same.status).toBe(400);
    expect(errorCode(same)).toBe('PASSWORD_UNCHANGED');
    expect(same.body.error?.data.app.messageZh).toBe('新密码与当前密码相同，请设置一个不同的密码。');
    expect(errorCode(await c.query('users.list'))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(errorCode(await c.query('sites.list'))).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('is refused for an ordinary change and for an administrator reset to the same password', async () => {
    const c = new Client(base);
    await c.login('off', PASSWORD);
    const same = await c.mutate('auth.changePassword', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(errorCode(same)).toBe('PASSWORD_UNCHANGED');
    const reset = await world
      .clientFor('admin')
      .mutate('users.resetPassword', { userId: world.users.official.id, password: PASSWORD });
    expect(errorCode(reset)).toBe('PASSWORD_UNCHANGED');
    // Still the same password, and the refusals wrote nothing to the ledger.
    await new Client(base).login('off', PASSWORD);
  });
});

describe('files the server writes', () => {
  it('keeps the data directory 0700 and the database, its WAL and the signing key 0600', () => {
    const dir = world.server.dataDir;
    expect(modeOf(dir)).toBe(0o700);
    for (const f of ['alutrace.db', 'alutrace.db-wal', 'alutrace.db-shm', 'signing-key']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
      expect(modeOf(join(dir, f)).toString(8), f).toBe('600');
    }
  });

  it('writes the first administrator password to a 0600 file, and removes it once a reset makes it stale', async () => {
    const dir = world.server.dataDir;
    const file = join(dir, 'initial-admin-password');
    expect(modeOf(file).toString(8)).toBe('600');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`username=${world.server.admin.username}`);
    expect(text).toContain(`password=${world.server.admin.password}`);
    const io = { out() {}, err() {}, env: {}, cwd: dir, stdin: process.stdin };
    const code = await runCli(['user', 'reset-password', '--username', 'admin', '--data-dir', dir], io);
    expect(code).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('writes exports 0600, also over an existing world-readable file', async () => {
    const out = join(world.server.dataDir, '..', `export-${process.pid}.jsonl`);
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(out, 'old', { mode: 0o644 });
    const io = { out() {}, err() {}, env: {}, cwd: process.cwd(), stdin: process.stdin };
    expect(await runCli(['export', '--out', out, '--data-dir', world.server.dataDir], io)).toBe(0);
    expect(modeOf(out).toString(8)).toBe('600');
    rmSync(out);
  });
});

describe('names with invisible or control characters', () => {
  it.each([
    ['a right-to-left override', '平果\u202E站'],
    ['a NUL', 'Pingguo\u0000'],
    ['a newline', 'Pingguo\nyard'],
    ['a zero-width space', '平果\u200B回收站'],
    ['a byte-order mark', '\uFEFFPingguo'],
  ])('refuses %s in a site name, in both languages, and records nothing', async (_what, nameZh) => {
    const admin = world.clientFor('admin');
    const before = world.server.app.ledger.size;
    const r = await admin.mutate('sites.create', { code: 'BAD01', kind: 'collection_point', nameZh, nameEn: 'x' });
    expect(r.status).toBe(400);
    const app = r.body.error?.data.app;
    expect(app?.code).toBe('VALIDATION_FAILED');
    expect(app?.fields?.nameZh?.[0]).toMatch(/^Must (not contain invisible or control characters|be one line)/);
    expect(app?.fieldsZh?.nameZh?.[0]).toMatch(/^(不能包含不可见字符或控制字符|只能填写一行)/);
    expect(world.server.app.ledger.size).toBe(before);
  });

  it('refuses them in display names and token names too, and stores names NFC-normalised', async () => {
    const admin = world.clientFor('admin');
    const user = await admin.mutate('users.create', {
      username: 'bidi',
      displayName: 'evil\u202Etxt',
      role: 'official',
    });
    expect(Object.keys(user.body.error?.data.app.fields ?? {})).toEqual(['displayName']);
    const token = await admin.mutate('tokens.create', { name: 'scale\u0007', role: 'official' });
    expect(Object.keys(token.body.error?.data.app.fields ?? {})).toEqual(['name']);
    const site = data(
      await admin.mutate<SiteView>('sites.create', {
        code: 'NFC01',
        kind: 'collection_point',
        nameZh: '测试站',
        nameEn: '  Pe\u0301rez yard ',
      }),
    );
    expect(site.nameEn).toBe('P\u00e9rez yard');
  });

  it('explains a length limit in words, in both languages', async () => {
    const r = await world
      .clientFor('admin')
      .mutate('sites.create', { code: 'LONG01', kind: 'collection_point', nameZh: '站'.repeat(101), nameEn: 'x' });
    expect(r.body.error?.data.app.fields?.nameZh).toEqual(['At most 100 characters.']);
    expect(r.body.error?.data.app.fieldsZh?.nameZh).toEqual(['最多 100 个字符。']);
  });
});

describe('cross-site requests', () => {
  it('refuses a cookie-carrying mutation without Origin even when it carries a non-Bearer Authorization header', async () => {
    const admin = world.clientFor('admin');
    const before = world.server.app.ledger.size;
    const res = await fetch(`${base}/trpc/sites.create`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: admin.cookie as string,
        authorization: 'Basic Zm9vOmJhcg==',
      },
      body: JSON.stringify({ code: 'CSRF9', kind: 'collection_point', nameZh: '站', nameEn: 'x' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as HttpResult['body']).error?.data.app.code).toBe('CSRF_REJECTED');
    expect(world.server.app.ledger.size).toBe(before);
  });
});

/** Sends raw bytes and reads the whole answer (fetch cannot send what these tests send). */
function rawRequest(text: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    socket.on('error', () => {}); // the server closes the connection after answering
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      if (!statusLine) reject(new Error('no answer'));
      else resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(text);
  });
}

describe('errors before a route runs have the one shape and the security headers', () => {
  const expectEnvelope = (status: number, headers: Record<string, string | null>, body: string, code: string) => {
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    const parsed = JSON.parse(body) as HttpResult['body'];
    expect(parsed.error?.data.app.code).toBe(code);
    expect(parsed.error?.data.httpStatus).toBe(status);
    expect(typeof parsed.error?.data.app.messageZh).toBe('string');
  };

  it('answers a path over the limit with 414 URL_TOO_LONG, without echoing it', async () => {
    const path = `/trpc/${'x'.repeat(6000)}`;
    const res = await fetch(base + path);
    const body = await res.text();
    expect(res.status).toBe(414);
    expectEnvelope(414, Object.fromEntries(res.headers as unknown as Iterable<[string, string]>), body, 'URL_TOO_LONG');
    expect(body).not.toContain('xxxxxxxxxx');
  });

  it('answers an oversized header block with 431 HEADERS_TOO_LARGE', async () => {
    const r = await rawRequest(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(r.status).toBe(431);
    expectEnvelope(431, r.headers, r.body, 'HEADERS_TOO_LARGE');
  });

  it('answers a request Node cannot parse with 400 BAD_REQUEST', async () => {
    const r = await rawRequest('NOT HTTP AT ALL\r\n\r\n');
    expect(r.status).toBe(400);
    expectEnvelope(400, r.headers, r.body, 'BAD_REQUEST');
  });

  it('names an unknown long path without repeating all of it', async () => {
    const res = await fetch(`${base}/${'y'.repeat(1500)}`);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body.length).toBeLessThan(1000);
  });
});
