// Inputs and outputs of incentives.*: schemes (administrators define them),
// draft statements (officials and administrators read them) and issued
// statements (officials issue them; each is recorded in the ledger). A
// statement is also a ReportTable (statementTable), so the generic CSV/XLSX
// writers and the web's report table show it like any report.
import { z } from 'zod';
import type { SiteKind } from '../auth/roles';
import { catalogCode, type GradeFamily, type SourceClass, siteCodeField } from '../events/fields';
import {
  calendarDay,
  type ExclusionReason,
  type IncentiveRate,
  type IncentiveSiteKind,
  incentiveSchemeFields,
  incentiveSchemeProblem,
} from '../events/incentives';
import type { ReportProvenance, ReportTable } from '../reports/report-table';

export const defineIncentiveSchemeInput = incentiveSchemeFields.superRefine((s, ctx) => {
  const problem = incentiveSchemeProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.en, params: { zh: problem.zh } });
});

/** A draft for one enterprise (site) and period; the period defaults to the scheme's. */
export const incentiveStatementInput = z.object({
  scheme: catalogCode,
  site: siteCodeField,
  from: calendarDay.optional(),
  to: calendarDay.optional(),
});

/**
 * Issuing names what the official checked: the payable amount and the
 * number of lines of the draft. If the statement computed at issue differs
 * (a lot received or corrected since), nothing is issued.
 */
export const issueIncentiveStatementInput = incentiveStatementInput.extend({
  expectedPayableFen: z.number().int().nonnegative(),
  expectedLineCount: z.number().int().nonnegative(),
});

export const listIncentiveStatementsInput = z
  .object({ scheme: catalogCode.optional(), site: siteCodeField.optional() })
  .default({});

export const issuedIncentiveStatementInput = z.object({ statementId: z.string().uuid() });

export interface IncentiveSchemeView {
  code: string;
  nameZh: string;
  nameEn: string;
  from: string;
  to: string;
  rates: IncentiveRate[];
  siteKinds: IncentiveSiteKind[];
  capFen: number;
  /** The seq of the entry that last defined it. */
  definedSeq: number;
  updatedAt: string;
  /** Statements issued under it; once there is one, the scheme cannot change. */
  issuedStatements: number;
  frozen: boolean;
}

export interface IncentiveLineView {
  /** The collection entry the line rests on. */
  seq: number;
  leafHash: string;
  lotId: string;
  grade: string | null;
  family: GradeFamily | null;
  sourceClass: SourceClass | null;
  /** The day it counts for (Asia/Shanghai): collected (collection points) or received (recyclers). */
  day: string;
  /** The receipt at the recycler that verified it. */
  receiptSeq: number | null;
  /** Verified grams: the lesser of the collected net mass and the mass received. */
  massG: number;
  rateFenPerT: number;
  /** massG × rate ÷ 1,000,000, rounded half up to the fen. */
  amountFen: number;
}

export interface IncentiveExclusionView {
  seq: number;
  leafHash: string;
  lotId: string;
  family: GradeFamily | null;
  sourceClass: SourceClass | null;
  day: string;
  massG: number;
  reason: ExclusionReason;
  /** For already_paid: the issued statement that paid it. */
  paidBy: string | null;
}

export interface IncentiveStatementTotals {
  lineCount: number;
  paidG: number;
  /** The sum of the lines' amounts. */
  subtotalFen: number;
  capFen: number;
  /** Paid to this site under the scheme by statements issued before this one. */
  capPaidBeforeFen: number;
  capRemainingFen: number;
  /** What the cap took off the subtotal (0 when it did not bite). */
  capReductionFen: number;
  payableFen: number;
  excludedCount: number;
  excludedG: number;
}

