// alutrace trace: where a lot came from (every collection lot, with the grams
// it contributed) or, with --forward, where it went (every lot that carries
// some of it, the buyers and the by-product routes).
import {
  type BackwardTrace,
  BYPRODUCT_ROUTE_NAMES,
  DOWNSTREAM_CHAIN_NAMES,
  type ForwardTrace,
  type LotTrace,
  SOURCE_CLASS_NAMES,
  type TraceExit,
  type TraceRun,
} from '@alutrace/shared';
import { type Command, EXIT_OK, flag } from '../../cli-kit';
import { massText } from '../../remote/print-recorded';
import { READ_EXIT_HELP, REMOTE_HELP, remoteOptions, runRemote } from '../../remote/remote-command';
import { lotIdOf, usage } from '../../remote/typed-values';
import { describeLot, whereText } from './lot';

export const traceCommand: Command = {
  name: 'trace',
  summary: 'trace a lot back to its collection lots, or --forward to where it went (server API)',
  usage: [
    'alutrace trace LOT [--forward]',
    '',
    'Backward (the default): every collection lot the lot came from, with the grams of each it',
    'carries, post-consumer and pre-consumer apart, by collection point, and the runs between.',
    'Forward: every lot that carries some of it, with the grams, and where material left:',
    'shipments by buyer and chain, by-products by route.',
    'Grams are split through each run in proportion (ISO 22095 mass balance), exactly to the gram.',
    '',
    '  --forward            trace downstream instead of upstream',
    '',
    REMOTE_HELP,
    '',
    READ_EXIT_HELP,
    '',
    'Examples:',
    '  alutrace trace RC01-261128-0001',
    '  alutrace trace PG01-261128-0001 --forward',
  ].join('\n'),
  options: { ...remoteOptions, forward: { type: 'boolean' } },
  allowPositionals: true,
  async run(args, io) {
    const [first, ...more] = args.positionals;
    if (!first || more.length > 0) {
      throw usage('name one lot: alutrace trace PG01-261128-0007', '请给出一个批次号：alutrace trace PG01-261128-0007');
    }
    const lotId = lotIdOf('lot', first);
    const direction = flag(args, 'forward') ? 'forward' : 'backward';
    return runRemote(args, io, {}, async (remote) => {
      const trace = await remote.client.query<LotTrace>('lots.trace', { lotId, direction });
      if (remote.json) io.out(JSON.stringify(trace, null, 2));
      else if (trace.direction === 'backward') printBackward(io.out, trace);
      else printForward(io.out, trace);
      return EXIT_OK;
    });
  },
};

function printRuns(out: (t: string) => void, runs: TraceRun[]): void {
  if (runs.length === 0) return;
  out('  runs:');
  for (const r of runs)
    out(`    entry ${String(r.seq).padStart(6)}  ${r.occurredAt}  ${r.process.padEnd(10)} ${r.site}`);
}

function printBackward(out: (t: string) => void, t: BackwardTrace): void {
  out(`lot ${t.lot.lotId}: ${describeLot(t.lot)}, ${whereText(t.lot)}`);
  out(`  carries ${massText(t.totalG)}, from ${t.sources.length} collection lot${t.sources.length === 1 ? '' : 's'}:`);
  for (const s of t.sources) {
    out(
      `    ${s.lotId.padEnd(17)} ${massText(s.grams).padStart(26)}  ${s.grade} ${s.sourceClass}, ${s.originSite} ${s.createdAt}`,
    );
  }
  for (const [cls, grams] of Object.entries(t.bySourceClass) as [keyof typeof SOURCE_CLASS_NAMES, number][]) {
    const name = SOURCE_CLASS_NAMES[cls];
    out(`  ${name.en} / ${name.zh}: ${massText(grams)}`);
  }
  for (const p of t.byCollectionPoint)
    out(`  from ${p.site}: ${massText(p.grams)} in ${p.lots} lot${p.lots === 1 ? '' : 's'}`);
  if (t.additionsG > 0) out(`  non-scrap additions (primary aluminium, alloying, flux): ${massText(t.additionsG)}`);
  if (t.untracedG > 0) out(`  untraced (rounded away in lots of a few grams): ${massText(t.untracedG)}`);
  printRuns(out, t.runs);
}

function exitText(e: TraceExit): string {
  if (e.exit === 'shipped') {
    const chain = e.chain ? DOWNSTREAM_CHAIN_NAMES[e.chain] : null;
    return `shipped to ${e.buyer ?? '?'}${chain ? `, ${chain.en} / ${chain.zh}` : ''}, ${massText(e.massG)} (entry ${e.seq})`;
  }
  const route = BYPRODUCT_ROUTE_NAMES[e.exit];
  return `${route.en} / ${route.zh}, ${massText(e.massG)} (entry ${e.seq})`;
}

function printForward(out: (t: string) => void, t: ForwardTrace): void {
  out(`lot ${t.lot.lotId}: ${describeLot(t.lot)}, ${whereText(t.lot)}`);
  for (const e of t.exits) out(`  ${exitText(e)}`);
  out(`  fed into runs: ${massText(t.fedG)}; reached ${t.reached.length} lot${t.reached.length === 1 ? '' : 's'}:`);
  for (const l of t.reached) {
    out(`    ${l.lotId.padEnd(17)} carries ${massText(l.carriedG).padStart(26)}  ${describeLot(l)}, ${whereText(l)}`);
    // The links that brought it there: the tree, one parent a line.
    for (const p of l.parents) {
      out(
        `      from ${p.lotId}: ${massText(p.consumedG)} went in, ${massText(p.carriedG ?? 0)} of it this lot's (the run of entry ${p.runSeq})`,
      );
    }
    for (const e of l.exits) out(`      ${exitText(e)}`);
  }
  for (const s of t.shipped) {
    const chain = DOWNSTREAM_CHAIN_NAMES[s.chain];
    out(
      `  shipped to ${s.buyer}, ${chain.en} / ${chain.zh}: ${massText(s.grams)} in ${s.lots} lot${s.lots === 1 ? '' : 's'}`,
    );
  }
  for (const r of t.routed) {
    const route = BYPRODUCT_ROUTE_NAMES[r.route];
    out(`  ${route.en} / ${route.zh}: ${massText(r.grams)} in ${r.lots} lot${r.lots === 1 ? '' : 's'}`);
  }
  printRuns(out, t.runs);
}
