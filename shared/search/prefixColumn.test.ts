import { describe, expect, it } from 'vitest';
import { buildPrefixColumn, markLinesWithPrefix, prefixRange } from './prefixColumn';

const initials = ['zs', 'wxm', 'zs', 'zss', 'lw', 'z', 'zhs', 'wf', 'lw'];

function linesWith(values: readonly string[], prefix: string): number[] {
  const marks = new Uint8Array(values.length);
  markLinesWithPrefix(buildPrefixColumn(values), prefix, marks);
  return [...marks.keys()].filter((line) => marks[line] === 1);
}

describe('prefix column', () => {
  it('ranks each line by its value among the sorted distinct values', () => {
    const column = buildPrefixColumn(initials);
    // Distinct, ascending: lw wf wxm z zhs zs zss → ranks 0 … 6.
    expect(column.sortedValues).toEqual(['lw', 'wf', 'wxm', 'z', 'zhs', 'zs', 'zss']);
    expect([...column.codes]).toEqual([5, 2, 5, 6, 0, 3, 4, 1, 0]);
  });

  it('finds a prefix as one range of ranks', () => {
    const column = buildPrefixColumn(initials);
    expect(prefixRange(column, 'z')).toEqual({ from: 3, to: 7 });
    expect(prefixRange(column, 'zs')).toEqual({ from: 5, to: 7 });
    expect(prefixRange(column, 'w')).toEqual({ from: 1, to: 3 });
    // Nothing starts with 'm': an empty range where it would sort (after lw, before wf).
    expect(prefixRange(column, 'm')).toEqual({ from: 1, to: 1 });
    expect(prefixRange(column, 'zzz')).toEqual({ from: 7, to: 7 });
  });

  it('marks every line whose value starts with the prefix', () => {
    expect(linesWith(initials, 'zs')).toEqual([0, 2, 3]);
    expect(linesWith(initials, 'z')).toEqual([0, 2, 3, 5, 6]);
    expect(linesWith(initials, 'lw')).toEqual([4, 8]);
    expect(linesWith(initials, 'wx')).toEqual([1]);
    expect(linesWith(initials, 'a')).toEqual([]);
    expect(linesWith([], 'a')).toEqual([]);
  });
});
