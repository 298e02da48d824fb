// GET /ledger/export.jsonl over real HTTP: the export file for officials and
// administrators (ledger:verify), which `alutrace verify-export` accepts with
// the server's key; refused without credentials (401) and for an operator (403).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createSite,
  createToken,
  createUser,
  makeTempDir,
  startTestServer,
  systemActor,
} from '@alutrace/server/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe('GET /ledger/export.jsonl', () => {
  it('answers the export file to an official and an admin, and nobody else', async () => {
    const server = await startTestServer();
    cleanup.push(() => server.stop());
    await createSite(server.app, systemActor('cli'), {
      code: 'PG01',
      kind: 'collection_point',
      nameZh: '平果',
      nameEn: 'Pingguo',
    });
    const token = async (role: 'official' | 'operator') =>
      (
        await createToken(server.app, systemActor('cli'), {
          name: `t-${role}`,
          role,
          ...(role === 'operator' ? { site: 'PG01' } : {}),
        })
      ).secret;
    const get = (bearer?: string) =>
      fetch(`${server.url}/ledger/export.jsonl`, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});

    const res = await get(await token('official'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="alutrace-ledger-\d{4}-\d{2}-\d{2}\.jsonl"$/,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const text = await res.text();
    const lines = text.trim().split('\n');
    const header = JSON.parse(lines[0] as string) as { treeSize: number; verifierKey: string };
    expect(header.treeSize).toBe(server.app.ledger.size);
    expect(header.verifierKey).toBe(server.app.verifierKey);
    const file = join(makeTempDir('alutrace-export-route-'), 'ledger.jsonl');
    writeFileSync(file, text);
    const verified = await cli(['verify-export', file, '--key', server.app.verifierKey]);
    expect(verified.code, verified.out).toBe(0);

    // Administrators have no API tokens: a session cookie, as in their browser.
    const { user } = await createUser(
      server.app,
      systemActor('cli'),
      { username: 'root2', displayName: 'Root', role: 'admin', sites: [], password: 'correct horse battery staple' },
      { passwordIsFinal: true },
    );
    const session = server.app.auth.sessions.create(user.id, { ip: '127.0.0.1', userAgent: 'test' });
    const admin = await fetch(`${server.url}/ledger/export.jsonl`, {
      headers: { cookie: `${server.app.auth.cookieName}=${session.token}` },
    });
    expect(admin.status).toBe(200);
    expect((await get()).status).toBe(401);
    const operator = await get(await token('operator'));
    expect(operator.status).toBe(403);
    expect(await operator.text()).not.toContain('"type"');
  });
});
