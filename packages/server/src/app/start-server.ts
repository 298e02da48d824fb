// Starts the server: opens the data directory, listens, and shuts down
// cleanly on SIGINT/SIGTERM (in-flight requests finish, a pending checkpoint
// is signed, the database is closed).
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { buildServer } from '../http/build-server';
import { type App, type CreateAppOptions, createApp } from './create-app';

export interface RunningServer {
  app: App;
  server: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  logger: Logger,
  options: CreateAppOptions = {},
): Promise<RunningServer> {
  const app = await createApp(config, logger, options);
  let server: FastifyInstance;
  try {
    server = await buildServer(app);
    await server.listen({ port: config.port, host: config.host });
  } catch (e) {
    app.close();
    throw e;
  }
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    app,
    server,
    url,
    close() {
      closing ??= server.close().then(() => app.close());
      return closing;
    },
  };
}

/** Closes the server on SIGINT or SIGTERM, then exits. */
export function closeOnSignals(running: RunningServer, logger: Logger): void {
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
