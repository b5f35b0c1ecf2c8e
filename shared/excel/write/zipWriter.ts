/**
 * A small zip writer for the spreadsheet writers: entries are deflated by the platform's native
 * `CompressionStream` (browser, worker and Node 20 alike) fed in chunks, so a
 * 300,000-row sheet is never held as one string. No zip64: workbooks stay far below 4 GiB.
 */

/** One file of the archive; `data` may be produced lazily, chunk by chunk. */
export interface ZipEntryInput {
  /** Path inside the archive, `/`-separated, UTF-8. */
  name: string;
  data: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
}

const CRC_TABLE = ((): Int32Array => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** Continues a CRC-32 (zip polynomial) over `bytes`; start with 0. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let crc = ~previous;
  for (let index = 0; index < bytes.length; index += 1) crc = (CRC_TABLE[(crc ^ (bytes[index] as number)) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}

interface WrittenEntry {
  nameBytes: Uint8Array;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const utf8 = new TextEncoder();
/** 1980-01-01 00:00 in DOS format: fixed, so the same workbook always gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Bytes of a gzip member around the deflate data: a 10-byte header (no optional fields) and an 8-byte trailer. */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

/**
 * Deflates through a native gzip stream rather than deflate-raw: the gzip trailer carries the
 * CRC-32 the zip entry needs, computed natively (a JavaScript CRC costs ~30% of a large export).
 * The header and trailer are then cut off, leaving the raw deflate data.
 */
async function deflate(data: ZipEntryInput['data']): Promise<{ parts: Uint8Array[]; crc: number; size: number; compressedSize: number }> {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.length === 0) continue;
      parts.push(value);
      total += value.length;
    }
  })();
  let size = 0;
  const feed = async (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    size += chunk.length;
    await writer.write(chunk as Uint8Array<ArrayBuffer>);
  };
  try {
    if (data instanceof Uint8Array) await feed(data);
    else if (isAsyncIterable(data)) for await (const chunk of data) await feed(chunk);
    else for (const chunk of data) await feed(chunk);
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    await reading.catch(() => undefined);
    throw error;
  }
  await reading;
  const head = takeBytes(parts, 0, GZIP_HEADER);
  const tail = takeBytes(parts, total - GZIP_TRAILER, GZIP_TRAILER);
  if (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8 || head[3] !== 0) throw new Error('Unexpected gzip header from CompressionStream');
  const crc = ((tail[0] as number) | ((tail[1] as number) << 8) | ((tail[2] as number) << 16) | ((tail[3] as number) << 24)) >>> 0;
  const compressedSize = total - GZIP_HEADER - GZIP_TRAILER;
  return { parts: sliceParts(parts, GZIP_HEADER, compressedSize), crc, size, compressedSize };
}

/** `length` bytes at `offset` of the concatenation of `parts`. */
function takeBytes(parts: readonly Uint8Array[], offset: number, length: number): Uint8Array {
  return concat(sliceParts(parts, offset, length), length);
}

/** Views of `parts` covering `length` bytes from `offset` of their concatenation (no copying). */
function sliceParts(parts: readonly Uint8Array[], offset: number, length: number): Uint8Array[] {
  const views: Uint8Array[] = [];
  let position = 0;
  const end = offset + length;
  for (const part of parts) {
    const partEnd = position + part.length;
    if (partEnd > offset && position < end) views.push(part.subarray(Math.max(0, offset - position), Math.min(part.length, end - position)));
    position = partEnd;
    if (position >= end) break;
  }
  return views;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

function header(length: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(length);
  return { bytes, view: new DataView(bytes.buffer) };
}

/** Writes a zip archive of deflated entries, in order. */
export async function writeZip(entries: Iterable<ZipEntryInput>): Promise<Uint8Array> {
  const output: Uint8Array[] = [];
  const written: WrittenEntry[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = utf8.encode(entry.name);
    const { parts, crc, size, compressedSize } = await deflate(entry.data);
    const { bytes, view } = header(30 + nameBytes.length);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, 0x0800, true); // UTF-8 names
    view.setUint16(8, 8, true);
    view.setUint16(10, DOS_TIME, true);
    view.setUint16(12, DOS_DATE, true);
    view.setUint32(14, crc, true);
    view.setUint32(18, compressedSize, true);
    view.setUint32(22, size, true);
    view.setUint16(26, nameBytes.length, true);
    bytes.set(nameBytes, 30);
    output.push(bytes, ...parts);
    written.push({ nameBytes, crc, compressedSize, size, offset });
    offset += bytes.length + compressedSize;
  }
  const directoryOffset = offset;
  for (const entry of written) {
    const { bytes, view } = header(46 + entry.nameBytes.length);
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, 20, true);
    view.setUint16(8, 0x0800, true);
    view.setUint16(10, 8, true);
    view.setUint16(12, DOS_TIME, true);
    view.setUint16(14, DOS_DATE, true);
    view.setUint32(16, entry.crc, true);
    view.setUint32(20, entry.compressedSize, true);
    view.setUint32(24, entry.size, true);
    view.setUint16(28, entry.nameBytes.length, true);
    view.setUint32(42, entry.offset, true);
    bytes.set(entry.nameBytes, 46);
    output.push(bytes);
    offset += bytes.length;
  }
  const { bytes: end, view } = header(22);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, written.length, true);
  view.setUint16(10, written.length, true);
  view.setUint32(12, offset - directoryOffset, true);
  view.setUint32(16, directoryOffset, true);
  output.push(end);
  offset += end.length;

  return concat(output, offset);
}
