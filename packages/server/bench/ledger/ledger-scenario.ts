// The `ledger` scenario: append, verify and proof figures, each next to a
// baseline measured in the same run on the same rows.
//
// Order matters for fairness: the large ledger is built first and flushed to
// disk (`sync`) before the append cases run, so that its write-back does not
// land inside their fsyncs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncMode } from '../../src/db/open-database';
import type { BenchOptions } from '../bench-options';
import { formatCount, formatSeconds, type Section } from '../report/section';
import { perSecond } from '../stats';
import { type AppendFigures, measureAppend } from './append-throughput';
import { FILL_PER_TRANSACTION, fillLedger, replayFillRaw } from './fill-ledger';
import { hashingBreakdown } from './hashing-baseline';
import { appendSection, proofSection, verifySection } from './ledger-sections';
import { measureProofsInChild } from './proof-latency';
import { compareVerifyWithHashing, runVerifyChild } from './verify-throughput';

export interface ScenarioOutput {
  /** Lines printed under the machine header (row size and such). */
  header: string[];
  sections: Section[];
}

export interface ScenarioIo {
  /** Progress, on stderr so that stdout holds only the report. */
  progress(message: string): void;
  /** Prints a section as soon as it is measured. */
  emit(section: Section): void;
  headerLines(lines: string[]): void;
}

const SYNC_MODES: SyncMode[] = ['FULL', 'NORMAL'];

export async function runLedgerScenario(options: BenchOptions, io: ScenarioIo): Promise<ScenarioOutput> {
  const workDir = mkdtempSync(join(options.workDir ?? tmpdir(), 'alutrace-bench-'));
  const sections: Section[] = [];
  const emit = (section: Section): void => {
    sections.push(section);
    io.emit(section);
  };
  try {
    io.progress(`building a ${formatCount(options.entries)}-entry ledger in ${workDir}`);
    const filled = fillLedger(join(workDir, 'large'), options.entries, (done) =>
      io.progress(`  ${formatCount(done)} entries`),
    );
    io.progress('replaying its rows into a raw table for the fill baseline');
    const fillRawMs = replayFillRaw(filled, workDir);
    if (process.platform !== 'win32') execFileSync('sync');
    const header = [
      `rows      mean canonical entry ${filled.meanCanonicalBytes.toFixed(0)} bytes; ` +
        `${(filled.dbFileBytes / filled.entries).toFixed(0)} bytes per entry on disk (indexes, tree nodes, checkpoints)`,
      `ledger    ${formatCount(filled.entries)} entries built in ${formatSeconds(filled.appendMs)} of append ` +
        `(synchronous NORMAL, ${formatCount(FILL_PER_TRANSACTION)}/tx, default checkpoint interval: ${formatCount(filled.checkpoints)} checkpoints)`,
    ];
    io.headerLines(header);

    const appendSizes = options.quick ? { single: 500, batched: 10_000 } : { single: 10_000, batched: 100_000 };
    const cases: AppendFigures[] = [];
    for (const synchronous of SYNC_MODES) {
      for (const perTransaction of [1, 1000]) {
        io.progress(`append: ${perTransaction}/tx, synchronous ${synchronous}`);
        const entries = perTransaction === 1 ? appendSizes.single : appendSizes.batched;
        cases.push(measureAppend({ synchronous, perTransaction, entries }, options.repetitions, workDir));
      }
    }
    emit(
      appendSection(
        cases,
        {
          entries: filled.entries,
          ledgerRate: perSecond(filled.entries, filled.appendMs),
          rawRate: perSecond(filled.entries, fillRawMs),
        },
        [
          'ledger: openLedger({ dataDir, synchronous }) then ledger.append(batch); checkpoint interval = product default (1000 ms), signing inline when due.',
          'raw: the rows that ledger run stored, read back and inserted with better-sqlite3 into a table made from drizzle/0000_ledger.sql',
          '     (same indexes, no append-only triggers), same pragmas (WAL, same synchronous), same BEGIN IMMEDIATE batches.',
          `each repetition: fresh databases, a warm-up of ≥ 500 entries and ≥ 5 transactions, then the timed entries. Rates are medians of ${options.repetitions};`,
          '     the ratio is the median of per-repetition ratios (each ledger run paired with the raw run right after it).',
          'fill row: the large ledger build (time inside append only) vs its rows replayed in the same 1,000-row transactions.',
          'target applies to 1,000-entry transactions; 1/tx rows are shown for the fsync-bound case.',
        ],
      ),
    );

    const idleRss = runVerifyChild(filled.dbFile, filled.verifierKey, 'idle').maxRssBytes;
    const comparison = compareVerifyWithHashing(
      filled,
      ['default', 0],
      options.verifyRepetitions,
      io.progress,
      options.cpuProfileDir,
    );
    io.progress('hashing breakdown');
    const breakdown = hashingBreakdown(filled.dbFile, filled.entries);
    emit(
      verifySection(comparison, breakdown, idleRss, filled.entries, [
        'verify: verifyLedger(sqlite, { verifier, origin, workers }) in a child process (node --import tsx bench/ledger/verify-child.ts);',
        '        rate = entries / time of the verifyLedger call (worker start-up included, process start-up not).',
        '        peak RSS = VmHWM of that child, worker threads included (resourceUsage().maxRSS would count the parent: see verify-child.ts).',
        '        baseline "at rest": the same child with its modules loaded and the database open, not verifying.',
        'bare SHA-256: sha256(canonical) from @noble/hashes, one thread, over every stored entry, read into memory 65,536 at a time before timing.',
        `each of ${options.verifyRepetitions} repetition(s): bare pass, then each verify; figures are medians, ratios the median of per-repetition ratios.`,
        'hashing rows: median of 5 interleaved rounds on the first chunk, against SHA-256 on that chunk. Verify must compute the leaf',
        '        hash and the interior nodes (≈ 1 per leaf), so "hashLeaf + interior nodes" is its ceiling in one thread.',
        ...(options.cpuProfileDir
          ? ["--cpu-prof was on: the verify rates above include the profiler's overhead."]
          : []),
      ]),
    );

    const samples = options.quick ? 1_000 : 10_000;
    const warmup = options.quick ? 200 : 1_000;
    io.progress(`proofs: ${formatCount(samples)} samples each`);
    emit(
      proofSection(measureProofsInChild(filled.dataDir, filled.entries, samples, warmup), filled.entries, [
        `${formatCount(samples)} timed calls each after ${formatCount(warmup)} warm-up calls; random sizes 1..n, random index < size, random 1 ≤ from ≤ size.`,
        'calls: ledger.tree.inclusionProof(index, size), .consistencyProof(from, size), .root(size), one at a time (process.hrtime.bigint).',
        'baseline: SELECT leaf_hash FROM ledger_entries WHERE seq = ? at random seq, same connection. reads/call counted in an untimed pass.',
        "measured in a fresh child process (bench/ledger/proof-child.ts), so that GC of this process's heap does not stretch the tail.",
      ]),
    );
    return { header, sections };
  } finally {
    if (options.keep) io.progress(`kept the ledgers in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}
