import { resolve } from 'node:path';
import { formatVerifierKey, readCheckpointNote } from '@alutrace/shared';
import { openDatabase } from '../../db/open-database';
import { exportLedger } from '../../ledger/export/export-ledger';
import { databasePath } from '../../ledger/open-ledger';
import { readHeadNote } from '../../ledger/read-head';
import { readSigningKey } from '../../ledger/signing-key';
import { type Command, EXIT_OK, str, UsageError } from '../cli-kit';
import { createProgress, progressCallback } from '../progress';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the whole ledger to a JSON Lines file that anyone can verify',
  usage: [
    'alutrace export --out FILE [--data-dir DIR]',
    '',
    'Writes a header with the verifier key, every signed checkpoint, and every',
    "entry's exact canonical bytes with its leaf hash and look-up columns.",
    'Check the file anywhere with `alutrace verify-export FILE --key KEY`.',
    '',
    '  --out FILE       where to write the export',
    DATA_DIR_HELP,
  ].join('\n'),
  options: { ...dataDirOption, out: { type: 'string' } },
  async run(args, io) {
    const out = str(args, 'out');
    if (!out) throw new UsageError('--out FILE is required');
    const dataDir = dataDirOf(args, io);
    const signer = readSigningKey(dataDir);
    const db = openDatabase(databasePath(dataDir), { readonly: true });
    try {
      const head = readHeadNote(db.$client);
      const origin = head ? readCheckpointNote(head).origin : signer.name;
      const file = resolve(io.cwd, out);
      const progress = createProgress({ label: 'export', total: 0 });
      const summary = await exportLedger(
        db.$client,
        file,
        { origin, verifierKey: formatVerifierKey(signer) },
        progressCallback(progress),
      ).finally(() => progress.done());
      io.out(`exported ${summary.entries} entries and ${summary.checkpoints} checkpoints to ${file}`);
      io.out(`已导出 ${summary.entries} 条记录和 ${summary.checkpoints} 个检查点到 ${file}`);
      return EXIT_OK;
    } finally {
      db.$client.close();
    }
  },
};
