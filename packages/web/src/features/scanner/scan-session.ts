// What a scanner has seen in one session, and which reads are repeats. A
// camera sees the same label in every frame for as long as it is held up, so
// a label is reported to the screen once; a different label of a lot already
// seen (another digest) is reported, since it is either a copy or the real
// label after the id was typed by hand. Typing a lot again retries it, unless
// it was taken already.

export interface ScannedLabel {
  lotId: string;
  /** The digest on the label; null when a person typed the lot id alone. */
  digest: string | null;
  /** What the camera read or the person typed, as it was. */
  text: string;
  source: 'camera' | 'manual';
}

/**
 * The screen's answer to a scan. `reason` and `note` are shown as given, so
 * they are in the reader's language. A digest that does not match the lot's
 * is a `warning`: shown on the spot, never taken silently.
 */
export type ScanVerdict =
  | { outcome: 'accepted'; note?: string }
  | { outcome: 'warning'; reason: string }
  | { outcome: 'refused'; reason: string };

export interface ScanReport {
  id: number;
  label: ScannedLabel;
  /** Null while the screen is still deciding. */
  verdict: ScanVerdict | null;
}

export function isRepeat(reports: readonly ScanReport[], label: ScannedLabel): boolean {
  const sameLot = reports.filter((r) => r.label.lotId === label.lotId);
  if (label.source === 'manual') return sameLot.some(isTakenOrPending);
  return sameLot.some((r) => r.label.digest === label.digest || (label.digest === null && isTakenOrPending(r)));
}

function isTakenOrPending(report: ScanReport): boolean {
  return report.verdict === null || report.verdict.outcome === 'accepted';
}
