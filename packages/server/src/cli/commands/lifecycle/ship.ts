// alutrace ship: a recycled-aluminium lot goes, whole, to a buyer.
import { DOWNSTREAM_CHAINS, type RecordedView } from '@alutrace/shared';
import { type Command, EXIT_OK, str } from '../../cli-kit';
import { massText, printRecorded } from '../../remote/print-recorded';
import { RECORD_HELP, recordOptions, runRemote } from '../../remote/remote-command';
import { codeOf, lotIdOf, priceOption, required, usage } from '../../remote/typed-values';
import { wholeMassOf } from './whole-lot';

export const shipCommand: Command = {
  name: 'ship',
  summary: 'ship a recycled-aluminium lot, whole, to a buyer (server API)',
  usage: [
    'alutrace ship LOT --buyer CODE --chain CHAIN [--invoice NUMBER] [--contract NUMBER] [--price AMOUNT] [options]',
    '',
    'Ships the whole lot: its balance is asked from the server first.',
    '',
    '  --buyer CODE         the buyer site',
    `  --chain CHAIN        the downstream chain: ${DOWNSTREAM_CHAINS.join(', ')}`,
    '  --invoice NUMBER     invoice number (sealed)',
    '  --contract NUMBER    contract number (sealed)',
    '  --price AMOUNT       the price, with its unit: 2340000.00yuan (元) or fen (分) (sealed)',
    '',
    RECORD_HELP,
    '',
    'Example:',
    '  alutrace ship --site RC01 RC01-261128-0001 --buyer BY01 --chain transport --invoice INV-2026-001',
  ].join('\n'),
  options: {
    ...recordOptions,
    buyer: { type: 'string' },
    chain: { type: 'string' },
    invoice: { type: 'string' },
    contract: { type: 'string' },
    price: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, io) {
    const [first, ...more] = args.positionals;
    if (!first || more.length > 0)
      throw usage(
        'name one lot: alutrace ship LOT --buyer CODE --chain CHAIN',
        '请给出一个批次号：alutrace ship 批次号 --buyer 代码 --chain 产业链',
      );
    const lotId = lotIdOf('lot', first);
    const buyer = codeOf(required(args, 'buyer', 'BY01'));
    const chain = required(args, 'chain', 'transport');
    const priceFen = priceOption(args, 'price');
    return runRemote(args, io, { fieldOptions: FIELD_OPTIONS }, async (remote) => {
      const site = await remote.site();
      const massG = await wholeMassOf(remote, site, lotId, 'shipped');
      const view = await remote.client.mutate<RecordedView>('shipments.record', {
        site,
        lotId,
        buyer,
        chain,
        massG,
        occurredAt: str(args, 'occurred-at'),
        idempotencyKey: remote.key(),
        sealed: {
          invoiceNumber: str(args, 'invoice'),
          contractNumber: str(args, 'contract'),
          priceFen,
          note: str(args, 'note'),
        },
      });
      if (remote.json) {
        io.out(JSON.stringify(view, null, 2));
        return EXIT_OK;
      }
      printRecorded(io, view, `shipped lot ${lotId} (${massText(massG)}) from ${site} to ${buyer}, chain ${chain}`);
      return EXIT_OK;
    });
  },
};

const FIELD_OPTIONS: Record<string, string> = {
  lotId: 'LOT',
  buyer: '--buyer',
  chain: '--chain',
  site: '--site',
  occurredAt: '--occurred-at',
  'sealed.invoiceNumber': '--invoice',
  'sealed.contractNumber': '--contract',
  'sealed.priceFen': '--price',
  'sealed.note': '--note',
};
