import { describe, expect, it } from 'vitest';
import { buildTailIndex, forEachLineEndingWith, tailKey } from './tailIndex';

function linesEndingWith(values: readonly string[], tail: string): number[] {
  const index = buildTailIndex(values);
  const lines: number[] = [];
  forEachLineEndingWith(index, (line) => values[line] as string, tail, (line) => lines.push(line));
  return lines;
}

describe('tailKey', () => {
  it('reads the last four characters as base-11 digits (X = 10)', () => {
    // 1·11³ + 2·11² + 3·11 + 4 = 1331 + 242 + 33 + 4 = 1610
    expect(tailKey('310101199001011234')).toBe(1610);
    // 0·11³ + 0·11² + 2·11 + 10 = 32
    expect(tailKey('11010519491231002X')).toBe(32);
    expect(tailKey('0000')).toBe(0);
    // X X X X = 10·(1331 + 121 + 11 + 1) = 14640, the last bucket
    expect(tailKey('XXXX')).toBe(14640);
  });

  it('has no key for short values or tails with letters other than X', () => {
    expect(tailKey('123')).toBe(-1);
    expect(tailKey('')).toBe(-1);
    expect(tailKey('E1234567A')).toBe(-1);
    expect(tailKey('12x4')).toBe(-1);
  });
});

describe('tail index', () => {
  const values = ['11010519491231002X', '13812345678', '310101199001011234', 'E12345678', '', '13900001234', '440524188001010014', '22341234'];

  it('finds every line ending with a four-character tail, in line order', () => {
    expect(linesEndingWith(values, '1234')).toEqual([2, 5, 7]);
    expect(linesEndingWith(values, '002X')).toEqual([0]);
    expect(linesEndingWith(values, '5678')).toEqual([1, 3]);
    expect(linesEndingWith(values, '9999')).toEqual([]);
  });

  it('checks longer tails against the whole value', () => {
    expect(linesEndingWith(values, '01234')).toEqual([5]);
    expect(linesEndingWith(values, '011234')).toEqual([2]);
    expect(linesEndingWith(values, '2341234')).toEqual([7]);
    expect(linesEndingWith(values, '1231002X')).toEqual([0]);
    expect(linesEndingWith(values, '440524188001010014')).toEqual([6]);
  });

  it('finds nothing for a tail without a key', () => {
    expect(linesEndingWith(values, '12a4')).toEqual([]);
  });

  it('keeps every keyed line once across the buckets', () => {
    const index = buildTailIndex(values);
    // 7 values have a digit/X tail; '' has none.
    expect(index.lines.length).toBe(7);
    expect(index.offsets.at(-1)).toBe(7);
    expect([...index.lines].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 5, 6, 7]);
  });
});
