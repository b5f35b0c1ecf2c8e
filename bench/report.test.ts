import { describe, expect, it } from 'vitest';
import { formatElapsed } from './report';

describe('formatElapsed', () => {
  it('splits the wall time into build, each size and the rest', () => {
    // 281 s in all: 9 s build + 262 s at 30,000 leaves 10 s of start-up and clean-up.
    expect(formatElapsed(281, 9.2, [{ size: 30_000, seconds: 261.6 }])).toBe('total 4.7 min (build 9 s; N = 30,000: 262 s; start-up and clean-up 10 s)');
  });
});
