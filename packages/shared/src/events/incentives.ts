// Incentive schemes and the statements paid under them (DOMAIN.md
// "Figures that officials and incentive schemes ask for"). A scheme pays a
// rate per tonne of verified collected scrap, by grade family and/or source
// class, to the sites of the kinds it names, up to a cap per enterprise.
// An issued statement lists every collection entry it pays, so the same
// tonnage is never paid twice (the server's incentive_payments table has one
// row per paid collection entry). A statement of many lots is written as
// several entries of one append (`part` 1 … `parts`), as an entry is at most
// 64 KiB; every part repeats the statement's header and totals.
import { z } from 'zod';
import { textField } from '../text/text-field';
import { catalogCode, GRADE_FAMILIES, lotId, massG, SOURCE_CLASSES, siteCodeField } from './fields';

export const INCENTIVE_SCHEME_DEFINED = 'incentive_scheme.defined';
export const INCENTIVE_STATEMENT_ISSUED = 'incentive_statement.issued';

/** The site kinds that can earn: collection points (on what they collected) and recyclers (on what they received). */
export const INCENTIVE_SITE_KINDS = ['collection_point', 'recycler'] as const;
export type IncentiveSiteKind = (typeof INCENTIVE_SITE_KINDS)[number];

/** At most 100,000 yuan a tonne: amounts stay exact integers (100 t × this < 2^53). */
export const MAX_RATE_FEN_PER_T = 10_000_000;
/** At most 10 billion yuan per enterprise. */
export const MAX_CAP_FEN = 1_000_000_000_000;

/** A calendar day in Asia/Shanghai, YYYY-MM-DD. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day like 2026-01-31')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'not a day of the calendar',
      params: { zh: '不是有效的日期' },
    },
  );

export const incentiveRate = z.object({
  /** The grade family the rate is for, or null: any family. */
  family: z.enum(GRADE_FAMILIES).nullable(),
  /** The source class the rate is for, or null: either. */
  sourceClass: z.enum(SOURCE_CLASSES).nullable(),
  /** Integer fen per tonne (1,000,000 g). */
  rateFenPerT: z.number().int('whole fen').positive('more than 0 fen').max(MAX_RATE_FEN_PER_T),
});
export type IncentiveRate = z.output<typeof incentiveRate>;

export const incentiveSchemeFields = z.object({
  code: catalogCode,
  nameZh: textField({ max: 100 }),
  nameEn: textField({ max: 160 }),
  /** The first and last day (Asia/Shanghai, both included) whose tonnage it pays. */
  from: calendarDay,
  to: calendarDay,
  rates: z.array(incentiveRate).min(1).max(50),
  siteKinds: z.array(z.enum(INCENTIVE_SITE_KINDS)).min(1).max(INCENTIVE_SITE_KINDS.length),
  /** The most one enterprise (site) is paid under the scheme, over all its statements, in fen. */
  capFen: z.number().int('whole fen').positive('more than 0 fen').max(MAX_CAP_FEN),
});

/** What is wrong with a scheme's fields beyond their own shapes; null when nothing is. */
export function incentiveSchemeProblem(s: {
  from: string;
  to: string;
  rates: readonly IncentiveRate[];
  siteKinds: readonly string[];
}): { path: string; en: string; zh: string } | null {
  if (s.from > s.to) return { path: 'to', en: 'the period ends before it starts', zh: '结束日期早于开始日期' };
  const keys = s.rates.map((r) => `${r.family ?? '*'}/${r.sourceClass ?? '*'}`);
  if (new Set(keys).size !== keys.length)
    return {
      path: 'rates',
      en: 'two rates are for the same grade family and source class',
      zh: '有两个费率对应相同的品级类别和来源类别',
    };
  if (new Set(s.siteKinds).size !== s.siteKinds.length)
    return { path: 'siteKinds', en: 'a site kind is listed twice', zh: '站点类型重复' };
  return null;
}

export const incentiveSchemeDefinedBody = incentiveSchemeFields.superRefine((s, ctx) => {
  const problem = incentiveSchemeProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.en, params: { zh: problem.zh } });
});

/** Why verified tonnage was left out of a statement. */
export const EXCLUSION_REASONS = [
  'not_received',
  'transit_discrepancy',
  'corrected',
  'seller_not_recorded',
  'no_rate',
  'already_paid',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
export const EXCLUSION_REASON_NAMES: Record<ExclusionReason, { en: string; zh: string }> = {
  not_received: { en: 'Not yet received at a recycler', zh: '尚未在再生铝企业收货' },
  transit_discrepancy: {
    en: 'Received with a discrepancy above the tolerance',
    zh: '收货量与发运量差异超出允许范围',
  },
  corrected: { en: 'Corrected away', zh: '已被更正撤销' },
  seller_not_recorded: {
    en: 'Production scrap without the selling enterprise recorded',
    zh: '生产性废旧金属未登记出售单位信息',
  },
  no_rate: { en: 'No rate for its grade family and source class', zh: '该品级类别和来源类别无补贴费率' },
  already_paid: { en: 'Already paid by an issued statement', zh: '已在已出具的结算单中支付' },
};

/** A paid line: the collection entry it rests on and what it earns. */
export const incentiveLine = z.object({
  seq: z.number().int().nonnegative(),
  leafHash: z.string().regex(/^[0-9a-f]{64}$/),
  lotId,
  massG,
  rateFenPerT: z.number().int().positive().max(MAX_RATE_FEN_PER_T),
  amountFen: z.number().int().nonnegative(),
});

export const incentiveExclusion = z.object({
  seq: z.number().int().nonnegative(),
  lotId,
  massG,
  reason: z.enum(EXCLUSION_REASONS),
});

/** Lines per part: with the header, a part stays well under the 64 KiB entry limit. */
export const INCENTIVE_LINES_PER_PART = 250;

export const incentiveStatementIssuedBody = z.object({
  statementId: z.string().uuid(),
  part: z.number().int().min(1),
  parts: z.number().int().min(1).max(10_000),
  scheme: catalogCode,
  /** The seq of the scheme's definition the statement was computed under. */
  schemeSeq: z.number().int().nonnegative(),
  site: siteCodeField,
  from: calendarDay,
  to: calendarDay,
  /** The statement was computed on the first `treeSize` entries (those before its first part). */
  treeSize: z.number().int().nonnegative(),
  lineCount: z.number().int().nonnegative(),
  paidG: z.number().int().nonnegative(),
  subtotalFen: z.number().int().nonnegative(),
  /** What was left of the cap for this site under the scheme before this statement. */
  capRemainingFen: z.number().int().nonnegative(),
  payableFen: z.number().int().nonnegative(),
  excludedG: z.number().int().nonnegative(),
  lines: z.array(incentiveLine).max(INCENTIVE_LINES_PER_PART),
  excluded: z.array(incentiveExclusion).max(INCENTIVE_LINES_PER_PART),
});
