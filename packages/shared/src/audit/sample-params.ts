// The parameters of a sample for physical inspection (sample.ts): which lots
// may be drawn (scope), how many, and how they are split into strata. They
// are part of the seed, so a sample cannot be re-drawn with the same
// checkpoint under other parameters and passed off as the first.
import { z } from 'zod';
import { LOT_KINDS } from '../api/lifecycle-api';
import { SITE_CODE_RE } from '../ledger/entry';

export const SAMPLE_STRATA = ['none', 'site', 'kind'] as const;
export type SampleStrata = (typeof SAMPLE_STRATA)[number];

/** At most this many lots per stratum: a sample is for people to go and look at. */
export const SAMPLE_MAX_COUNT = 500;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d && d >= '2000-01-01' && d <= '2099-12-31';
  }, 'a calendar date between 2000-01-01 and 2099-12-31');

export const sampleParamsSchema = z
  .object({
    /** Lots created at these sites (the site in the lot id); empty: every site. */
    sites: z.array(z.string().regex(SITE_CODE_RE, 'a site code such as PG01')).max(200).default([]),
    /** Lots of these kinds; empty: every kind. */
    kinds: z.array(z.enum(LOT_KINDS)).max(LOT_KINDS.length).default([]),
    /** Lots whose id carries a day (Asia/Shanghai) from `from` to `to`, both included; null: open. */
    from: day.nullable().default(null),
    to: day.nullable().default(null),
    /** Lots drawn per stratum (all of them when a stratum has fewer). */
    count: z.number().int().min(1).max(SAMPLE_MAX_COUNT),
    strata: z.enum(SAMPLE_STRATA).default('none'),
  })
  .refine((p) => p.from === null || p.to === null || p.from <= p.to, {
    message: 'the first day must not be after the last',
    path: ['to'],
  });

export type SampleParamsInput = z.input<typeof sampleParamsSchema>;
export type SampleParams = z.output<typeof sampleParamsSchema>;

/** The parameters as they enter the seed: sites and kinds sorted, without repeats. */
export function normaliseSampleParams(p: SampleParams): SampleParams {
  return {
    sites: [...new Set(p.sites)].sort(),
    kinds: [...new Set(p.kinds)].sort(),
    from: p.from,
    to: p.to,
    count: p.count,
    strata: p.strata,
  };
}
