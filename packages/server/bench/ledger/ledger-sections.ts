// Turns the ledger scenario's figures into report sections: the measured
// figure, its baseline, their ratio, the target and whether it is met.
import {
  type FigureValue,
  formatCount,
  formatMb,
  formatPercent,
  formatRate,
  formatUs,
  passFail,
  type Section,
  type Verdict,
} from '../report/section';
import type { LatencySummary } from '../stats';
import type { AppendFigures } from './append-throughput';
import type { HashingBreakdown } from './hashing-baseline';
import type { ProofFigures } from './proof-latency';
import type { VerifyComparison } from './verify-throughput';

export const APPEND_TARGET = 0.5;
export const VERIFY_TARGET = 0.7;
export const VERIFY_RSS_LIMIT_BYTES = 200 * 1024 * 1024;
export const PROOF_P99_LIMIT_US = 1000;

export interface FillFigures {
  entries: number;
  ledgerRate: number;
  rawRate: number;
}

export function appendSection(cases: AppendFigures[], fill: FillFigures | null, notes: string[]): Section {
  const verdicts: Verdict[] = [];
  const figures: Record<string, FigureValue>[] = [];
  const rows = cases.map((c) => {
    const ratio = c.ratio;
    const what = `append ${c.perTransaction}/tx ${c.synchronous}`;
    const targeted = c.perTransaction >= 1000;
    if (targeted)
      verdicts.push({ what, target: `≥ ${formatPercent(APPEND_TARGET)} of raw`, pass: ratio >= APPEND_TARGET });
    figures.push({ what, ...numbers(c) });
    return [
      formatCount(c.perTransaction),
      c.synchronous,
      `${formatCount(c.entries)} × ${c.ledgerRates.length}`,
      formatRate(c.ledgerRate),
      formatRate(c.rawRate),
      formatPercent(ratio),
      targeted ? `≥ ${formatPercent(APPEND_TARGET)}` : '—',
      targeted ? passFail(ratio >= APPEND_TARGET) : '—',
    ];
  });
  if (fill) {
    const ratio = fill.ledgerRate / fill.rawRate;
    const what = `fill 0→${formatCount(fill.entries)}, 1000/tx NORMAL`;
    verdicts.push({ what, target: `≥ ${formatPercent(APPEND_TARGET)} of raw`, pass: ratio >= APPEND_TARGET });
    figures.push({ what, ...fill, ratio });
    rows.push([
      '1,000',
      'NORMAL',
      `fill 0→${formatCount(fill.entries)}`,
      formatRate(fill.ledgerRate),
      formatRate(fill.rawRate),
      formatPercent(ratio),
      `≥ ${formatPercent(APPEND_TARGET)}`,
      passFail(ratio >= APPEND_TARGET),
    ]);
  }
  return {
    title: 'Append throughput (entries/s): ledger.append vs raw INSERT of the same rows',
    headers: [
      'entries/tx',
      'synchronous',
      'entries × reps',
      'ledger.append',
      'raw insert',
      'ratio',
      'target',
      'result',
    ],
    rows,
    notes,
    verdicts,
    figures,
  };
}

function numbers(c: AppendFigures): Record<string, FigureValue> {
  return {
    synchronous: c.synchronous,
    perTransaction: c.perTransaction,
    entries: c.entries,
    ledgerRate: c.ledgerRate,
    rawRate: c.rawRate,
    ledgerRates: c.ledgerRates.map(Math.round).join(' '),
    rawRates: c.rawRates.map(Math.round).join(' '),
    ratio: c.ratio,
  };
}

