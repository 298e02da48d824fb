// The application: the opened ledger and the services procedures use. One
// instance per server process (and per test).
import { parseVerifierKey, type VerifyReport } from '@alutrace/shared';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { AppDb } from '../db/open-database';
import type { Ledger } from '../ledger/ledger';
import { type OpenedLedger, openLedger } from '../ledger/open-ledger';
import { verifyLedger } from '../ledger/verify-ledger';

export interface App {
  config: Config;
  db: AppDb;
  ledger: Ledger;
  verifierKey: string;
  logger: Logger;
  /** Verifies the whole ledger, or from a trusted checkpoint; concurrent full runs share one pass. */
  verify(options?: { trustedCheckpoint?: string }): Promise<VerifyReport>;
  close(): void;
}

export function createApp(config: Config, logger: Logger): App {
  const opened: OpenedLedger = openLedger({
    dataDir: config.dataDir,
    origin: config.origin,
    checkpointIntervalMs: config.checkpointIntervalMs,
    synchronous: config.sqliteSync,
    onCheckpointError: (err) => logger.error({ err }, 'signing a deferred checkpoint failed'),
  });
  if (opened.keyCreated) logger.info({ verifierKey: opened.verifierKey }, 'created a new ledger signing key');
  const verifier = parseVerifierKey(opened.verifierKey);
  let running: Promise<VerifyReport> | null = null;

  const run = (trustedCheckpoint?: string): Promise<VerifyReport> =>
    verifyLedger(opened.db.$client, {
      verifier,
      origin: config.origin,
      workers: config.verifyWorkers,
      ...(trustedCheckpoint !== undefined ? { trustedCheckpoint } : {}),
    });

  return {
    config,
    db: opened.db,
    ledger: opened.ledger,
    verifierKey: opened.verifierKey,
    logger,
    verify(options = {}) {
      if (options.trustedCheckpoint !== undefined) return run(options.trustedCheckpoint);
      if (!running) {
        running = run().finally(() => {
          running = null;
        });
      }
      return running;
    },
    close() {
      opened.close();
    },
  };
}
