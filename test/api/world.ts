// A running server with sites and one user per role, for the access tests.

import { createSite, createUser, startTestServer, systemActor, type TestServer } from '@alutrace/server/testing';
import type { Role } from '@alutrace/shared';
import { Client } from './http-client';

export const PASSWORD = 'correct horse battery staple';

export interface World {
  server: TestServer;
  users: Record<Role, { id: string; username: string }>;
  /** A user that tests may change freely. */
  target: { id: string; username: string };
  /** A site each operating role acts for, and one it does not. */
  ownSite: Record<Role, string>;
  otherSite: Record<Role, string>;
  /** A new signed-in client for the role (a fresh session, no password hashing). */
  clientFor(role: Role): Client;
  anonymous(): Client;
  stop(): Promise<void>;
}

export async function buildWorld(
  options: {
    now?: () => Date;
    /** The server's environment, e.g. ALUTRACE_LOG_LEVEL. */
    env?: Record<string, string>;
  } = {},
): Promise<World> {
  const server = await startTestServer(options.env ?? {}, options.now ? { now: options.now } : {});
  const { app } = server;
  const cli = systemActor('cli');
  for (const [code, kind, zh, en] of [
    ['PG01', 'collection_point', '平果回收站', 'Pingguo collection point'],
    ['PG02', 'collection_point', '德保回收站', 'Debao collection point'],
    ['RC01', 'recycler', '平果再生铝', 'Pingguo recycler'],
    ['RC02', 'recycler', '田东再生铝', 'Tiandong recycler'],
    ['UT01', 'utiliser', '平果铝灰利用', 'Pingguo dross utiliser'],
    ['UT02', 'utiliser', '德保铝灰处置', 'Debao dross utiliser'],
    ['BY01', 'buyer', '柳州汽车零部件', 'Liuzhou auto parts'],
  ] as const) {
    await createSite(app, cli, { code, kind, nameZh: zh, nameEn: en });
  }
  const make = async (username: string, role: Role, sites: string[]) => {
    const { user } = await createUser(
      app,
      cli,
      { username, displayName: username, role, sites, password: PASSWORD },
      { passwordIsFinal: true },
    );
    return { id: user.id, username: user.username };
  };
  const users: World['users'] = {
    operator: await make('op', 'operator', ['PG01']),
    recycler: await make('rc', 'recycler', ['RC01']),
    utiliser: await make('ut', 'utiliser', ['UT01']),
    official: await make('off', 'official', []),
    admin: await make('adm', 'admin', []),
  };
  const target = await make('target', 'operator', ['PG02']);
  const clientFor = (role: Role): Client => {
    const client = new Client(server.url);
    const { token } = app.auth.sessions.create(users[role].id, { ip: '127.0.0.1', userAgent: 'test' });
    client.cookie = `${app.auth.cookieName}=${token}`;
    return client;
  };
  return {
    server,
    users,
    target,
    ownSite: { operator: 'PG01', recycler: 'RC01', utiliser: 'UT01', official: 'PG01', admin: 'PG01' },
    otherSite: { operator: 'PG02', recycler: 'RC02', utiliser: 'UT02', official: 'RC02', admin: 'RC02' },
    clientFor,
    anonymous: () => new Client(server.url),
    stop: () => server.stop(),
  };
}
