// A version of the emission factors that the avoided-emissions report uses
// (DOMAIN.md: factors are configured and versioned, never hard-coded in a
// report). Each version is a whole definition; a report names the version it
// used, and a new version never changes a report computed with an old one.
import { z } from 'zod';
import { textField } from '../text/text-field';

export const EMISSION_FACTORS_DEFINED = 'emission_factors.defined';

export const emissionFactorsDefinedBody = z.object({
  /** 1, 2, 3 …: one more than the latest version. */
  version: z.number().int().positive(),
  /** Primary aluminium, kg CO2e per t of metal (13.2 t/t is 13,200). */
  primaryKgPerT: z.number().int().positive().max(100_000),
  /** Recycled aluminium, kg CO2e per t of metal. */
  recycledKgPerT: z.number().int().nonnegative().max(100_000),
  /** Where each figure comes from, as a reader can look it up. */
  primarySource: textField({ max: 200 }),
  recycledSource: textField({ max: 200 }),
});
export type EmissionFactorsDefinedBody = z.output<typeof emissionFactorsDefinedBody>;

/** The defaults of DOMAIN.md, recorded as version 1 on first start. */
export const DEFAULT_EMISSION_FACTORS: Omit<EmissionFactorsDefinedBody, 'version'> = {
  primaryKgPerT: 13_200,
  recycledKgPerT: 500,
  primarySource: 'CRU 2023: world average primary aluminium, including upstream (about 13.2 t CO2e/t)',
  recycledSource: 'Recycled aluminium from scrap, about 0.5 t CO2e/t (DOMAIN.md default)',
};
