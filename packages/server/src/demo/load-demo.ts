// `alutrace demo`: a year of the Baise base generated into an empty data
// directory through the same domain functions and rules as the API (no
// table is written directly): sites and demo users made by an
// administrator, then every collection, truck, run, shipment and dross
// route of the simulated year, each checked by the rules before it is
// appended. Deterministic: the same seed and days give the same lots with
// the same ids and masses (salts, run and dispatch ids stay random, as the
// domain makes them).
//
// The load opens the database with synchronous NORMAL (a bulk load that
// fails half-way is started again in a new directory, so it needs no fsync
// per commit), and ends with a WAL checkpoint, which syncs the database file.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createSiteInput, createUserInput } from '@alutrace/shared';
import { desc, sql } from 'drizzle-orm';
import { type App, createApp } from '../app/create-app';
import { systemActor } from '../auth/principal';
import { loadConfig } from '../config';
import { ledgerEntries } from '../db/schema';
import type { Caller } from '../domain/lifecycle/context';
import { createSite } from '../domain/sites/create-site';
import { createUser } from '../domain/users/create-user';
import { createLogger } from '../logger';
import { lifecycleDeps } from '../routers/lifecycle';
import { collectionFactor, DEMO_DAYS, DEMO_START, demoDay, instantAt } from './calendar';
import type { DemoAnomalies } from './demo-anomalies';
import { readDemoMarker, writeDemoMarker } from './demo-marker';
import { defineDemoPlan } from './demo-plan';
import { ALL_SITES, COLLECTION_POINTS, type DemoUser, demoUsers } from './demo-world';
import { simulateYear } from './simulate-year';

export const DEFAULT_DEMO_SEED = 20251201;

export interface LoadDemoOptions {
  dataDir: string;
  days?: number;
  seed?: number;
  /** The environment for the configuration (origin, checkpoint interval); tolerances are the defaults. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** `(done, total)` in ledger entries; the total is an estimate until the end. */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  dataDir: string;
  seed: number;
  days: number;
  from: string;
  to: string;
  entries: number;
  rootHash: string;
  byKind: { kind: string; count: number }[];
  users: DemoUser[];
  anomalies: DemoAnomalies;
  elapsedMs: number;
}

/** The directory is not new or empty: nothing was written. */
export class DemoTargetNotEmpty extends Error {
  override readonly name = 'DemoTargetNotEmpty';
  constructor(
    readonly dataDir: string,
    readonly files: string[],
  ) {
    super(
      `${dataDir} is not empty (${files.slice(0, 4).join(', ')}${files.length > 4 ? ', …' : ''}). ` +
        'The demo loads only into a new or empty directory, so that generated records never mix with a real ledger: ' +
        'pass another --data-dir (e.g. ./data-demo), or delete this directory first.',
    );
  }
}

/** What is in `dataDir`: null when it does not exist, else its entries. */
export function dataDirContents(dataDir: string): string[] | null {
  if (!existsSync(dataDir)) return null;
  if (!statSync(dataDir).isDirectory()) return [dataDir];
  return readdirSync(dataDir).sort();
}

/** Whether `dataDir` holds a demo that finished loading. */
export function holdsCompleteDemo(dataDir: string): boolean {
  return readDemoMarker(dataDir)?.complete === true && existsSync(`${dataDir}/alutrace.db`);
}

/** Entries a load of `days` makes, roughly: for the progress line's estimate of time left. */
export function estimateEntries(days: number, start = DEMO_START): number {
  let collections = 0;
  for (let d = 0; d < days; d++) {
    const f = collectionFactor(demoDay(start, d));
    for (const cp of COLLECTION_POINTS) collections += cp.perDay * f;
  }
  return Math.round(collections * ENTRIES_PER_COLLECTION) + 60;
}

/** Entries of every kind per collection, as measured over the full year. */
const ENTRIES_PER_COLLECTION = 1.98;

