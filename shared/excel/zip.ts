/**
 * Zip handling that SheetJS cannot be trusted with: SheetJS inflates every entry in full before
 * looking at sizes, so a zip bomb would exhaust memory. Here the central directory is read first
 * (declared sizes summed and refused over the limit before anything is inflated), then every entry
 * is inflated by the platform's native `DecompressionStream` with a running byte count that stops
 * the moment the limit is crossed — a zip that understates its sizes is cut off too. SheetJS then
 * gets a rebuilt zip whose entries are stored (not compressed), which it slices without inflating.
 */
import { err, ok, type Result } from '../result';
import { importFileError, type ImportFileError } from './importErrors';

/** One entry of the zip central directory. */
export interface ZipEntryInfo {
  /** Entry name as stored (UTF-8 when flagged, otherwise read as Latin-1/CP437 bytes). */
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  /** General-purpose flags; bit 0 = encrypted. */
  flags: number;
  crc32: number;
  compressedSize: number;
  /** Uncompressed size as the central directory declares it (may be a lie). */
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The central directory: entries and their declared total size. */
export interface ZipDirectory {
  entries: ZipEntryInfo[];
  /** Sum of the declared uncompressed sizes. */
  declaredUncompressedTotal: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
/** Compressed bytes fed to the inflater at a time: bounds what one step can produce (deflate expands at most ~1032×). */
const INFLATE_INPUT_SLICE = 16 * 1024;

function u16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8);
}

function u32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] as number) | ((bytes[offset + 1] as number) << 8) | ((bytes[offset + 2] as number) << 16) | ((bytes[offset + 3] as number) << 24)) >>> 0;
}

function u64(bytes: Uint8Array, offset: number): number {
  // Sizes beyond 2^53 are absurd for our limits; they still compare as "too large".
  return u32(bytes, offset) + u32(bytes, offset + 4) * 0x1_0000_0000;
}

function corrupt(detail: string, detailEn: string): Result<never, ImportFileError> {
  return err(importFileError('FILE_CORRUPT', detail, detailEn));
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH);
  for (let offset = bytes.length - EOCD_MIN_LENGTH; offset >= lowest; offset -= 1) {
    if (u32(bytes, offset) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

/** Reads the zip central directory (with Zip64 extensions) without inflating anything. */
export function readZipDirectory(bytes: Uint8Array): Result<ZipDirectory, ImportFileError> {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return corrupt('找不到 zip 目录（文件可能不完整）', 'no zip end-of-central-directory record (truncated?)');
  let entryCount = u16(bytes, eocd + 10);
  let directorySize = u32(bytes, eocd + 12);
  let directoryOffset = u32(bytes, eocd + 16);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_EOCD_LOCATOR_SIGNATURE) return corrupt('zip64 目录缺失', 'missing zip64 locator');
    const zip64 = u64(bytes, locator + 8);
    if (zip64 + 56 > bytes.length || u32(bytes, zip64) !== ZIP64_EOCD_SIGNATURE) return corrupt('zip64 目录损坏', 'bad zip64 record');
    entryCount = u64(bytes, zip64 + 32);
    directorySize = u64(bytes, zip64 + 40);
    directoryOffset = u64(bytes, zip64 + 48);
  }
  if (directoryOffset + directorySize > bytes.length) return corrupt('zip 目录超出文件末尾（文件可能不完整）', 'central directory lies beyond the end of the file');
  const entries: ZipEntryInfo[] = [];
  let declaredUncompressedTotal = 0;
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== CENTRAL_HEADER_SIGNATURE) return corrupt('zip 目录项损坏', 'bad central directory entry');
    const flags = u16(bytes, offset + 8);
    const method = u16(bytes, offset + 10);
    const crc32 = u32(bytes, offset + 16);
    let compressedSize = u32(bytes, offset + 20);
    let uncompressedSize = u32(bytes, offset + 24);
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    let localHeaderOffset = u32(bytes, offset + 42);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const name = (flags & 0x800) !== 0 ? utf8.decode(nameBytes) : latin1.decode(nameBytes);
    // Zip64 extra field (id 1): 8-byte values for whichever fields are 0xFFFFFFFF, in this order.
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const size = u16(bytes, extra + 2);
      if (id === 1) {
        let field = extra + 4;
        if (uncompressedSize === 0xffffffff) { uncompressedSize = u64(bytes, field); field += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, field); field += 8; }
        if (localHeaderOffset === 0xffffffff) { localHeaderOffset = u64(bytes, field); }
      }
      extra += 4 + size;
    }
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset });
    declaredUncompressedTotal += uncompressedSize;
    offset = extraEnd + commentLength;
  }
  return ok({ entries, declaredUncompressedTotal });
}

