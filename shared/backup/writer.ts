/**
 * Streaming writer of `.tlbak` files (format version 1, docs/backup-format.md). The caller reads the
 * database table by table in batches and hands each batch over; the writer encodes, hashes and emits
 * chunks to a sink as it goes, so memory holds one batch plus one chunk — never the whole database twice.
 */
import { createSha256, type Sha256 } from '../crypto/sha256';
import { canCompress, GZIP_HEADER } from './byteStream';
import { instantOf } from './chinaTime';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  isBackupReason,
  isValidTableName,
  MANIFEST_HASH_INFIX,
  MANIFEST_LINE_PREFIX,
  type BackupHeaderLine,
  type BackupManifest,
  type BackupMeta,
  type BackupRecord,
  type BackupTableSummary,
} from './format';
import { encodeRecordLine } from './recordCodec';

/**
 * Receives the file's bytes in order. May be async (OPFS `write`, IPC); the writer waits for it, so
 * a slow sink slows the writer instead of piling chunks up in memory. Each chunk is a fresh array the
 * sink may keep.
 */
export type BackupSink = (chunk: Uint8Array) => void | Promise<void>;

/** `gzip` is a standard gzip stream of the text (about 5–10× smaller); `none` is the plain text. */
export type BackupCompression = 'gzip' | 'none';

export interface BackupWriterOptions extends BackupMeta {
  sink: BackupSink;
  /** Default `gzip` where the runtime has CompressionStream (browsers, Electron, Node ≥ 18), else `none`. */
  compression?: BackupCompression;
  /** Size of the chunks handed to the sink; default 1 MiB. */
  chunkBytes?: number;
}

/** What {@link BackupWriter.finish} reports. */
export interface BackupWriteResult {
  manifest: BackupManifest;
  /** Size of the uncompressed text. */
  textBytes: number;
  /** Bytes handed to the sink: the file size. */
  fileBytes: number;
  compression: BackupCompression;
}

/**
 * Writes one backup. Call order: (`beginTable` → `writeRecords`* → `endTable`)* → `finish`.
 * Calls must not overlap (await each). Misuse throws (a bug); a failing sink rejects the call in progress.
 */
export interface BackupWriter {
  /** Starts a table. Names are identifiers (`talents`) and unique within the file. */
  beginTable(name: string): Promise<void>;
  /** Appends records to the current table, in the order given. Each record is written with its keys in their own order. */
  writeRecords(records: Iterable<BackupRecord>): Promise<void>;
  /** Closes the current table and returns what the manifest will say about it. */
  endTable(): Promise<BackupTableSummary>;
  /** Writes the manifest, flushes everything to the sink and reports what was written. */
  finish(): Promise<BackupWriteResult>;
  /** Stops writing; the caller discards what the sink received (e.g. deletes the `.tlbak.tmp` file). */
  abort(reason?: unknown): Promise<void>;
}

const DEFAULT_CHUNK_BYTES = 1 << 20;
const NEWLINE = 10;

/** Where the text layer's chunks go: straight to the sink, or through gzip first. */
interface ByteOutput {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason: unknown): Promise<void>;
  readonly fileBytes: number;
}

/** Collects bytes into chunks of a fixed size before calling the sink (gzip output comes in small pieces). */
class ChunkedSink {
  private buffer: Uint8Array;
  private filled = 0;
  private total = 0;

  constructor(
    private readonly sink: BackupSink,
    private readonly chunkBytes: number,
    private readonly patchGzipHeader: boolean,
  ) {
    this.buffer = new Uint8Array(chunkBytes);
  }

  get fileBytes(): number {
    return this.total;
  }

