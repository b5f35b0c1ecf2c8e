import { describe, expect, it } from 'vitest';
import { compareResults } from './compare';
import type { Figure } from './measurements';
import { RESULT_FORMAT, type BenchResult } from './report';
import { summarize } from './stats';

function result(figures: Figure[]): BenchResult {
  return {
    format: RESULT_FORMAT,
    startedAt: '2026-06-30T00:00:00.000Z',
    machine: { cpuModel: 'cpu', cores: 2, memoryBytes: 1, platform: 'linux', node: 'v20', chromium: 'Chrome/1' },
    options: { sizes: [1000], repeat: 3, only: [], seed: 1 },
    appPaths: {},
    results: [{ size: 1000, seconds: 1, sections: [{ id: 'x', title: 'x', figures }] }],
    seconds: 1,
  };
}

const ms = (key: string, samples: number[], p95?: number): Figure => ({ key, label: key, unit: 'ms', summary: summarize(samples), ...(p95 === undefined ? {} : { p95 }) });

describe('bench compare', () => {
  it('compares medians, or p95 for query timings, with a 10 % noise band', () => {
    const before = result([ms('a', [100, 100, 100]), ms('b', [10, 10, 10], 40), ms('c', [100]), { key: 'd', label: 'd', unit: 'rows/s', summary: summarize([1000]) }]);
    const after = result([ms('a', [120, 121, 119]), ms('b', [10, 10, 10], 30), ms('c', [105]), { key: 'd', label: 'd', unit: 'rows/s', summary: summarize([800]) }]);
    const rows = compareResults(before, after);
    const byKey = new Map(rows.map((row) => [row.key, row]));
    // 120 / 100 − 1 = +20 % → worse.
    expect(byKey.get('a')).toMatchObject({ before: 100, after: 120, verdict: 'worse' });
    expect(byKey.get('a')?.change).toBeCloseTo(0.2);
    // p95 40 → 30 = −25 % → better.
    expect(byKey.get('b')).toMatchObject({ before: 40, after: 30, verdict: 'better' });
    // +5 % is noise.
    expect(byKey.get('c')?.verdict).toBe('same');
    // rows/s 1000 → 800 is a drop in throughput → worse.
    expect(byKey.get('d')?.verdict).toBe('worse');
  });

  it('says when a figure is measured on one side only', () => {
    const before = result([{ key: 'a', label: 'a', unit: 'ms', summary: null, note: 'not yet' }]);
    const after = result([ms('a', [50])]);
    expect(compareResults(before, after)[0]).toMatchObject({ verdict: 'only after', before: null, after: 50 });
  });
});
