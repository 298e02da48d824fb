// A case of `pnpm bench reports`: one figure, timed next to its baseline in
// the same run on the same ledger. Cases live in cases/*.ts, each file
// exporting `cases: ReportBenchCase[]`; the harness loads every file there,
// so another report (an export, an incentive statement) adds its own file.
import type { App } from '../../src/app/create-app';

export interface ReportBenchContext {
  app: App;
  /** Twelve calendar months (Asia/Shanghai) ending with the ledger's last month, e.g. 2025-12-01 … 2026-11-30. */
  year: { from: string; to: string };
  /** Sites of the generated network, by kind. */
  sites: { collectionPoints: string[]; recyclers: string[]; utilisers: string[]; buyers: string[] };
  /** Entries in the ledger. */
  entries: number;
}

export interface ReportBenchCase {
  /** What is measured, as the table shows it. */
  name: string;
  /** The target: this many ms or fewer (compared with the median of the timed runs). */
  targetMs: number;
  /** Runs before timing (default 1) and timed runs (default 5). */
  warmup?: number;
  runs?: number;
  run(ctx: ReportBenchContext): unknown | Promise<unknown>;
  /** The naive way, timed in the same run; its name says what it computes. */
  baseline: { name: string; run(ctx: ReportBenchContext): unknown | Promise<unknown> };
}
