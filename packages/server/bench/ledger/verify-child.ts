// Runs one `verify` in a process of its own, so that its peak memory (worker
// threads included: they live in this process) is measured alone.
//
//   node --import tsx bench/ledger/verify-child.ts DB_FILE VERIFIER_KEY WORKERS|default|idle
//
// Prints one JSON line (VerifyChildResult) on stdout. `idle` loads the same
// modules and opens the database but does not verify: the memory baseline.
import { readFileSync } from 'node:fs';
import { parseVerifierKey, readCheckpointNote } from '@alutrace/shared';
import { openDatabase } from '../../src/db/open-database';
import { defaultVerifyWorkers, verifyLedger } from '../../src/ledger/verify-ledger';

export interface VerifyChildResult {
  ok: boolean;
  failure: string | null;
  entriesChecked: number;
  /** Whether `workers` was left to verifyLedger's default. */
  defaultWorkers: boolean;
  /** Worker threads verify actually started (0: it ran in this thread). */
  workers: number;
  /** Time of the verifyLedger call alone: no process start-up or module loading. */
  verifyMs: number;
  /** Peak RSS of this process alone (VmHWM); see peakRssBytes. */
  maxRssBytes: number;
  /** process.resourceUsage().maxRSS, which on Linux also counts the parent's RSS at fork. */
  resourceUsageMaxRssBytes: number;
}

const [dbFile, verifierKey, workersArg] = process.argv.slice(2);
if (!dbFile || !verifierKey || !workersArg) {
  console.error('usage: verify-child.ts DB_FILE VERIFIER_KEY WORKERS|default|idle');
  process.exit(2);
}
const idle = workersArg === 'idle';
const requested = workersArg === 'default' ? defaultVerifyWorkers() : idle ? 0 : Number(workersArg);
const db = openDatabase(dbFile, { readonly: true });
const head = db.$client
  .prepare<[], { note: string }>('SELECT note FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1')
  .get();
const verifier = parseVerifierKey(verifierKey);
const t0 = performance.now();
const report = idle
  ? null
  : await verifyLedger(db.$client, {
      verifier,
      ...(head ? { origin: readCheckpointNote(head.note).origin } : {}),
      ...(workersArg === 'default' ? {} : { workers: requested }),
    });
const verifyMs = performance.now() - t0;
db.$client.close();
const result: VerifyChildResult = {
  ok: report?.ok ?? true,
  failure: report?.failure?.message ?? null,
  entriesChecked: report?.entriesChecked ?? 0,
  defaultWorkers: workersArg === 'default',
  workers: report?.threads ?? 1,
  verifyMs,
  maxRssBytes: peakRssBytes(),
  // maxRSS is in kilobytes.
  resourceUsageMaxRssBytes: process.resourceUsage().maxRSS * 1024,
};
console.log(JSON.stringify(result));

/**
 * The peak resident set of this process. Linux keeps getrusage's ru_maxrss
 * across fork and exec, so process.resourceUsage().maxRSS in a child is at
 * least the RSS its parent had when it spawned it — and the bench's parent
 * has grown to a few hundred MB by then. VmHWM belongs to the address
 * space created at exec, so it counts this process (worker threads included)
 * and nothing else. Elsewhere, fall back to maxRSS.
 */
function peakRssBytes(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS * 1024;
}
