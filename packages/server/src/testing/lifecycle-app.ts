// A real application on a temporary data directory for the server's own
// domain tests: createApp as the server opens it (logs silenced, checkpoints
// after every append), a small network of sites, and lifecycle callers as
// the router makes them from API tokens. Material moves through the same
// domain procedures the API calls.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedView, SiteKind } from '@alutrace/shared';
import pino from 'pino';
import { type App, createApp } from '../app/create-app';
import { systemActor } from '../auth/principal';
import { loadConfig } from '../config';
import type { Caller, LifecycleDeps } from '../domain/lifecycle/context';
import {
  dispatchLots,
  receiveLots,
  recordCollection,
  recordCorrection,
  recordProcessing,
} from '../domain/lifecycle/procedures';
import { createSite } from '../domain/sites/create-site';
import { callerOf, lifecycleDeps } from '../routers/lifecycle';

export interface LifecycleApp {
  app: App;
  deps: LifecycleDeps;
  /** A device (API token) of each site: PG01, PG02 collection points, RC01 recycler, UT01 utiliser, BY01 buyer. */
  at(site: string): Caller;
  close(): void;
}

const SITES: [string, SiteKind, string, string][] = [
  ['PG01', 'collection_point', '平果回收站', 'Pingguo collection point'],
  ['PG02', 'collection_point', '德保回收站', 'Debao collection point'],
  ['RC01', 'recycler', '平果再生铝', 'Pingguo recycler'],
  ['UT01', 'utiliser', '平果铝灰利用', 'Pingguo dross utiliser'],
  ['BY01', 'buyer', '柳州汽车零部件', 'Liuzhou auto parts'],
];

const ROLE_OF: Record<string, 'operator' | 'recycler' | 'utiliser'> = {
  collection_point: 'operator',
  recycler: 'recycler',
  utiliser: 'utiliser',
};

export async function openLifecycleApp(options: { now?: () => Date } = {}): Promise<LifecycleApp> {
  // Not fixtures.ts's makeTempDir: that module needs a Vitest run, and benchmarks use this one too.
  const dataDir = mkdtempSync(join(tmpdir(), 'alutrace-domain-'));
  const config = loadConfig({
    ALUTRACE_DATA_DIR: dataDir,
    ALUTRACE_SQLITE_SYNC: 'NORMAL',
    ALUTRACE_CHECKPOINT_INTERVAL_MS: '0',
    ALUTRACE_LOG_LEVEL: 'silent',
    ALUTRACE_VERIFY_WORKERS: '1',
  });
  const app = await createApp(config, pino({ level: 'silent' }), {
    ensureAdmin: false,
    ...(options.now ? { now: options.now } : {}),
  });
  for (const [code, kind, nameZh, nameEn] of SITES) {
    await createSite(app, systemActor('cli'), { code, kind, nameZh, nameEn, district: '平果市' });
  }
  const callers = new Map<string, Caller>();
  return {
    app,
    deps: lifecycleDeps(app),
    at(site) {
      let caller = callers.get(site);
      if (!caller) {
        const kind = SITES.find((s) => s[0] === site)?.[1] ?? 'recycler';
        caller = callerOf({
          kind: 'token',
          id: randomUUID(),
          name: `${site} device`,
          role: ROLE_OF[kind] ?? 'recycler',
          sites: [site],
          createdBy: randomUUID(),
        });
        callers.set(site, caller);
      }
      return caller;
    },
    close() {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const SELLER = { kind: 'individual', name: '李明', residentId: '451002198506151230' } as const;

/** A collection lot of `netG` at a collection point (gross = net + 100 kg tare). */
export function collect(
  w: LifecycleApp,
  site: string,
  netG: number,
  options: { grade?: string; sourceClass?: 'post_consumer' | 'pre_consumer' } = {},
): Promise<RecordedView> {
  return recordCollection(w.deps, w.at(site), {
    site,
    grade: options.grade ?? 'UBC',
    ...(options.sourceClass ? { sourceClass: options.sourceClass } : {}),
    grossG: netG + 100_000,
    tareG: 100_000,
    deductionG: 0,
    netG,
    photoHashes: [],
    sealed: { seller: SELLER, vehiclePlate: '桂L·12345' },
  });
}

/** Sends whole lots from a site to a recycler and receives them there, each with the mass given (default: as sent). */
export async function deliver(
  w: LifecycleApp,
  from: string,
  to: string,
  sent: { lotId: string; massG: number; receivedG?: number }[],
): Promise<void> {
  const d = await dispatchLots(w.deps, w.at(from), {
    site: from,
    to,
    lots: sent.map((l) => ({ lotId: l.lotId, massG: l.massG })),
    sealed: {},
  });
  await receiveLots(w.deps, w.at(to), {
    site: to,
    dispatchId: d.dispatchId as string,
    lots: sent.map((l) => ({ lotId: l.lotId, receivedG: l.receivedG ?? l.massG })),
    sealed: {},
  });
}

export interface RunSpec {
  process?: 'sorting' | 'shredding' | 'melting' | 'refining' | 'casting';
  inputs: { lotId: string; consumedG: number }[];
  additionsG?: number;
  /** Outputs in order: sorted scrap (grade) or metal (alloy). */
  outputs: { massG: number; form?: 'sorted_scrap' | 'ingot' | 'liquid'; grade?: string; alloy?: string }[];
  byproducts?: number[];
}

/** A processing run at a recycler; its made lots come back in the order given (outputs, then by-products). */
export function run(w: LifecycleApp, site: string, spec: RunSpec): Promise<RecordedView> {
  return recordProcessing(w.deps, w.at(site), {
    site,
    process: spec.process ?? 'melting',
    inputs: spec.inputs,
    additions: spec.additionsG ? [{ kind: 'primary_aluminium', massG: spec.additionsG }] : [],
    outputs: spec.outputs.map((o) => {
      const form = o.form ?? 'ingot';
      return form === 'sorted_scrap'
        ? { form, grade: o.grade ?? 'UBC', alloy: null, massG: o.massG }
        : { form, grade: null, alloy: o.alloy ?? 'ADC12', massG: o.massG };
    }),
    byproducts: (spec.byproducts ?? []).map((massG) => ({ kind: 'dross', massG, hazardousWasteCode: null })),
    sealed: {},
  });
}

/** Declares an entry wrong (its author's site and device). */
export function correct(w: LifecycleApp, site: string, recorded: RecordedView): Promise<RecordedView> {
  return recordCorrection(w.deps, w.at(site), {
    site,
    targetSeq: recorded.seq,
    targetLeafHash: recorded.leafHashes[0] as string,
    reason: 'weighing_error',
    sealed: {},
  });
}