  async add(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const take = Math.min(this.chunkBytes - this.filled, bytes.length - offset);
      this.buffer.set(bytes.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.patchGzipHeader && this.total < GZIP_HEADER.length && this.total + this.filled >= GZIP_HEADER.length) this.normaliseHeader();
      if (this.filled === this.chunkBytes) await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.filled === 0) return;
    const chunk = this.buffer.subarray(0, this.filled);
    this.total += this.filled;
    this.buffer = new Uint8Array(this.chunkBytes);
    this.filled = 0;
    await this.sink(chunk);
  }

  /** gzip leaves mtime and OS to the compressor; fix them so the reader can demand exact header bytes. */
  private normaliseHeader(): void {
    for (let i = 0; i < 4; i++) {
      if (this.buffer[i] !== GZIP_HEADER[i]) throw new Error('backup: the compressor wrote an unexpected gzip header');
    }
    this.buffer.set(GZIP_HEADER.subarray(4), 4);
  }
}

function plainOutput(sink: BackupSink): ByteOutput {
  let fileBytes = 0;
  return {
    async write(chunk) {
      fileBytes += chunk.length;
      await sink(chunk);
    },
    async close() {},
    async abort() {},
    get fileBytes() {
      return fileBytes;
    },
  };
}

function gzipOutput(sink: BackupSink, chunkBytes: number): ByteOutput {
  const compressor = new CompressionStream('gzip');
  const writer = compressor.writable.getWriter();
  const reader = compressor.readable.getReader();
  const output = new ChunkedSink(sink, chunkBytes, true);
  let failure: { error: unknown } | undefined;
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await output.add(value);
      }
      await output.flush();
    } catch (error) {
      failure ??= { error };
      await reader.cancel(error).catch(() => undefined);
    }
  })();
  async function rethrowFailure(error: unknown): Promise<never> {
    await Promise.race([pump, Promise.resolve()]);
    throw failure ? failure.error : error;
  }
  return {
    async write(chunk) {
      if (failure) throw failure.error;
      try {
        await writer.ready;
        await writer.write(chunk as Uint8Array<ArrayBuffer>);
      } catch (error) {
        await rethrowFailure(error);
      }
    },
    async close() {
      try {
        await writer.close();
      } catch (error) {
        await rethrowFailure(error);
      }
      await pump;
      if (failure) throw failure.error;
    },
    async abort(reason) {
      failure ??= { error: reason };
      await writer.abort(reason).catch(() => undefined);
      await pump;
    },
    get fileBytes() {
      return output.fileBytes;
    },
  };
}

function checkMeta(meta: BackupMeta): void {
  if (typeof meta.appVersion !== 'string' || meta.appVersion.length > 100) throw new TypeError('backup: appVersion must be a short string');
  if (!Number.isInteger(meta.schemaVersion) || meta.schemaVersion < 0) throw new TypeError('backup: schemaVersion must be a whole number ≥ 0');
  if (typeof meta.createdAt !== 'string' || instantOf(meta.createdAt) === undefined) throw new TypeError('backup: createdAt must be an ISO timestamp');
  if (typeof meta.operator !== 'string' || meta.operator.length > 200) throw new TypeError('backup: operator must be a short string');
  if (!isBackupReason(meta.reason)) throw new TypeError(`backup: unknown reason ${String(meta.reason)}`);
}

/** The change time a record carries: `updatedAt` for entities, `at` for audit entries. */
function changeTimeOf(record: BackupRecord): string | undefined {
  const updatedAt = record.updatedAt;
  if (typeof updatedAt === 'string') return updatedAt;
  const at = record.at;
  return typeof at === 'string' ? at : undefined;
}

/**
 * Starts a backup. Nothing is written until the first call; the header goes out with the first table
 * (or with `finish` for an empty backup).
 *
 * @example
 * const writer = createBackupWriter({ ...meta, sink: (chunk) => file.write(chunk) });
 * for (const table of TABLE_NAMES) {
 *   await writer.beginTable(table);
 *   for await (const batch of readInBatches(table)) await writer.writeRecords(batch);
 *   await writer.endTable();
 * }
 * const { manifest } = await writer.finish();
 */
