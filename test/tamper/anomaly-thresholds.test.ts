// The anomaly thresholds are a projection of anomaly_thresholds.set entries:
// a row edited behind the ledger's back is named by `verify --derived`, and
// `rebuild` puts back what the entries say.
import { createUser, startTestServer, systemActor, type TestServer } from '@alutrace/server/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, data } from '../api/http-client';
import { cli } from '../cli/run-cli';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
  const { user } = await createUser(
    server.app,
    systemActor('cli'),
    { username: 'zhou', displayName: '周敏', role: 'official', sites: [], password: 'correct horse battery staple' },
    { passwordIsFinal: true },
  );
  const official = new Client(server.url);
  const { token } = server.app.auth.sessions.create(user.id, { ip: null, userAgent: 'test' });
  official.cookie = `${server.app.auth.cookieName}=${token}`;
  data(await official.mutate('anomalies.setThresholds', { meltLossPpm: 150_000, notReceivedDays: 3 }));
});
afterEach(async () => {
  await server?.stop();
});

const row = () =>
  server.app.db.$client.prepare('SELECT thresholds FROM anomaly_thresholds WHERE id = 1').get() as {
    thresholds: string;
  };

describe('anomaly thresholds', () => {
  it('an edited threshold is caught by verify --derived and put back by rebuild', async () => {
    const built = row();
    expect(JSON.parse(built.thresholds)).toMatchObject({ meltLossPpm: 150_000, notReceivedDays: 3 });
    expect((await cli(['verify', '--derived', '--json', '--data-dir', server.dataDir])).code).toBe(0);
    // Someone raises the melt-loss threshold in the database, hiding runs from the list.
    server.app.db.$client
      .prepare("UPDATE anomaly_thresholds SET thresholds = replace(thresholds, '150000', '900000')")
      .run();
    const r = await cli(['verify', '--derived', '--json', '--data-dir', server.dataDir]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).derived.difference).toMatchObject({ table: 'anomaly_thresholds', key: '1' });
    expect((await cli(['rebuild', '--data-dir', server.dataDir])).code).toBe(0);
    expect(row()).toEqual(built);
  });
});