export async function loadDemo(options: LoadDemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const days = options.days ?? DEMO_DAYS;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(days) || days < 1 || days > DEMO_DAYS) throw new RangeError(`days runs from 1 to ${DEMO_DAYS}`);
  const contents = dataDirContents(options.dataDir);
  if (contents !== null && contents.length > 0) throw new DemoTargetNotEmpty(options.dataDir, contents);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const from = DEMO_START;
  const to = demoDay(DEMO_START, days - 1).date;
  const marker = {
    kind: 'alutrace-demo',
    version: 1,
    complete: false,
    seed,
    from,
    to,
    days,
    loadedAt: new Date().toISOString(),
    entries: null,
  } as const;
  // Marked before anything else is written: a load that fails half-way still reads as demo data.
  writeDemoMarker(options.dataDir, marker);

  // The simulated clock: the day before the first demo day for the set-up, then each slot's end.
  let clock = instantAt(demoDay(DEMO_START, -1), 9 * 3600);
  const config = loadConfig(
    {
      ...(options.env ?? {}),
      ALUTRACE_DATA_DIR: options.dataDir,
      ALUTRACE_SQLITE_SYNC: 'NORMAL',
      ALUTRACE_TRANSIT_TOLERANCE_PCT: '1',
      ALUTRACE_MELT_LOSS_FLAG_PCT: '20',
    },
    options.cwd ?? process.cwd(),
  );
  const app = await createApp(config, createLogger('warn'), { ensureAdmin: false, now: () => clock });
  try {
    const total = estimateEntries(days);
    const { callers, admin } = await setUpBase(app);
    await defineDemoPlan(app, admin);
    options.onProgress?.(app.ledger.size, total);
    const anomalies = await simulateYear({
      deps: lifecycleDeps(app),
      callers,
      setClock: (at) => {
        clock = at;
      },
      seed,
      start: DEMO_START,
      days,
      onSlot: () => options.onProgress?.(app.ledger.size, total),
    });
    const head = app.ledger.signCheckpoint();
    options.onProgress?.(head.treeSize, head.treeSize);
    // Everything into the database file, synced: the WAL is empty when the server first opens it.
    app.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const byKind = app.db
      .select({ kind: ledgerEntries.kind, count: sql<number>`count(*)` })
      .from(ledgerEntries)
      .groupBy(ledgerEntries.kind)
      .orderBy(desc(sql`count(*)`), ledgerEntries.kind)
      .all();
    writeDemoMarker(options.dataDir, { ...marker, complete: true, entries: head.treeSize });
    return {
      dataDir: options.dataDir,
      seed,
      days,
      from,
      to,
      entries: head.treeSize,
      rootHash: head.rootHash,
      byKind,
      users: demoUsers(),
      anomalies,
      elapsedMs: performance.now() - started,
    };
  } finally {
    app.close();
  }
}

/** The administrator first (as `alutrace user add` would), then the sites and the other demo users, made by it. */
async function setUpBase(app: App): Promise<{ callers: Map<string, Caller>; admin: { type: 'user'; id: string } }> {
  const users = demoUsers();
  const admin = users.find((u) => u.role === 'admin') as DemoUser;
  const made = await createUser(app, systemActor('cli'), createUserInput.parse(admin), { passwordIsFinal: true });
  const actor = { type: 'user' as const, id: made.user.id };
  await Promise.all(ALL_SITES.map((site) => createSite(app, actor, createSiteInput.parse(site))));
  const others = await Promise.all(
    users
      .filter((u) => u !== admin)
      .map((u) => createUser(app, actor, createUserInput.parse(u), { passwordIsFinal: true })),
  );
  const callers = new Map<string, Caller>();
  for (const { user } of others) {
    for (const site of user.sites) {
      callers.set(site, { actor: { type: 'user', id: user.id }, scope: `user:${user.id}`, isAdmin: false });
    }
  }
  return { callers, admin: actor };
}
