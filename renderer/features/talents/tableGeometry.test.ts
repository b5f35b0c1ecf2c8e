import { describe, expect, it } from 'vitest';
import { columnsInView } from './tableGeometry';

describe('columnsInView', () => {
  // Columns at x = 0–104, 104–160, 160–352, 352–488 (widths 104, 56, 192, 136).
  const widths = [104, 56, 192, 136];

  it('takes every column a viewport wider than the table shows', () => {
    expect(columnsInView(widths, 0, 1200)).toEqual([0, 3]);
  });

  it('takes the columns that intersect the viewport, partly visible ones included', () => {
    // 0–300 px: columns 0, 1 and the first 140 px of column 2.
    expect(columnsInView(widths, 0, 300)).toEqual([0, 2]);
    // Scrolled 110 px: 110–410 px cuts column 1 (104–160) and column 3 (352–488).
    expect(columnsInView(widths, 110, 300)).toEqual([1, 3]);
  });

  it('does not take a column that ends exactly where the viewport starts, or starts where it ends', () => {
    // 104–160 px is exactly column 1.
    expect(columnsInView(widths, 104, 56)).toEqual([1, 1]);
  });

  it('takes every column before the viewport has been measured', () => {
    expect(columnsInView(widths, 0, 0)).toEqual([0, 3]);
  });

  it('takes every column when the viewport is past the table (a stale scroll position)', () => {
    expect(columnsInView(widths, 5000, 300)).toEqual([0, 3]);
  });
});