export function createBackupWriter(options: BackupWriterOptions): BackupWriter {
  const meta: BackupMeta = {
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion,
    createdAt: options.createdAt,
    operator: options.operator,
    reason: options.reason,
  };
  checkMeta(meta);
  const chunkBytes = Math.max(4096, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
  const compression: BackupCompression = options.compression ?? (canCompress() ? 'gzip' : 'none');
  if (compression === 'gzip' && !canCompress()) throw new Error('backup: gzip requested but CompressionStream is unavailable');
  const output = compression === 'gzip' ? gzipOutput(options.sink, chunkBytes) : plainOutput(options.sink);

  const encoder = new TextEncoder();
  /** Covers the header, begin and end lines (which carry each table's hash) and the manifest: the whole file, transitively. */
  const fileHash = createSha256();
  const tables: Record<string, BackupTableSummary> = {};
  let newestChange: string | undefined;

  let buffer = new Uint8Array(chunkBytes);
  let position = 0;
  let textBytes = 0;
  let state: 'fresh' | 'between' | 'inTable' | 'finished' | 'aborted' = 'fresh';

  let tableName = '';
  let tableHash: Sha256 = createSha256();
  let tableRows = 0;
  let tableNewest: string | undefined;
  /** Start, in `buffer`, of record lines not yet fed to `tableHash`. */
  let recordStart = 0;

  function hashPendingRecords(): void {
    if (state === 'inTable' && position > recordStart) tableHash.update(buffer.subarray(recordStart, position));
    recordStart = position;
  }

  async function flush(): Promise<void> {
    hashPendingRecords();
    if (position === 0) return;
    const chunk = buffer.subarray(0, position);
    textBytes += position;
    buffer = new Uint8Array(chunkBytes);
    position = 0;
    recordStart = 0;
    await output.write(chunk);
  }

  /** Copies bytes into the buffer, flushing as it fills. Used for structural lines and oversized records. */
  async function writeBytes(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      if (position === buffer.length) await flush();
      const take = Math.min(buffer.length - position, bytes.length - offset);
      buffer.set(bytes.subarray(offset, offset + take), position);
      position += take;
      offset += take;
    }
  }

  async function writeControlLine(text: string): Promise<void> {
    const bytes = encoder.encode(`${text}\n`);
    fileHash.update(bytes);
    await writeBytes(bytes);
  }

  async function writeHeaderOnce(): Promise<void> {
    if (state !== 'fresh') return;
    const header: BackupHeaderLine = {
      tlbak: 'header',
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: meta.appVersion,
      schemaVersion: meta.schemaVersion,
      createdAt: meta.createdAt,
    };
    await writeControlLine(JSON.stringify(header));
    state = 'between';
  }

  /** Slow path of a record line: it did not fit in what is left of the buffer. */
  async function writeRecordLineSlowly(line: string): Promise<void> {
    await flush();
    // UTF-16 code units encode to at most 3 bytes each.
    if (line.length * 3 + 1 <= buffer.length) {
      const { written } = encoder.encodeInto(line, buffer.subarray(position));
      position += written;
      buffer[position++] = NEWLINE;
      return;
    }
    // Larger than a chunk: copied in pieces; every byte written while in a table is record data, so
    // the region hashing in `flush` covers it.
    await writeBytes(encoder.encode(`${line}\n`));
  }

  function assertState(expected: typeof state | 'fresh|between', action: string): void {
    const ok = expected === 'fresh|between' ? state === 'fresh' || state === 'between' : state === expected;
    if (!ok) throw new Error(`backup: cannot ${action} now (writer is ${state})`);
  }

  return {
    async beginTable(name) {
      assertState('fresh|between', 'begin a table');
      if (!isValidTableName(name)) throw new TypeError(`backup: invalid table name ${JSON.stringify(name)}`);
      if (Object.hasOwn(tables, name)) throw new Error(`backup: table ${name} written twice`);
      await writeHeaderOnce();
      await writeControlLine(JSON.stringify({ tlbak: 'begin', table: name }));
      tableName = name;
      tableHash = createSha256();
      tableRows = 0;
      tableNewest = undefined;
      recordStart = position;
      state = 'inTable';
    },

    async writeRecords(records) {
      assertState('inTable', 'write records');
      for (const record of records) {
        if (record === null || typeof record !== 'object' || Array.isArray(record)) {
          throw new TypeError(`backup: table ${tableName}: record ${tableRows + 1} is not an object`);
        }
        const line = encodeRecordLine(record);
        const changed = changeTimeOf(record);
        if (changed !== undefined && (tableNewest === undefined || changed > tableNewest)) tableNewest = changed;
        tableRows++;
        // Fast path: encode straight into the chunk buffer, keeping one byte for the newline.
        const { read, written } = encoder.encodeInto(line, buffer.subarray(position, buffer.length - 1));
        if (read === line.length) {
          position += written;
          buffer[position++] = NEWLINE;
        } else {
          await writeRecordLineSlowly(line);
        }
      }
    },

    async endTable() {
      assertState('inTable', 'end a table');
      hashPendingRecords();
      const summary: BackupTableSummary = { rows: tableRows, sha256: tableHash.digestHex() };
      if (tableNewest !== undefined) summary.newestChange = tableNewest;
      tables[tableName] = summary;
      if (tableNewest !== undefined && (newestChange === undefined || tableNewest > newestChange)) newestChange = tableNewest;
      state = 'between';
      await writeControlLine(JSON.stringify({ tlbak: 'end', table: tableName, rows: summary.rows, sha256: summary.sha256 }));
      return { ...summary };
    },

    async finish() {
      assertState('fresh|between', 'finish');
      await writeHeaderOnce();
      const manifest: BackupManifest = { ...meta, tables };
      if (newestChange !== undefined) manifest.newestChange = newestChange;
      const manifestJson = JSON.stringify(manifest);
      fileHash.update(encoder.encode(manifestJson));
      await writeBytes(encoder.encode(`${MANIFEST_LINE_PREFIX}${manifestJson}${MANIFEST_HASH_INFIX}${fileHash.digestHex()}"}\n`));
      await flush();
      await output.close();
      state = 'finished';
      return { manifest: structuredClone(manifest), textBytes, fileBytes: output.fileBytes, compression };
    },

    async abort(reason) {
      if (state === 'finished' || state === 'aborted') return;
      state = 'aborted';
      await output.abort(reason ?? new Error('backup aborted'));
    },
  };
}

