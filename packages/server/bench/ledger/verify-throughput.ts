// Verify throughput and peak memory, next to the bare hashing rate over the
// same canonical bytes. Verify runs in a child process per measurement (see
// verify-child.ts). Each repetition measures the bare rate right before its
// verify runs, and ratios are taken within a repetition, so that load from
// other processes skews one pair rather than one side.
import { runTsxChild } from '../run-child';
import { median, perSecond } from '../stats';
import { bareHashRate } from './hashing-baseline';
import type { VerifyChildResult } from './verify-child';

export type VerifyWorkers = number | 'default' | 'idle';

export function runVerifyChild(
  dbFile: string,
  verifierKey: string,
  workers: VerifyWorkers,
  cpuProfileDir?: string,
): VerifyChildResult {
  const result = runTsxChild<VerifyChildResult>(
    new URL('./verify-child.ts', import.meta.url),
    [dbFile, verifierKey, String(workers)],
    { cpuProfileDir },
  );
  if (!result.ok) throw new Error(`the benchmark ledger did not verify: ${result.failure}`);
  return result;
}

export interface VerifyFigures {
  defaultWorkers: boolean;
  workers: number;
  rates: number[];
  rate: number;
  /** Median of verify rate ÷ bare hash rate within each repetition. */
  ratio: number;
  /** The largest peak RSS over the repetitions. */
  maxRssBytes: number;
}

export interface VerifyComparison {
  bareRates: number[];
  bareRate: number;
  runs: VerifyFigures[];
}

export function compareVerifyWithHashing(
  ledger: { dbFile: string; entries: number; verifierKey: string },
  configurations: VerifyWorkers[],
  repetitions: number,
  progress: (message: string) => void,
  cpuProfileDir?: string,
): VerifyComparison {
  const bareRates: number[] = [];
  const results = configurations.map(() => [] as VerifyChildResult[]);
  for (let rep = 0; rep < repetitions; rep++) {
    progress(`verify, repetition ${rep + 1} of ${repetitions}: bare SHA-256 of every entry`);
    bareRates.push(bareHashRate(ledger.dbFile, ledger.entries));
    configurations.forEach((workers, i) => {
      progress(`verify, repetition ${rep + 1} of ${repetitions}: workers ${workers}`);
      results[i]?.push(runVerifyChild(ledger.dbFile, ledger.verifierKey, workers, cpuProfileDir));
    });
  }
  const runs = results.map((runsOfConfig) => {
    const rates = runsOfConfig.map((r) => perSecond(r.entriesChecked, r.verifyMs));
    return {
      defaultWorkers: runsOfConfig[0]?.defaultWorkers ?? false,
      workers: runsOfConfig[0]?.workers ?? 0,
      rates,
      rate: median(rates),
      ratio: median(rates.map((rate, i) => rate / (bareRates[i] as number))),
      maxRssBytes: Math.max(...runsOfConfig.map((r) => r.maxRssBytes)),
    };
  });
  return { bareRates, bareRate: median(bareRates), runs };
}
