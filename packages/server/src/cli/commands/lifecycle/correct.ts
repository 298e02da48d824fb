// alutrace correct: declare an earlier event wrong; it stays in the ledger
// and drops out of balances and reports (EPCIS errorDeclaration).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORRECTION_REASONS, type RecordedView } from '@alutrace/shared';
import { type Command, EXIT_OK, str } from '../../cli-kit';
import { printRecorded } from '../../remote/print-recorded';
import { RECORD_HELP, recordOptions, runRemote } from '../../remote/remote-command';
import { required, usage } from '../../remote/typed-values';

export const correctCommand: Command = {
  name: 'correct',
  summary: 'declare an earlier event wrong, optionally with the corrected event (server API)',
  usage: [
    'alutrace correct --seq N --leaf-hash HEX --reason REASON [--replacement FILE] [options]',
    '',
    'The entry is named by its seq and its leaf hash together (both are printed when it is',
    'recorded, and `alutrace lot LOT` lists them), so that a typo cannot correct the wrong one.',
    'Its author or an administrator corrects it; later events on its lots are corrected first.',
    '',
    '  --seq N              the entry to correct',
    '  --leaf-hash HEX      its leaf hash (64 hex characters)',
    `  --reason REASON      ${CORRECTION_REASONS.join(', ')}`,
    '  --replacement FILE   the corrected event, as JSON: {"kind": "collection.recorded", "input": {…}}',
    "                       where input is what the kind's own procedure takes, without site and key",
    '',
    RECORD_HELP,
    '',
    'Example:',
    '  alutrace correct --site PG01 --seq 42 --leaf-hash 3f7c…e1 --reason weighing_error --note "scale not zeroed"',
  ].join('\n'),
  options: {
    ...recordOptions,
    seq: { type: 'string' },
    'leaf-hash': { type: 'string' },
    reason: { type: 'string' },
    replacement: { type: 'string' },
  },
  async run(args, io) {
    const seqText = required(args, 'seq', '42');
    if (!/^\d+$/.test(seqText))
      throw usage(`--seq ${seqText}: a ledger entry number, e.g. 42`, `--seq ${seqText}：应为账本记录编号，如 42`);
    const targetLeafHash = required(args, 'leaf-hash', 'HEX').trim().toLowerCase();
    const reason = required(args, 'reason', 'weighing_error');
    if (str(args, 'occurred-at') !== undefined) {
      throw usage(
        'a correction is recorded now; --occurred-at belongs in the --replacement event',
        '更正按当前时间记录；--occurred-at 应写在 --replacement 的记录中',
      );
    }
    const file = str(args, 'replacement');
    let replacement: unknown;
    if (file !== undefined) {
      try {
        replacement = JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8'));
      } catch (e) {
        throw usage(`--replacement ${file}: ${(e as Error).message}`, `--replacement ${file}：无法读取或不是 JSON`);
      }
    }
    return runRemote(args, io, { fieldOptions: FIELD_OPTIONS }, async (remote) => {
      const site = await remote.site();
      const view = await remote.client.mutate<RecordedView>('corrections.record', {
        site,
        targetSeq: Number(seqText),
        targetLeafHash,
        reason,
        replacement,
        idempotencyKey: remote.key(),
        sealed: { note: str(args, 'note') },
      });
      if (remote.json) {
        io.out(JSON.stringify(view, null, 2));
        return EXIT_OK;
      }
      printRecorded(io, view, `recorded a correction of entry ${seqText} (${reason}) at ${site}`);
      return EXIT_OK;
    });
  },
};

const FIELD_OPTIONS: Record<string, string> = {
  targetSeq: '--seq',
  targetLeafHash: '--leaf-hash',
  reason: '--reason',
  replacement: '--replacement',
  site: '--site',
  'sealed.note': '--note',
};
