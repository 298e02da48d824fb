// alutrace collect: a collection point weighed scrap and recorded its seller.
import { GRADE_FAMILIES, type RecordedView, SOURCE_CLASSES } from '@alutrace/shared';
import { type Command, EXIT_OK, str } from '../../cli-kit';
import { massText, printRecorded } from '../../remote/print-recorded';
import { RECORD_HELP, recordOptions, runRemote } from '../../remote/remote-command';
import { codeOf, massOption, priceOption, required, requiredMass, usage } from '../../remote/typed-values';

export const collectCommand: Command = {
  name: 'collect',
  summary: 'record a collection at a collection point: a new scrap lot (server API)',
  usage: [
    'alutrace collect --grade CODE --gross MASS --tare MASS [--deduction MASS] --seller-kind KIND --seller-name NAME --seller-id ID [options]',
    '',
    'Records weighed scrap and its seller; prints the new lot id, its net mass, and its',
    'label (URL path and digest). The net is gross − tare − deduction, worked out here and',
    'checked again by the server.',
    '',
    'Masses carry their unit: g, kg or t (also 克, 千克/公斤, 吨), read exactly: 1523.5kg,',
    '1.5t, 800g. A bare number is refused (no default unit), and so is anything that is not',
    'a whole gram (0.0005kg) or an ambiguous unit (ton, 斤).',
    '',
    `  --grade CODE         the scrap grade (\`grades.list\`; families: ${GRADE_FAMILIES.join(', ')})`,
    '  --gross MASS         gross weight on the scale',
    '  --tare MASS          the vehicle or container',
    '  --deduction MASS     moisture and impurities (default 0)',
    `  --source-class C     ${SOURCE_CLASSES.join(' or ')} (default: the grade's)`,
    '  --seller-kind KIND   individual or enterprise',
    '  --seller-name NAME   the person or the enterprise',
    '  --seller-id ID       resident ID number (individual) or unified social credit code (enterprise)',
    '  --handling-person N  who delivered, for an enterprise',
    "  --address TEXT       the seller's address",
    '  --plate PLATE        vehicle plate, e.g. 桂L12345',
    '  --ticket NUMBER      weighbridge ticket number',
    '  --price AMOUNT       paid for the lot, with its unit: 12345.00yuan (元) or 1234500fen (分)',
    '  --photo-hash HEX     SHA-256 of a photo kept outside the ledger (repeatable)',
    '',
    'The seller, plate, ticket, price and note are sealed: only a commitment enters the ledger.',
    '',
    RECORD_HELP,
    '',
    'Example:',
    '  export ALUTRACE_TOKEN="$(cat ~/.alutrace/pg01.token)"',
    '  alutrace collect --site PG01 --grade UBC --gross 1523kg --tare 200kg --deduction 12kg \\',
    '    --seller-kind individual --seller-name 李明 --seller-id 451002198506151230 --plate 桂L12345 \\',
    '    --ticket T-0001 --price 12345.00yuan',
  ].join('\n'),
  options: {
    ...recordOptions,
    grade: { type: 'string' },
    gross: { type: 'string' },
    tare: { type: 'string' },
    deduction: { type: 'string' },
    'source-class': { type: 'string' },
    'seller-kind': { type: 'string' },
    'seller-name': { type: 'string' },
    'seller-id': { type: 'string' },
    'handling-person': { type: 'string' },
    address: { type: 'string' },
    plate: { type: 'string' },
    ticket: { type: 'string' },
    price: { type: 'string' },
    'photo-hash': { type: 'string', multiple: true },
  },
  async run(args, io) {
    const grade = codeOf(required(args, 'grade', 'UBC'));
    const grossG = requiredMass(args, 'gross');
    const tareG = requiredMass(args, 'tare');
    const deductionG = massOption(args, 'deduction') ?? 0;
    const netG = grossG - tareG - deductionG;
    const priceFen = priceOption(args, 'price');
    const sellerKind = required(args, 'seller-kind', 'individual');
    if (sellerKind !== 'individual' && sellerKind !== 'enterprise') {
      throw usage(
        `--seller-kind ${sellerKind}: individual or enterprise`,
        `--seller-kind ${sellerKind}：应为 individual（个人）或 enterprise（企业）`,
      );
    }
    const sellerId = required(
      args,
      'seller-id',
      sellerKind === 'individual' ? '451002198506151230' : '<18-character credit code>',
    );
    const seller =
      sellerKind === 'individual'
        ? {
            kind: sellerKind,
            name: required(args, 'seller-name', '李明'),
            residentId: sellerId,
            address: str(args, 'address'),
          }
        : {
            kind: sellerKind,
            name: required(args, 'seller-name', '平果某某回收有限公司'),
            creditCode: sellerId,
            handlingPerson: required(args, 'handling-person', '王强'),
            address: str(args, 'address'),
          };
    const photos = args.values['photo-hash'];
    return runRemote(args, io, { fieldOptions: FIELD_OPTIONS }, async (remote) => {
      const site = await remote.site();
      const input = {
        site,
        grade,
        sourceClass: str(args, 'source-class'),
        grossG,
        tareG,
        deductionG,
        netG,
        photoHashes: Array.isArray(photos) ? photos : [],
        occurredAt: str(args, 'occurred-at'),
        idempotencyKey: remote.key(),
        sealed: {
          seller,
          vehiclePlate: str(args, 'plate'),
          ticketNumber: str(args, 'ticket'),
          priceFen,
          note: str(args, 'note'),
        },
      };
      const view = await remote.client.mutate<RecordedView>('collection.record', input);
      if (remote.json) {
        io.out(JSON.stringify(view, null, 2));
        return EXIT_OK;
      }
      const lot = view.lots[0];
      printRecorded(io, view, `recorded a collection at ${site}${lot ? `: lot ${lot.lotId}` : ''}`, [
        `net ${massText(netG)} = gross ${massText(grossG)} − tare ${massText(tareG)} − deduction ${massText(deductionG)}`,
      ]);
      return EXIT_OK;
    });
  },
};

const FIELD_OPTIONS: Record<string, string> = {
  grade: '--grade',
  sourceClass: '--source-class',
  grossG: '--gross',
  tareG: '--tare',
  deductionG: '--deduction',
  netG: '--gross/--tare/--deduction',
  photoHashes: '--photo-hash',
  occurredAt: '--occurred-at',
  site: '--site',
  'sealed.seller.kind': '--seller-kind',
  'sealed.seller.name': '--seller-name',
  'sealed.seller.residentId': '--seller-id',
  'sealed.seller.creditCode': '--seller-id',
  'sealed.seller.handlingPerson': '--handling-person',
  'sealed.seller.address': '--address',
  'sealed.vehiclePlate': '--plate',
  'sealed.ticketNumber': '--ticket',
  'sealed.priceFen': '--price',
  'sealed.note': '--note',
};