function formatMiB(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MiB`;
}

/** The refusal for data beyond the uncompressed limit. */
export function uncompressedTooLarge(limitBytes: number): ImportFileError {
  return importFileError('FILE_TOO_LARGE', `解压后的数据超过 ${formatMiB(limitBytes)}`, `more than ${formatMiB(limitBytes)} of uncompressed data`);
}

/**
 * Reads the central directory and refuses before any inflation: FILE_TOO_LARGE when the declared
 * uncompressed sizes add up to more than `limitBytes`, FILE_ENCRYPTED when an entry is encrypted,
 * FILE_CORRUPT when the directory cannot be read.
 */
export function inspectZipLimits(bytes: Uint8Array, limitBytes: number): Result<ZipDirectory, ImportFileError> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return directory;
  if (directory.value.entries.some((entry) => (entry.flags & 0x1) !== 0)) return err(importFileError('FILE_ENCRYPTED'));
  if (directory.value.declaredUncompressedTotal > limitBytes) return err(uncompressedTooLarge(limitBytes));
  return directory;
}

/** Start of an entry's compressed data, from its local header. */
function entryDataOffset(bytes: Uint8Array, entry: ZipEntryInfo): number | undefined {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || u32(bytes, header) !== LOCAL_HEADER_SIGNATURE) return undefined;
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  return start + entry.compressedSize <= bytes.length ? start : undefined;
}

/** Shared byte budget across all entries of one file. */
interface InflateBudget {
  remaining: number;
}

type InflateOutcome = 'ok' | 'overLimit' | 'corrupt' | 'sizeMismatch';

/**
 * Inflates raw deflate data into `target` (exactly the declared size) while counting every byte
 * produced against the budget. Output past `target` is counted and dropped; the stream is
 * cancelled as soon as the budget is exhausted.
 */
async function inflateInto(compressed: Uint8Array, target: Uint8Array, budget: InflateBudget): Promise<InflateOutcome> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    try {
      for (let offset = 0; offset < compressed.length && !stopped; offset += INFLATE_INPUT_SLICE) {
        await writer.ready;
        await writer.write(compressed.subarray(offset, offset + INFLATE_INPUT_SLICE) as Uint8Array<ArrayBuffer>);
      }
      if (!stopped) await writer.close();
    } catch {
      // The reader side reports the failure (corrupt data) or has cancelled on purpose.
    }
  })();
  let produced = 0;
  let outcome: InflateOutcome = 'ok';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.remaining -= value.length;
      if (budget.remaining < 0) {
        outcome = 'overLimit';
        break;
      }
      if (produced + value.length <= target.length) target.set(value, produced);
      else if (produced < target.length) target.set(value.subarray(0, target.length - produced), produced);
      produced += value.length;
    }
  } catch {
    outcome = 'corrupt';
  }
  if (outcome !== 'ok') {
    stopped = true;
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
  }
  await feeding;
  if (outcome === 'ok' && produced !== target.length) outcome = 'sizeMismatch';
  return outcome;
}

/** Entries SheetJS never reads; skipping them saves inflating pictures and printer blobs. */
function isUnneededEntry(name: string): boolean {
  return /^xl\/(media|embeddings|printerSettings)\//i.test(name) || /^Pictures\//.test(name) || /\.(png|jpe?g|gif|bmp|emf|wmf|tiff?)$/i.test(name);
}

/**
 * Inflates the entries of a zip whose directory passed {@link inspectZipLimits}, enforcing
 * `limitBytes` on the bytes actually produced, and returns an equivalent zip with every entry
 * stored uncompressed, ready for SheetJS. Refusals: FILE_TOO_LARGE (limit crossed while inflating),
 * FILE_CORRUPT (bad deflate data, sizes that disagree with the directory, truncation),
 * UNSUPPORTED_FORMAT (a compression method other than stored/deflate).
 */
export async function repackZipStored(bytes: Uint8Array, directory: ZipDirectory, limitBytes: number): Promise<Result<Uint8Array, ImportFileError>> {
  const kept = directory.entries.filter((entry) => !isUnneededEntry(entry.name) && !entry.name.endsWith('/'));
  if (kept.length > 0xfffe) return corrupt('zip 条目过多', 'too many zip entries');
  const encoder = new TextEncoder();
  const names = kept.map((entry) => encoder.encode(entry.name));
  let outputLength = EOCD_MIN_LENGTH;
  kept.forEach((entry, index) => {
    outputLength += 30 + 46 + 2 * (names[index] as Uint8Array).length + entry.uncompressedSize;
  });
  const output = new Uint8Array(outputLength);
  const view = new DataView(output.buffer);
  const budget: InflateBudget = { remaining: limitBytes };
  const localOffsets: number[] = [];
  let cursor = 0;
  for (const [index, entry] of kept.entries()) {
    const name = names[index] as Uint8Array;
    const dataStart = entryDataOffset(bytes, entry);
    if (dataStart === undefined) return corrupt(`zip 条目 ${entry.name} 不完整`, `entry ${entry.name} is truncated`);
    localOffsets.push(cursor);
    view.setUint32(cursor, LOCAL_HEADER_SIGNATURE, true);
    view.setUint16(cursor + 4, 20, true);
    view.setUint16(cursor + 6, 0x800, true);
    view.setUint16(cursor + 8, 0, true);
    view.setUint32(cursor + 14, entry.crc32, true);
    view.setUint32(cursor + 18, entry.uncompressedSize, true);
    view.setUint32(cursor + 22, entry.uncompressedSize, true);
    view.setUint16(cursor + 26, name.length, true);
    output.set(name, cursor + 30);
    const target = output.subarray(cursor + 30 + name.length, cursor + 30 + name.length + entry.uncompressedSize);
    const compressed = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) return corrupt(`zip 条目 ${entry.name} 大小不一致`, `entry ${entry.name} sizes disagree`);
      budget.remaining -= entry.uncompressedSize;
      if (budget.remaining < 0) return err(uncompressedTooLarge(limitBytes));
      target.set(compressed);
    } else if (entry.method === 8) {
      const outcome = await inflateInto(compressed, target, budget);
      if (outcome === 'overLimit') return err(uncompressedTooLarge(limitBytes));
      if (outcome === 'corrupt') return corrupt(`zip 条目 ${entry.name} 的压缩数据损坏`, `entry ${entry.name} has corrupt deflate data`);
      if (outcome === 'sizeMismatch') return corrupt(`zip 条目 ${entry.name} 的实际大小与目录不符`, `entry ${entry.name} does not match its declared size`);
    } else {
      return err(importFileError('UNSUPPORTED_FORMAT', `不支持的 zip 压缩方式 ${entry.method}`, `unsupported zip compression method ${entry.method}`));
    }
    cursor += 30 + name.length + entry.uncompressedSize;
  }
  const directoryStart = cursor;
  for (const [index, entry] of kept.entries()) {
    const name = names[index] as Uint8Array;
    view.setUint32(cursor, CENTRAL_HEADER_SIGNATURE, true);
    view.setUint16(cursor + 4, 20, true);
    view.setUint16(cursor + 6, 20, true);
    view.setUint16(cursor + 8, 0x800, true);
    view.setUint32(cursor + 16, entry.crc32, true);
    view.setUint32(cursor + 20, entry.uncompressedSize, true);
    view.setUint32(cursor + 24, entry.uncompressedSize, true);
    view.setUint16(cursor + 28, name.length, true);
    view.setUint32(cursor + 42, localOffsets[index] as number, true);
    output.set(name, cursor + 46);
    cursor += 46 + name.length;
  }
  view.setUint32(cursor, EOCD_SIGNATURE, true);
  view.setUint16(cursor + 8, kept.length, true);
  view.setUint16(cursor + 10, kept.length, true);
  view.setUint32(cursor + 12, cursor - directoryStart, true);
  view.setUint32(cursor + 16, directoryStart, true);
  return ok(output);
}
