// Figure 5: `pnpm alutrace demo` into a temporary directory, timed from the
// spawn to the exit of the command as a person runs it, next to a bare
// ledger appending as many entries of the same sizes (demo-baseline.ts).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { databasePath } from '../../src/ledger/open-ledger';
import { formatCount, formatSeconds, passFail, type Section } from '../report/section';
import { runLifecycleChild } from './child';
import type { DemoBaseline } from './demo-baseline';
import type { PartContext } from './lifecycle-scenario';

export const DEMO_LIMIT_MS = 60_000;
const REPO_DIR = fileURLToPath(new URL('../../../..', import.meta.url));
const DEMO_COMMAND = fileURLToPath(new URL('../../src/cli/commands/demo.ts', import.meta.url));

export async function runDemoPart({ io, workDir }: PartContext): Promise<Section[]> {
  if (!existsSync(DEMO_COMMAND)) {
    io.progress('demo: src/cli/commands/demo.ts is not in this checkout; not measured');
    return [
      {
        title: 'Demo load: not measured',
        headers: ['measure', 'figure'],
        rows: [['pnpm alutrace demo', 'not in this checkout (src/cli/commands/demo.ts)']],
        notes: [],
        verdicts: [],
        figures: [],
      },
    ];
  }
  const dataDir = join(workDir, 'demo');
  io.progress(`demo: pnpm -s alutrace demo --data-dir ${dataDir}`);
  const t0 = performance.now();
  const run = await command('pnpm', ['-s', 'alutrace', 'demo', '--data-dir', dataDir], REPO_DIR);
  const demoMs = performance.now() - t0;
  if (run.code !== 0) throw new Error(`alutrace demo failed (exit ${run.code}):\n${run.output.slice(-3000)}`);
  const db = new Database(databasePath(dataDir), { readonly: true });
  const kinds = db.prepare('SELECT kind, count(*) AS n FROM ledger_entries GROUP BY kind ORDER BY n DESC').all() as {
    kind: string;
    n: number;
  }[];
  db.close();
  const entries = kinds.reduce((s, k) => s + k.n, 0);

  io.progress(`demo: bare appends of ${formatCount(entries)} entries of the same sizes, in a child process`);
  const b0 = performance.now();
  const bare = await runLifecycleChild<DemoBaseline>(
    'demo-baseline',
    { sourceDb: databasePath(dataDir), dataDir: join(workDir, 'demo-baseline') },
    { progress: io.progress },
  );
  const bareProcessMs = performance.now() - b0;
  const pass = demoMs < DEMO_LIMIT_MS;
  return [
    {
      title: `Demo load: pnpm alutrace demo into an empty directory vs bare appends of as many entries`,
      headers: ['measure', 'entries', 'time', 'entries/s', 'of bare append', 'target', 'result'],
      rows: [
        [
          'pnpm -s alutrace demo (spawn to exit)',
          formatCount(entries),
          formatSeconds(demoMs),
          formatCount((entries / demoMs) * 1000),
          `${(demoMs / bare.appendMs).toFixed(1)}×`,
          `< ${formatSeconds(DEMO_LIMIT_MS)}`,
          passFail(pass),
        ],
        [
          'baseline: bare appends (append time)',
          formatCount(bare.entries),
          formatSeconds(bare.appendMs),
          formatCount((bare.entries / bare.appendMs) * 1000),
          '1.0×',
          '—',
          '—',
        ],
        ['  … its process, spawn to exit', '', formatSeconds(bareProcessMs), '', '', '—', '—'],
      ],
      notes: [
        `demo: the command as a person runs it, from the repository root, into a new directory under the run's temporary directory;`,
        `     it wrote ${kinds.map((k) => `${formatCount(k.n)} ${k.kind}`).join(', ')}.`,
        `baseline: a fresh ledger (openLedger, synchronous NORMAL as the demo loads) appending the demo's ${formatCount(bare.entries)} entries`,
        `     (mean ${bare.meanCanonicalBytes.toFixed(0)} canonical bytes) under kinds of the same length that no projection handles, 64 per group`,
        '     commit; rows read before the clock starts. Its process time adds Node.js and tsx start-up and reading those rows.',
      ],
      verdicts: [{ what: 'alutrace demo load time', target: `< ${formatSeconds(DEMO_LIMIT_MS)}`, pass }],
      figures: [
        { what: 'alutrace demo', entries, ms: demoMs, kinds: JSON.stringify(kinds) },
        { what: 'bare appends', ...bare, processMs: bareProcessMs },
      ],
    },
  ];
}

function command(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      output += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      output += c;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
