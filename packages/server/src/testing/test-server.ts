// A real server on an ephemeral port with its own data directory, for the
// API and browser tests. Logs are captured in memory so tests can inspect them.
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { readInitialAdminPassword } from '../app/initial-admin-password';
import { type RunningServer, startServer } from '../app/start-server';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { makeTempDir } from './fixtures';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Every log line written so far (JSON). */
  logs: string[];
  /** What the server printed to the console (where the first-run administrator's password is). */
  console: string[];
  /** The first-run administrator's credentials, read from the data directory's initial-admin-password file. */
  admin: { username: string; password: string };
  stop(): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: { now?: () => Date } = {},
): Promise<TestServer> {
  const dataDir = makeTempDir('alutrace-server-');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ALUTRACE_DATA_DIR: dataDir,
    ALUTRACE_CHECKPOINT_INTERVAL_MS: '0',
    ALUTRACE_SQLITE_SYNC: 'NORMAL',
    ALUTRACE_LOG_LEVEL: 'info',
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const consoleLines: string[] = [];
  const running = await startServer(config, createLogger(config.logLevel, sink), {
    announce: (text) => consoleLines.push(text),
    ...(options.now ? { now: options.now } : {}),
  });
  const initial = readInitialAdminPassword(dataDir);
  const admin = { username: initial?.username ?? '', password: initial?.password ?? '' };
  return {
    ...running,
    dataDir,
    logs,
    console: consoleLines,
    admin,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
