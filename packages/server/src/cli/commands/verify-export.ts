import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normaliseNote } from '@alutrace/shared';
import { verifyExportFile } from '../../ledger/export/verify-export';
import { type Command, EXIT_FAILED, EXIT_OK, flag, str, UsageError } from '../cli-kit';
import { createProgress, progressCallback } from '../progress';
import { printCosignatures, WITNESS_KEY_HELP, witnessKeyOption, witnessKeysOf } from './print-cosignatures';
import { printReport } from './print-report';

export const verifyExportCommand: Command = {
  name: 'verify-export',
  summary: 'check an export file on its own, without the database',
  usage: [
    'alutrace verify-export FILE [--key VERIFIER_KEY] [--trusted-checkpoint FILE] [--witness-key VKEY …] [--json]',
    '',
    'Recomputes the chain, the Merkle tree and every checkpoint signature from',
    'the file alone.',
    '',
    '  --key KEY        the verifier key you trust (from the operator, a published',
    '                   page or `alutrace key`); without it the key in the file',
    '                   is used, which proves only that the file is self-consistent',
    '  --trusted-checkpoint FILE',
    '                   a checkpoint note saved earlier (`alutrace checkpoint`): the file',
    '                   must contain that tree, so a file cut short is found out even',
    '                   when the checkpoints that would betray it were removed',
    WITNESS_KEY_HELP,
    '  --json           print the report as JSON',
    '',
    'Also lists which checkpoints officials cosigned, by whom and when, and checks each',
    "cosignature against the witness keys in the file's header and those given.",
    '',
    'Exit status: 0 intact, 1 altered or inconsistent, 2 usage or I/O error.',
  ].join('\n'),
  options: {
    key: { type: 'string' },
    json: { type: 'boolean' },
    'trusted-checkpoint': { type: 'string' },
    ...witnessKeyOption,
  },
  allowPositionals: true,
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('give exactly one export FILE');
    const file = resolve(io.cwd, args.positionals[0] as string);
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const key = str(args, 'key');
    const trustedFile = str(args, 'trusted-checkpoint');
    let trustedCheckpoint: string | undefined;
    if (trustedFile) {
      try {
        trustedCheckpoint = normaliseNote(readFileSync(resolve(io.cwd, trustedFile), 'utf8'));
      } catch (e) {
        throw new UsageError(`cannot read ${trustedFile}: ${(e as Error).message}`);
      }
    }
    const witnessKeys = witnessKeysOf(args);
    const progress = createProgress({ label: 'verify-export', total: 0 });
    const report = await verifyExportFile(file, {
      ...(key !== undefined ? { verifierKey: key } : {}),
      ...(trustedCheckpoint !== undefined ? { trustedCheckpoint } : {}),
      witnessKeys,
      onProgress: progressCallback(progress),
    }).finally(() => progress.done());
    if (flag(args, 'json')) io.out(JSON.stringify(report, null, 2));
    else {
      printReport(
        io,
        'alutrace verify-export',
        { ...report, ok: report.failure === null },
        report.keyFromFile
          ? 'signatures were checked against the key in the file; pass --key to pin the key you trust'
          : undefined,
      );
      printCosignatures(io, report.cosignatures);
    }
    return report.ok ? EXIT_OK : EXIT_FAILED;
  },
};
