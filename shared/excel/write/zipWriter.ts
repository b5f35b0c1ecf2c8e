/**
 * A small zip writer for the spreadsheet writers: entries are deflated by the platform's native
 * `CompressionStream('deflate-raw')` (browser, worker and Node 20 alike) fed in chunks, so a
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

async function deflate(data: ZipEntryInput['data']): Promise<{ parts: Uint8Array[]; crc: number; size: number; compressedSize: number }> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let compressedSize = 0;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parts.push(value);
      compressedSize += value.length;
    }
  })();
  let crc = 0;
  let size = 0;
  const feed = async (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    crc = crc32(chunk, crc);
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
  return { parts, crc, size, compressedSize };
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

  const archive = new Uint8Array(offset);
  let at = 0;
  for (const part of output) {
    archive.set(part, at);
    at += part.length;
  }
  return archive;
}
