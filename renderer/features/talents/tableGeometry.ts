/** Where things are in the virtual talent table: pure arithmetic on fixed column widths. */

/**
 * The columns (by position) that intersect [left, left + width) pixels; all of them before the
 * viewport has been measured. Cells outside stay in the DOM with their width but without text, so
 * a jump lays out and paints only the text that can be seen.
 */
export function columnsInView(widths: readonly number[], left: number, width: number): [number, number] {
  if (width <= 0) return [0, widths.length - 1];
  let firstColumn = -1;
  let lastColumn = -1;
  let x = 0;
  for (let position = 0; position < widths.length; position += 1) {
    const end = x + (widths[position] ?? 0);
    if (end > left && x < left + width) {
      if (firstColumn < 0) firstColumn = position;
      lastColumn = position;
    }
    x = end;
  }
  return firstColumn < 0 ? [0, widths.length - 1] : [firstColumn, lastColumn];
}
