// The application: the opened ledger and the services procedures use. One
// instance per server process (and per test).

import { parseVerifierKey, type VerifyReport } from '@alutrace/shared';
import type { Logger } from 'pino';
import { sessionCookieName } from '../auth/authenticate';
import { LoginThrottle } from '../auth/login-throttle';
import { SessionStore } from '../auth/session-store';
import type { Config } from '../config';
import type { AppDb } from '../db/open-database';
import { type DemoMarker, readDemoMarker } from '../demo/demo-marker';
import type { LifecycleRules } from '../domain/lifecycle/context';
import { seedCatalogueOnFirstStart } from '../domain/reference/seed-on-first-start';
import type { Ledger } from '../ledger/ledger';
import { type OpenedLedger, openLedger } from '../ledger/open-ledger';
import { verifyLedger } from '../ledger/verify-ledger';
import { backfillReportAggregates } from '../reports/backfill';
import { seedEmissionFactorsOnFirstStart } from '../reports/emission-factors';
import { SealedVault } from '../sealed/vault';
import { ensureAdmin } from './ensure-admin';

export interface AuthServices {
  sessions: SessionStore;
  throttle: LoginThrottle;
  cookieName: string;
  secureCookies: boolean;
}

export interface App {
  config: Config;
  db: AppDb;
  ledger: Ledger;
  verifierKey: string;
  logger: Logger;
  auth: AuthServices;
  now: () => Date;
  /** Sealed fields at rest (seller, plates, prices), with the key in the data directory. */
  vault: SealedVault;
  rules: LifecycleRules;
  /** Set when the data directory holds generated demo data (`alutrace demo`, demo/demo-marker.ts). */
  demo: DemoMarker | null;
  /** Verifies the whole ledger, or from a trusted checkpoint; concurrent full runs share one pass. */
  verify(options?: { trustedCheckpoint?: string }): Promise<VerifyReport>;
  close(): void;
}

export interface CreateAppOptions {
  /** Where the first-run administrator's password is shown (never the log). */
  announce?: (text: string) => void;
  now?: () => Date;
  /** Create the first administrator when none exists (the server does; the CLI does not). */
  ensureAdmin?: boolean;
}

export async function createApp(config: Config, logger: Logger, options: CreateAppOptions = {}): Promise<App> {
  const now = options.now ?? (() => new Date());
  const opened: OpenedLedger = openLedger({
    dataDir: config.dataDir,
    origin: config.origin,
    checkpointIntervalMs: config.checkpointIntervalMs,
    synchronous: config.sqliteSync,
    now,
    onCheckpointError: (err) => logger.error({ err }, 'signing a deferred checkpoint failed'),
  });
  if (opened.keyCreated) logger.info({ verifierKey: opened.verifierKey }, 'created a new ledger signing key');
  const verifier = parseVerifierKey(opened.verifierKey);
  const vault = new SealedVault(opened.vaultKeys);
  let running: Promise<VerifyReport> | null = null;

  const run = (trustedCheckpoint?: string): Promise<VerifyReport> =>
    verifyLedger(opened.db.$client, {
      verifier,
      origin: config.origin,
      workers: config.verifyWorkers,
      ...(trustedCheckpoint !== undefined ? { trustedCheckpoint } : {}),
    });

  const app: App = {
    config,
    db: opened.db,
    ledger: opened.ledger,
    verifierKey: opened.verifierKey,
    logger,
    now,
    vault,
    rules: { transitTolerancePct: config.transitTolerancePct, meltLossFlagPct: config.meltLossFlagPct },
    demo: readDemoMarker(config.dataDir),
    auth: {
      sessions: new SessionStore(
        opened.db,
        { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
        now,
      ),
      throttle: new LoginThrottle(opened.db, now),
      cookieName: sessionCookieName(config.secureCookies),
      secureCookies: config.secureCookies,
    },
    verify(verifyOptions = {}) {
      if (verifyOptions.trustedCheckpoint !== undefined) return run(verifyOptions.trustedCheckpoint);
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
  try {
    if (options.ensureAdmin !== false) {
      await ensureAdmin(app, options.announce ?? ((text) => process.stdout.write(text)));
    }
    await seedCatalogueOnFirstStart(app);
    await seedEmissionFactorsOnFirstStart(app);
    backfillReportAggregates(app.db);
    // Start with a head that covers everything, the first administrator included.
    app.ledger.signCheckpoint();
  } catch (e) {
    opened.close();
    throw e;
  }
  return app;
}
