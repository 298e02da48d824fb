import { closeOnSignals, startServer } from '../../app/start-server';
import { CONFIG_VARIABLES, loadConfig } from '../../config';
import { createLogger } from '../../logger';
import { type Command, EXIT_OK } from '../cli-kit';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the server (API, web app, health check)',
  usage: [
    'alutrace serve',
    '',
    'Starts the server on its SQLite database in the data directory, creating',
    'the database and the signing key on first start. Configuration comes from',
    'environment variables:',
    '',
    ...CONFIG_VARIABLES.map((v) => `  ${v.name.padEnd(34)} ${v.description} (default: ${v.default})`),
  ].join('\n'),
  options: {},
  async run(_args, io) {
    const config = loadConfig(io.env, io.cwd);
    const logger = createLogger(config.logLevel);
    const running = await startServer(config, logger);
    closeOnSignals(running, logger);
    io.out(`alutrace is running at ${config.publicUrl} (listening on ${config.host}:${config.port})`);
    io.out(`  data directory  ${config.dataDir}`);
    io.out(`  verifier key    ${running.app.verifierKey}`);
    io.out('  stop with Ctrl+C');
    // Keep running until a signal closes the server.
    await new Promise(() => {});
    return EXIT_OK;
  },
};
