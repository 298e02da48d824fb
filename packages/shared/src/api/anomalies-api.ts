// Inputs and outputs of the anomaly procedures (README "Anomalies"):
// anomalies.list, anomalies.export, anomalies.thresholds,
// anomalies.setThresholds and scans.reportMismatch. Each item names the
// ledger entries it rests on, so an official goes from the list to the
// entries and the lots. No item carries a seller's ID number or name: a
// seller is named by a pseudonymous reference derived from the keyed hash.
import { z } from 'zod';
import { type AnomalyThresholds, anomalyThresholdsBody } from '../events/anomaly-thresholds-set';
import { lotId, siteCodeField } from '../events/fields';
import { LABEL_DIGEST_LENGTH } from '../lots/label';

export const ANOMALY_LIST_KINDS = [
  'high_melt_loss',
  'yield_out_of_band',
  'transit_discrepancy',
  'not_received',
  'seller_daily_volume',
  'seller_monthly_volume',
  'label_digest_mismatch',
  'site_corrections',
  'user_corrections',
  'outside_hours',
] as const;
export type AnomalyListKind = (typeof ANOMALY_LIST_KINDS)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-28')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'a date that exists');

const listFilters = z.object({
  kind: z.enum(ANOMALY_LIST_KINDS).optional(),
  site: siteCodeField.optional(),
  /** Asia/Shanghai calendar days, both included. */
  from: day.optional(),
  to: day.optional(),
  /** open: what still stands; all: also what was corrected away or received since. */
  status: z.enum(['open', 'all']).default('open'),
  limit: z.number().int().min(1).max(2000).default(500),
});

const RANGE_ISSUE = {
  message: 'the range runs from its first day to its last',
  path: ['to'],
  params: { zh: '日期范围的结束日不能早于开始日' },
};
const rangeRuns = (i: { from?: string | undefined; to?: string | undefined }) =>
  i.from === undefined || i.to === undefined || i.from <= i.to;

export const listAnomaliesInput = listFilters.refine(rangeRuns, RANGE_ISSUE);
export type ListAnomaliesInput = z.output<typeof listAnomaliesInput>;

/** What the figures of an item count in. */
export type AnomalyUnit = 'g' | 'ppm' | 'count' | 'days' | 'minute_of_day';

/** A ledger entry an item rests on, and the lot it made or touched (for the lot page). */
export interface AnomalyEntryRef {
  seq: number;
  lotId: string | null;
}

export interface AnomalyItem {
  /** Stable within one ledger: the kind and what it is about. */
  id: string;
  kind: AnomalyListKind;
  site: string | null;
  /** When it happened (ISO-8601 UTC); for a count over a window, the window's end. */
  at: string;
  status: 'open' | 'resolved';
  /** The threshold (or band end) and what was found, in `unit`. */
  expected: number;
  actual: number;
  unit: AnomalyUnit;
  /**
   * What it is about, in words that are not personal data: a run id, a
   * dispatch id, a lot id, a seller reference (`S-` and 10 hex characters of
   * a hash of the keyed hash), a user's display name, a day or month.
   */
  subject: string | null;
  /** More about it: the hours in force, the digests seen, the day counted. */
  detail: string | null;
  entries: AnomalyEntryRef[];
}

export interface AnomalyList {
  items: AnomalyItem[];
  /** More items matched than `limit`. */
  truncated: boolean;
  /** The instant "now" was for this list (not received, corrections per 30 days). */
  now: string;
  thresholds: AnomalyThresholds;
}

export interface AnomalyThresholdsView {
  thresholds: AnomalyThresholds;
  /** The entry that set them; null while the defaults apply. */
  setSeq: number | null;
  setAt: string | null;
  defaults: AnomalyThresholds;
}

/** Only the thresholds to change; the entry records the whole new set. */
export const setAnomalyThresholdsInput = anomalyThresholdsBody.partial().strict();

/** The list as a file: CSV (UTF-8 with a BOM) or XLSX, its headers and reasons in one language. */
export const exportAnomaliesInput = listFilters
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.enum(['zh', 'en']).default('zh') })
  .refine(rangeRuns, RANGE_ISSUE);

export interface AnomalyExport {
  /** ASCII, e.g. alutrace-anomalies-2026-12-01-at-1234.csv. */
  filename: string;
  contentType: string;
  /** The file's bytes, base64. */
  base64: string;
}

export const reportScanMismatchInput = z.object({
  lotId,
  /** The digest on the label that did not match the lot's. */
  digest: z.string().regex(new RegExp(`^[a-z2-7]{${LABEL_DIGEST_LENGTH}}$`), 'a label digest'),
  /** Where the scan happened: one of the caller's sites (operating roles must name one). */
  site: siteCodeField.optional(),
  source: z.enum(['camera', 'manual']).default('camera'),
});

export interface ScanMismatchReceipt {
  /** False when the digest is the lot's own: nothing was stored. */
  recorded: boolean;
}
