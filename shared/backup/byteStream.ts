/**
 * Bytes in and out of a backup file: normalising the caller's source into chunks, gzip framing
 * (via the platform's CompressionStream / DecompressionStream, present in browsers and Node ≥ 18),
 * and splitting the text into lines at `\n` bytes. Splitting bytes rather than decoded text keeps
 * multi-byte UTF-8 characters intact across chunk boundaries for free: 0x0A never occurs inside one.
 */

/** Anything a backup can be read from: the whole file in memory, a stream (e.g. `file.stream()`), or chunks. */
export type BackupSource = Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** A whole file in memory is handed on in slices this big, so decompression and progress stay incremental. */
const SLICE_BYTES = 1 << 20;

/**
 * The gzip header our writer emits, byte for byte: magic, deflate, no flags, mtime 0, no extra
 * flags, OS "unknown". gzip does not checksum its header, so the reader insists on exactly these
 * bytes; otherwise a flipped byte there would go unnoticed.
 */
export const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);

function isReadableStream(source: BackupSource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === 'function';
}

/** The source as a sequence of chunks. Cancels a stream when the consumer stops early. */
export async function* sourceChunks(source: BackupSource): AsyncGenerator<Uint8Array, void, undefined> {
  if (source instanceof Uint8Array) {
    for (let offset = 0; offset < source.length; offset += SLICE_BYTES) yield source.subarray(offset, offset + SLICE_BYTES);
    return;
  }
  if (isReadableStream(source)) {
    const reader = source.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          return;
        }
        yield value;
      }
    } finally {
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  }
  yield* source;
}

/** The first bytes of a chunk sequence, and the whole sequence again (nothing is consumed twice). */
export interface PeekedChunks {
  head: Uint8Array;
  chunks: AsyncGenerator<Uint8Array, void, undefined>;
}

/** Reads chunks until at least `wanted` bytes (or the end) are seen, without losing them. */
export async function peekChunks(source: AsyncIterator<Uint8Array, void, undefined>, wanted: number): Promise<PeekedChunks> {
  const buffered: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  while (total < wanted) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    if (next.value.length === 0) continue;
    buffered.push(next.value);
    total += next.value.length;
  }
  const head = new Uint8Array(Math.min(total, wanted));
  let filled = 0;
  for (const chunk of buffered) {
    if (filled >= head.length) break;
    const part = chunk.subarray(0, head.length - filled);
    head.set(part, filled);
    filled += part.length;
  }
  async function* replay(): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      yield* buffered;
      if (ended) return;
      for (;;) {
        const next = await source.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await source.return?.();
    }
  }
  return { head, chunks: replay() };
}

/** True when `bytes` starts with `prefix`. */
export function startsWithBytes(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Thrown out of {@link gunzipChunks} when the compressed data is damaged or ends early. */
export class DecompressionFailure extends Error {
  constructor(
    readonly truncated: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'DecompressionFailure';
  }
}

/** Node reports `unexpected end of file` (Z_BUF_ERROR); Chromium says the input "was truncated". */
function looksTruncated(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code === 'Z_BUF_ERROR' || /unexpected end|truncat/i.test(message);
}

/** True when this runtime can decompress gzip. */
export function canDecompress(): boolean {
  return typeof DecompressionStream === 'function';
}

/** True when this runtime can compress gzip. */
export function canCompress(): boolean {
  return typeof CompressionStream === 'function';
}

/**
 * Decompresses a gzip chunk sequence. Errors of the decompressor become {@link DecompressionFailure};
 * errors of the source itself propagate unchanged.
 */
export async function* gunzipChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  const decompressor = new DecompressionStream('gzip');
  const writer = decompressor.writable.getWriter();
  const reader = decompressor.readable.getReader();
  let sourceError: { error: unknown } | undefined;
  const pump = (async () => {
    const iterator = chunks[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        sourceError = { error };
        await writer.abort(error).catch(() => undefined);
        return;
      }
      if (next.done) break;
      try {
        // Chunks come from files, streams or our own arrays: never SharedArrayBuffer-backed.
        await writer.write(next.value as Uint8Array<ArrayBuffer>);
      } catch {
        // The decompressor failed (or the consumer cancelled); the reading side reports it.
        await iterator.return?.();
        return;
      }
    }
    await writer.close().catch(() => undefined);
  })();
  let done = false;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        await pump;
        if (sourceError) throw sourceError.error;
        throw new DecompressionFailure(looksTruncated(error), error instanceof Error ? error.message : String(error));
      }
      if (next.done) break;
      yield next.value;
    }
    done = true;
    await pump;
    if (sourceError) throw sourceError.error;
  } finally {
    if (!done) {
      await reader.cancel().catch(() => undefined);
      await pump;
    }
  }
}

/**
 * Cuts byte chunks into lines at `\n`. Complete lines inside a chunk are returned as views of it (no
 * copy); only a line spanning chunks is assembled in a growing buffer.
 */
export class LineSplitter {
  private carry = new Uint8Array(4096);
  private carryLength = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** Bytes of an unfinished line held from earlier chunks. */
  get pendingBytes(): number {
    return this.carryLength;
  }

  /**
   * Appends the lines completed by `chunk` (without their `\n`) to `out`. Returns false when the
   * unfinished line grew past `maxLineBytes` (a file that is not line-structured).
   */
  push(chunk: Uint8Array, out: Uint8Array[]): boolean {
    let start = 0;
    let newline = chunk.indexOf(10);
    if (this.carryLength > 0) {
      if (newline < 0) {
        this.append(chunk);
        return this.carryLength <= this.maxLineBytes;
      }
      this.append(chunk.subarray(0, newline));
      out.push(this.carry.slice(0, this.carryLength));
      this.carryLength = 0;
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    while (newline >= 0) {
      out.push(chunk.subarray(start, newline));
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    if (start < chunk.length) this.append(chunk.subarray(start));
    return this.carryLength <= this.maxLineBytes;
  }

  private append(bytes: Uint8Array): void {
    const needed = this.carryLength + bytes.length;
    if (needed > this.carry.length) {
      const grown = new Uint8Array(Math.max(needed, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(bytes, this.carryLength);
    this.carryLength = needed;
  }
}
