/**
 * Lines grouped by the last four characters of a value, for the search box's ID-number and phone
 * tails. A tail query then reads one bucket (≈ 30 lines at 300,000 talents) instead of scanning
 * every ID number: the lookup costs the matches, not the size of the registry.
 */

/** Characters a tail key can hold: the digits and the check character X. */
const TAIL_ALPHABET = 11;
/** Characters in a key: the shortest ID tail the search box accepts, and a phone tail. */
export const TAIL_LENGTH = 4;
const BUCKETS = TAIL_ALPHABET ** TAIL_LENGTH;

/** Lines in buckets: bucket k holds `lines[offsets[k] .. offsets[k + 1])`, in ascending line order. */
export interface TailIndex {
  offsets: Int32Array;
  lines: Int32Array;
}

function characterCode(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code === 88) return 10; // X
  return -1;
}

/** The bucket of a value's last four characters, or -1 when they are not all digits or X (or it is shorter). */
export function tailKey(value: string): number {
  const length = value.length;
  if (length < TAIL_LENGTH) return -1;
  let key = 0;
  for (let i = length - TAIL_LENGTH; i < length; i += 1) {
    const digit = characterCode(value.charCodeAt(i));
    if (digit < 0) return -1;
    key = key * TAIL_ALPHABET + digit;
  }
  return key;
}

/** Groups lines 0 … n−1 by the last four characters of `values[line]` (values without such a tail are left out). */
export function buildTailIndex(values: readonly string[]): TailIndex {
  const keys = new Int32Array(values.length);
  const offsets = new Int32Array(BUCKETS + 1);
  let kept = 0;
  for (let line = 0; line < values.length; line += 1) {
    const key = tailKey(values[line] as string);
    keys[line] = key;
    if (key >= 0) {
      offsets[key + 1] = (offsets[key + 1] as number) + 1;
      kept += 1;
    }
  }
  for (let bucket = 0; bucket < BUCKETS; bucket += 1) offsets[bucket + 1] = (offsets[bucket + 1] as number) + (offsets[bucket] as number);
  const lines = new Int32Array(kept);
  const next = offsets.slice(0, BUCKETS);
  for (let line = 0; line < values.length; line += 1) {
    const key = keys[line] as number;
    if (key < 0) continue;
    const at = next[key] as number;
    lines[at] = line;
    next[key] = at + 1;
  }
  return { offsets, lines };
}

/**
 * Calls `found` for each line whose value ends with `tail` (upper-case, at least four characters),
 * in ascending line order. A longer tail is checked against the value itself.
 */
export function forEachLineEndingWith(index: TailIndex, valueAt: (line: number) => string, tail: string, found: (line: number) => void): void {
  const key = tailKey(tail);
  if (key < 0) return;
  const end = index.offsets[key + 1] as number;
  const exact = tail.length === TAIL_LENGTH;
  for (let at = index.offsets[key] as number; at < end; at += 1) {
    const line = index.lines[at] as number;
    if (exact || valueAt(line).endsWith(tail)) found(line);
  }
}