/** Batches of one table's records, as the caller reads them from the database. */
export type TableBatches = AsyncIterable<readonly BackupRecord[]> | Iterable<readonly BackupRecord[]>;

/**
 * Writes a whole backup: each table in the order given, from the batches `readTable` yields, then
 * the manifest. On any error (the reader's, the sink's) the writer is aborted and the error rethrown;
 * the caller then deletes the partial file.
 */
export async function writeBackup(options: BackupWriterOptions, tables: readonly string[], readTable: (table: string) => TableBatches): Promise<BackupWriteResult> {
  const writer = createBackupWriter(options);
  try {
    for (const table of tables) {
      await writer.beginTable(table);
      for await (const batch of readTable(table)) await writer.writeRecords(batch);
      await writer.endTable();
    }
    return await writer.finish();
  } catch (error) {
    await writer.abort(error);
    throw error;
  }
}

/** A sink that keeps everything in memory, for small exports, tests, and callers that must hand over one array. */
export interface MemorySink {
  sink: BackupSink;
  /** All chunks joined. */
  bytes(): Uint8Array;
  /** Bytes received so far. */
  readonly size: number;
}

/** Creates a {@link MemorySink}. */
export function createMemorySink(): MemorySink {
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    sink(chunk) {
      chunks.push(chunk);
      size += chunk.length;
    },
    bytes() {
      const out = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      return out;
    },
    get size() {
      return size;
    },
  };
}