export function verifySection(
  comparison: VerifyComparison,
  breakdown: HashingBreakdown,
  idleRssBytes: number,
  entries: number,
  notes: string[],
): Section {
  const verdicts: Verdict[] = [];
  const figures: Record<string, FigureValue>[] = [
    { what: 'bare SHA-256', rate: comparison.bareRate, rates: comparison.bareRates.map(Math.round).join(' ') },
    { what: 'hashing breakdown', ...breakdown },
    { what: 'verify child at rest', maxRssBytes: idleRssBytes },
  ];
  const rows: string[][] = [];
  for (const run of comparison.runs) {
    const threads =
      run.workers >= 2 ? `${run.workers} threads: this one and ${run.workers - 1} worker` : 'in one thread';
    const label = `verify, ${run.defaultWorkers ? 'default workers' : `workers: ${run.workers}`} (${threads})`;
    const rateOk = run.ratio >= VERIFY_TARGET;
    const rssOk = run.maxRssBytes < VERIFY_RSS_LIMIT_BYTES;
    verdicts.push({
      what: `${label}: rate`,
      target: `≥ ${formatPercent(VERIFY_TARGET)} of bare SHA-256`,
      pass: rateOk,
    });
    verdicts.push({ what: `${label}: peak RSS`, target: `< ${formatMb(VERIFY_RSS_LIMIT_BYTES)}`, pass: rssOk });
    figures.push({
      what: label,
      defaultWorkers: run.defaultWorkers,
      workers: run.workers,
      rate: run.rate,
      rates: run.rates.map(Math.round).join(' '),
      ratio: run.ratio,
      maxRssBytes: run.maxRssBytes,
    });
    rows.push([
      label,
      formatRate(run.rate),
      formatRate(comparison.bareRate),
      formatPercent(run.ratio),
      `≥ ${formatPercent(VERIFY_TARGET)}`,
      passFail(rateOk),
    ]);
    rows.push([
      '  peak RSS of that process (baseline: at rest)',
      formatMb(run.maxRssBytes),
      formatMb(idleRssBytes),
      `${(run.maxRssBytes / idleRssBytes).toFixed(1)}×`,
      `< ${formatMb(VERIFY_RSS_LIMIT_BYTES)}`,
      passFail(rssOk),
    ]);
  }
  const sample = `first ${formatCount(breakdown.sampleEntries)}`;
  rows.push([`hashing only, 1 thread, ${sample} entries in memory:`, '', '', '', '', '']);
  const lines: [string, number][] = [
    ['  SHA-256(canonical)', breakdown.bare],
    ['  hashLeaf = SHA-256(0x00‖canonical)', breakdown.leaf],
    ['  hashLeaf + interior nodes', breakdown.leafAndNodes],
    ['  node:crypto SHA-256(canonical)', breakdown.nodeCrypto],
  ];
  for (const [label, rate] of lines) {
    rows.push([label, formatRate(rate), formatRate(breakdown.bare), formatPercent(rate / breakdown.bare), '—', '—']);
  }
  return {
    title: `Verify throughput over ${formatCount(entries)} entries (entries/s) vs bare SHA-256 of the same bytes (1 thread)`,
    headers: ['measure', 'figure', 'bare SHA-256', 'ratio', 'target', 'result'],
    rows,
    notes,
    verdicts,
    figures,
  };
}

export function proofSection(proofs: ProofFigures, entries: number, notes: string[]): Section {
  const verdicts: Verdict[] = [];
  const figures: Record<string, FigureValue>[] = [];
  const read = proofs.rowRead;
  const cells = (l: LatencySummary): string[] => [formatUs(l.p50Us), formatUs(l.p99Us), formatUs(l.maxUs)];
  const rows = proofs.operations.map((op) => {
    const pass = op.latency.p99Us < PROOF_P99_LIMIT_US;
    verdicts.push({ what: `${op.name} p99`, target: `< ${formatUs(PROOF_P99_LIMIT_US)}`, pass });
    figures.push({ what: op.name, ...op.latency, readsPerCall: op.readsPerCall });
    return [
      op.name,
      ...cells(op.latency),
      op.readsPerCall.toFixed(1),
      `${(op.latency.p50Us / read.p50Us).toFixed(1)}×`,
      `${(op.latency.p99Us / read.p99Us).toFixed(1)}×`,
      `p99 < ${formatUs(PROOF_P99_LIMIT_US)}`,
      passFail(pass),
    ];
  });
  figures.push({ what: 'primary-key read', ...read });
  rows.push(['baseline: 1 primary-key read', ...cells(read), '1.0', '1.0×', '1.0×', '—', '—']);
  return {
    title: `Proof latency at ${formatCount(entries)} entries (µs per call, from storage)`,
    headers: ['operation', 'p50', 'p99', 'max', 'reads/call', 'p50 ÷ read', 'p99 ÷ read', 'target', 'result'],
    rows,
    notes,
    verdicts,
    figures,
  };
}
