// The servers the `http` scenario loads, in a process of their own so that
// the load generator and the server never share an event loop:
//
//   node --import tsx bench/http/server-child.ts WORK_DIR
//
// Creates an administrator with the CLI (as a scripted setup would), starts
// the real server on 127.0.0.1 with its production defaults (synchronous
// FULL, checkpoint interval 1 s, log level info; logs go to WORK_DIR/server.log),
// and a bare Fastify server beside it in the same process as the baseline.
// Talks to the parent over IPC: it sends `ready`, and answers
// `profile-start` / `profile-stop` with a V8 CPU profile of itself.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { startServer } from '../../src/app/start-server';
import { runCli } from '../../src/cli/main';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { BENCH_USER, type ChildMessage, type ParentMessage } from './child-protocol';

async function main(workDir: string): Promise<void> {
  const send = (m: ChildMessage): void => {
    process.send?.(m);
  };
  const dataDir = join(workDir, 'data');
  const cliOut: string[] = [];
  const code = await runCli(
    ['user', 'add', '--username', BENCH_USER.username, '--role', 'admin', '--password-stdin', '--data-dir', dataDir],
    {
      out: (t) => cliOut.push(t),
      err: (t) => cliOut.push(t),
      env: {},
      cwd: workDir,
      stdin: Readable.from([`${BENCH_USER.password}\n`]),
    },
  );
  if (code !== 0) throw new Error(`alutrace user add failed (exit ${code}): ${cliOut.join('\n')}`);

  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ALUTRACE_DATA_DIR: dataDir, ALUTRACE_SQLITE_SYNC: 'FULL' });
  const logFile = join(workDir, 'server.log');
  const logger = createLogger(config.logLevel, pino.destination({ dest: logFile, sync: true }));
  const running = await startServer(config, logger, { announce: () => {} });

  const bare = Fastify();
  bare.get('/', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  const barePort = typeof address === 'object' && address ? address.port : 0;

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });

  process.on('message', (m: ParentMessage) => {
    void (async () => {
      if (m.type === 'profile-start') {
        await session.post('Profiler.start');
        send({ type: 'profiling' });
      } else if (m.type === 'profile-stop') {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(m.file, JSON.stringify(profile));
        send({ type: 'profiled', file: m.file });
      } else if (m.type === 'usage') {
        const cpu = process.cpuUsage();
        const { transactions, appends } = running.app.ledger.groupStats;
        send({
          type: 'usage',
          cpuMicros: cpu.user + cpu.system,
          groupTransactions: transactions,
          groupAppends: appends,
        });
      } else if (m.type === 'stop') {
        session.disconnect();
        await bare.close();
        await running.close();
        process.disconnect?.();
      }
    })().catch((e: unknown) => send({ type: 'failed', message: String((e as Error).stack ?? e) }));
  });
  send({ type: 'ready', url: running.url, bareUrl: `http://127.0.0.1:${barePort}`, dataDir, logFile });
}

const [workDir] = process.argv.slice(2);
if (!workDir) {
  console.error('usage: server-child.ts WORK_DIR');
  process.exit(2);
}
main(workDir).catch((e: unknown) => {
  process.send?.({ type: 'failed', message: String((e as Error).stack ?? e) } satisfies ChildMessage);
  process.exitCode = 1;
});
