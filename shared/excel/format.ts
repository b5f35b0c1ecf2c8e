/**
 * Which parser a file needs, judged from its first bytes and never from its extension: web systems
 * save HTML tables as `.xls`, WPS saves BIFF8 as `.et`, and clerks rename files freely.
 */

/** The container a file's magic bytes announce; the final spreadsheet format is settled after opening it. */
export type ByteFormat = 'zip' | 'ole2' | 'markup' | 'text' | 'unknown';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
/** Bytes looked at when deciding whether a file is text. */
const TEXT_SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((byte, index) => bytes[offset + index] === byte);
}

/** Length of a byte-order mark at the start, 0 when there is none. */
export function byteOrderMarkLength(bytes: Uint8Array): number {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 3;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 2;
  return 0;
}

/** True when the file starts (after a BOM and white space) with `<`: HTML or XML saved as a spreadsheet. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const bom = byteOrderMarkLength(bytes);
  if (bom === 2) return false; // UTF-16 markup is not produced by the systems we meet; read it as text.
  const end = Math.min(bytes.length, bom + 4096);
  for (let index = bom; index < end; index += 1) {
    const byte = bytes[index];
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x3c;
  }
  return false;
}

/**
 * True when the first bytes look like text in some 8-bit or UTF-16 encoding: no NUL bytes (except
 * in UTF-16 with a BOM) and no control characters other than tab, line breaks, form feed and escape-free
 * printable bytes. Random binary data fails this within its first few hundred bytes.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const bom = byteOrderMarkLength(bytes);
  if (bom === 2) return bytes.length % 2 === 0;
  const end = Math.min(bytes.length, TEXT_SNIFF_BYTES);
  if (end === 0) return false;
  for (let index = bom; index < end; index += 1) {
    const byte = bytes[index] as number;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f || byte === 0xff) return false;
  }
  return true;
}

/**
 * Detects the container from magic bytes: `PK\x03\x04` (or an empty zip's `PK\x05\x06`) → zip
 * (xlsx, xlsm, xlsb, ods); `D0 CF 11 E0 A1 B1 1A E1` → OLE2 compound file (xls BIFF8, WPS .et, or an
 * encrypted xlsx); `<` → HTML table or SpreadsheetML; plain text → CSV/TSV; anything else → unknown.
 */
export function detectFormat(bytes: Uint8Array): ByteFormat {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, OLE2_MAGIC)) return 'ole2';
  if (looksLikeMarkup(bytes)) return 'markup';
  if (looksLikeText(bytes)) return 'text';
  return 'unknown';
}
