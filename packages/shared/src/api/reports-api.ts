// The reports officials ask for (DOMAIN.md "Figures that officials and
// incentive schemes ask for"): their names, their filters, and the
// emission-factor procedures. Every report answers a ReportTable
// (reports/report-table.ts): integer grams, ppm and kg CO2e in its rows, the
// signed checkpoint it was computed at in its provenance.
//
// Procedures (tRPC, all queries unless said):
//   reports.volumes(volumesInput)             → ReportTable
//   reports.yield(yieldInput)                 → ReportTable
//   reports.dross(drossInput)                 → ReportTable
//   reports.discrepancies(discrepanciesInput) → ReportTable
//   reports.shipments(shipmentsInput)         → ReportTable
//   reports.emissions(emissionsInput)         → ReportTable
//   reports.emissionFactors()                 → EmissionFactorVersion[] (every version, oldest first)
//   reports.defineEmissionFactors(defineEmissionFactorsInput)  mutation, admin → EmissionFactorVersion
// Officials and admins read every site; operators, recyclers and utilisers
// read only their own sites' figures, and must name their site in `site`.
import { z } from 'zod';
import { catalogCode, GRADE_FAMILIES, SOURCE_CLASSES, siteCodeField } from '../events/fields';
import { PARKS } from '../sites/baise';
import { textField } from '../text/text-field';

export const REPORT_NAMES = ['volumes', 'yield', 'dross', 'discrepancies', 'shipments', 'emissions'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** Calendar periods, in Asia/Shanghai; weeks run Monday to Sunday (ISO 8601) and are named 2026-W48. */
export const PERIOD_GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodGranularity = (typeof PERIOD_GRANULARITIES)[number];

/** What the volumes report can be split by; any two combined. */
export const VOLUME_DIMENSIONS = ['site', 'district', 'park', 'grade', 'family', 'source_class'] as const;
export type VolumeDimension = (typeof VOLUME_DIMENSIONS)[number];

/** Net masses the volumes report counts (DOMAIN.md "Recovery volume"). */
export const VOLUME_MEASURES = ['collected', 'received', 'consumed', 'produced', 'shipped'] as const;
export type VolumeMeasure = (typeof VOLUME_MEASURES)[number];

/** The time zone of every report's periods. */
export const REPORT_TIME_ZONE = 'Asia/Shanghai' as const;

/** An Asia/Shanghai calendar day, YYYY-MM-DD. */
export const reportDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-28')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'a date that exists',
      params: { zh: '日期不存在' },
    },
  );

/** At most this many days between from and to (ten years). */
export const MAX_REPORT_DAYS = 3_700;

const range = {
  /** First day counted (Asia/Shanghai), included. */
  from: reportDay,
  /** Last day counted (Asia/Shanghai), included. */
  to: reportDay,
  period: z.enum(PERIOD_GRANULARITIES).default('month'),
  /** Only this site's figures (required for operators, recyclers and utilisers: their own site). */
  site: siteCodeField.optional(),
};

const rangeRule = <T extends { from: string; to: string }>(i: T) => i.from <= i.to;
const RANGE_ISSUE = {
  message: 'the range runs from its first day to its last',
  path: ['to'],
  params: { zh: '日期范围的结束日不能早于开始日' },
};

export const volumesInput = z
  .object({
    ...range,
    /** Up to two dimensions; [] gives one row per period and measure columns only. */
    groupBy: z
      .array(z.enum(VOLUME_DIMENSIONS))
      .max(2, 'at most two dimensions')
      .refine((d) => new Set(d).size === d.length, {
        message: 'each dimension once',
        params: { zh: '每个维度只能选一次' },
      })
      .default([]),
    /** Which measures to show as columns (default all five). */
    measures: z.array(z.enum(VOLUME_MEASURES)).min(1).optional(),
    district: textField({ max: 40 }).optional(),
    park: z.enum(PARKS).optional(),
    grade: catalogCode.optional(),
    family: z.enum(GRADE_FAMILIES).optional(),
    sourceClass: z.enum(SOURCE_CLASSES).optional(),
  })
  .refine(rangeRule, RANGE_ISSUE);
