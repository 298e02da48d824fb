// A real server appending over HTTP is killed with SIGKILL at random moments
// and started again on the same data directory. `pnpm bench crash` runs the
// same loop with 50 kills. Replay a failure with ALUTRACE_CRASH_SEED=<seed>.

import {
  type CrashLoopReport,
  crashSeed,
  createSiteOverHttp,
  createUserOverHttp,
  describeExpected,
  runCrashLoop,
} from '@alutrace/server/testing';
import { describe, expect, it } from 'vitest';

const seed = crashSeed();
// About 20 s alone; each restart takes seconds more when `pnpm test` shares the two cores.
const TIMEOUT_MS = 120_000;

describe(`a server killed at random moments while it appends (seed ${seed})`, () => {
  it('keeps every acknowledged write, restarts cleanly and verifies intact', { timeout: TIMEOUT_MS }, async () => {
    const report: CrashLoopReport = await runCrashLoop({
      kills: 5,
      seed,
      // Three writers of sites; one of users, whose password is hashed before the append.
      writes: [createSiteOverHttp, createSiteOverHttp, createSiteOverHttp, createUserOverHttp],
      uptimeMs: [100, 1500],
    });
    const replay = `(replay with ALUTRACE_CRASH_SEED=${seed})`;
    console.info(
      `crash loop, seed ${seed}: ${report.kills} kills, ${report.acknowledged} acknowledged writes ` +
        `${JSON.stringify(report.acknowledgedByKind)}, ` +
        `${report.lost.length} lost, ${report.cutOff} cut off by a kill (${report.cutOffLanded} landed anyway), ` +
        `${report.ledgerSize} entries, restarts ${report.starts.map((s) => Math.round(s.startMs)).join('/')} ms, ` +
        `${Math.round(report.durationMs)} ms in all`,
    );

    expect(report.acknowledged, `the writers got writes through ${replay}`).toBeGreaterThanOrEqual(report.kills * 2);
    expect(report.errors, `no write failed except by a kill ${replay}`).toEqual([]);
    expect(report.lost.map(describeExpected), `acknowledged writes missing after the kills ${replay}`).toEqual([]);

    expect(report.starts).toHaveLength(report.kills + 1);
    for (const [i, start] of report.starts.entries()) {
      expect(start.complaints, `start ${i} logged no warning or error ${replay}`).toEqual([]);
      expect(start.headTreeSize, `the head signed at start ${i} covers the whole ledger ${replay}`).toBe(
        start.ledgerSize,
      );
    }
    expect(report.stopExitCode, 'the last server shut down cleanly').toBe(0);

    expect(report.verify.exitCode, `verify: ${report.verify.output}`).toBe(0);
    expect(report.verify.ok).toBe(true);
    expect(report.verify.entriesChecked).toBe(report.ledgerSize);
    // Every entry is the administrator, an acknowledged write or a write cut off after it committed.
    // Before any writer: the administrator and the seeded catalogue, as the first start found them.
    const bootstrap = report.starts[0]?.ledgerSize ?? 0;
    expect(report.ledgerSize).toBe(bootstrap + report.acknowledged + report.cutOffLanded);
  });
});