export interface IncentiveStatementView {
  status: 'draft' | 'issued';
  /** Null for a draft. */
  statementId: string | null;
  /** The first entry of the issued statement; null for a draft. */
  issuedSeq: number | null;
  issuedAt: string | null;
  scheme: {
    code: string;
    nameZh: string;
    nameEn: string;
    from: string;
    to: string;
    definedSeq: number;
    capFen: number;
  };
  site: {
    code: string;
    kind: SiteKind;
    nameZh: string;
    nameEn: string;
    district: string | null;
    licence: string | null;
  };
  from: string;
  to: string;
  lines: IncentiveLineView[];
  exclusions: IncentiveExclusionView[];
  /** The exclusions summed per reason, in the order of EXCLUSION_REASONS (reasons with none left out). */
  excludedByReason: { reason: ExclusionReason; lots: number; massG: number }[];
  totals: IncentiveStatementTotals;
  provenance: ReportProvenance;
}

export interface IssuedIncentiveStatementSummary {
  statementId: string;
  scheme: string;
  site: string;
  from: string;
  to: string;
  issuedSeq: number;
  parts: number;
  issuedAt: string;
  lineCount: number;
  paidG: number;
  subtotalFen: number;
  payableFen: number;
}

export interface IssueIncentiveStatementResult {
  statementId: string;
  /** The seqs of the entries that record it (one per part). */
  seqs: number[];
  payableFen: number;
  lineCount: number;
}

/** Rounded half up, exact in integers (massG ≤ 10^8 and rate ≤ 10^7 keep the product below 2^53). */
export function incentiveAmountFen(massG: number, rateFenPerT: number): number {
  return Math.floor((massG * rateFenPerT + 500_000) / 1_000_000);
}

/** The most specific rate for a lot: family and class, then family, then class, then any. */
export function incentiveRateFor(
  rates: readonly IncentiveRate[],
  family: string | null,
  sourceClass: string | null,
): IncentiveRate | null {
  const pick = (f: string | null, c: string | null) => rates.find((r) => r.family === f && r.sourceClass === c);
  return (
    (family !== null && sourceClass !== null ? pick(family, sourceClass) : undefined) ??
    (family !== null ? pick(family, null) : undefined) ??
    (sourceClass !== null ? pick(null, sourceClass) : undefined) ??
    pick(null, null) ??
    null
  );
}

/** The statement's lines as a ReportTable (the generic writers and the web's table read it). */
export function incentiveStatementTable(view: IncentiveStatementView): ReportTable {
  return {
    report: 'incentive-statement',
    title: { zh: '废铝回收补贴结算单', en: 'Scrap aluminium recovery incentive statement' },
    filters: {
      scheme: view.scheme.code,
      site: view.site.code,
      from: view.from,
      to: view.to,
      status: view.status,
      statementId: view.statementId,
    },
    columns: [
      { key: 'seq', label: { zh: '账本记录号', en: 'Ledger entry' }, kind: 'count' },
      { key: 'leafHash', label: { zh: '叶哈希', en: 'Leaf hash' }, kind: 'text' },
      { key: 'lotId', label: { zh: '批次号', en: 'Lot' }, kind: 'text' },
      { key: 'day', label: { zh: '日期', en: 'Day' }, kind: 'date' },
      { key: 'family', label: { zh: '品级类别', en: 'Grade family' }, kind: 'text' },
      { key: 'sourceClass', label: { zh: '来源类别', en: 'Source class' }, kind: 'text' },
      { key: 'massG', label: { zh: '核定重量', en: 'Verified mass' }, kind: 'mass', unit: 't' },
      { key: 'rateFenPerT', label: { zh: '每吨费率', en: 'Rate per t' }, kind: 'money' },
      { key: 'amountFen', label: { zh: '金额', en: 'Amount' }, kind: 'money' },
    ],
    rows: view.lines.map((l) => ({
      seq: l.seq,
      leafHash: l.leafHash,
      lotId: l.lotId,
      day: l.day,
      family: l.family,
      sourceClass: l.sourceClass,
      massG: l.massG,
      rateFenPerT: l.rateFenPerT,
      amountFen: l.amountFen,
    })),
    totals: { massG: view.totals.paidG, amountFen: view.totals.subtotalFen },
    provenance: view.provenance,
  };
}
