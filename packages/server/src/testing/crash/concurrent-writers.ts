// The CLI and the server appending to one data directory at once: a server
// process takes writes from several HTTP writers while `alutrace site add`
// processes run beside it, a few at a time. Each process keeps its own view
// of the ledger's tip; SQLite's write lock and the tip re-read inside the
// append transaction must keep them from forking the chain or leaving gaps.

import { rmSync } from 'node:fs';
import type { EntryView } from '@alutrace/shared';
import { type CrashLoopReport, verifyDataDir } from './crash-loop';
import { createSiteOverHttp, type ExpectedEntry, type LedgerWrite, missingEntries, seqGaps } from './ledger-writes';
import { ServerHttp } from './server-http';
import { ADMIN, prepareDataDir, runCliProcess, startServerProcess } from './server-process';
import { WriterPool } from './writer-pool';

export interface ConcurrentWritersOptions {
  /** One HTTP writer per element (default: three writers of `sites.create`). */
  writes?: readonly LedgerWrite[];
  /** CLI processes over the run, and how many run at a time. */
  cliProcesses?: number;
  cliAtOnce?: number;
  workDir?: string;
}

export interface ConcurrentWritersReport {
  /** Entries before any writer started (the administrator). */
  bootstrapEntries: number;
  httpAcknowledged: number;
  cliSucceeded: number;
  /** Every failure of any writer, HTTP or CLI: must be none. */
  errors: string[];
  /** The server's warnings, errors and stderr output. */
  serverComplaints: string[];
  entries: number;
  /** Where the CLI's entries landed: among the HTTP writers' ones when the two really ran at once. */
  cliSeqs: number[];
  seqGaps: number[];
  lost: ExpectedEntry[];
  verify: CrashLoopReport['verify'];
  durationMs: number;
}

export async function runConcurrentWriters(options: ConcurrentWritersOptions = {}): Promise<ConcurrentWritersReport> {
  const began = performance.now();
  const dataDir = await prepareDataDir(options.workDir);
  const server = await startServerProcess(dataDir);
  let pool: WriterPool | null = null;
  try {
    const bootstrapEntries = server.firstHealth.ledgerSize;
    const http = new ServerHttp(() => server.url);
    await http.login(ADMIN.username, ADMIN.password);
    pool = new WriterPool(http, options.writes ?? [createSiteOverHttp, createSiteOverHttp, createSiteOverHttp]);
    pool.start();
    const cli = await runCliWriters(dataDir, options.cliProcesses ?? 6, options.cliAtOnce ?? 2);
    const tally = await pool.stop();
    const entries: EntryView[] = await http.entries();
    const stopCode = await server.stop();
    const errors = [...tally.errors, ...cli.errors];
    if (stopCode !== 0) errors.push(`the server exited with ${stopCode} on SIGTERM`);
    return {
      bootstrapEntries,
      httpAcknowledged: tally.acknowledged.length,
      cliSucceeded: cli.written.length,
      errors,
      serverComplaints: server.complaints(),
      entries: entries.length,
      cliSeqs: entries
        .filter((e) => e.entry.kind === 'site.created' && e.entry.actor.type === 'system')
        .map((e) => e.seq),
      seqGaps: seqGaps(entries),
      lost: missingEntries(entries, [...tally.acknowledged, ...cli.written]),
      verify: await verifyDataDir(dataDir),
      durationMs: performance.now() - began,
    };
  } finally {
    // On a failure, writers must not hammer a server that is gone.
    pool?.pause();
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runCliWriters(
  dataDir: string,
  total: number,
  atOnce: number,
): Promise<{ written: ExpectedEntry[]; errors: string[] }> {
  const written: ExpectedEntry[] = [];
  const errors: string[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < total) {
      const code = `CLI${next++}`;
      const r = await runCliProcess(
        ['site', 'add', '--code', code, '--kind', 'collection_point', '--name-zh', `站 ${code}`, '--name-en', code],
        dataDir,
      );
      if (r.code === 0 && r.stderr === '') written.push({ kind: 'site.created', body: { code } });
      else errors.push(`alutrace site add --code ${code} exited ${r.code}: ${r.stderr || r.stdout}`);
    }
  };
  await Promise.all(Array.from({ length: atOnce }, lane));
  return { written, errors };
}
