// Opens the data directory the same way for the server, the CLI and tests:
// the database (created and migrated when missing) and the signing key
// (created on first start, mode 0600).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ORIGIN, formatVerifierKey } from '@alutrace/shared';
import { type AppDb, openDatabase, type SyncMode } from '../db/open-database';
import { sealedRecords } from '../db/schema';
import { projectEntries } from '../projections';
import { loadOrCreateVaultKeys, sealedKeyPath, type VaultKeys } from '../sealed/vault-key';
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
  /** The sealed-data keys (the `sealed-key` file, created with the data directory). */
  vaultKeys: VaultKeys;
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
  let vaultKeys: VaultKeys;
  try {
    vaultKeys = openVaultKeys(options.dataDir, db);
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
    vaultKeys,
    close() {
      ledger.close();
      db.$client.close();
    },
  };
}

/**
 * The sealed-data key. A new one is made only for a ledger with no sealed
 * records yet: one made beside existing records would silently make them
 * unreadable (a restore that left the key behind, say).
 */
function openVaultKeys(dataDir: string, db: AppDb): VaultKeys {
  if (!existsSync(sealedKeyPath(dataDir))) {
    const held = db.select({ seq: sealedRecords.seq }).from(sealedRecords).limit(1).get();
    if (held) {
      throw new Error(
        `${sealedKeyPath(dataDir)} is missing, but the database holds sealed records encrypted with it. ` +
          'Restore the sealed-key file from the backup the database came from.',
      );
    }
  }
  return loadOrCreateVaultKeys(dataDir).keys;
}
