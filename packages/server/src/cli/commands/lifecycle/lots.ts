// alutrace lots: lots filtered by site, state, grade…, a page at a time.
import { formatMassKg, GRADE_FAMILIES, LOT_KINDS, LOT_STATES, type LotPage, SOURCE_CLASSES } from '@alutrace/shared';
import { type Command, EXIT_OK, str } from '../../cli-kit';
import { READ_EXIT_HELP, REMOTE_HELP, remoteOptions, runRemote } from '../../remote/remote-command';
import { codeOf, usage } from '../../remote/typed-values';
import { describeLot, whereText } from './lot';

export const lotsCommand: Command = {
  name: 'lots',
  summary: 'list lots by site, state, grade, kind, source class or date (server API)',
  usage: [
    'alutrace lots [--site CODE] [--state STATE] [--grade CODE] [--family F] [--kind KIND] [--source-class C] [--from TIME] [--to TIME] [ID-PREFIX]',
    '',
    'Newest first, a page at a time; the last line says how to get the next page.',
    '',
    '  --site CODE          lots made at, held by or on their way to this site',
    `  --state STATE        ${LOT_STATES.join(', ')}`,
    '  --grade CODE         a scrap grade',
    `  --family F           ${GRADE_FAMILIES.join(', ')}`,
    `  --kind KIND          ${LOT_KINDS.join(', ')}`,
    `  --source-class C     ${SOURCE_CLASSES.join(', ')}`,
    '  --from/--to TIME     created on or after / before (ISO-8601 UTC)',
    '  ID-PREFIX            a lot id or its beginning, e.g. PG01-2611',
    '  --limit N            lots per page (1–200, default 50)',
    '  --cursor N           the page after the one that printed this cursor',
    '',
    REMOTE_HELP,
    '',
    READ_EXIT_HELP,
    '',
    'Example:',
    '  alutrace lots --site RC01 --state on_hand',
  ].join('\n'),
  options: {
    ...remoteOptions,
    site: { type: 'string' },
    state: { type: 'string' },
    grade: { type: 'string' },
    family: { type: 'string' },
    kind: { type: 'string' },
    'source-class': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    limit: { type: 'string' },
    cursor: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, io) {
    const [prefix, ...more] = args.positionals;
    if (more.length > 0) throw usage('give at most one lot id prefix', '最多给出一个批次号前缀');
    const int = (name: string): number | undefined => {
      const v = str(args, name);
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v)) throw usage(`--${name} ${v}: a whole number`, `--${name} ${v}：应为整数`);
      return Number(v);
    };
    const site = str(args, 'site');
    const grade = str(args, 'grade');
    const input = {
      site: site === undefined ? undefined : codeOf(site),
      state: str(args, 'state'),
      grade: grade === undefined ? undefined : codeOf(grade),
      family: str(args, 'family'),
      kind: str(args, 'kind'),
      sourceClass: str(args, 'source-class'),
      from: str(args, 'from'),
      to: str(args, 'to'),
      q: prefix?.toUpperCase(),
      limit: int('limit') ?? 50,
      cursor: int('cursor'),
    };
    return runRemote(args, io, { fieldOptions: FIELD_OPTIONS }, async (remote) => {
      const page = await remote.client.query<LotPage>('lots.list', input);
      if (remote.json) {
        io.out(JSON.stringify(page, null, 2));
        return EXIT_OK;
      }
      if (page.lots.length === 0) io.out('no lots match (没有符合条件的批次)');
      for (const lot of page.lots) {
        io.out(
          `${lot.lotId.padEnd(17)} ${formatMassKg(lot.balanceG).padStart(14)} of ${formatMassKg(lot.massG).padEnd(14)} ${describeLot(lot)}, ${whereText(lot)}`,
        );
      }
      if (page.nextCursor !== null) io.out(`more: run again with --cursor ${page.nextCursor}`);
      return EXIT_OK;
    });
  },
};

const FIELD_OPTIONS: Record<string, string> = {
  site: '--site',
  state: '--state',
  grade: '--grade',
  family: '--family',
  kind: '--kind',
  sourceClass: '--source-class',
  from: '--from',
  to: '--to',
  q: 'ID-PREFIX',
  limit: '--limit',
  cursor: '--cursor',
};
