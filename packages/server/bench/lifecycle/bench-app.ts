// The application the domain-level benchmarks drive: createApp on a data
// directory, as the server opens it (logs silenced), with a network of
// sites created through the domain (createSite) and callers shaped as the
// router makes them from an API token (callerOf).
import type { SiteKind } from '@alutrace/shared';
import pino from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { type App, createApp } from '../../src/app/create-app';
import type { Principal } from '../../src/auth/principal';
import { systemActor } from '../../src/auth/principal';
import { loadConfig } from '../../src/config';
import type { SyncMode } from '../../src/db/open-database';
import type { Caller, LifecycleDeps } from '../../src/domain/lifecycle/context';
import { createSite } from '../../src/domain/sites/create-site';
import { callerOf, lifecycleDeps } from '../../src/routers/lifecycle';

export interface BenchAppOptions {
  synchronous: SyncMode;
  /** The clock of the ledger and the procedures (default: the real one). */
  now?: () => Date;
}

export async function openBenchApp(dataDir: string, options: BenchAppOptions): Promise<App> {
  const config = loadConfig({
    ALUTRACE_DATA_DIR: dataDir,
    ALUTRACE_SQLITE_SYNC: options.synchronous,
    ALUTRACE_LOG_LEVEL: 'silent',
    ALUTRACE_VERIFY_WORKERS: '1',
  });
  return createApp(config, pino({ level: 'silent' }), {
    ensureAdmin: false,
    ...(options.now ? { now: options.now } : {}),
  });
}

export interface SiteSpec {
  code: string;
  kind: SiteKind;
}

const NAMES: Record<SiteKind, { zh: string; en: string }> = {
  collection_point: { zh: '回收站', en: 'collection point' },
  recycler: { zh: '再生铝厂', en: 'recycler' },
  utiliser: { zh: '铝灰利用', en: 'dross utiliser' },
  buyer: { zh: '铝材买方', en: 'buyer' },
  authority: { zh: '主管部门', en: 'authority' },
};

export async function createSites(app: App, specs: readonly SiteSpec[]): Promise<void> {
  const actor = systemActor('cli');
  // Concurrently, so that they share group commits as a script's would not: setup, not measured.
  await Promise.all(
    specs.map((s) =>
      createSite(app, actor, {
        code: s.code,
        kind: s.kind,
        nameZh: `${s.code} ${NAMES[s.kind].zh}`,
        nameEn: `${s.code} ${NAMES[s.kind].en}`,
        district: '平果市',
        ...(s.kind === 'recycler' ? { park: 'pingguo_industrial' as const } : {}),
      }),
    ),
  );
}

/** The caller the router makes for an API token of `role` at `site` (src/routers/lifecycle.ts callerOf). */
export function tokenCaller(role: 'operator' | 'recycler' | 'utiliser', site: string): Caller {
  const principal: Principal = {
    kind: 'token',
    id: uuidv7(),
    name: `${site} bench device`,
    role,
    sites: [site],
    createdBy: uuidv7(),
  };
  return callerOf(principal);
}

export function depsOf(app: App): LifecycleDeps {
  return lifecycleDeps(app);
}
