// Opens the data directory the same way for the server, the CLI and tests:
// the database (created and migrated when missing) and the signing key
// (created on first start, mode 0600).
import { join } from 'node:path';
import { DEFAULT_ORIGIN, formatVerifierKey } from '@alutrace/shared';
import { type AppDb, openDatabase, type SyncMode } from '../db/open-database';
import { projectEntries } from '../projections';
import { Ledger } from './ledger';
import { loadOrCreateSigningKey } from './signing-key';

export const DATABASE_FILE = 'alutrace.db';

export interface OpenLedgerOptions {
  dataDir: string;
  origin?: string;
  checkpointIntervalMs?: number;
  synchronous?: SyncMode;
  now?: () => Date;
  onCheckpointError?: (error: unknown) => void;
}

export interface OpenedLedger {
  db: AppDb;
  ledger: Ledger;
  verifierKey: string;
  keyCreated: boolean;
  /** Signs any pending checkpoint and closes the database. */
  close(): void;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

export function openLedger(options: OpenLedgerOptions): OpenedLedger {
  const origin = options.origin ?? DEFAULT_ORIGIN;
  const { signer, created } = loadOrCreateSigningKey(options.dataDir, origin);
  const db = openDatabase(databasePath(options.dataDir), {
    ...(options.synchronous ? { synchronous: options.synchronous } : {}),
  });
  let ledger: Ledger;
  try {
    ledger = new Ledger({
      db,
      signer,
      origin,
      ...(options.checkpointIntervalMs !== undefined ? { checkpointIntervalMs: options.checkpointIntervalMs } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.onCheckpointError ? { onCheckpointError: options.onCheckpointError } : {}),
      project: projectEntries,
    });
  } catch (e) {
    db.$client.close();
    throw e;
  }
  return {
    db,
    ledger,
    verifierKey: formatVerifierKey(signer),
    keyCreated: created,
    close() {
      ledger.close();
      db.$client.close();
    },
  };
}
