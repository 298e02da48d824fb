// Summaries of timings. Percentiles use the nearest-rank method, so p99 of
// 10,000 samples is an actual observed sample, never an interpolation.

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function percentile(values: readonly number[] | Float64Array, p: number): number {
  if (values.length === 0) throw new Error('no samples');
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export interface LatencySummary {
  p50Us: number;
  p99Us: number;
  maxUs: number;
  meanUs: number;
  samples: number;
}

export function summarizeLatency(samplesNs: Float64Array): LatencySummary {
  const sorted = Float64Array.from(samplesNs).sort();
  const at = (p: number): number => (sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] as number) / 1000;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50Us: at(50),
    p99Us: at(99),
    maxUs: (sorted[sorted.length - 1] as number) / 1000,
    meanUs: sum / sorted.length / 1000,
    samples: sorted.length,
  };
}

/**
 * Times `count` calls one by one, in nanoseconds, after `warmup` untimed
 * calls. Timed calls get i = 0..count−1, warm-up calls i = count…, so that
 * callers can draw the timed arguments from the start of their arrays.
 */
export function sampleLatency(count: number, warmup: number, call: (i: number) => unknown): Float64Array {
  for (let i = 0; i < warmup; i++) call(count + i);
  const samples = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    call(i);
    samples[i] = Number(process.hrtime.bigint() - t0);
  }
  return samples;
}

export function perSecond(count: number, ms: number): number {
  return (count / ms) * 1000;
}
