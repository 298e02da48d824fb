// system.info: what anyone may know about the installation, including the
// flag thresholds in force, so that screens warn where the server will flag.
import { startTestServer, type TestServer } from '@alutrace/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, data } from './http-client';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

interface Info {
  demo: boolean;
  rules: { transitTolerancePct: number; meltLossFlagPct: number };
}

describe('system.info', () => {
  it('says the thresholds of DOMAIN.md by default: 1 % in transit, 20 % melt loss', async () => {
    server = await startTestServer();
    const info = data(await new Client(server.url).query<Info>('system.info'));
    expect(info).toMatchObject({ demo: false, rules: { transitTolerancePct: 1, meltLossFlagPct: 20 } });
  });

  it('says the configured ones when a base sets its own', async () => {
    server = await startTestServer({ ALUTRACE_TRANSIT_TOLERANCE_PCT: '2', ALUTRACE_MELT_LOSS_FLAG_PCT: '15' });
    const info = data(await new Client(server.url).query<Info>('system.info'));
    expect(info.rules).toEqual({ transitTolerancePct: 2, meltLossFlagPct: 15 });
  });
});
