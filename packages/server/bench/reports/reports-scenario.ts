// `pnpm bench reports`: every case in cases/*.ts on the large ledger, each
// figure (median of its timed runs) next to its naive baseline timed in the
// same run, and a report recomputed from the log alone (--at) once.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPORT_INPUTS } from '@alutrace/shared';
import { computeReport } from '../../src/reports/compute-report';
import type { BenchOptions } from '../bench-options';
import type { ScenarioIo, ScenarioOutput } from '../ledger/ledger-scenario';
import { openBenchApp } from '../lifecycle/bench-app';
import { formatCount, formatSeconds, passFail, type Section } from '../report/section';
import { median } from '../stats';
import type { ReportBenchCase, ReportBenchContext } from './report-case';
import { reportsLedger } from './reports-ledger';

const CASES_DIR = fileURLToPath(new URL('./cases', import.meta.url));

async function loadCases(): Promise<{ file: string; cases: ReportBenchCase[] }[]> {
  const files = readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const out = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(`${CASES_DIR}/${file}`).href)) as { cases?: ReportBenchCase[] };
    out.push({ file, cases: mod.cases ?? [] });
  }
  return out;
}

async function timeMs(
  fn: () => unknown,
  warmup: number,
  runs: number,
): Promise<{ medianMs: number; maxMs: number; runs: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), maxMs: Math.max(...times), runs };
}

const ms = (x: number) => (x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(1)} ms`);

/** Twelve calendar months ending with the month of the ledger's last day. */
function lastYear(lastDay: string): { from: string; to: string } {
  const [y, m] = lastDay.split('-').map(Number) as [number, number];
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const from = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  return { from, to };
}

export async function runReportsScenario(options: BenchOptions, io: ScenarioIo): Promise<ScenarioOutput> {
  const ledger = await reportsLedger(options.events, options.rebuild, io.progress);
  const src = ledger.manifest.source;
  const header = [
    `ledger    ${formatCount(src.entries)} entries (${src.days} days from ${src.firstDay}: ${src.sites.collectionPoints.length} collection points, ` +
      `${src.sites.recyclers.length} recyclers, ${src.sites.utilisers.length} utilisers, ${src.sites.buyers.length} buyers), ` +
      `${ledger.prepared ? 'prepared in this run' : 'reused from the cache'}: report aggregates filled from the log in ` +
      `${formatSeconds(ledger.manifest.prepareMs)}`,
  ];
  io.headerLines(header);
  const app = await openBenchApp(ledger.dataDir, { synchronous: 'NORMAL' });
  const sections: Section[] = [];
  try {
    const last = app.db.$client.prepare("SELECT max(day) AS d FROM report_facts WHERE measure = 'collected'").get() as {
      d: string;
    };
    const ctx: ReportBenchContext = {
      app,
      year: lastYear(last.d),
      sites: src.sites,
      entries: app.ledger.size,
    };
    io.progress(`reports: the year ${ctx.year.from} – ${ctx.year.to}`);
    for (const { file, cases } of await loadCases()) {
      const rows: string[][] = [];
      const section: Section = {
        title: `Reports (cases/${file}), ${ctx.year.from} – ${ctx.year.to}, on ${formatCount(ctx.entries)} entries`,
        headers: ['case', 'median', 'max', 'target', 'baseline (same run)', 'baseline median', 'speed-up', 'result'],
        rows,
        notes: [
          'Each case runs in this process on the ledger as the server opens it (WAL, synchronous NORMAL); median of the',
          'timed runs after a warm-up. A report call includes signing a checkpoint if the head lags (it does not here) and',
          'its read snapshot. Baselines: the naive GROUP BY over ledger_entries, reading bodies with json_extract.',
        ],
        verdicts: [],
        figures: [],
      };
      for (const c of cases) {
        io.progress(`reports: ${c.name}`);
        const figure = await timeMs(() => c.run(ctx), c.warmup ?? 1, options.quick ? 2 : (c.runs ?? 5));
        const base = await timeMs(() => c.baseline.run(ctx), 1, options.quick ? 1 : 3);
        const pass = figure.medianMs <= c.targetMs;
        rows.push([
          c.name,
          ms(figure.medianMs),
          ms(figure.maxMs),
          `< ${c.targetMs} ms`,
          c.baseline.name,
          ms(base.medianMs),
          `${(base.medianMs / figure.medianMs).toFixed(0)}×`,
          passFail(pass),
        ]);
        section.verdicts.push({ what: c.name, target: `< ${c.targetMs} ms`, pass });
        section.figures.push({
          case: c.name,
          medianMs: figure.medianMs,
          maxMs: figure.maxMs,
          runs: figure.runs,
          targetMs: c.targetMs,
          baseline: c.baseline.name,
          baselineMedianMs: base.medianMs,
        });
      }
      sections.push(section);
      io.emit(section);
    }
    // The audit path: one report recomputed from the log alone, next to the same report live.
    io.progress('reports: volumes recomputed from the log alone (--at), once');
    const input = REPORT_INPUTS.volumes.parse({ ...ctx.year, period: 'month', groupBy: ['site', 'grade'] });
    const live = computeReport(app, 'volumes', input);
    const t0 = performance.now();
    const fromLog = computeReport(app, 'volumes', input, { at: live.provenance.treeSize });
    const atMs = performance.now() - t0;
    const same = JSON.stringify(fromLog.rows) === JSON.stringify(live.rows);
    const at: Section = {
      title: 'A report from the log alone (--at)',
      headers: ['case', 'time', 'rows', 'equal to the live report'],
      rows: [
        [
          `volumes by site × grade at tree size ${formatCount(live.provenance.treeSize)}`,
          formatSeconds(atMs),
          String(fromLog.rows.length),
          same ? 'yes' : 'NO',
        ],
      ],
      notes: [
        'Reads every entry, checks the Merkle root against the signed checkpoint and folds the log in memory: no target, an audit tool.',
      ],
      verdicts: [{ what: '--at equals the live report', target: 'equal', pass: same }],
      figures: [{ case: 'volumes --at', ms: atMs, rows: fromLog.rows.length, equal: same }],
    };
    sections.push(at);
    io.emit(at);
  } finally {
    app.close();
  }
  return { header, sections };
}
