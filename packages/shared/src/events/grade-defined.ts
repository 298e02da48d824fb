// A scrap grade of the catalogue, defined or changed: each entry carries the
// whole definition, so that the catalogue at any point of the log is the
// last definition of each code. A grade in use is deactivated, never deleted.
import { z } from 'zod';
import { textField } from '../text/text-field';
import { catalogCode, GRADE_FAMILIES, SOURCE_CLASSES } from './fields';

export const GRADE_DEFINED = 'grade.defined';

/** A grade's fields, as an administrator gives them. */
export const gradeFields = z.object({
  code: catalogCode,
  nameZh: textField({ max: 60 }),
  nameEn: textField({ max: 80 }),
  family: z.enum(GRADE_FAMILIES),
  defaultSourceClass: z.enum(SOURCE_CLASSES),
  /** The expected metal yield, in whole percent: a run outside it is flagged. */
  yieldMinPct: z.number().int().min(0).max(100),
  yieldMaxPct: z.number().int().min(0).max(100),
  /** The nearest ISRI name (Taint/Tabor, Zorba, Talk …), or null. */
  isri: textField({ max: 40 }).nullable(),
});

/** The yield band runs upwards; checked wherever both ends are known. */
export function yieldBandProblem(g: { yieldMinPct?: number | undefined; yieldMaxPct?: number | undefined }) {
  return g.yieldMinPct !== undefined && g.yieldMaxPct !== undefined && g.yieldMinPct > g.yieldMaxPct;
}

export const YIELD_BAND_ISSUE = {
  message: 'the yield band runs from its minimum to its maximum',
  path: ['yieldMaxPct'],
  params: { zh: '收得率区间的上限不能小于下限' },
};

export const gradeDefinedBody = gradeFields
  .extend({ active: z.boolean() })
  .refine((g) => !yieldBandProblem(g), YIELD_BAND_ISSUE);

export const ALLOY_DEFINED = 'alloy.defined';

export const alloyFields = z.object({
  code: catalogCode,
  /** The standard it is named in, e.g. GB/T 8733-2016, JIS H 5302, EN 1706. */
  standard: textField({ max: 40 }),
  nameZh: textField({ max: 60 }),
  nameEn: textField({ max: 80 }),
});

export const alloyDefinedBody = alloyFields.extend({ active: z.boolean() });
