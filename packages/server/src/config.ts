// Configuration from environment variables. Every setting has a default
// that works out of the box; a bad value stops start-up with a message that
// names the variable and what it accepts.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ORIGIN, isValidOrigin } from '@alutrace/shared';
import { defaultVerifyWorkers } from './ledger/verify-ledger';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  origin: string;
  /** The address people reach the app at; printed on QR labels (later) and used for the allowed Origin. */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  checkpointIntervalMs: number;
  sqliteSync: 'FULL' | 'NORMAL';
  verifyWorkers: number;
  /** The largest request body accepted, in bytes. */
  bodyLimit: number;
  /** The built web app; when missing, / explains how to build it. */
  webDir: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Cookies are marked Secure when the public URL is https. */
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (sign-in throttling, session list). */
  trustProxy: boolean;
  /** A receipt differing from its dispatch by more than this share (percent) is flagged (DOMAIN.md rule 5). */
  transitTolerancePct: number;
  /** A processing run losing more than this share (percent) is flagged (rule 3). */
  meltLossFlagPct: number;
  /** Sealed seller data older than this many days is erased by `erase-personal-data` without --before. */
  sealedRetentionDays: number;
}

export interface ConfigVariable {
  name: string;
  default: string;
  description: string;
}

/** Documented in the README and by `alutrace serve --help`. */
export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'PORT', default: '8080', description: 'HTTP port to listen on.' },
  { name: 'HOST', default: '0.0.0.0', description: 'Address to listen on (127.0.0.1 for this machine only).' },
  { name: 'ALUTRACE_DATA_DIR', default: './data', description: 'Where the SQLite database and the signing key live.' },
  {
    name: 'ALUTRACE_ORIGIN',
    default: DEFAULT_ORIGIN,
    description: "The checkpoint origin line (the log's name); fixed once the ledger has checkpoints.",
  },
  {
    name: 'ALUTRACE_PUBLIC_URL',
    default: 'http://localhost:PORT',
    description: 'The address people use to reach the app (QR labels, allowed browser Origin).',
  },
  { name: 'ALUTRACE_LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent.' },
  {
    name: 'ALUTRACE_CHECKPOINT_INTERVAL_MS',
    default: '1000',
    description: 'At most one signed checkpoint per this many ms under load; 0 signs after every append.',
  },
  {
    name: 'ALUTRACE_SQLITE_SYNC',
    default: 'FULL',
    description: 'FULL makes every committed entry survive a power cut; NORMAL is faster.',
  },
  {
    name: 'ALUTRACE_VERIFY_WORKERS',
    default: String(defaultVerifyWorkers()),
    description: 'Threads that verify the ledger, the main one included (1 = the main thread only).',
  },
  {
    name: 'ALUTRACE_TRUST_PROXY',
    default: 'false',
    description: 'true behind a reverse proxy: client addresses come from X-Forwarded-For (throttling per address).',
  },
  {
    name: 'ALUTRACE_TRANSIT_TOLERANCE_PCT',
    default: '1',
    description: 'A receipt that differs from its dispatch by more than this percentage is flagged.',
  },
  {
    name: 'ALUTRACE_MELT_LOSS_FLAG_PCT',
    default: '20',
    description: 'A processing run that loses more than this percentage of what went in is flagged.',
  },
  {
    name: 'ALUTRACE_SEALED_RETENTION_DAYS',
    default: '730',
    description: 'How long sealed seller data is kept; `alutrace erase-personal-data` erases older records.',
  },
  { name: 'ALUTRACE_BODY_LIMIT', default: '262144', description: 'The largest request body accepted, in bytes.' },
  {
    name: 'ALUTRACE_WEB_DIR',
    default: 'packages/web/dist',
    description: 'The built web app served at / (`pnpm build` makes it).',
  },
];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${raw} is not valid: use a whole number from ${min} to ${max}.`);
  }
  return n;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name}=${raw} is not valid: use true or false.`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const origin = env.ALUTRACE_ORIGIN || DEFAULT_ORIGIN;
  if (!isValidOrigin(origin)) {
    throw new ConfigError(
      `ALUTRACE_ORIGIN=${origin} is not valid: use a name like "example.org/ledger" without spaces or "+".`,
    );
  }
  const publicUrl = (env.ALUTRACE_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new ConfigError(`ALUTRACE_PUBLIC_URL=${publicUrl} is not valid: use an http:// or https:// address.`);
  }
  const logLevel = (env.ALUTRACE_LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`ALUTRACE_LOG_LEVEL=${logLevel} is not valid: use one of ${LOG_LEVELS.join(', ')}.`);
  }
  const sqliteSync = (env.ALUTRACE_SQLITE_SYNC || 'FULL').toUpperCase();
  if (sqliteSync !== 'FULL' && sqliteSync !== 'NORMAL') {
    throw new ConfigError(`ALUTRACE_SQLITE_SYNC=${sqliteSync} is not valid: use FULL or NORMAL.`);
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(cwd, env.ALUTRACE_DATA_DIR || './data'),
    origin,
    publicUrl,
    logLevel,
    checkpointIntervalMs: integer(env, 'ALUTRACE_CHECKPOINT_INTERVAL_MS', 1000, 0, 3_600_000),
    sqliteSync,
    verifyWorkers: integer(env, 'ALUTRACE_VERIFY_WORKERS', defaultVerifyWorkers(), 0, 64),
    bodyLimit: integer(env, 'ALUTRACE_BODY_LIMIT', 256 * 1024, 1024, 64 * 1024 * 1024),
    webDir: env.ALUTRACE_WEB_DIR ? resolve(cwd, env.ALUTRACE_WEB_DIR) : DEFAULT_WEB_DIR,
    sessionIdleMinutes: integer(env, 'ALUTRACE_SESSION_IDLE_MINUTES', 720, 1, 525_600),
    sessionAbsoluteHours: integer(env, 'ALUTRACE_SESSION_ABSOLUTE_HOURS', 168, 1, 8_760),
    secureCookies: publicUrl.startsWith('https:'),
    trustProxy: boolean(env, 'ALUTRACE_TRUST_PROXY', false),
    transitTolerancePct: integer(env, 'ALUTRACE_TRANSIT_TOLERANCE_PCT', 1, 0, 100),
    meltLossFlagPct: integer(env, 'ALUTRACE_MELT_LOSS_FLAG_PCT', 20, 0, 100),
    sealedRetentionDays: integer(env, 'ALUTRACE_SEALED_RETENTION_DAYS', 730, 1, 36_500),
  };
}
