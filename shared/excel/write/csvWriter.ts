/**
 * CSV as Chinese Excel opens it correctly: UTF-8 with a BOM (without it Excel assumes GBK and shows
 * mojibake), CRLF line ends, RFC 4180 quoting. Cells are expected already neutralised.
 */
import { isRowBatches, type CellValue, type SheetRows } from './xlsxWriter';

const NEEDS_QUOTES = /[",\r\n]/;
const CHUNK_CHARS = 1 << 20;
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** One CSV field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF. */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes rows as CSV bytes (BOM first, every record ending in CRLF). */
export async function writeCsv(rows: SheetRows): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [BOM];
  let text = '';
  let total = BOM.length;
  const add = (cells: readonly CellValue[]) => {
    let line = '';
    for (let index = 0; index < cells.length; index += 1) {
      if (index > 0) line += ',';
      line += csvField(cells[index]);
    }
    text += `${line}\r\n`;
    if (text.length >= CHUNK_CHARS) {
      const chunk = encoder.encode(text);
      parts.push(chunk);
      total += chunk.length;
      text = '';
    }
  };
  if (isRowBatches(rows)) {
    for await (const batch of rows.batches) for (const cells of batch) add(cells);
  } else if (Symbol.asyncIterator in rows) for await (const cells of rows) add(cells);
  else for (const cells of rows) add(cells);
  const last = encoder.encode(text);
  parts.push(last);
  total += last.length;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
