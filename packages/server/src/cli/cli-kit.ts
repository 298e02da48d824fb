// What every command shares: argument parsing with --help, exit codes, and
// errors a person can act on (in English and Chinese).
import { type ParseArgsConfig, parseArgs } from 'node:util';

export const EXIT_OK = 0;
/** The ledger or file was altered or is inconsistent. */
export const EXIT_FAILED = 1;
/** Wrong usage, or a file or database could not be read. */
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: NodeJS.ReadableStream;
}

export function parse(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function str(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** A validation failure of command-line input, as one line naming the options. */
export function usageFromIssues(issues: { path: PropertyKey[]; message: string }[]): UsageError {
  return new UsageError(issues.map((i) => `--${i.path.map(String).join('.')}: ${i.message}`).join('; '));
}
