// The lot the bench opens: two collections melted with primary aluminium into
// an ingot that is shipped (the ingot's passport lists its creating entry and
// its shipment, with an upstream summary and two inputs), recorded through
// the lifecycle procedures as the API records them.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dispatchLotsInput,
  type RecordedView,
  receiveLotsInput,
  recordCollectionInput,
  recordProcessingInput,
  recordShipmentInput,
  residentIdCheckCharacter,
} from '@alutrace/shared';
import { type RunningServer, startServer } from '../../src/app/start-server';
import { systemActor } from '../../src/auth/principal';
import { loadConfig } from '../../src/config';
import {
  dispatchLots,
  receiveLots,
  recordCollection,
  recordProcessing,
  recordShipment,
} from '../../src/domain/lifecycle/procedures';
import { createSite } from '../../src/domain/sites/create-site';
import { createUser } from '../../src/domain/users/create-user';
import { createLogger } from '../../src/logger';
import { callerOf, lifecycleDeps } from '../../src/routers/lifecycle';

export interface BenchServer extends RunningServer {
  stop(): Promise<void>;
}

/** The real server in this process (the browser is its own process), on a fresh data directory, checkpoints at once. */
export async function startBenchServer(workDir: string | undefined): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(workDir ?? tmpdir(), 'alutrace-bench-web-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ALUTRACE_DATA_DIR: dataDir,
    ALUTRACE_CHECKPOINT_INTERVAL_MS: '0',
    ALUTRACE_LOG_LEVEL: 'warn',
  });
  const running = await startServer(config, createLogger(config.logLevel), { announce: () => undefined });
  return {
    ...running,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function recordShippedIngot(server: RunningServer): Promise<RecordedView['lots'][number]> {
  const { app } = server;
  const cli = systemActor('cli');
  await createSite(app, cli, {
    code: 'PG01',
    kind: 'collection_point',
    nameZh: '平果回收站',
    nameEn: 'Pingguo collection point',
    district: '平果市',
  });
  await createSite(app, cli, {
    code: 'RC01',
    kind: 'recycler',
    nameZh: '平果再生铝',
    nameEn: 'Pingguo recycler',
    park: 'pingguo_industrial',
  });
  await createSite(app, cli, { code: 'BY01', kind: 'buyer', nameZh: '柳州汽车零部件', nameEn: 'Liuzhou auto parts' });
  const as = async (username: string, role: 'operator' | 'recycler', site: string) => {
    const { user } = await createUser(
      app,
      cli,
      { username, displayName: username, role, sites: [site], password: 'correct horse battery staple' },
      { passwordIsFinal: true },
    );
    return callerOf({ ...user, kind: 'user', sites: [site], mustChangePassword: false, sessionId: null });
  };
  const op = await as('op', 'operator', 'PG01');
  const rc = await as('rc', 'recycler', 'RC01');
  const deps = lifecycleDeps(app);
  const residentId = `45102119900307461${residentIdCheckCharacter('45102119900307461')}`;
  const made = [];
  for (const netG of [600_000, 400_000]) {
    const r = await recordCollection(
      deps,
      op,
      recordCollectionInput.parse({
        site: 'PG01',
        grade: 'UBC',
        grossG: netG + 100_000,
        tareG: 100_000,
        deductionG: 0,
        netG,
        sealed: { seller: { kind: 'individual', name: '李明', residentId } },
      }),
    );
    made.push(r.lots[0] as RecordedView['lots'][number]);
  }
  const lots = made.map((l) => ({ lotId: l.lotId, massG: l.massG }));
  const d = await dispatchLots(deps, op, dispatchLotsInput.parse({ site: 'PG01', to: 'RC01', lots, sealed: {} }));
  await receiveLots(
    deps,
    rc,
    receiveLotsInput.parse({
      site: 'RC01',
      dispatchId: d.dispatchId,
      lots: lots.map((l) => ({ lotId: l.lotId, receivedG: l.massG })),
    }),
  );
  const melt = await recordProcessing(
    deps,
    rc,
    recordProcessingInput.parse({
      site: 'RC01',
      process: 'melting',
      inputs: lots.map((l) => ({ lotId: l.lotId, consumedG: l.massG })),
      additions: [{ kind: 'primary_aluminium', massG: 50_000 }],
      outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 900_000 }],
      byproducts: [{ kind: 'dross', massG: 60_000, hazardousWasteCode: 'HW48 321-026-48' }],
    }),
  );
  const ingot = melt.lots[0] as RecordedView['lots'][number];
  await recordShipment(
    deps,
    rc,
    recordShipmentInput.parse({
      site: 'RC01',
      lotId: ingot.lotId,
      buyer: 'BY01',
      chain: 'construction',
      massG: 900_000,
    }),
  );
  return ingot;
}
