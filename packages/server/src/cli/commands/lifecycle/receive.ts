// alutrace receive: dispatched lots arrive, each with the mass weighed here.
import type { RecordedView } from '@alutrace/shared';
import { type Command, EXIT_OK, str } from '../../cli-kit';
import { massText, printRecorded } from '../../remote/print-recorded';
import { RECORD_HELP, recordOptions, runRemote } from '../../remote/remote-command';
import { lotMassOf, required, usage } from '../../remote/typed-values';

export const receiveCommand: Command = {
  name: 'receive',
  summary: 'record lots arriving from a dispatch, with the mass weighed on arrival (server API)',
  usage: [
    'alutrace receive --dispatch ID LOT=MASS… [--ticket NUMBER] [options]',
    '',
    'Records the arrival of lots of one dispatch, each with the mass weighed here. A',
    'difference to the dispatched mass over the tolerance (default 1 %) is accepted and',
    'flagged as a transit discrepancy.',
    '',
    '  --dispatch ID        the dispatch id printed by `alutrace dispatch`',
    '  LOT=MASS…            each lot and its received mass, e.g. PG01-261128-0001=980kg',
    '  --ticket NUMBER      weighbridge ticket number (sealed)',
    '',
    RECORD_HELP,
    '',
    'Example:',
    '  alutrace receive --site RC01 --dispatch 0193f6c2-… PG01-261128-0001=980kg PG01-261128-0002=499kg',
  ].join('\n'),
  options: { ...recordOptions, dispatch: { type: 'string' }, ticket: { type: 'string' } },
  allowPositionals: true,
  async run(args, io) {
    const dispatchId = required(args, 'dispatch', 'ID').trim().toLowerCase();
    const lots = args.positionals.map((p) => {
      const { lotId, massG } = lotMassOf('lot', p);
      return { lotId, receivedG: massG };
    });
    if (lots.length === 0)
      throw usage(
        'name the lots received, each with its mass: LOT=MASS (e.g. PG01-261128-0001=980kg)',
        '请列出收到的批次及其质量：批次号=质量（如 PG01-261128-0001=980kg）',
      );
    return runRemote(args, io, { fieldOptions: FIELD_OPTIONS }, async (remote) => {
      const site = await remote.site();
      const view = await remote.client.mutate<RecordedView>('transfers.receive', {
        site,
        dispatchId,
        lots,
        occurredAt: str(args, 'occurred-at'),
        idempotencyKey: remote.key(),
        sealed: { ticketNumber: str(args, 'ticket'), note: str(args, 'note') },
      });
      if (remote.json) {
        io.out(JSON.stringify(view, null, 2));
        return EXIT_OK;
      }
      const total = lots.reduce((s, l) => s + l.receivedG, 0);
      printRecorded(
        io,
        view,
        `received ${lots.length} lot${lots.length === 1 ? '' : 's'} at ${site}: ${massText(total)}`,
        lots.map((l) => `lot ${l.lotId}  ${massText(l.receivedG)}`),
      );
      return EXIT_OK;
    });
  },
};

const FIELD_OPTIONS: Record<string, string> = {
  dispatchId: '--dispatch',
  lots: 'LOT=MASS',
  site: '--site',
  occurredAt: '--occurred-at',
  'sealed.ticketNumber': '--ticket',
  'sealed.note': '--note',
};
