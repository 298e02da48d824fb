// alutrace dispatch: whole lots leave this site for a recycler or utiliser.
import type { RecordedView } from '@alutrace/shared';
import { type Command, EXIT_OK, str } from '../../cli-kit';
import { massText, printRecorded } from '../../remote/print-recorded';
import { RECORD_HELP, recordOptions, runRemote } from '../../remote/remote-command';
import { codeOf, lotIdOf, required, usage } from '../../remote/typed-values';
import { wholeMassOf } from './whole-lot';

export const dispatchCommand: Command = {
  name: 'dispatch',
  summary: 'send whole lots to another site (server API)',
  usage: [
    'alutrace dispatch --to CODE LOT… [--plate PLATE] [--driver NAME] [--waybill NUMBER] [options]',
    '',
    'Lots leave whole: each is sent with its whole balance, which this command asks the',
    'server for first (split a lot with a sorting run to send part of it). Prints the',
    'dispatch id that the receiving site records the arrival against.',
    '',
    '  --to CODE            the receiving recycler or utiliser',
    '  LOT…                 the lot ids, as on their labels',
    '  --plate PLATE        vehicle plate (sealed)',
    '  --driver NAME        the driver (sealed)',
    '  --waybill NUMBER     waybill number (sealed)',
    '',
    RECORD_HELP,
    '',
    'Example:',
    '  alutrace dispatch --site PG01 --to RC01 PG01-261128-0001 PG01-261128-0002 --plate 桂L54321 --waybill WB-0001',
  ].join('\n'),
  options: {
    ...recordOptions,
    to: { type: 'string' },
    plate: { type: 'string' },
    driver: { type: 'string' },
    waybill: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, io) {
    const to = codeOf(required(args, 'to', 'RC01'));
    const lotIds = args.positionals.map((p) => lotIdOf('lot', p));
    if (lotIds.length === 0)
      throw usage(
        'name the lots to dispatch: alutrace dispatch --to RC01 LOT…',
        '请列出要发运的批次：alutrace dispatch --to RC01 批次号…',
      );
    return runRemote(args, io, { fieldOptions: FIELD_OPTIONS }, async (remote) => {
      const site = await remote.site();
      const lots: { lotId: string; massG: number }[] = [];
      for (const lotId of lotIds) lots.push({ lotId, massG: await wholeMassOf(remote, site, lotId, 'dispatched') });
      const view = await remote.client.mutate<RecordedView>('transfers.dispatch', {
        site,
        to,
        lots,
        occurredAt: str(args, 'occurred-at'),
        idempotencyKey: remote.key(),
        sealed: {
          vehiclePlate: str(args, 'plate'),
          driver: str(args, 'driver'),
          waybillNumber: str(args, 'waybill'),
          note: str(args, 'note'),
        },
      });
      if (remote.json) {
        io.out(JSON.stringify(view, null, 2));
        return EXIT_OK;
      }
      const total = lots.reduce((s, l) => s + l.massG, 0);
      printRecorded(
        io,
        view,
        `dispatched ${lots.length} lot${lots.length === 1 ? '' : 's'} from ${site} to ${to}: ${massText(total)}`,
        lots.map((l) => `lot ${l.lotId}  ${massText(l.massG)}`),
      );
      return EXIT_OK;
    });
  },
};

const FIELD_OPTIONS: Record<string, string> = {
  to: '--to',
  lots: 'LOT',
  site: '--site',
  occurredAt: '--occurred-at',
  'sealed.vehiclePlate': '--plate',
  'sealed.driver': '--driver',
  'sealed.waybillNumber': '--waybill',
  'sealed.note': '--note',
};