export type VolumesInput = z.output<typeof volumesInput>;

/** Metal yield per recycler and period, against the target (90 % unless a target says otherwise). */
export const yieldInput = z.object({ ...range }).refine(rangeRule, RANGE_ISSUE);
export type YieldInput = z.output<typeof yieldInput>;

/** Dross, salt slag and dust: generated, utilised by route, disposed, on hand at each period's end. */
export const drossInput = z
  .object({
    ...range,
    groupBy: z
      .array(z.enum(['site', 'kind']))
      .max(2)
      .default([]),
  })
  .refine(rangeRule, RANGE_ISSUE);
export type DrossInput = z.output<typeof drossInput>;

/**
 * Transit differences of dispatches dispatched from `from` to `to`, by route (from site → to site):
 * open = lots still in transit (age: days since dispatch, up to `asOf`), resolved = received
 * (age: days from dispatch to receipt), with how many were beyond the tolerance in force.
 * `site` matches either end of the route.
 */
export const discrepanciesInput = z
  .object({
    from: reportDay,
    to: reportDay,
    site: siteCodeField.optional(),
    status: z.enum(['open', 'resolved', 'all']).default('all'),
    /** The day ages of open lots are counted to; default today in Asia/Shanghai. */
    asOf: reportDay.optional(),
  })
  .refine(rangeRule, RANGE_ISSUE);
export type DiscrepanciesInput = z.output<typeof discrepanciesInput>;

/** Recycled aluminium shipped, by downstream chain and buyer, recycled content with post-consumer apart. */
export const shipmentsInput = z
  .object({
    ...range,
    groupBy: z
      .array(z.enum(['chain', 'buyer', 'site']))
      .max(2)
      .default(['chain', 'buyer']),
  })
  .refine(rangeRule, RANGE_ISSUE);
export type ShipmentsInput = z.output<typeof shipmentsInput>;

/** Avoided emissions = t recycled metal × (primary − recycled factor), with the factor version named. */
export const emissionsInput = z
  .object({
    ...range,
    groupBy: z
      .array(z.enum(['site']))
      .max(1)
      .default([]),
    /** The emission-factor version to use; default the latest at the checkpoint. */
    factorVersion: z.number().int().positive().optional(),
  })
  .refine(rangeRule, RANGE_ISSUE);
export type EmissionsInput = z.output<typeof emissionsInput>;

export type ReportInput = {
  volumes: VolumesInput;
  yield: YieldInput;
  dross: DrossInput;
  discrepancies: DiscrepanciesInput;
  shipments: ShipmentsInput;
  emissions: EmissionsInput;
};

/** Each report's input schema, by name (the CLI and the web's filters use it). */
export const REPORT_INPUTS = {
  volumes: volumesInput,
  yield: yieldInput,
  dross: drossInput,
  discrepancies: discrepanciesInput,
  shipments: shipmentsInput,
  emissions: emissionsInput,
} as const;

// ── Emission factors: versioned ledger entries (emission_factors.defined) ──

/** t CO2e per t of metal, kept as kg CO2e per t (13.2 t/t = 13,200 kg/t). */
export const defineEmissionFactorsInput = z.object({
  /** Primary aluminium, kg CO2e per t (DOMAIN.md default 13,200: world average incl. upstream, CRU 2023). */
  primaryKgPerT: z.number().int().positive().max(100_000),
  /** Recycled aluminium, kg CO2e per t (default 500). */
  recycledKgPerT: z.number().int().nonnegative().max(100_000),
  primarySource: textField({ max: 200 }),
  recycledSource: textField({ max: 200 }),
});
export type DefineEmissionFactorsInput = z.output<typeof defineEmissionFactorsInput>;

export interface EmissionFactorVersion {
  version: number;
  primaryKgPerT: number;
  recycledKgPerT: number;
  primarySource: string;
  recycledSource: string;
  /** The entry that defined it. */
  seq: number;
  definedAt: string;
}
