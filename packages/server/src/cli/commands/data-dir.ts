import { resolve } from 'node:path';
import type { CliIo, ParsedArgs } from '../cli-kit';
import { str } from '../cli-kit';

export const dataDirOption = { 'data-dir': { type: 'string' as const } };

export const DATA_DIR_HELP = '  --data-dir DIR   the data directory (default: $ALUTRACE_DATA_DIR or ./data)';

export function dataDirOf(args: ParsedArgs, io: CliIo): string {
  return resolve(io.cwd, str(args, 'data-dir') ?? io.env.ALUTRACE_DATA_DIR ?? './data');
}
