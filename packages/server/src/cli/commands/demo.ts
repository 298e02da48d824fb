import { resolve } from 'node:path';
import { DEMO_DAYS } from '../../demo/calendar';
import { DEMO_MARKER_FILE, readDemoMarker } from '../../demo/demo-marker';
import {
  DEFAULT_DEMO_SEED,
  type DemoSummary,
  DemoTargetNotEmpty,
  holdsCompleteDemo,
  loadDemo,
} from '../../demo/load-demo';
import { type CliIo, type Command, EXIT_OK, EXIT_USAGE, flag, type ParsedArgs, str, UsageError } from '../cli-kit';
import { createProgress, formatDuration, type Progress } from '../progress';
import { serveCommand } from './serve';

export const DEFAULT_DEMO_DIR = './data-demo';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'load a generated year of the Baise base into an empty data directory (demo data)',
  usage: [
    'alutrace demo [--data-dir DIR] [--days N] [--seed N] [--serve]',
    '',
    'Generates a year (1 Dec 2025 – 30 Nov 2026) of the Baise recycled-aluminium base:',
    '12 collection points, 3 recyclers, 2 dross utilisers, 6 buyers and the authority,',
    'a demo user for each site and role, and every collection, truck, sorting, melting',
    'and casting run, shipment and dross route of the year, recorded through the same',
    'rules as the API. A few anomalies are deliberate (README, "Demo data").',
    '',
    'Refuses a directory that is not new or empty. The directory is marked as demo',
    `data (${DEMO_MARKER_FILE}): the server logs it and the web app shows a banner.`,
    'Demo users and their passwords are listed in the README; they are public.',
    '',
    `  --data-dir DIR   where to load (default: $ALUTRACE_DATA_DIR or ${DEFAULT_DEMO_DIR})`,
    `  --days N         load only the first N days (1–${DEMO_DAYS}, default ${DEMO_DAYS})`,
    `  --seed N         another deterministic year (default ${DEFAULT_DEMO_SEED})`,
    '  --serve          then start the server on it; a directory that already holds a',
    '                   complete demo is served as it is',
  ].join('\n'),
  options: {
    'data-dir': { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    serve: { type: 'boolean' },
  },
  async run(args, io) {
    const dataDir = resolve(io.cwd, str(args, 'data-dir') ?? io.env.ALUTRACE_DATA_DIR ?? DEFAULT_DEMO_DIR);
    const days = wholeNumber(args, 'days', DEMO_DAYS, 1, DEMO_DAYS);
    const seed = wholeNumber(args, 'seed', DEFAULT_DEMO_SEED, 0, 2 ** 32 - 1);
    const serve = flag(args, 'serve');
    if (serve && holdsCompleteDemo(dataDir)) {
      io.out(`${dataDir} already holds the demo; starting the server on it (delete the directory to load afresh).`);
      return startServing(dataDir, io);
    }
    // Drawn from the first report on, after the set-up (password hashing), so that the rate is the load's.
    let progress: Progress | null = null;
    const onProgress = (done: number, total: number): void => {
      progress ??= createProgress({ label: 'demo', total });
      progress.setTotal(total);
      progress.set(done);
    };
    let summary: DemoSummary;
    try {
      summary = await loadDemo({ dataDir, days, seed, env: io.env, cwd: io.cwd, onProgress });
    } catch (e) {
      if (e instanceof DemoTargetNotEmpty) {
        if (readDemoMarker(dataDir)?.complete === false) {
          io.err(`alutrace demo: ${dataDir} holds a demo load that did not finish: delete it and run again.`);
          io.err('该目录中的演示数据未载入完成：请删除该目录后重新运行。');
          return EXIT_USAGE;
        }
        io.err(`alutrace demo: ${e.message}`);
        io.err('演示数据只能载入新的或空的目录，以免与真实账本混在一起：请换一个 --data-dir，或先删除该目录。');
        return EXIT_USAGE;
      }
      finish(progress, 'failed');
      io.err(
        `alutrace demo: the load failed; ${dataDir} holds an unfinished demo (delete it before loading again).\n${(e as Error).stack ?? e}`,
      );
      return EXIT_USAGE;
    }
    finish(progress);
    printSummary(io, summary);
    return serve ? startServing(dataDir, io) : EXIT_OK;
  },
};

function wholeNumber(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const text = str(args, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}`);
  return n;
}

function finish(progress: Progress | null, message?: string): void {
  progress?.done(message);
}

function startServing(dataDir: string, io: CliIo): Promise<number> {
  return serveCommand.run({ values: {}, positionals: [] }, { ...io, env: { ...io.env, ALUTRACE_DATA_DIR: dataDir } });
}

const n = (v: number): string => v.toLocaleString('en-US');
const t = (g: number): string =>
  `${(g / 1_000_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} t`;

function printSummary(io: CliIo, s: DemoSummary): void {
  io.out(
    `alutrace demo: ${n(s.entries)} ledger entries for ${s.days} days (${s.from} – ${s.to}, seed ${s.seed}) in ${formatDuration(s.elapsedMs)}`,
  );
  io.out(`  data directory  ${s.dataDir} (marked as demo data: ${DEMO_MARKER_FILE})`);
  io.out(`  tree root       ${s.rootHash}`);
  io.out('  entries by kind');
  for (const k of s.byKind) io.out(`    ${k.kind.padEnd(22)} ${n(k.count).padStart(8)}`);
  const roles = new Map<string, string[]>();
  for (const u of s.users) roles.set(u.role, [...(roles.get(u.role) ?? []), u.username]);
  io.out(`  demo users      ${s.users.length}, one per site and role:`);
  for (const [role, names] of roles) io.out(`    ${role.padEnd(9)} ${names.join(' ')}`);
  io.out('                  passwords: demo-<role>-<SITE> (op-pg01 → demo-operator-PG01), demo-official, demo-admin;');
  io.out('                  listed in README.md, "Demo data". Public: never use them for real records.');
  const a = s.anomalies;
  io.out('  deliberate anomalies');
  if (a.transit)
    io.out(
      `    transit discrepancy  ${a.transit.lotId} ${a.transit.from} → ${a.transit.to} on ${a.transit.date}: ${t(a.transit.dispatchedG)} sent, ${t(a.transit.receivedG)} received`,
    );
  if (a.lowYield)
    io.out(
      `    low-yield melt       ${a.lowYield.liquidLot} at ${a.lowYield.site} on ${a.lowYield.date}: ${pct(a.lowYield.metalFromScrapG, a.lowYield.scrapG)} metal from the scrap, band from ${(a.lowYield.bandMinPpm / 10_000).toFixed(1)} %`,
    );
  if (a.correction)
    io.out(
      `    correction           ${a.correction.voidedLot} (${t(a.correction.voidedNetG)}, gross mistyped) → ${a.correction.replacementLot} (${t(a.correction.replacementNetG)}) at ${a.correction.site} on ${a.correction.date}`,
    );
  if (a.duplicate)
    io.out(
      `    duplicate            ${a.duplicate.voidedLot} declared a duplicate of ${a.duplicate.keptLot} at ${a.duplicate.site} on ${a.duplicate.date}`,
    );
  if (a.sellerSpike)
    io.out(
      `    seller spike         ${a.sellerSpike.lots.length} loads, ${t(a.sellerSpike.totalNetG)} from one individual (sealed; an official finds them with sellers.search) at ${a.sellerSpike.site} on ${a.sellerSpike.date}`,
    );
  io.out(`Start the server on it: ALUTRACE_DATA_DIR=${s.dataDir} pnpm alutrace serve`);
}

function pct(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(1)} %`;
}
