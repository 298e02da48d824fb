// Figure 2: collection.record over HTTP with operator API tokens at 16
// connections vs one-row FULL commits on the same disk (http-collections.ts).
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { formatCount, formatPercent, formatRate, formatUs, passFail, type Section } from '../report/section';
import { profileNote, WRITE_PATH } from './cpu-profile-of';
import { COLLECTION_POINTS } from './domain-throughput';
import { type HttpCollectionsFigures, measureHttpCollections } from './http-collections';
import type { PartContext } from './lifecycle-scenario';

/** The concurrency figure 2's target is stated for. */
export const HTTP_CONNECTIONS = 16;

export async function runHttpPart({ options, io, workDir }: PartContext): Promise<Section[]> {
  const dir = mkdtempSync(join(workDir, 'http-'));
  const warmupSeconds = options.quick ? 0.5 : 1;
  const profileFile = options.cpuProfileDir
    ? join(options.cpuProfileDir, 'http-collection-record.cpuprofile')
    : undefined;
  const f = await measureHttpCollections({
    workDir: dir,
    connections: HTTP_CONNECTIONS,
    seconds: options.seconds,
    warmupSeconds,
    profileFile,
    progress: io.progress,
  });
  if (f.load.failures > 0) io.progress(`  ${f.load.failures} failed requests: ${JSON.stringify(f.load.statuses)}`);
  return [
    httpCollectionsSection(f, HTTP_CONNECTIONS, [
      'server: the real server (startServer) in a child process on 127.0.0.1 with production defaults: synchronous FULL, group commit of',
      '     appends arriving in the same turn of the event loop, checkpoint interval 1 s, log level info to a file.',
      `load: autocannon, ${HTTP_CONNECTIONS} connections, ${options.seconds} s after ${warmupSeconds} s of warm-up, in the parent process; each request`,
      `     POST /trpc/collection.record with Authorization: Bearer <operator token of its site> (${COLLECTION_POINTS.length} collection points, one token each,`,
      '     made with tokens.create by an administrator), a new weighing with sealed seller data and a fresh idempotency key.',
      `one-row FULL commits: better-sqlite3, WAL, synchronous FULL, a file beside the server's database; one BEGIN IMMEDIATE … COMMIT per`,
      `     ledger_entries row (canonical bytes of the server's collection.recorded entries, mean ${f.commits.meanRowBytes.toFixed(0)} bytes),`,
      `     ${options.seconds / 2} s right before the load and ${options.seconds / 2} s right after it, so that both meet the same disk.`,
      "server CPU/req: the server process's user + system CPU time during the timed run, per request.",
      'appends/commit: ledger appends per group-commit transaction during the timed run (Ledger.appendAsync).',
      ...(profileFile ? [profileNote('server during the timed run', profileFile, WRITE_PATH)] : []),
    ]),
  ];
}

export const HTTP_TARGET = 0.5;

export function httpCollectionsSection(f: HttpCollectionsFigures, connections: number, notes: string[]): Section {
  const valid = f.load.failures === 0;
  const ratio = f.load.requestsPerSecond / f.commits.transactionsPerSecond;
  const pass = valid && ratio >= HTTP_TARGET;
  const what = `collection.record over HTTP with an operator token, ${connections} connections`;
  return {
    title: `collection.record over HTTP (requests/s, ${connections} connections) vs one-row FULL commits on the same disk`,
    headers: ['case', 'rate', 'p50', 'p99', 'server CPU/req', 'appends/commit', 'of baseline', 'target', 'result'],
    rows: [
      [
        `collection.record, Bearer token, ${connections} connections`,
        formatRate(f.load.requestsPerSecond),
        formatUs(f.load.latency.p50Us),
        formatUs(f.load.latency.p99Us),
        formatUs(f.serverCpuPerRequestUs),
        f.appendsPerCommit === null ? '—' : f.appendsPerCommit.toFixed(1),
        formatPercent(ratio),
        `≥ ${formatPercent(HTTP_TARGET)}`,
        valid ? passFail(pass) : `${formatCount(f.load.failures)} failed`,
      ],
      [
        'baseline: one-row FULL commits',
        formatRate(f.commits.transactionsPerSecond),
        `${formatUs(1e6 / f.commits.transactionsPerSecond)} mean`,
        '',
        '',
        '1.0',
        '100 %',
        '—',
        '—',
      ],
    ],
    notes,
    verdicts: [{ what, target: `≥ ${formatPercent(HTTP_TARGET)} of one-row FULL commits`, pass }],
    figures: [
      {
        what,
        requestsPerSecond: f.load.requestsPerSecond,
        requests: f.load.requests,
        p50Us: f.load.latency.p50Us,
        p99Us: f.load.latency.p99Us,
        maxUs: f.load.latency.maxUs,
        failures: f.load.failures,
        statuses: JSON.stringify(f.load.statuses),
        serverCpuPerRequestUs: f.serverCpuPerRequestUs,
        appendsPerCommit: f.appendsPerCommit,
        meanCanonicalBytes: f.meanCanonicalBytes,
        ratioToCommits: ratio,
      },
      { what: 'one-row FULL commits', ...f.commits },
    ],
  };
}
