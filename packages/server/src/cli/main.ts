// The alutrace command line: `pnpm alutrace <command>` (see --help).
import { ConfigError } from '../config';
import { AppError } from '../errors';
import { type CliIo, type Command, EXIT_USAGE, parse, UsageError } from './cli-kit';
import { backupCommand } from './commands/backup';
import { checkpointCommand } from './commands/checkpoint';
import { demoCommand } from './commands/demo';
import { erasePersonalDataCommand } from './commands/erase-personal-data';
import { exportCommand } from './commands/export';
import { keyCommand } from './commands/key';
import { collectCommand } from './commands/lifecycle/collect';
import { correctCommand } from './commands/lifecycle/correct';
import { dispatchCommand } from './commands/lifecycle/dispatch';
import { lotCommand } from './commands/lifecycle/lot';
import { lotsCommand } from './commands/lifecycle/lots';
import { processCommand } from './commands/lifecycle/process';
import { receiveCommand } from './commands/lifecycle/receive';
import { shipCommand } from './commands/lifecycle/ship';
import { traceCommand } from './commands/lifecycle/trace';
import { utiliseCommand } from './commands/lifecycle/utilise';
import { monitorCommand } from './commands/monitor';
import { rebuildCommand } from './commands/rebuild';
import { reportCommand } from './commands/report';
import { restoreCommand } from './commands/restore';
import { sampleCommand } from './commands/sample';
import { serveCommand } from './commands/serve';
import { siteCommand } from './commands/site';
import { tokenCommand } from './commands/token';
import { userCommand } from './commands/user';
import { verifyCommand } from './commands/verify';
import { verifyExportCommand } from './commands/verify-export';
import { verifyProofCommand } from './commands/verify-proof';
import { witnessCommand } from './commands/witness';

export const COMMANDS: Command[] = [
  serveCommand,
  verifyCommand,
  exportCommand,
  verifyExportCommand,
  verifyProofCommand,
  sampleCommand,
  reportCommand,
  checkpointCommand,
  keyCommand,
  rebuildCommand,
  backupCommand,
  restoreCommand,
  erasePersonalDataCommand,
  userCommand,
  tokenCommand,
  siteCommand,
  demoCommand,
  // Recording and reading the lifecycle through a running server, as the token's holder.
  collectCommand,
  dispatchCommand,
  receiveCommand,
  processCommand,
  utiliseCommand,
  shipCommand,
  correctCommand,
  lotCommand,
  lotsCommand,
  traceCommand,
  // Officials watching the server: cosigning its checkpoints, monitoring it from elsewhere.
  witnessCommand,
  monitorCommand,
];

export function mainHelp(): string {
  return [
    'alutrace — traceability ledger for scrap and recycled aluminium',
    '',
    'Usage: pnpm alutrace <command> [options]      (pnpm -s alutrace … prints only the output)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`),
    '',
    "Run `pnpm alutrace <command> --help` for a command's options.",
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name ? 0 : EXIT_USAGE;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`alutrace: unknown command "${name}"\n\n${mainHelp()}`);
    return EXIT_USAGE;
  }
  try {
    const args = parse(command, rest);
    if (args.values.help) {
      io.out(`Usage: ${command.usage}`);
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof AppError) {
      io.err(`alutrace ${command.name}: ${e.message}\n(run \`pnpm alutrace ${command.name} --help\` for usage)`);
      return EXIT_USAGE;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'SQLITE_CANTOPEN' || code === 'EADDRINUSE') {
      io.err(`alutrace ${command.name}: ${(e as Error).message}`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  // Whatever a command writes is its owner's alone, also files this code does not create itself
  // (SQLite's, esbuild's); files that must be private are created 0600 explicitly besides.
  process.umask(0o077);
  const io: CliIo = {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`alutrace: unexpected error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
