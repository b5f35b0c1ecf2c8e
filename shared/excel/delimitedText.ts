/**
 * A CSV/TSV reader that keeps every cell as the text in the file. SheetJS guesses types in text
 * (and reads a CSV starting with `ID` as SYLK), which would turn 18-digit ID numbers into lossy
 * numbers; this reader never converts anything.
 */

export interface DelimitedTextTable {
  rows: string[][];
  delimiter: string;
  /** True when reading stopped at `maxRows`: the file has more rows. */
  truncated: boolean;
}

const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'] as const;
/** Lines inspected when guessing the delimiter; banner lines at the top may have none. */
const SNIFF_LINES = 30;

/** Picks the delimiter that occurs most often outside quotes in the first lines; `sep=;` (an Excel hint line) wins. */
export function guessDelimiter(text: string): string {
  const hint = /^sep=(.)\r?\n/.exec(text);
  if (hint?.[1]) return hint[1];
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let lines = 0;
  let inQuotes = false;
  for (let index = 0; index < text.length && lines < SNIFF_LINES; index += 1) {
    const char = text[index] as string;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char === '\n') lines += 1;
    else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses delimited text (RFC 4180 quoting: `"a,b"`, `""` for a quote, line breaks inside quotes).
 * Line ends may be CRLF, LF or CR. Reading stops after `maxRows` rows.
 */
export function parseDelimitedText(text: string, maxRows: number = Number.POSITIVE_INFINITY): DelimitedTextTable {
  const delimiter = guessDelimiter(text);
  const delimiterCode = delimiter.charCodeAt(0);
  let start = 0;
  const hint = /^sep=.\r?\n/.exec(text);
  if (hint) start = hint[0].length;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = start;
  const length = text.length;
  let truncated = false;
  const endRow = (): boolean => {
    row.push(field);
    field = '';
    rows.push(row);
    row = [];
    return rows.length >= maxRows;
  };
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === 0x22 /* " */ && field === '') {
      // Quoted field: read to the closing quote, unescaping "".
      index += 1;
      let chunkStart = index;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote === -1) {
          field += text.slice(chunkStart);
          index = length;
          break;
        }
        if (text.charCodeAt(quote + 1) === 0x22) {
          field += text.slice(chunkStart, quote + 1);
          index = quote + 2;
          chunkStart = index;
          continue;
        }
        field += text.slice(chunkStart, quote);
        index = quote + 1;
        break;
      }
      // Text after the closing quote up to the delimiter is kept, as spreadsheet programs do.
      continue;
    }
    if (code === delimiterCode) {
      row.push(field);
      field = '';
      index += 1;
      continue;
    }
    if (code === 0x0a || code === 0x0d) {
      index += code === 0x0d && text.charCodeAt(index + 1) === 0x0a ? 2 : 1;
      if (endRow()) {
        truncated = index < length;
        return { rows, delimiter, truncated };
      }
      continue;
    }
    // Plain run: copy up to the next special character in one slice.
    let end = index + 1;
    while (end < length) {
      const next = text.charCodeAt(end);
      if (next === delimiterCode || next === 0x0a || next === 0x0d || next === 0x22) break;
      end += 1;
    }
    field += text.slice(index, end);
    index = end;
  }
  if (field !== '' || row.length > 0) endRow();
  return { rows, delimiter, truncated };
}
