// A real server on an ephemeral port with its own data directory, for the
// API and browser tests. Logs are captured in memory so tests can inspect them.
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { type RunningServer, startServer } from '../app/start-server';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { makeTempDir } from './fixtures';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Every log line written so far (JSON). */
  logs: string[];
  /** What the server printed to the console (the first-run administrator's password). */
  console: string[];
  /** The first-run administrator's credentials. */
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
  const printed = consoleLines.join('');
  const admin = {
    username: /username \/ 用户名:\s+(\S+)/.exec(printed)?.[1] ?? '',
    password: /password \/ 密码:\s+(\S+)/.exec(printed)?.[1] ?? '',
  };
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
