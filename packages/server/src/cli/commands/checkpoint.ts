import { openDatabase } from '../../db/open-database';
import { databasePath } from '../../ledger/open-ledger';
import { readHeadNote } from '../../ledger/read-head';
import { type Command, EXIT_OK, UsageError } from '../cli-kit';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir';

export const checkpointCommand: Command = {
  name: 'checkpoint',
  summary: 'print the newest signed checkpoint (C2SP signed note)',
  usage: [
    'alutrace checkpoint [--data-dir DIR]',
    '',
    'Prints the newest signed checkpoint exactly as stored. Save it: later,',
    '`alutrace verify --trusted-checkpoint FILE` proves the ledger still extends it.',
    '',
    DATA_DIR_HELP,
  ].join('\n'),
  options: { ...dataDirOption },
  async run(args, io) {
    const db = openDatabase(databasePath(dataDirOf(args, io)), { readonly: true });
    try {
      const head = readHeadNote(db.$client);
      if (!head) throw new UsageError('the ledger has no checkpoint yet: start the server once');
      io.out(head.replace(/\n$/, ''));
      return EXIT_OK;
    } finally {
      db.$client.close();
    }
  },
};
