// Opens the SQLite database the same way at start-up, in the CLI and in
// tests: WAL journal, foreign keys on, a busy timeout so a CLI command and the
// server can share the file, and the committed migrations applied.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../errors';
import * as schema from './schema';

export type AppDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export type SyncMode = 'FULL' | 'NORMAL';

export interface OpenDatabaseOptions {
  /** Open an existing database for reading only; no migrations are run. */
  readonly?: boolean;
  /**
   * FULL (the default) makes every committed append survive a power cut;
   * NORMAL is faster but may lose the last transactions (never corrupts).
   */
  synchronous?: SyncMode;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Opens (creating and migrating when writable) the database at `file`, or ':memory:'. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): AppDb {
  const memory = file === ':memory:';
  if (options.readonly && !memory && !existsSync(file)) {
    throw new AppError('NOT_FOUND', { what: 'ledger database', id: file });
  }
  if (!memory && !options.readonly) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    makeOwnerOnly(file);
  }
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  if (!options.readonly) {
    if (!memory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  }
  const db = drizzle({ client: sqlite, schema });
  if (!options.readonly) {
    migrate(db, { migrationsFolder });
    // Gives the query planner statistics for the tables that grew (SQLite's advice for a
    // connection that opens; 0x10002 bounds the work), so that a list with several filters
    // walks the selective index rather than the one it guesses.
    if (!memory) sqlite.pragma('optimize = 0x10002');
  }
  return db;
}

/**
 * The database holds password hashes and, later, sealed personal data: only
 * its owner may read it. SQLite gives the -wal and -shm files the mode of
 * the database file, so creating that one 0600 (before SQLite does, with the
 * umask's mode) covers all three; older installations are narrowed here too.
 */
function makeOwnerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && statSync(f).mode & 0o077) chmodSync(f, 0o600);
  }
}
