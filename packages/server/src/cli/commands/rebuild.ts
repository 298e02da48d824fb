import { existsSync } from 'node:fs';
import { openDatabase } from '../../db/open-database';
import { AppError } from '../../errors';
import { databasePath } from '../../ledger/open-ledger';
import { type RebuildReport, rebuildDerived } from '../../projections/replay';
import { type Command, EXIT_OK, flag } from '../cli-kit';
import { createProgress, progressCallback } from '../progress';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir';

export const rebuildCommand: Command = {
  name: 'rebuild',
  summary: 'rebuild the derived tables (the catalogue, …) from the log alone',
  usage: [
    'alutrace rebuild [--data-dir DIR] [--json]',
    '',
    'Clears every table that is a projection of the log and replays every entry',
    'through the same projections the server runs when it appends, in one',
    'transaction: the server may keep running, and a failure changes nothing.',
    'The ledger itself is never touched. `alutrace verify --derived` tells',
    'whether a rebuild would change anything.',
    '',
    DATA_DIR_HELP,
    '  --json           print the result as JSON',
  ].join('\n'),
  options: { ...dataDirOption, json: { type: 'boolean' } },
  async run(args, io) {
    const file = databasePath(dataDirOf(args, io));
    if (!existsSync(file)) throw new AppError('NOT_FOUND', { what: 'ledger database', id: file });
    const db = openDatabase(file);
    try {
      const progress = createProgress({ label: 'rebuild', total: 0 });
      let report: RebuildReport;
      try {
        report = rebuildDerived(db, progressCallback(progress));
      } finally {
        progress.done();
      }
      if (flag(args, 'json')) io.out(JSON.stringify(report, null, 2));
      else {
        const tables = report.tables.map((t) => `${t.name} ${t.rows.toLocaleString('en-US')} rows`).join(', ');
        io.out(`rebuilt from ${report.entries.toLocaleString('en-US')} entries: ${tables}`);
        io.out(
          `已根据 ${report.entries} 条账本记录重建派生数据：${report.tables.map((t) => `${t.name} ${t.rows} 行`).join('，')}`,
        );
      }
      return EXIT_OK;
    } finally {
      db.$client.close();
    }
  },
};
