import type { App } from '../../app/create-app';
import { createApp } from '../../app/create-app';
import { loadConfig } from '../../config';
import { createLogger } from '../../logger';
import type { CliIo, ParsedArgs } from '../cli-kit';
import { dataDirOf } from './data-dir';

/** Opens the data directory for a command that records changes (the server may be running). */
export async function openApp<T>(args: ParsedArgs, io: CliIo, work: (app: App) => Promise<T> | T): Promise<T> {
  const config = loadConfig(
    { ...io.env, ALUTRACE_DATA_DIR: dataDirOf(args, io), ALUTRACE_CHECKPOINT_INTERVAL_MS: '0' },
    io.cwd,
  );
  const app = await createApp(config, createLogger('warn'), { ensureAdmin: false });
  try {
    return await work(app);
  } finally {
    app.close();
  }
}

/** Reads a password from standard input (the first line), for scripts. */
export async function readPasswordFromStdin(io: CliIo): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  return text.replace(/\r?\n.*$/s, '');
}
