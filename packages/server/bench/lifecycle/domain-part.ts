// Figure 1: collections through the domain layer vs bare ledger appends of
// the same canonical size, per synchronous setting and group size, each
// case in a child process of its own (domain-throughput.ts).
import { join } from 'node:path';
import type { SyncMode } from '../../src/db/open-database';
import {
  type FigureValue,
  formatCount,
  formatPercent,
  formatRate,
  passFail,
  type Section,
  type Verdict,
} from '../report/section';
import { perSecond } from '../stats';
import { runLifecycleChild } from './child';
import { profileNote, WRITE_PATH } from './cpu-profile-of';
import type { DomainCase, DomainFigures } from './domain-throughput';
import type { PartContext } from './lifecycle-scenario';

export async function runDomainPart({ options, io, workDir }: PartContext): Promise<Section[]> {
  const cases: DomainCase[] = [];
  for (const synchronous of ['FULL', 'NORMAL'] as SyncMode[]) {
    for (const perGroup of [1, 16]) {
      const collections = options.quick ? (perGroup === 1 ? 300 : 1_000) : perGroup === 1 ? 2_000 : 8_000;
      cases.push({ synchronous, perGroup, collections });
    }
  }
  const results: DomainFigures[] = [];
  for (const c of cases) {
    io.progress(`domain: synchronous ${c.synchronous}, ${c.perGroup}/group, ${options.repetitions} repetition(s)`);
    results.push(
      await runLifecycleChild<DomainFigures>(
        'domain',
        { case: c, repetitions: options.repetitions, workDir, profileDir: options.cpuProfileDir },
        { progress: io.progress },
      ),
    );
  }
  const profiles = options.cpuProfileDir
    ? cases.map((c) =>
        profileNote(
          `${c.synchronous}, ${c.perGroup}/group`,
          join(options.cpuProfileDir as string, `domain-${c.synchronous}-${c.perGroup}.cpuprofile`),
          WRITE_PATH,
        ),
      )
    : [];
  return [
    domainSection(results, [
      'domain: createApp on a fresh data directory (8 collection points made with createSite), then recordCollection(deps, caller, input)',
      '     with deps = lifecycleDeps(app) and caller = callerOf(an operator API token of the site), as the router calls it; inputs parsed',
      '     by recordCollectionInput before the clock starts, each with sealed seller data (a valid resident ID or credit code, name,',
      '     often a plate, ticket number, price) and an idempotency key, as a weighbridge sends them.',
      'bare: Ledger.appendAsync of one entry each, on a fresh ledger, replaying the bodies the domain run wrote under the kind',
      '     "collection.baseline" (as long as "collection.recorded"; no projection runs), so the canonical bytes are the same size.',
      'group commit on both sides: "per group" appends submitted in one turn of the event loop (one transaction, one commit),',
      '     awaited before the next group; appends/commit shows what the ledger actually grouped. Checkpoint interval: default (1 s).',
      `each repetition: fresh directories, ≥ 500 untimed warm-up appends on both sides; rates are medians of ${options.repetitions},`,
      '     the ratio is the median of per-repetition ratios (each domain run paired with the bare run right after it).',
      ...(profiles.length > 0
        ? ['CPU profiles of the first domain run of each case (timed part only):', ...profiles]
        : []),
    ]),
  ];
}

export const DOMAIN_TARGET = 0.5;

export function domainSection(cases: DomainFigures[], notes: string[]): Section {
  const verdicts: Verdict[] = [];
  const figures: Record<string, FigureValue>[] = [];
  const rows: string[][] = [];
  for (const c of cases) {
    const what = `collections through the domain, synchronous ${c.synchronous}, ${c.perGroup}/group`;
    const pass = c.ratio >= DOMAIN_TARGET;
    verdicts.push({ what, target: `≥ ${formatPercent(DOMAIN_TARGET)} of bare appends`, pass });
    const first = c.domain[0];
    const bareFirst = c.bare[0];
    figures.push({
      what,
      synchronous: c.synchronous,
      perGroup: c.perGroup,
      collections: c.collections,
      domainRate: c.domainRate,
      bareRate: c.bareRate,
      ratio: c.ratio,
      domainRates: c.domain.map((r) => Math.round(perSecond(c.collections, r.ms))).join(' '),
      bareRates: c.bare.map((r) => Math.round(perSecond(c.collections, r.ms))).join(' '),
      domainCanonicalBytes: first?.meanCanonicalBytes ?? null,
      bareCanonicalBytes: bareFirst?.meanCanonicalBytes ?? null,
      domainAppendsPerCommit: first?.appendsPerCommit ?? null,
      bareAppendsPerCommit: bareFirst?.appendsPerCommit ?? null,
    });
    rows.push([
      c.synchronous,
      `${c.perGroup}`,
      formatCount(c.collections),
      formatRate(c.domainRate),
      formatRate(c.bareRate),
      formatPercent(c.ratio),
      `${(1e6 / c.domainRate).toFixed(0)} / ${(1e6 / c.bareRate).toFixed(0)} µs`,
      `${first?.meanCanonicalBytes.toFixed(0)} / ${bareFirst?.meanCanonicalBytes.toFixed(0)} B`,
      `${first?.appendsPerCommit.toFixed(1)} / ${bareFirst?.appendsPerCommit.toFixed(1)}`,
      `≥ ${formatPercent(DOMAIN_TARGET)}`,
      passFail(pass),
    ]);
  }
  return {
    title: 'Collections through the domain (recordCollection) vs bare ledger appends of the same size',
    headers: [
      'synchronous',
      'per group',
      'timed',
      'domain',
      'bare append',
      'ratio',
      'time each (domain / bare)',
      'canonical (domain / bare)',
      'appends/commit',
      'target',
      'result',
    ],
    rows,
    notes,
    verdicts,
    figures,
  };
}
