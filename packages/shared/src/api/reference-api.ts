// Inputs and outputs of grades.* and alloys.*: the reference catalogue an
// administrator keeps. Each change is one ledger entry carrying the whole
// definition; nothing is ever deleted, a grade in use is deactivated.
import { z } from 'zod';
import { catalogCode, type GradeFamily, type SourceClass } from '../events/fields';
import { alloyFields, gradeFields, YIELD_BAND_ISSUE, yieldBandProblem } from '../events/grade-defined';

export const createGradeInput = gradeFields.refine((g) => !yieldBandProblem(g), YIELD_BAND_ISSUE);
export const updateGradeInput = gradeFields
  .omit({ code: true })
  .partial()
  .extend({ code: catalogCode, active: z.boolean().optional() })
  .refine((g) => !yieldBandProblem(g), YIELD_BAND_ISSUE);
export const listCatalogInput = z.object({ includeInactive: z.boolean().default(false) }).default({
  includeInactive: false,
});

export const createAlloyInput = alloyFields;
export const updateAlloyInput = alloyFields
  .omit({ code: true })
  .partial()
  .extend({ code: catalogCode, active: z.boolean().optional() });

export interface GradeView {
  code: string;
  nameZh: string;
  nameEn: string;
  family: GradeFamily;
  defaultSourceClass: SourceClass;
  yieldMinPct: number;
  yieldMaxPct: number;
  isri: string | null;
  active: boolean;
  /** The seq of the entry that last defined it. */
  definedSeq: number;
  updatedAt: string;
}

export interface AlloyView {
  code: string;
  standard: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  definedSeq: number;
  updatedAt: string;
}
