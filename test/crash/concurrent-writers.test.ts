// The CLI and the server appending to one data directory at once: HTTP
// writers through a server process and `alutrace site add` processes beside it.

import { describeExpected, runConcurrentWriters } from '@alutrace/server/testing';
import { describe, expect, it } from 'vitest';

// About 15 s alone; each CLI process takes seconds more when `pnpm test` shares the two cores.
const TIMEOUT_MS = 120_000;

describe('the CLI and the server appending at once', () => {
  it('leave no gap, no fork and no failed write', { timeout: TIMEOUT_MS }, async () => {
    const report = await runConcurrentWriters({ cliProcesses: 6, cliAtOnce: 2 });
    console.info(
      `concurrent writers: ${report.httpAcknowledged} over HTTP (3 writers), ${report.cliSucceeded} CLI processes, ` +
        `${report.entries} entries, ${Math.round(report.durationMs)} ms`,
    );

    expect(report.errors, 'no writer saw an error (busy database, 500, failed command)').toEqual([]);
    expect(report.serverComplaints, 'the server logged no warning or error').toEqual([]);
    expect(report.cliSucceeded).toBe(6);
    expect(report.httpAcknowledged).toBeGreaterThan(0);
    const [firstCli = 0, lastCli = 0] = [report.cliSeqs[0], report.cliSeqs.at(-1)];
    expect(lastCli - firstCli + 1, 'HTTP writes landed between the CLI ones: they really ran at once').toBeGreaterThan(
      report.cliSeqs.length,
    );
    expect(report.seqGaps, 'sequence numbers without an entry').toEqual([]);
    expect(report.lost.map(describeExpected), 'acknowledged writes missing').toEqual([]);
    expect(report.entries).toBe(report.bootstrapEntries + report.httpAcknowledged + report.cliSucceeded);
    expect(report.verify.exitCode, `verify: ${report.verify.output}`).toBe(0);
    expect(report.verify.entriesChecked).toBe(report.entries);
  });
});
