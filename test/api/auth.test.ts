import type { EntriesPage, MeView, SessionView, TokenView, UserView } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, data, errorCode } from './http-client';
import { buildWorld, PASSWORD, type World } from './world';

/** A clock the tests move forward by hand. */
const clock = { offsetMs: 0 };
const now = () => new Date(Date.now() + clock.offsetMs);

let world: World;
let base: string;

beforeAll(async () => {
  world = await buildWorld({ now });
  base = world.server.url;
});
afterAll(async () => {
  await world?.stop();
});

describe('signing in', () => {
  it('opens a session in an HttpOnly, SameSite=Lax cookie and answers who is signed in', async () => {
    const c = new Client(base);
    expect(data(await c.query<MeView | null>('auth.me'))).toBeNull();
    const res = await c.mutate('auth.login', { username: 'op', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^alutrace_session=ats_[\w-]+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
    const me = data(await c.query<MeView>('auth.me'));
    expect(me).toMatchObject({ kind: 'user', name: 'op', role: 'operator', mustChangePassword: false });
    expect(me.sites.map((s) => s.code)).toEqual(['PG01']);
  });

  it('accepts the username in any case', async () => {
    const c = new Client(base);
    expect((await c.mutate('auth.login', { username: 'OP', password: PASSWORD })).status).toBe(200);
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    const wrong = await new Client(base).mutate('auth.login', { username: 'rc', password: 'not the password' });
    const unknown = await new Client(base).mutate('auth.login', {
      username: 'nobody-at-all',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error?.message).toBe(unknown.body.error?.message);
    expect(errorCode(wrong)).toBe('LOGIN_FAILED');
    expect(wrong.body.error?.data.app.messageZh).toBe('用户名或密码错误。');
  });

  it('ends the session at sign-out', async () => {
    const c = new Client(base);
    await c.login('op', PASSWORD);
    const cookie = c.cookie;
    const out = await c.mutate('auth.logout');
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const replay = new Client(base);
    replay.cookie = cookie;
    expect(data(await replay.query('auth.me'))).toBeNull();
    expect((await replay.query('ledger.entries', { site: 'PG01' })).status).toBe(401);
  });
});

describe('sessions', () => {
  it('lists the user own sessions and revokes one of them', async () => {
    const a = new Client(base);
    const b = new Client(base);
    await a.login('rc', PASSWORD);
    await b.login('rc', PASSWORD);
    const list = data(await a.query<SessionView[]>('auth.sessions'));
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current) as SessionView;
    expect(data(await a.mutate('auth.revokeSession', { sessionId: other.id }))).toEqual({ ok: true });
    // b's session is gone only if it was the one revoked; revoke until b is out.
    for (const s of data(await a.query<SessionView[]>('auth.sessions')).filter((x) => !x.current)) {
      await a.mutate('auth.revokeSession', { sessionId: s.id });
    }
    expect(data(await b.query('auth.me'))).toBeNull();
    expect(data(await a.query<MeView>('auth.me')).name).toBe('rc');
  });

  it('cannot revoke another user session', async () => {
    const rc = new Client(base);
    await rc.login('rc', PASSWORD);
    const op = new Client(base);
    await op.login('op', PASSWORD);
    const opSession = data(await op.query<SessionView[]>('auth.sessions')).find((s) => s.current) as SessionView;
    const r = await rc.mutate('auth.revokeSession', { sessionId: opSession.id });
    expect(r.status).toBe(404);
    expect(data(await op.query<MeView>('auth.me')).name).toBe('op');
  });

  it('expires after the idle timeout, and at the absolute expiry however active', async () => {
    const idle = world.clientFor('official');
    clock.offsetMs += 11 * 3600_000;
    expect(data(await idle.query<MeView>('auth.me'))?.name).toBe('off'); // 11 h idle: still alive
    clock.offsetMs += 12 * 3600_000 + 60_000;
    expect(data(await idle.query('auth.me'))).toBeNull(); // 12 h idle: ended

    const active = world.clientFor('official');
    for (let h = 0; h < 7 * 24; h += 10) {
      clock.offsetMs += 10 * 3600_000;
      const me = data(await active.query<MeView | null>('auth.me'));
      if (h + 10 < 7 * 24) expect(me?.name, `after ${h + 10} h`).toBe('off');
      else expect(me, 'past the absolute expiry').toBeNull();
    }
  });
});

describe('throttling', () => {
  it('slows down repeated failures for a username, even with the right password afterwards', async () => {
    const c = new Client(base);
    for (let i = 0; i < 5; i++) {
      expect(errorCode(await c.mutate('auth.login', { username: 'target', password: `wrong ${i}` }))).toBe(
        'LOGIN_FAILED',
      );
    }
    const blocked = await c.mutate('auth.login', { username: 'target', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(errorCode(blocked)).toBe('LOGIN_THROTTLED');
    expect(blocked.body.error?.message).toMatch(/Wait \d+ seconds/);
    clock.offsetMs += 2_000;
    expect((await c.mutate('auth.login', { username: 'target', password: PASSWORD })).status).toBe(200);
  });

  it('throttles unknown usernames exactly like known ones', async () => {
    const c = new Client(base);
    for (let i = 0; i < 5; i++) await c.mutate('auth.login', { username: 'ghost', password: `wrong ${i}` });
    expect(errorCode(await c.mutate('auth.login', { username: 'ghost', password: 'wrong' }))).toBe('LOGIN_THROTTLED');
    clock.offsetMs += 20 * 60_000;
  });
});

describe('cross-site request forgery', () => {
  it('refuses a mutation from another origin', async () => {
    const c = world.clientFor('admin');
    const r = await c.mutate(
      'users.create',
      { username: 'csrf1', displayName: 'x', role: 'official' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(r.status).toBe(403);
    expect(errorCode(r)).toBe('CSRF_REJECTED');
    expect(r.body.error?.message).toContain('evil.example');
  });

  it('refuses a cookie-carrying mutation without Origin or Referer', async () => {
    const c = world.clientFor('admin');
    const res = await fetch(`${base}/trpc/users.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: c.cookie as string },
      body: JSON.stringify({ username: 'csrf2', displayName: 'x', role: 'official' }),
    });
    expect(res.status).toBe(403);
  });

  it('refuses a form post and a GET for a mutation', async () => {
    const c = world.clientFor('admin');
    const form = await c.mutate('users.create', undefined, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=csrf3&displayName=x&role=official',
    });
    expect(form.status).toBe(415);
    const get = await fetch(`${base}/trpc/users.create?input=${encodeURIComponent('{"username":"csrf4"}')}`, {
      headers: { cookie: c.cookie as string },
    });
    expect(get.status).toBe(405);
    const users = data(await c.query<UserView[]>('users.list')).map((u) => u.username);
    expect(users.filter((u) => u.startsWith('csrf'))).toEqual([]);
  });
});

describe('API tokens', () => {
  it('act with their role for their one site, show their last use, and stop when revoked', async () => {
    const admin = world.clientFor('admin');
    const created = data(
      await admin.mutate<{ token: TokenView; secret: string }>('tokens.create', {
        name: 'PG01 weighbridge PC',
        role: 'operator',
        site: 'PG01',
      }),
    );
    expect(created.secret).toMatch(/^alt_[\w-]{43}$/);
    const device = new Client(base);
    device.bearer = created.secret;
    // No Origin needed: a token is not an ambient credential.
    expect(data(await device.query<EntriesPage>('ledger.entries', { site: 'PG01' })).items.length).toBeGreaterThan(0);
    expect(errorCode(await device.query('ledger.entries', { site: 'PG02' }))).toBe('SITE_NOT_ALLOWED');
    expect((await device.query('users.list')).status).toBe(403);
    expect(errorCode(await device.query('auth.sessions'))).toBe('USERS_ONLY');
    expect(data(await device.query<MeView>('auth.me'))).toMatchObject({
      kind: 'token',
      role: 'operator',
      name: 'PG01 weighbridge PC',
    });
    const listed = data(await admin.query<TokenView[]>('tokens.list')).find((t) => t.id === created.token.id);
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    await admin.mutate('tokens.revoke', { tokenId: created.token.id });
    const after = await device.query('ledger.entries', { site: 'PG01' });
    expect(after.status).toBe(401);
  });

  it('are refused for the admin role and must have a site for operating roles', async () => {
    const admin = world.clientFor('admin');
    expect((await admin.mutate('tokens.create', { name: 'x', role: 'admin' })).status).toBe(400);
    expect(errorCode(await admin.mutate('tokens.create', { name: 'x', role: 'recycler' }))).toBe('SITES_REQUIRED');
    expect(errorCode(await admin.mutate('tokens.create', { name: 'x', role: 'recycler', site: 'PG01' }))).toBe(
      'SITE_KIND_MISMATCH',
    );
  });

  it('an unknown token is treated as no credentials', async () => {
    const c = new Client(base);
    c.bearer = 'alt_not-a-real-token';
    expect((await c.query('ledger.entries', { site: 'PG01' })).status).toBe(401);
  });
});

describe('administering users', () => {
  it('creates a user with a generated password shown once, who must change it', async () => {
    const admin = world.clientFor('admin');
    const created = data(
      await admin.mutate<{ user: UserView; password: string }>('users.create', {
        username: 'zhang',
        displayName: '张三',
        role: 'operator',
        sites: ['PG02'],
      }),
    );
    expect(created.password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(created.user).toMatchObject({
      username: 'zhang',
      role: 'operator',
      sites: ['PG02'],
      mustChangePassword: true,
    });
    const zhang = new Client(base);
    await zhang.login('zhang', created.password);
    expect(data(await zhang.query<MeView>('auth.me')).mustChangePassword).toBe(true);
    const held = await zhang.query('ledger.entries', { site: 'PG02' });
    expect(held.status).toBe(403);
    expect(errorCode(held)).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      errorCode(await zhang.mutate('auth.changePassword', { currentPassword: created.password, newPassword: 'short' })),
    ).toBe('PASSWORD_TOO_SHORT');
    await zhang.mutate('auth.changePassword', {
      currentPassword: created.password,
      newPassword: 'zhang has a long password',
    });
    expect(data(await zhang.query<MeView>('auth.me')).mustChangePassword).toBe(false);
    expect((await zhang.query('ledger.entries', { site: 'PG02' })).status).toBe(200);
  });

  it('deactivating a user ends their sessions at once', async () => {
    const admin = world.clientFor('admin');
    const { user, password } = data(
      await admin.mutate<{ user: UserView; password: string }>('users.create', {
        username: 'leaving',
        displayName: 'x',
        role: 'official',
      }),
    );
    const c = new Client(base);
    await c.login('leaving', password);
    await admin.mutate('users.update', { userId: user.id, active: false });
    expect(data(await c.query('auth.me'))).toBeNull();
    expect(errorCode(await new Client(base).mutate('auth.login', { username: 'leaving', password }))).toBe(
      'LOGIN_FAILED',
    );
  });

  it('a role change takes effect on the next request', async () => {
    const admin = world.clientFor('admin');
    const { user, password } = data(
      await admin.mutate<{ user: UserView; password: string }>('users.create', {
        username: 'promoted',
        displayName: 'x',
        role: 'official',
      }),
    );
    const c = new Client(base);
    await c.loginAndChangePassword('promoted', password);
    expect((await c.query('users.list')).status).toBe(403);
    await admin.mutate('users.update', { userId: user.id, role: 'admin' });
    expect((await c.query('users.list')).status).toBe(200);
  });

  it('refuses to leave the system without an active administrator', async () => {
    const admin = world.clientFor('admin');
    const others = data(await admin.query<UserView[]>('users.list')).filter(
      (u) => u.role === 'admin' && u.active && u.id !== world.users.admin.id,
    );
    for (const u of others) await admin.mutate('users.update', { userId: u.id, role: 'official' });
    const r = await admin.mutate('users.update', { userId: world.users.admin.id, active: false });
    expect(errorCode(r)).toBe('LAST_ADMIN');
    expect(errorCode(await admin.mutate('users.update', { userId: world.users.admin.id, role: 'official' }))).toBe(
      'LAST_ADMIN',
    );
  });

  it('records every change as a ledger entry naming the acting user', async () => {
    const admin = world.clientFor('admin');
    const page = data(await admin.query<EntriesPage>('ledger.entries', { limit: 100 }));
    const kinds = new Set(page.items.map((i) => i.entry.kind));
    for (const k of [
      'site.created',
      'user.created',
      'user.role_changed',
      'user.deactivated',
      'user.password_changed',
      'token.created',
      'token.revoked',
    ]) {
      expect(kinds, k).toContain(k);
    }
    const byAdmin = page.items.find((i) => i.entry.kind === 'user.deactivated');
    expect(byAdmin?.entry.actor).toEqual({ type: 'user', id: world.users.admin.id });
  });
});
