import { describe, expect, it } from 'vitest';
import { distribution, percentile, summarize } from './stats';

describe('bench stats', () => {
  it('takes the median of odd and even counts', () => {
    expect(summarize([30, 10, 20]).median).toBe(20);
    expect(summarize([40, 10, 20, 30]).median).toBe(25);
    expect(summarize([40, 10, 20, 30])).toMatchObject({ min: 10, max: 40, samples: [40, 10, 20, 30] });
  });

  it('uses nearest-rank percentiles', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 50)).toBe(50);
    // 20 values: rank ⌈0.95 × 20⌉ = 19.
    expect(percentile(Array.from({ length: 20 }, (_, i) => (i + 1) * 10), 95)).toBe(190);
    expect(distribution([5, 1, 3])).toMatchObject({ p50: 3, p95: 5, median: 3 });
  });

  it('returns NaN for no samples', () => {
    expect(Number.isNaN(summarize([]).median)).toBe(true);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
});
