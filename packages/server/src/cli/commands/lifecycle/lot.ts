// alutrace lot: one lot and everything that happened to it.
import {
  BYPRODUCT_KIND_NAMES,
  BYPRODUCT_ROUTE_NAMES,
  DOWNSTREAM_CHAIN_NAMES,
  LOT_STATE_NAMES,
  type LotView,
  PRODUCT_FORM_NAMES,
} from '@alutrace/shared';
import { type Command, EXIT_OK } from '../../cli-kit';
import { massText, percentText } from '../../remote/print-recorded';
import { READ_EXIT_HELP, REMOTE_HELP, remoteOptions, runRemote } from '../../remote/remote-command';
import { lotIdOf, usage } from '../../remote/typed-values';

export const lotCommand: Command = {
  name: 'lot',
  summary: 'show a lot: what it is, where, its balance, its label and its events (server API)',
  usage: [
    'alutrace lot LOT',
    '',
    'Shows the lot and each ledger entry that touched it, with its seq and leaf hash',
    '(what `alutrace correct` needs). Operators and recyclers see the lots of their sites.',
    '',
    REMOTE_HELP,
    '',
    READ_EXIT_HELP,
    '',
    'Example:',
    '  alutrace lot PG01-261128-0007',
  ].join('\n'),
  options: { ...remoteOptions },
  allowPositionals: true,
  async run(args, io) {
    const [first, ...more] = args.positionals;
    if (!first || more.length > 0)
      throw usage('name one lot: alutrace lot PG01-261128-0007', '请给出一个批次号：alutrace lot PG01-261128-0007');
    const lotId = lotIdOf('lot', first);
    return runRemote(args, io, {}, async (remote) => {
      const lot = await remote.client.query<LotView>('lots.get', { lotId });
      if (remote.json) io.out(JSON.stringify(lot, null, 2));
      else printLot(io.out, lot);
      return EXIT_OK;
    });
  },
};

export function describeLot(
  lot: Pick<LotView, 'kind' | 'grade' | 'sourceClass' | 'alloy' | 'form' | 'byproductKind'>,
): string {
  if (lot.kind === 'scrap') return `scrap ${lot.grade ?? ''}${lot.sourceClass ? ` (${lot.sourceClass})` : ''}`;
  if (lot.kind === 'byproduct') {
    const k = lot.byproductKind ? BYPRODUCT_KIND_NAMES[lot.byproductKind] : null;
    return `by-product ${k ? `${k.en} / ${k.zh}` : ''}`;
  }
  const f = lot.form ? PRODUCT_FORM_NAMES[lot.form] : null;
  return `${f ? `${f.en.toLowerCase()} / ${f.zh}` : 'product'}${lot.alloy ? ` ${lot.alloy}` : ''}${lot.grade ? ` ${lot.grade}` : ''}`;
}

export function whereText(lot: Pick<LotView, 'state' | 'holder' | 'transitTo'>): string {
  const state = LOT_STATE_NAMES[lot.state];
  const at = lot.holder ? ` at ${lot.holder}` : lot.transitTo ? ` to ${lot.transitTo}` : '';
  return `${state.en.toLowerCase()}${at} (${state.zh})`;
}

function printLot(out: (t: string) => void, lot: LotView): void {
  out(`lot ${lot.lotId}: ${describeLot(lot)}, ${whereText(lot)}`);
  out(`  made at ${lot.originSite} ${lot.createdAt} (entry ${lot.createdSeq})`);
  out(`  mass ${massText(lot.massG)}, balance ${massText(lot.balanceG)}`);
  out(
    `  recycled content ${percentText(lot.recycledPpm)} (post-consumer ${percentText(lot.postConsumerPpm)}): ${massText(lot.recycledG)}`,
  );
  if (lot.hazardousWasteCode) out(`  hazardous waste ${lot.hazardousWasteCode}`);
  if (lot.shippedTo) {
    const chain = DOWNSTREAM_CHAIN_NAMES[lot.shippedTo.chain];
    out(`  shipped to ${lot.shippedTo.buyer}, ${chain.en} / ${chain.zh} (entry ${lot.shippedTo.seq})`);
  }
  if (lot.route) {
    const route = BYPRODUCT_ROUTE_NAMES[lot.route.route];
    out(`  route ${route.en} / ${route.zh} (entry ${lot.route.seq})`);
  }
  out(`  label ${lot.labelPath}  (digest ${lot.labelDigest})`);
  out('  events:');
  for (const e of lot.events) {
    const corrected = e.correctedBy !== null ? `  corrected by entry ${e.correctedBy}` : '';
    out(
      `    ${String(e.seq).padStart(6)}  ${e.recordedAt}  ${e.action.padEnd(18)} ${(e.site ?? '-').padEnd(6)} ${formatCell(e.massG).padStart(16)}  ${e.leafHash}${corrected}`,
    );
  }
}

function formatCell(g: number): string {
  return massText(g).split(' (')[0] as string;
}
