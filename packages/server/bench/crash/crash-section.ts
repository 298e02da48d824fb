// Turns a crash loop's report into its section: each figure with its target.
import type { CrashLoopReport } from '../../src/testing/crash/crash-loop';
import { type FigureValue, formatCount, passFail, type Section, type Verdict } from '../report/section';
import { percentile } from '../stats';

export function crashSection(r: CrashLoopReport, notes: string[]): Section {
  const verdicts: Verdict[] = [];
  const rows: string[][] = [];
  const row = (what: string, figure: string, target?: { text: string; pass: boolean }): void => {
    if (target) verdicts.push({ what, target: target.text, pass: target.pass });
    rows.push([what, figure, target?.text ?? '—', target ? passFail(target.pass) : '—']);
  };
  const restarts = r.starts.slice(1).map((s) => s.startMs);
  const clean = r.starts.filter((s) => s.complaints.length === 0).length;
  const covered = r.starts.filter((s) => s.headTreeSize === s.ledgerSize).length;
  // What the data directory held before any writer started (the administrator, the seeded catalogue).
  const bootstrap = r.starts[0]?.ledgerSize ?? 0;
  const unexplained = r.ledgerSize - (bootstrap + r.acknowledged + r.cutOffLanded);
  const ms = (v: number): string => `${formatCount(v)} ms`;

  row('kills (SIGKILL)', formatCount(r.kills));
  row('acknowledged writes', formatCount(r.acknowledged));
  row('lost acknowledged writes', formatCount(r.lost.length), { text: '0', pass: r.lost.length === 0 });
  row('unacknowledged writes in flight at a kill', formatCount(r.cutOff));
  row('  of which landed anyway', formatCount(r.cutOffLanded));
  row('failed writes not caused by a kill', formatCount(r.errors.length), { text: '0', pass: r.errors.length === 0 });
  if (restarts.length > 0) {
    row('restart time p50', ms(percentile(restarts, 50)));
    row('restart time p99', ms(percentile(restarts, 99)));
  }
  row('clean starts', `${clean} of ${r.starts.length}`, { text: 'all', pass: clean === r.starts.length });
  row('head covers the ledger after each start', `${covered} of ${r.starts.length}`, {
    text: 'all',
    pass: covered === r.starts.length,
  });
  row('orderly shutdown at the end (SIGTERM)', `exit ${r.stopExitCode}`, {
    text: 'exit 0',
    pass: r.stopExitCode === 0,
  });
  row(
    'verify',
    r.verify.ok ? `intact, ${formatCount(r.verify.entriesChecked)} entries` : `FAILED (exit ${r.verify.exitCode})`,
    { text: 'intact', pass: r.verify.ok && r.verify.entriesChecked === r.ledgerSize },
  );
  row('entries not explained by a write', formatCount(unexplained), { text: '0', pass: unexplained === 0 });

  const extra: string[] = [];
  for (const lost of r.lost.slice(0, 5)) extra.push(`LOST: ${lost.kind} ${JSON.stringify(lost.body)}`);
  for (const error of r.errors.slice(0, 5)) extra.push(`ERROR: ${error}`);
  for (const [i, s] of r.starts.entries()) {
    for (const c of s.complaints.slice(0, 2)) extra.push(`start ${i} complained: ${c.trim().slice(0, 300)}`);
  }
  if (!r.verify.ok) extra.push(`verify said: ${r.verify.output.trim().slice(0, 600)}`);

  const figures: Record<string, FigureValue>[] = [
    {
      what: 'crash loop',
      seed: r.seed,
      kills: r.kills,
      acknowledged: r.acknowledged,
      lost: r.lost.length,
      inFlight: r.cutOff,
      inFlightLanded: r.cutOffLanded,
      errors: r.errors.length,
      restartP50Ms: restarts.length > 0 ? percentile(restarts, 50) : null,
      restartP99Ms: restarts.length > 0 ? percentile(restarts, 99) : null,
      restartMs: restarts.map(Math.round).join(' '),
      cleanStarts: clean,
      starts: r.starts.length,
      headCoversLedger: covered,
      verifyOk: r.verify.ok,
      entries: r.ledgerSize,
      durationMs: r.durationMs,
    },
  ];
  return {
    title: `Crash safety: ${formatCount(r.kills)} SIGKILLs of a server appending over HTTP (${formatCount(r.durationMs / 1000)} s)`,
    headers: ['measure', 'figure', 'target', 'result'],
    rows,
    notes: [...notes, ...extra],
    verdicts,
    figures,
  };
}
