import { BAISE_DISTRICTS, createSiteInput, PARKS, SITE_KINDS } from '@alutrace/shared';
import { systemActor } from '../../auth/principal';
import { createSite } from '../../domain/sites/create-site';
import { listSites } from '../../domain/sites/site-rows';
import { type Command, EXIT_OK, str, UsageError, usageFromIssues } from '../cli-kit';
import { DATA_DIR_HELP, dataDirOption } from './data-dir';
import { openApp } from './open-app';

export const siteCommand: Command = {
  name: 'site',
  summary: 'add and list sites (for scripted setups)',
  usage: [
    'alutrace site add --code CODE --kind KIND --name-zh NAME --name-en NAME [--district NAME] [--park PARK] [--licence NUMBER]',
    '       alutrace site list',
    '',
    `  --kind KIND      ${SITE_KINDS.join(', ')}`,
    '  --code CODE      capital letters and digits, e.g. PG01',
    `  --district NAME  e.g. ${BAISE_DISTRICTS.slice(0, 4)
      .map((d) => d.zh)
      .join(', ')} …`,
    `  --park PARK      ${PARKS.join(', ')}`,
    '  --licence NUMBER the filing (备案) or licence number of the business',
    DATA_DIR_HELP,
  ].join('\n'),
  options: {
    ...dataDirOption,
    code: { type: 'string' },
    kind: { type: 'string' },
    'name-zh': { type: 'string' },
    'name-en': { type: 'string' },
    district: { type: 'string' },
    park: { type: 'string' },
    licence: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, io) {
    const [sub] = args.positionals;
    if (sub === 'add') {
      const parsed = createSiteInput.safeParse({
        code: str(args, 'code'),
        kind: str(args, 'kind'),
        nameZh: str(args, 'name-zh'),
        nameEn: str(args, 'name-en'),
        district: str(args, 'district'),
        park: str(args, 'park'),
        licence: str(args, 'licence'),
      });
      if (!parsed.success) {
        throw usageFromIssues(parsed.error.issues);
      }
      return openApp(args, io, async (app) => {
        const site = await createSite(app, systemActor('cli'), parsed.data);
        io.out(`created site ${site.code} (${site.kind}): ${site.nameZh} / ${site.nameEn}`);
        return EXIT_OK;
      });
    }
    if (sub === 'list') {
      return openApp(args, io, (app) => {
        for (const s of listSites(app.db)) {
          io.out(
            `${s.code.padEnd(8)} ${s.kind.padEnd(17)} ${s.active ? 'active  ' : 'inactive'} ${s.nameZh} / ${s.nameEn}${s.district ? ` (${s.district})` : ''}`,
          );
        }
        return EXIT_OK;
      });
    }
    throw new UsageError('say what to do: site add or site list');
  },
};
