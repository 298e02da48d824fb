// The first-run administrator, and a search for secrets in every place they
// must never be: the database file (apart from the users table's password
// hashes), the ledger entries, the captured logs and the API responses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@alutrace/server/testing';
import type { UserView } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, data, type HttpResult } from './http-client';

let server: TestServer;
const responses: string[] = [];
const passwords: string[] = [];
const tokens: string[] = [];

/** Records every response body (and header) the tests see. */
function recorded(client: Client): Client {
  const q = client.query.bind(client);
  const m = client.mutate.bind(client);
  const keep = <T>(r: HttpResult<T>) => {
    responses.push(JSON.stringify(r.body));
    const cookie = r.headers.get('set-cookie');
    if (cookie) tokens.push(cookie.split(';')[0]?.split('=')[1] ?? '');
    return r;
  };
  client.query = async (...args) => keep(await q(...args));
  client.mutate = async (...args) => keep(await m(...args));
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  passwords.push(server.admin.password);
  const admin = recorded(new Client(server.url));
  passwords.push(
    await admin.loginAndChangePassword(server.admin.username, server.admin.password, 'the admin own new password'),
  );
  await admin.mutate('sites.create', { code: 'PG01', kind: 'collection_point', nameZh: '平果', nameEn: 'Pingguo' });
  const chosen = 'a password the admin typed';
  passwords.push(chosen);
  const op = data(
    await admin.mutate<{ user: UserView; password: string | null }>('users.create', {
      username: 'op',
      displayName: 'Op',
      role: 'operator',
      sites: ['PG01'],
      password: chosen,
    }),
  );
  const off = data(
    await admin.mutate<{ user: UserView; password: string }>('users.create', {
      username: 'off',
      displayName: 'Off',
      role: 'official',
    }),
  );
  passwords.push(off.password);
  const reset = data(await admin.mutate<{ password: string }>('users.resetPassword', { userId: op.user.id }));
  passwords.push(reset.password);
  const t = data(
    await admin.mutate<{ secret: string }>('tokens.create', { name: 'scale', role: 'operator', site: 'PG01' }),
  );
  tokens.push(t.secret);
  const opClient = recorded(new Client(server.url));
  passwords.push(await opClient.loginAndChangePassword('op', reset.password, 'op chose this new password'));
  await recorded(new Client(server.url)).mutate('auth.login', {
    username: 'op',
    password: 'a wrong guess of a password',
  });
  const device = recorded(new Client(server.url));
  device.bearer = t.secret;
  await device.query('ledger.entries', { site: 'PG01' });
  await admin.query('users.list');
  await admin.query('tokens.list');
  await admin.query('auth.sessions');
  await admin.query('ledger.entries', { limit: 100 });
});

afterAll(async () => {
  await server?.stop();
});

describe('the first-run administrator', () => {
  it('gets a random password in a 0600 file of the data directory, and the console and log say only where', () => {
    const printed = server.console.join('');
    const file = join(server.dataDir, 'initial-admin-password');
    expect(server.admin.username).toBe('admin');
    expect(server.admin.password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(printed).toContain(file);
    expect(printed).toContain('username "admin"');
    expect(printed).toContain('密码保存在以下文件中');
    for (const [where, text] of [
      ['console', printed],
      ['logs', server.logs.join('\n')],
    ] as const) {
      expect(text.includes(server.admin.password), `the password in the ${where}`).toBe(false);
    }
    expect(server.logs.join('\n')).toContain('created the first administrator');
  });

  it('deletes the password file once that password has been changed', () => {
    // beforeAll signed in as the first administrator and changed the password.
    expect(existsSync(join(server.dataDir, 'initial-admin-password'))).toBe(false);
  });

  it('is recorded in the ledger as created by the system', () => {
    const first = server.app.ledger.entryBySeq(0);
    expect(first?.entry).toMatchObject({
      kind: 'user.created',
      actor: { type: 'system', id: 'bootstrap' },
      body: { username: 'admin', role: 'admin' },
    });
  });

  it('is not created again on the next start', async () => {
    const { createApp, createLogger } = await import('@alutrace/server');
    const announced: string[] = [];
    // A second app on the same data directory, as after a restart.
    const again = await createApp(server.app.config, createLogger('silent'), { announce: (t) => announced.push(t) });
    again.close();
    expect(announced).toEqual([]);
  });
});

describe('secrets never leak', () => {
  const hashesIn = (text: string) => text.match(/\$argon2id\$[^"\s]+/g) ?? [];

  it('no password or token appears in the database file, the logs or any response', () => {
    const dbBytes = readdirSync(server.dataDir)
      .filter((f) => f.startsWith('alutrace.db'))
      .map((f) => readFileSync(join(server.dataDir, f)).toString('latin1'))
      .join('');
    const logs = server.logs.join('\n');
    const creationResponses = responses.filter((r) => r.includes('"password":"') || r.includes('"secret":"'));
    const otherResponses = responses.filter((r) => !creationResponses.includes(r)).join('\n');
    expect(passwords.length).toBe(6);
    expect(tokens.length).toBe(3); // two session cookies and one API token
    for (const secret of [...passwords, ...tokens]) {
      expect(secret.length).toBeGreaterThan(9);
      expect(dbBytes.includes(secret), `in the database: ${secret.slice(0, 6)}…`).toBe(false);
      expect(logs.includes(secret), `in the logs: ${secret.slice(0, 6)}…`).toBe(false);
      expect(otherResponses.includes(secret), `in a response: ${secret.slice(0, 6)}…`).toBe(false);
    }
  });

  it('no password hash or token hash appears in the ledger, the logs or any response', () => {
    const sqlite = server.app.db.$client;
    const storedHashes = (sqlite.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[]).map(
      (r) => r.password_hash,
    );
    const tokenHashes = [
      ...(sqlite.prepare('SELECT hex(token_hash) AS h FROM sessions').all() as { h: string }[]),
      ...(sqlite.prepare('SELECT hex(token_hash) AS h FROM api_tokens').all() as { h: string }[]),
    ].map((r) => r.h.toLowerCase());
    expect(storedHashes.length).toBeGreaterThan(2);
    const ledger = (sqlite.prepare('SELECT canonical FROM ledger_entries').all() as { canonical: Buffer }[])
      .map((r) => r.canonical.toString('utf8'))
      .join('\n');
    const everywhere = { ledger, logs: server.logs.join('\n'), responses: responses.join('\n') };
    for (const [where, text] of Object.entries(everywhere)) {
      expect(hashesIn(text), where).toEqual([]);
      for (const h of [...storedHashes, ...tokenHashes]) expect(text.includes(h), `a hash in ${where}`).toBe(false);
      expect(text, where).not.toMatch(/passwordHash|password_hash|tokenHash|token_hash/);
    }
  });
});
