// Runs the CLI in-process and captures what it prints.
import { Readable } from 'node:stream';
import { runCli } from '@alutrace/server';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[], env: Record<string, string> = {}, cwd = process.cwd()): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { ...env },
    cwd,
    stdin: Readable.from([]),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
