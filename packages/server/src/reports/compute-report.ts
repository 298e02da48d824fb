// A report, computed at a signed checkpoint. Live (the default): from the
// aggregates the projections keep, in one read snapshot together with the
// checkpoint that covers exactly the entries they reflect (signed on the spot
// if the head lags). `at`: from the log alone up to that checkpoint
// (log-source.ts), the same numbers and provenance — what makes a figure
// auditable. Either way the table names its checkpoint, factor versions and
// time zone.
import {
  MAX_REPORT_DAYS,
  type PeriodGranularity,
  REPORT_INPUTS,
  type ReportInput,
  type ReportName,
  type ReportTable,
} from '@alutrace/shared';
import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { ledgerEntries } from '../db/schema';
import { AppError } from '../errors';
import type { Ledger } from '../ledger/ledger';
import { shanghaiDay } from '../projections/report-contributions';
import { buildDiscrepancies } from './discrepancies';
import { buildDross } from './dross';
import { buildEmissions } from './emissions';
import { liveSource } from './live-source';
import { logSource } from './log-source';
import { daysBetween } from './periods';
import type { BuiltReport } from './report-kit';
import type { ReportSource } from './report-source';
import { buildShipments } from './shipments';
import { buildVolumes } from './volumes';
import { buildYield } from './yield';

export interface ReportDeps {
  db: AppDb;
  ledger: Ledger;
  now?: () => Date;
}

export interface ReportOptions {
  /** Recompute from the log alone at the signed checkpoint of this tree size. */
  at?: number | undefined;
}

/** Daily rows are capped at two years, the others at MAX_REPORT_DAYS. */
const MAX_DAYS: Record<PeriodGranularity, number> = {
  day: 731,
  week: MAX_REPORT_DAYS,
  month: MAX_REPORT_DAYS,
  quarter: MAX_REPORT_DAYS,
  year: MAX_REPORT_DAYS,
};

function build<N extends ReportName>(name: N, src: ReportSource, input: ReportInput[N], today: string): BuiltReport {
  switch (name) {
    case 'volumes':
      return buildVolumes(src, input as ReportInput['volumes']);
    case 'yield':
      return buildYield(src, input as ReportInput['yield']);
    case 'dross':
      return buildDross(src, input as ReportInput['dross']);
    case 'discrepancies': {
      const i = input as ReportInput['discrepancies'];
      return buildDiscrepancies(src, i, i.asOf ?? today);
    }
    case 'shipments':
      return buildShipments(src, input as ReportInput['shipments']);
    case 'emissions':
      return buildEmissions(src, input as ReportInput['emissions']);
    default:
      throw new Error(`no report ${name}`);
  }
}

function checkRange(input: { from: string; to: string; period?: PeriodGranularity }): void {
  const period = input.period ?? 'month';
  const days = daysBetween(input.from, input.to);
  if (days > MAX_DAYS[period]) {
    throw new AppError('REPORT_RANGE_TOO_LONG', {
      from: input.from,
      to: input.to,
      days,
      period,
      max: MAX_DAYS[period],
    });
  }
}

/** Runs `read` on the derived tables in one snapshot whose entries a signed checkpoint covers exactly. */
function atLiveCheckpoint<T>(deps: ReportDeps, read: (src: ReportSource) => T): T {
  for (let attempt = 0; attempt < 5; attempt++) {
    const head = deps.ledger.signCheckpoint();
    const result = deps.db.$client
      .transaction(() => {
        const last = deps.db
          .select({ seq: sql<number | null>`max(${ledgerEntries.seq})` })
          .from(ledgerEntries)
          .get();
        const size = last?.seq === null || last?.seq === undefined ? 0 : Number(last.seq) + 1;
        // Another process appended between signing and this snapshot: sign again.
        if (size !== head.treeSize) return null;
        return {
          value: read(
            liveSource(deps.db, {
              treeSize: head.treeSize,
              rootHash: head.rootHash,
              checkpoint: head.note,
              computedFrom: 'derived',
            }),
          ),
        };
      })
      .deferred();
    if (result) return result.value;
  }
  throw new Error('the ledger kept growing while a report was read; try again');
}

/** Computes report `name` for an input already parsed by its schema (REPORT_INPUTS[name]). */
export function computeReport<N extends ReportName>(
  deps: ReportDeps,
  name: N,
  input: ReportInput[N],
  options: ReportOptions = {},
): ReportTable {
  checkRange(input);
  const now = (deps.now ?? (() => new Date()))();
  const today = shanghaiDay(now.toISOString());
  const run = (src: ReportSource): ReportTable => {
    const { factorVersions, ...built } = build(name, src, input, today);
    return {
      ...built,
      provenance: { ...src.provenance, factorVersions, timeZone: 'Asia/Shanghai', computedAt: now.toISOString() },
    };
  };
  if (options.at !== undefined) return run(logSource(deps, options.at));
  return atLiveCheckpoint(deps, run);
}

/** Parses raw filters with the report's schema, then computes it (the CLI's way in). */
export function computeReportFromRaw(deps: ReportDeps, name: ReportName, raw: unknown, options: ReportOptions = {}) {
  const input = REPORT_INPUTS[name].parse(raw) as ReportInput[typeof name];
  return computeReport(deps, name, input, options);
}
