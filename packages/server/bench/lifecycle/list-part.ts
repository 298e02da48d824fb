// Figure 4: lots.list p99 on the large ledger (built once and cached) vs a
// primary-key select, each filter combination for two readers.
import { join } from 'node:path';
import {
  type FigureValue,
  formatCount,
  formatSeconds,
  formatUs,
  passFail,
  type Section,
  type Verdict,
} from '../report/section';
import type { LatencySummary } from '../stats';
import { runLifecycleChild } from './child';
import type { PartContext } from './lifecycle-scenario';
import { cachedListLedger, type ListLedger, listLedgerDir } from './list-ledger';
import { LIST_P99_LIMIT_US, type ListFigures } from './list-query';

export async function runListPart({ options, io }: PartContext): Promise<Section[]> {
  const cached = options.rebuild ? { ledger: null, reason: '--rebuild' } : cachedListLedger(options.events);
  let ledger = cached.ledger;
  if (ledger) {
    io.progress(`list: reusing the cached ${formatCount(ledger.manifest.entries)}-entry ledger in ${ledger.dataDir}`);
  } else {
    io.progress(
      `list: building a ${formatCount(options.events)}-event ledger through the domain into ${listLedgerDir(options.events)} ` +
        `(${cached.reason}); this takes minutes, once`,
    );
    ledger = await runLifecycleChild<ListLedger>('list-build', { events: options.events }, { progress: io.progress });
  }
  io.progress('list: lots.list calls, per filter combination and reader');
  const f = await runLifecycleChild<ListFigures>(
    'list-query',
    {
      dataDir: ledger.dataDir,
      manifest: ledger.manifest,
      maxSamples: options.quick ? 50 : 200,
      budgetMs: options.quick ? 1_000 : 4_000,
      ...(options.cpuProfileDir ? { profileFile: join(options.cpuProfileDir, 'lots-list.cpuprofile') } : {}),
    },
    { progress: io.progress },
  );
  return [listSection(f, ledger, options.quick)];
}

function listSection(f: ListFigures, ledger: ListLedger, quick: boolean): Section {
  const m = ledger.manifest;
  const verdicts: Verdict[] = [];
  const figures: Record<string, FigureValue>[] = [];
  const pk = f.primaryKey;
  const times = (l: LatencySummary | null): string[] =>
    l ? [formatUs(l.p50Us), formatUs(l.p99Us), `${(l.p99Us / pk.p99Us).toFixed(0)}×`] : ['—', '—', '—'];
  const rows = f.cells.map((c) => {
    const worst = Math.max(c.firstPage.p99Us, c.cursorPage?.p99Us ?? 0);
    const pass = worst < LIST_P99_LIMIT_US;
    const what = `lots.list as ${c.reader}, ${c.combination}`;
    verdicts.push({ what: `${what}: p99 (first and cursor page)`, target: `< ${formatUs(LIST_P99_LIMIT_US)}`, pass });
    figures.push({
      what,
      firstP50Us: c.firstPage.p50Us,
      firstP99Us: c.firstPage.p99Us,
      firstMaxUs: c.firstPage.maxUs,
      samples: c.firstPage.samples,
      cursorP50Us: c.cursorPage?.p50Us ?? null,
      cursorP99Us: c.cursorPage?.p99Us ?? null,
      cursorSamples: c.cursorPage?.samples ?? 0,
      meanRows: c.meanRows,
    });
    return [
      c.reader,
      c.combination,
      c.meanRows.toFixed(0),
      ...times(c.firstPage),
      ...times(c.cursorPage),
      `< ${formatUs(LIST_P99_LIMIT_US)}`,
      passFail(pass),
    ];
  });
  figures.push({ what: 'primary-key select', ...pk });
  rows.push(['baseline', 'SELECT * FROM lots WHERE lot_id = ?', '1', formatUs(pk.p50Us), formatUs(pk.p99Us), '1×']);
  const plans = f.cells
    .filter((c) => c.plan)
    .flatMap((c) => [
      `plan of a slow call (${c.reader}, ${c.combination}):`,
      ...(c.plan ?? []).flatMap((s) => s.plan.map((line) => `     ${line}`)),
    ]);
  return {
    title: `lots.list on a ${formatCount(m.entries)}-entry ledger (µs per call) vs a primary-key select`,
    headers: [
      'reader',
      'filters',
      'rows',
      'p50',
      'p99',
      'p99 ÷ pk',
      'cursor p50',
      'cursor p99',
      'p99 ÷ pk',
      'target',
      'result',
    ],
    rows,
    notes: [
      `ledger: ${formatCount(m.entries)} entries, ${formatCount(m.lots)} lots, ${m.days} simulated days from ${m.firstDay}: ` +
        `${m.sites.collectionPoints.length} collection points, ${m.sites.recyclers.length} recyclers, ` +
        `${m.sites.utilisers.length} utilisers, ${m.sites.buyers.length} buyers (bench/lifecycle/list-network.ts).`,
      ledger.built
        ? `built in this run in ${formatSeconds(m.buildMs)} through the domain functions (synchronous NORMAL, up to 64 appends per group commit).`
        : `reused from ${ledger.dataDir}, built ${m.builtAt} in ${formatSeconds(m.buildMs)} through the domain functions ` +
          '(synchronous NORMAL, up to 64 appends per group commit); --rebuild builds it again.',
      'calls: lots.list through the tRPC caller in-process (access rule, zod parse, procedure; no HTTP), as an official and as an operator',
      `     of ${f.operatorSite} only; filter values drawn afresh for each call (sites, grades, days the ledger holds), default page size (50).`,
      '     "site" for the operator is their own site; "cursor" is the page after the first page\'s nextCursor, when it had one.',
      `samples: up to ${quick ? 50 : 200} calls per cell or ${quick ? 1 : 4} s (at least 20), after 3 untimed; rows = mean rows on the first page.`,
      `baseline: better-sqlite3 SELECT * FROM lots WHERE lot_id = ? of random lots on the same connection, ${formatCount(pk.samples)} calls.`,
      ...plans,
    ],
    verdicts,
    figures,
  };
}
