// Turns the http scenario's figures into its report section: each case's
// rate and latency, its ratio to the bare Fastify route, and for the write
// its ratio to one-row FULL commits, with the two targets.
import {
  type FigureValue,
  formatPercent,
  formatRate,
  formatUs,
  passFail,
  type Section,
  type Verdict,
} from '../report/section';
import type { LoadFigures } from './load';
import type { CommitFigures } from './one-row-commits';

export const HEAD_TARGET = 0.3;
export const WRITE_TARGET = 0.5;

export interface HttpCase {
  figures: LoadFigures;
  request: string;
  /** Log lines the server wrote per request during the case. */
  logLinesPerRequest: number;
  /** CPU time of the server process per request during the timed run. */
  serverCpuPerRequestUs: number;
  /** Ledger appends per group-commit transaction, when the case appended. */
  appendsPerCommit: number | null;
  target?: 'head' | 'write';
}

export function httpSection(cases: HttpCase[], bare: LoadFigures, commits: CommitFigures, notes: string[]): Section {
  const verdicts: Verdict[] = [];
  const figures: Record<string, FigureValue>[] = [];
  const rows: string[][] = [];
  const row = (
    name: string,
    request: string,
    f: LoadFigures,
    ratio: string,
    cpu: string,
    logLines: string,
    target: string,
    result: string,
  ): string[] => [
    name,
    request,
    formatRate(f.requestsPerSecond),
    formatUs(f.latency.p50Us),
    formatUs(f.latency.p99Us),
    ratio,
    cpu,
    logLines,
    target,
    result,
  ];
  for (const c of cases) {
    const f = c.figures;
    const ofBare = f.requestsPerSecond / bare.requestsPerSecond;
    const valid = f.failures === 0;
    const isBare = f === bare;
    let target = '—';
    let result = valid ? '—' : `${f.failures} failed`;
    if (c.target === 'head') {
      const pass = valid && ofBare >= HEAD_TARGET;
      verdicts.push({ what: `${f.name}: rate`, target: `≥ ${formatPercent(HEAD_TARGET)} of the bare route`, pass });
      target = `≥ ${formatPercent(HEAD_TARGET)}`;
      result = valid ? passFail(pass) : result;
    }
    figures.push({
      what: f.name,
      request: c.request,
      requestsPerSecond: f.requestsPerSecond,
      requests: f.requests,
      p50Us: f.latency.p50Us,
      p99Us: f.latency.p99Us,
      maxUs: f.latency.maxUs,
      ratioToBare: ofBare,
      failures: f.failures,
      statuses: JSON.stringify(f.statuses),
      logLinesPerRequest: c.logLinesPerRequest,
      serverCpuPerRequestUs: c.serverCpuPerRequestUs,
      appendsPerCommit: c.appendsPerCommit,
    });
    rows.push(
      row(
        f.name,
        c.request,
        f,
        isBare ? '100 %' : formatPercent(ofBare),
        formatUs(c.serverCpuPerRequestUs),
        c.logLinesPerRequest.toFixed(1),
        target,
        result,
      ),
    );
    if (c.target === 'write') {
      const ofCommits = f.requestsPerSecond / commits.transactionsPerSecond;
      const pass = valid && ofCommits >= WRITE_TARGET;
      verdicts.push({
        what: `${f.name}: rate`,
        target: `≥ ${formatPercent(WRITE_TARGET)} of one-row FULL commits`,
        pass,
      });
      figures.push({ what: `${f.name} vs one-row FULL commits`, ratio: ofCommits });
      rows.push([
        `  … vs one-row FULL commits${c.appendsPerCommit === null ? '' : ` (${c.appendsPerCommit.toFixed(1)} appends/commit)`}`,
        '',
        '',
        '',
        '',
        formatPercent(ofCommits),
        '',
        '',
        `≥ ${formatPercent(WRITE_TARGET)}`,
        valid ? passFail(pass) : `${f.failures} failed`,
      ]);
    }
  }
  figures.push({ what: 'one-row FULL commits', ...commits });
  rows.push([
    'baseline: one-row FULL commits',
    'better-sqlite3, WAL',
    formatRate(commits.transactionsPerSecond),
    `${formatUs(1e6 / commits.transactionsPerSecond)} mean`,
    '',
    '',
    '',
    '',
    '—',
    '—',
  ]);
  return {
    title: 'HTTP throughput (requests/s) vs a bare Fastify route, and writes vs one-row FULL commits',
    headers: [
      'case',
      'request',
      'rate',
      'p50',
      'p99',
      'of bare',
      'server CPU/req',
      'log lines/req',
      'target',
      'result',
    ],
    rows,
    notes,
    verdicts,
    figures,
  };
}
