// Progress of long commands (rebuild, verify, export…) on one redrawn line of
// stderr, with the time left estimated from the rate so far. Only a person at
// a terminal wants it: when stderr is piped or redirected nothing is written,
// so scripts and logs see the command's own summary on stdout and nothing else.
// No colours, so NO_COLOR holds; the only escape codes are `\r` and clear-line.

export interface ProgressOptions {
  /** Names the work at the start of the line: `verify`, `rebuild`… */
  label: string;
  /** How many units there are in all (0 if not known yet; see `setTotal`). */
  total: number;
  /** What is counted, plural (default `entries`). */
  unit?: string;
  /** Where to draw (default: process.stderr). */
  stream?: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Whether to draw at all (default: whether the stream is a terminal). */
  isTTY?: boolean;
  /** Milliseconds on any monotonic clock (default: performance.now). */
  now?: () => number;
  /** Redraw at most this often (default 100 ms). */
  minIntervalMs?: number;
}

export interface Progress {
  /** `n` more units are done (default 1). */
  tick(n?: number): void;
  /** `done` units are done in all. */
  set(done: number): void;
  /** The total is now `total` (shown from the next `tick` or `set`). */
  setTotal(total: number): void;
  /** Ends the line with the elapsed time (and `message` instead of the count); later calls do nothing. */
  done(message?: string): void;
}

/** Before this much time has passed, a rate is mostly start-up noise. */
const ESTIMATE_AFTER_MS = 1000;
const CLEAR_LINE = '\r\x1b[2K';

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const isTTY = options.isTTY ?? (stream as Partial<NodeJS.WriteStream>).isTTY === true;
  const now = options.now ?? (() => performance.now());
  const minIntervalMs = options.minIntervalMs ?? 100;
  const unit = options.unit ?? 'entries';
  const started = now();
  // The first line appears only after one interval, so that quick runs show the final line alone.
  let lastDraw = started;
  let done = 0;
  let total = Math.max(0, options.total);
  let finished = false;

  const write = (line: string, end = ''): void => {
    // A line longer than the terminal wraps, and `\r` would then redraw only its last row.
    const columns = (stream as Partial<NodeJS.WriteStream>).columns;
    const fitted = columns && line.length >= columns ? `${line.slice(0, columns - 2)}…` : line;
    stream.write(`${CLEAR_LINE}${fitted}${end}`);
  };

  const maybeDraw = (): void => {
    if (!isTTY || finished) return;
    const t = now();
    if (t - lastDraw < minIntervalMs) return;
    lastDraw = t;
    write(progressLine({ label: options.label, unit, done, total, elapsedMs: t - started }));
  };

  return {
    tick(n = 1) {
      done += n;
      maybeDraw();
    },
    set(value) {
      done = value;
      maybeDraw();
    },
    setTotal(value) {
      total = Math.max(0, value);
    },
    done(message) {
      if (finished) return;
      finished = true;
      if (!isTTY) return;
      write(finalLine({ label: options.label, unit, done, total, elapsedMs: now() - started }, message), '\n');
    },
  };
}

/** The `onProgress(done, total)` that library functions take, feeding `progress`. */
export function progressCallback(progress: Progress): (done: number, total: number) => void {
  return (done, total) => {
    progress.setTotal(total);
    progress.set(done);
  };
}

interface ProgressState {
  label: string;
  unit: string;
  done: number;
  total: number;
  elapsedMs: number;
}

/** `verify  12,000 / 100,000 entries  12 %  8,000 entries/s  about 10 s left` */
export function progressLine(s: ProgressState): string {
  const parts = [s.label];
  // A total passed by (the log grew meanwhile) reads as 100 %, never more.
  const total = s.total > 0 ? Math.max(s.total, s.done) : 0;
  if (total > 0) {
    parts.push(`${count(s.done)} / ${count(total)} ${s.unit}`, `${Math.floor((s.done / total) * 100)} %`);
  } else {
    parts.push(`${count(s.done)} ${s.unit}`);
  }
  if (s.elapsedMs < ESTIMATE_AFTER_MS || s.done === 0) {
    parts.push('estimating…');
  } else {
    const perSecond = s.done / (s.elapsedMs / 1000);
    parts.push(`${rate(perSecond)} ${s.unit}/s`);
    if (total > s.done) parts.push(`about ${formatDuration(((total - s.done) / perSecond) * 1000)} left`);
  }
  return parts.join('  ');
}

/** `verify: 100,000 entries in 12.5 s (8,000 entries/s)`, or `… 40,000 of 100,000 entries …` when it stopped early. */
export function finalLine(s: ProgressState, message?: string): string {
  const elapsed = formatDuration(s.elapsedMs);
  if (message !== undefined) return `${s.label}: ${message} in ${elapsed}`;
  const what = s.total > s.done ? `${count(s.done)} of ${count(s.total)} ${s.unit}` : `${count(s.done)} ${s.unit}`;
  const perSecond = s.done > 0 && s.elapsedMs > 0 ? ` (${rate(s.done / (s.elapsedMs / 1000))} ${s.unit}/s)` : '';
  return `${s.label}: ${what} in ${elapsed}${perSecond}`;
}

/** A duration as a person says it: `0.4 s`, `45 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  const tenths = Math.round(safe / 100);
  if (tenths < 100) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(safe / 1000);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad2(seconds % 60)} s`;
  const minutes = Math.round(safe / 60_000);
  return `${Math.floor(minutes / 60)} h ${pad2(minutes % 60)} min`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const count = (n: number): string => n.toLocaleString('en-US');
const rate = (perSecond: number): string =>
  perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond).toLocaleString('en-US');
