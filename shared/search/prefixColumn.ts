/**
 * A text column for prefix search (pinyin initials and full pinyin): each line holds the rank of
 * its value among the distinct values in sorted order, so every value starting with a prefix has a
 * rank in one contiguous range. A query is two binary searches over the distinct values and one
 * pass over the line codes, instead of `indexOf` stopping at each of 300,000 line breaks.
 */

export interface PrefixColumn {
  /** Distinct values, ascending (UTF-16 code-unit order). */
  sortedValues: string[];
  /** Per line: the rank of its value in `sortedValues`. */
  codes: Uint32Array;
}

/** Builds the column over lines 0 … n−1. */
export function buildPrefixColumn(values: readonly string[]): PrefixColumn {
  const firstCode = new Map<string, number>();
  const provisional = new Uint32Array(values.length);
  for (let line = 0; line < values.length; line += 1) {
    const value = values[line] as string;
    let code = firstCode.get(value);
    if (code === undefined) {
      code = firstCode.size;
      firstCode.set(value, code);
    }
    provisional[line] = code;
  }
  const distinct = [...firstCode.keys()];
  const order = distinct.map((_, code) => code).sort((a, b) => {
    const left = distinct[a] as string;
    const right = distinct[b] as string;
    return left < right ? -1 : left > right ? 1 : 0;
  });
  const rank = new Uint32Array(distinct.length);
  order.forEach((code, position) => {
    rank[code] = position;
  });
  const codes = new Uint32Array(values.length);
  for (let line = 0; line < values.length; line += 1) codes[line] = rank[provisional[line] as number] as number;
  return { sortedValues: order.map((code) => distinct[code] as string), codes };
}

/** The first position in `sorted` where `belowEnd` turns false. */
function boundary(sorted: readonly string[], belowEnd: (value: string) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (belowEnd(sorted[mid] as string)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The ranks `[from, to)` of the distinct values starting with `prefix`. */
export function prefixRange(column: PrefixColumn, prefix: string): { from: number; to: number } {
  const from = boundary(column.sortedValues, (value) => value < prefix);
  const to = boundary(column.sortedValues, (value) => value < prefix || value.startsWith(prefix));
  return { from, to };
}

/** Sets `marks[line]` for every line whose value starts with `prefix`. */
export function markLinesWithPrefix(column: PrefixColumn, prefix: string, marks: Uint8Array): void {
  const { from, to } = prefixRange(column, prefix);
  if (from === to) return;
  const codes = column.codes;
  for (let line = 0; line < codes.length; line += 1) {
    const code = codes[line] as number;
    if (code >= from && code < to) marks[line] = 1;
  }
}
