/** Summaries of repeated timings: median, min, max and nearest-rank percentiles. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Every sample, in run order. */
  samples: number[];
}

export interface Distribution extends Summary {
  p50: number;
  p95: number;
}

/** Nearest-rank percentile of `values` (0 < p ≤ 100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Median (mean of the middle two for an even count), min and max of the samples. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, samples: [] };
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, samples: [...samples] };
}

/** Summary plus p50/p95 over many individual timings (e.g. 200 queries × repeats). */
export function distribution(samples: readonly number[]): Distribution {
  return { ...summarize(samples), p50: percentile(samples, 50), p95: percentile(samples, 95) };
}
