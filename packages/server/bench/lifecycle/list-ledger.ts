// The large ledger lots.list is measured on: built once through the domain
// (list-network.ts, synchronous NORMAL, group commit) into
// bench/data/cache/lots-list-N/ and reused while it is valid: the same
// builder version, the same migrations, the same number of entries as its
// manifest says. A build goes to a scratch directory renamed into place at
// the end, so a build that was interrupted never looks valid.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { databasePath } from '../../src/ledger/open-ledger';
import { openBenchApp } from './bench-app';
import { childProgress } from './child';
import { ListNetwork, type ListNetworkSites, listNetworkSites } from './list-network';

/** Bump when the builder makes a different ledger. */
const BUILDER_VERSION = 1;
const CACHE_DIR = fileURLToPath(new URL('../data/cache', import.meta.url));
const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface ListLedgerManifest {
  builderVersion: number;
  /** SHA-256 of the migration files the database was made with. */
  migrations: string;
  /** Entries asked for, and entries the ledger holds (the last simulated day finishes). */
  events: number;
  entries: number;
  days: number;
  firstDay: string;
  lots: number;
  sites: ListNetworkSites;
  builtAt: string;
  buildMs: number;
}

export interface ListLedger {
  dataDir: string;
  manifest: ListLedgerManifest;
  /** Built in this run (false: reused from the cache). */
  built: boolean;
}

export function listLedgerDir(events: number): string {
  return join(CACHE_DIR, `lots-list-${events}`);
}

/** The cached ledger for `events` when it is valid, else null (and why, for the report). */
export function cachedListLedger(events: number): { ledger: ListLedger | null; reason: string } {
  const dir = listLedgerDir(events);
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return { ledger: null, reason: 'no cached ledger' };
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as ListLedgerManifest;
  if (manifest.builderVersion !== BUILDER_VERSION) return { ledger: null, reason: 'built by another builder version' };
  if (manifest.migrations !== migrationsHash()) return { ledger: null, reason: 'the migrations have changed' };
  const dataDir = join(dir, 'data');
  let entries = -1;
  try {
    const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
    entries = (db.prepare('SELECT coalesce(max(seq) + 1, 0) AS n FROM ledger_entries').get() as { n: number }).n;
    db.close();
  } catch {
    return { ledger: null, reason: 'its database cannot be read' };
  }
  if (entries !== manifest.entries)
    return { ledger: null, reason: `it holds ${entries} entries, not ${manifest.entries}` };
  return { ledger: { dataDir, manifest, built: false }, reason: 'valid' };
}

/** In a child process: builds the ledger for `events` into the cache, replacing what was there. */
export async function buildListLedger(events: number): Promise<ListLedger> {
  const dir = listLedgerDir(events);
  const scratch = `${dir}.building-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const t0 = performance.now();
  const clock = { ms: 0 };
  const app = await openBenchApp(join(scratch, 'data'), { synchronous: 'NORMAL', now: () => new Date(clock.ms) });
  let simulated: { days: number; entries: number };
  let lots: number;
  try {
    const network = await ListNetwork.create(app, clock);
    let lastReport = t0;
    simulated = await network.run(events, (day, entries) => {
      const now = performance.now();
      if (now - lastReport < 10_000 && entries < events) return;
      lastReport = now;
      const rate = entries / ((now - t0) / 1000);
      const left = Math.max(0, (events - entries) / rate);
      childProgress(
        `  day ${day}: ${entries.toLocaleString('en-US')} entries, ${Math.round(rate).toLocaleString('en-US')}/s, ` +
          `about ${Math.ceil(left / 60)} min left`,
      );
    });
    lots = (app.db.$client.prepare('SELECT count(*) AS n FROM lots').get() as { n: number }).n;
  } finally {
    app.close();
  }
  const manifest: ListLedgerManifest = {
    builderVersion: BUILDER_VERSION,
    migrations: migrationsHash(),
    events,
    entries: simulated.entries,
    days: simulated.days,
    firstDay: '2025-10-01',
    lots,
    sites: listNetworkSites(),
    builtAt: new Date().toISOString(),
    buildMs: performance.now() - t0,
  };
  writeFileSync(join(scratch, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch, dir);
  return { dataDir: join(dir, 'data'), manifest, built: true };
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_DIR)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name)));
  }
  return hash.digest('hex');
}
