// What a scenario reports: one table per section for people, and the same
// figures as plain numbers for `--json`.

export type FigureValue = string | number | boolean | null;

export interface Verdict {
  what: string;
  target: string;
  pass: boolean;
}

export interface Section {
  title: string;
  headers: string[];
  rows: string[][];
  /** How the figures were taken; printed under the table. */
  notes: string[];
  verdicts: Verdict[];
  figures: Record<string, FigureValue>[];
}

export function passFail(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL';
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatRate(perSecond: number): string {
  return `${integer.format(perSecond)}/s`;
}

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatUs(us: number): string {
  return us < 10 ? `${us.toFixed(2)} µs` : us < 100 ? `${us.toFixed(1)} µs` : `${integer.format(us)} µs`;
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(0)} %`;
}

export function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
