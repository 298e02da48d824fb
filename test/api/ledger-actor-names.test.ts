// ledger.entries names who made each entry for those who read every site, so
// the ledger page can show "op" or a token's name instead of an id; readers
// of their own sites only are not told who works where.

import { createToken } from '@alutrace/server/testing';
import type { EntriesPage } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data } from './http-client';
import { buildWorld, type World } from './world';

let world: World;
let tokenId: string;

beforeAll(async () => {
  world = await buildWorld();
  const { users, server } = world;
  const { token } = await createToken(
    server.app,
    { type: 'user', id: users.admin.id },
    { name: 'PG01 weighbridge', role: 'operator', site: 'PG01' },
  );
  tokenId = token.id;
  const body = { note: 'an entry to name the actor of' };
  server.app.ledger.append([
    { kind: 'test.recorded', site: 'PG01', actor: { type: 'user', id: users.operator.id }, body },
    { kind: 'test.recorded', site: 'PG01', actor: { type: 'token', id: tokenId, userId: users.admin.id }, body },
  ]);
});
afterAll(async () => {
  await world?.stop();
});

const pg01Page = async (role: 'official' | 'admin' | 'operator'): Promise<EntriesPage> =>
  data(await world.clientFor(role).query<EntriesPage>('ledger.entries', { site: 'PG01', limit: 10 }));

describe('names of the actors in ledger.entries', () => {
  it('names users and tokens for officials and administrators', async () => {
    for (const role of ['official', 'admin'] as const) {
      const page = await pg01Page(role);
      expect(page.actorNames[`user:${world.users.operator.id}`]).toBe('op');
      expect(page.actorNames[`token:${tokenId}`]).toBe('PG01 weighbridge');
    }
  });

  it('names nobody for an operator reading their own site', async () => {
    const page = await pg01Page('operator');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.actorNames).toEqual({});
  });
});
