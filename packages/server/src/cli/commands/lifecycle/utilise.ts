// alutrace utilise: a dross, slag or dust lot goes to a route at a utiliser.
import { BYPRODUCT_ROUTES, type RecordedView } from '@alutrace/shared';
import { type Command, EXIT_OK, str } from '../../cli-kit';
import { massText, printRecorded } from '../../remote/print-recorded';
import { RECORD_HELP, recordOptions, runRemote } from '../../remote/remote-command';
import { lotIdOf, required, requiredMass, usage } from '../../remote/typed-values';

export const utiliseCommand: Command = {
  name: 'utilise',
  summary: 'send a by-product lot (dross, slag, dust) to a utilisation route (server API)',
  usage: [
    'alutrace utilise LOT --route ROUTE --mass MASS [--manifest NUMBER] [options]',
    '',
    `  --route ROUTE        ${BYPRODUCT_ROUTES.join(', ')}`,
    "  --mass MASS          the mass that goes to the route (at most the lot's balance), e.g. 120kg",
    '  --manifest NUMBER    the hazardous-waste transfer manifest number (危险废物转移联单), public',
    '',
    RECORD_HELP,
    '',
    'Example:',
    '  alutrace utilise --site UT01 RC01-261128-0002 --route aluminium_recovery --mass 120kg --manifest 4510-2026-000123',
  ].join('\n'),
  options: { ...recordOptions, route: { type: 'string' }, mass: { type: 'string' }, manifest: { type: 'string' } },
  allowPositionals: true,
  async run(args, io) {
    const [first, ...more] = args.positionals;
    if (!first || more.length > 0)
      throw usage(
        'name one by-product lot: alutrace utilise LOT --route ROUTE --mass MASS',
        '请给出一个副产物批次号：alutrace utilise 批次号 --route 去向 --mass 质量',
      );
    const lotId = lotIdOf('lot', first);
    const route = required(args, 'route', 'aluminium_recovery');
    const massG = requiredMass(args, 'mass');
    return runRemote(args, io, { fieldOptions: FIELD_OPTIONS }, async (remote) => {
      const site = await remote.site();
      const view = await remote.client.mutate<RecordedView>('byproducts.utilise', {
        site,
        lotId,
        route,
        massG,
        manifestNumber: str(args, 'manifest') ?? null,
        occurredAt: str(args, 'occurred-at'),
        idempotencyKey: remote.key(),
        sealed: { note: str(args, 'note') },
      });
      if (remote.json) {
        io.out(JSON.stringify(view, null, 2));
        return EXIT_OK;
      }
      printRecorded(io, view, `recorded ${massText(massG)} of lot ${lotId} to ${route} at ${site}`);
      return EXIT_OK;
    });
  },
};

const FIELD_OPTIONS: Record<string, string> = {
  lotId: 'LOT',
  route: '--route',
  massG: '--mass',
  manifestNumber: '--manifest',
  site: '--site',
  occurredAt: '--occurred-at',
  'sealed.note': '--note',
};
