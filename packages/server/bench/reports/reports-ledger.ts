// The large ledger the reports are measured on: the lifecycle benchmark's
// 1,000,000-event ledger (bench/lifecycle/list-ledger.ts, a year of 36
// collection points, 6 recyclers, 2 utilisers and 3 buyers), copied into
// bench/data/cache/reports-N/ and opened once by the app, which migrates it
// and fills the report aggregates from the log (reports/backfill.ts, the
// same replay as `alutrace rebuild`). Reused while the source ledger and the
// migrations are the same; the source is built first when there is none.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchApp } from '../lifecycle/bench-app';
import { buildListLedger, type ListLedgerManifest, listLedgerDir } from '../lifecycle/list-ledger';

const CACHE_DIR = fileURLToPath(new URL('../data/cache', import.meta.url));
const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));
const PROJECTIONS_DIR = fileURLToPath(new URL('../../src/projections', import.meta.url));

export interface ReportsLedgerManifest {
  source: ListLedgerManifest;
  migrations: string;
  preparedAt: string;
  /** Opening the copy: migrations and the derived tables rebuilt from the log. */
  prepareMs: number;
}

export interface ReportsLedger {
  dataDir: string;
  manifest: ReportsLedgerManifest;
  prepared: boolean;
}

/** The migrations and the projections: when either changes, the aggregates are filled again. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const [dir, ext] of [
    [MIGRATIONS_DIR, '.sql'],
    [PROJECTIONS_DIR, '.ts'],
  ] as const) {
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith(ext))
      .sort()) {
      hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex');
}

export async function reportsLedger(
  events: number,
  rebuild: boolean,
  progress: (message: string) => void,
): Promise<ReportsLedger> {
  const dir = join(CACHE_DIR, `reports-${events}`);
  const manifestFile = join(dir, 'manifest.json');
  if (!rebuild && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ReportsLedgerManifest;
    if (manifest.migrations === migrationsHash()) return { dataDir: join(dir, 'data'), manifest, prepared: false };
    progress('reports: the migrations or projections have changed since the cached copy was made; preparing it again');
  }
  const sourceDir = listLedgerDir(events);
  let source: ListLedgerManifest;
  if (existsSync(join(sourceDir, 'manifest.json'))) {
    source = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as ListLedgerManifest;
  } else {
    progress(`reports: building the ${events}-event lifecycle ledger first (about 20 minutes, once)`);
    source = (await buildListLedger(events)).manifest;
  }
  const scratch = `${dir}.preparing-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  progress(`reports: copying ${sourceDir} and filling the report aggregates from its log`);
  const t0 = performance.now();
  cpSync(join(sourceDir, 'data'), join(scratch, 'data'), { recursive: true });
  const app = await openBenchApp(join(scratch, 'data'), { synchronous: 'NORMAL' });
  app.close();
  const manifest: ReportsLedgerManifest = {
    source,
    migrations: migrationsHash(),
    preparedAt: new Date().toISOString(),
    prepareMs: performance.now() - t0,
  };
  writeFileSync(join(scratch, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch, dir);
  return { dataDir: join(dir, 'data'), manifest, prepared: true };
}
