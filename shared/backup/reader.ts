/**
 * Streaming reader of `.tlbak` files: checks a backup ({@link verifyBackup}) and hands its records to
 * the caller in batches ({@link readBackup}). Both check everything — structure, row counts, every
 * table's SHA-256 and the manifest's — and refuse a foreign, truncated, damaged or too-new file with a
 * {@link BackupError}.
 *
 * Records reach `onRecords` before the end of their table is read, so a table's checksum can only
 * be confirmed after its records were handed over. Restore therefore goes in two passes over the file:
 * `verifyBackup` first (nothing written), then `readBackup` — see docs/backup-format.md § Restore.
 */
import { createSha256, type Sha256 } from '../crypto/sha256';
import { err, ok, type Result } from '../result';
import {
  canDecompress,
  DecompressionFailure,
  gunzipChunks,
  GZIP_HEADER,
  LineSplitter,
  peekChunks,
  sourceChunks,
  startsWithBytes,
  type BackupSource,
} from './byteStream';
import { backupError, type BackupError, type BackupErrorPlace } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  CONTROL_LINE_PREFIX,
  HEADER_LINE_PREFIX,
  isBackupReason,
  isValidTableName,
  MANIFEST_HASH_INFIX,
  MANIFEST_LINE_PREFIX,
  type BackupHeaderLine,
  type BackupManifest,
  type BackupRecord,
  type BackupTableSummary,
} from './format';
import { LEGACY_V0_PREFIX, migrateInMemoryBackup, parseLegacyV0Backup, schemaUpgradesBetween, type BackupSchemaUpgrade } from './migrations';
import { decodeRecordLine, encodeRecordLine } from './recordCodec';

export type { BackupSource } from './byteStream';

/** Options shared by {@link verifyBackup} and {@link readBackup}. */
export interface BackupReadOptions {
  /** The schema version of this app's database; a backup of a newer schema is refused. */
  currentSchemaVersion: number;
  /** Cancels reading; the result is then `BACKUP_CANCELED`. */
  signal?: AbortSignal;
  /** Called after each chunk of the source. `sourceBytes` against the file size gives a percentage. */
  onProgress?: (progress: BackupReadProgress) => void;
  /** A line longer than this is refused as damage (default 64 MiB). */
  maxLineBytes?: number;
  /** Largest old single-document (v0) backup read into memory (default 256 MiB). */
  maxLegacyBytes?: number;
}

export interface BackupReadProgress {
  /** Bytes of the file read so far (compressed bytes for a compressed file). */
  sourceBytes: number;
  /** Lines of text read so far. */
  lines: number;
  /** The table being read, if any. */
  table?: string;
}

/** What a backup holds, for the "what it holds next to what the database holds now" screen. */
export interface BackupSummary {
  /** Format version the file was written in (older ones were migrated while reading). */
  formatVersion: number;
  /** The manifest: app and schema version, created at, operator, reason, per-table rows, hashes and newest change. */
  manifest: BackupManifest;
  compressed: boolean;
  /** Size of the uncompressed text. */
  textBytes: number;
  /** Size of the file. */
  sourceBytes: number;
}

/** Known before the first record: lets a restore prepare (e.g. clear tables) only after the file looked right so far. */
export interface BackupStart {
  formatVersion: number;
  compressed: boolean;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
}

/**
 * Callbacks of {@link readBackup}. They are awaited in file order; an exception thrown by one
 * propagates out of `readBackup` unchanged (it is the caller's own failure, not the file's).
 */
export interface BackupRestoreHandlers extends BackupReadOptions {
  /** Record-level upgrades from the backup's schema version to `currentSchemaVersion` (see migrations.ts). */
  schemaUpgrades?: readonly BackupSchemaUpgrade[];
  /** Records per `onRecords` call (default 5,000). */
  batchSize?: number;
  onStart?: (start: BackupStart) => void | Promise<void>;
  onTableStart?: (table: string) => void | Promise<void>;
  /** A batch of records of `table`, decoded and upgraded to the current schema, in file order. */
  onRecords: (table: string, records: BackupRecord[]) => void | Promise<void>;
  onTableEnd?: (table: string, rows: number) => void | Promise<void>;
}

const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_LEGACY_BYTES = 256 * 1024 * 1024;
const DEFAULT_BATCH_SIZE = 5000;
const NEWLINE = new Uint8Array([10]);
const SHA256_HEX = /^[0-9a-f]{64}$/;

const encoder = new TextEncoder();
const CONTROL_PREFIX_BYTES = encoder.encode(CONTROL_LINE_PREFIX);
const HEADER_PREFIX_BYTES = encoder.encode(HEADER_LINE_PREFIX);
const MANIFEST_PREFIX_BYTES = encoder.encode(MANIFEST_LINE_PREFIX);
const MANIFEST_INFIX_BYTES = encoder.encode(MANIFEST_HASH_INFIX);
const LEGACY_PREFIX_BYTES = encoder.encode(LEGACY_V0_PREFIX);
/** `,"sha256":"` + 64 hex digits + `"}`. */
const MANIFEST_SUFFIX_LENGTH = MANIFEST_INFIX_BYTES.length + 64 + 2;

/**
 * Checks a backup completely without handing out records: format, structure, row counts, every
 * checksum, and that its schema is not newer than `currentSchemaVersion`. Use it for the
 * "choose a backup" screen and as the first pass of a restore.
 */
export function verifyBackup(source: BackupSource, options: BackupReadOptions): Promise<Result<BackupSummary, BackupError>> {
  return scanBackup(source, options, undefined);
}

/**
 * Reads a backup and hands its records, table by table in batches, to `handlers.onRecords`. Checks
 * as much as {@link verifyBackup}, but a table's checksum is confirmed only after its records were
 * handed over: call `verifyBackup` on the same file first, and treat an error here as "undo what
 * the handlers wrote".
 */
export function readBackup(source: BackupSource, handlers: BackupRestoreHandlers): Promise<Result<BackupSummary, BackupError>> {
  return scanBackup(source, handlers, handlers);
}

function startsWithPrefixOf(head: Uint8Array, prefix: Uint8Array): boolean {
  return head.length < prefix.length && startsWithBytes(prefix, head);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

async function* countingChunks(chunks: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

async function scanBackup(source: BackupSource, options: BackupReadOptions, restore: BackupRestoreHandlers | undefined): Promise<Result<BackupSummary, BackupError>> {
  const counter = { bytes: 0 };
  const raw = countingChunks(sourceChunks(source), counter);
  let text: AsyncGenerator<Uint8Array, void, undefined> | undefined;
  try {
    if (options.signal?.aborted) return err(backupError('BACKUP_CANCELED'));
    const file = await peekChunks(raw, GZIP_HEADER.length);
    text = file.chunks;
    if (file.head.length === 0) return err(backupError('BACKUP_TRUNCATED', '文件是空的', 'the file is empty'));
    let compressed = false;
    if (startsWithPrefixOf(file.head, GZIP_HEADER)) return err(backupError('BACKUP_TRUNCATED', '压缩文件头不完整', 'the compressed file header is incomplete'));
    if (file.head[0] === GZIP_HEADER[0] && file.head[1] === GZIP_HEADER[1]) {
      if (!startsWithBytes(file.head, GZIP_HEADER)) {
        return err(backupError('BACKUP_CORRUPT', '压缩文件头异常（已损坏，或不是本程序压缩的）', 'unexpected compressed file header (damaged, or not compressed by this app)'));
      }
      if (!canDecompress()) return err(backupError('BACKUP_UNSUPPORTED'));
      compressed = true;
      text = gunzipChunks(file.chunks);
    }
    const peekLength = Math.max(HEADER_PREFIX_BYTES.length, LEGACY_PREFIX_BYTES.length);
    const content = await peekChunks(text, peekLength);
    text = content.chunks;
    if (startsWithBytes(content.head, HEADER_PREFIX_BYTES)) {
      return await scanVersion1(content.chunks, compressed, counter, options, restore);
    }
    if (startsWithBytes(content.head, LEGACY_PREFIX_BYTES)) {
      return await scanLegacy(content.chunks, compressed, counter, options, restore);
    }
    if (content.head.length === 0 || startsWithPrefixOf(content.head, HEADER_PREFIX_BYTES) || startsWithPrefixOf(content.head, LEGACY_PREFIX_BYTES)) {
      return err(backupError('BACKUP_TRUNCATED', '文件在文件头处就结束了', 'the file ends inside its header'));
    }
    return err(backupError('BACKUP_FOREIGN', compressed ? '解压后的内容不是人才台账备份' : undefined, compressed ? 'the decompressed content is not a TalentLedger backup' : undefined));
  } catch (error) {
    if (error instanceof DecompressionFailure) {
      return err(
        error.truncated
          ? backupError('BACKUP_TRUNCATED', '压缩数据在中途结束', 'the compressed data ends early')
          : backupError('BACKUP_CORRUPT', '压缩数据损坏', `damaged compressed data (${error.message})`),
      );
    }
    throw error;
  } finally {
    await text?.return();
    await raw.return();
  }
}

/** Header fields compared against the manifest. */
type HeaderFields = Pick<BackupHeaderLine, 'formatVersion' | 'appVersion' | 'schemaVersion' | 'createdAt'>;

/** One line-by-line pass over a version-1 file. */
class Version1Scanner {
  lineNumber = 0;
  textBytes = 0;
  state: 'header' | 'between' | 'inTable' | 'done' = 'header';
  header: HeaderFields | undefined;
  manifest: BackupManifest | undefined;
  /** Work for the caller's handlers, drained by the scan loop after each line. */
  readonly pending: ({ kind: 'start'; start: BackupStart } | { kind: 'tableStart'; table: string } | { kind: 'records'; table: string; records: BackupRecord[] } | { kind: 'tableEnd'; table: string; rows: number })[] = [];

  private readonly fileHash = createSha256();
  private readonly tables: Record<string, BackupTableSummary> = {};
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private tableName = '';
  private tableHash: Sha256 = createSha256();
  private tableRows = 0;
  private batch: BackupRecord[] = [];
  private upgrades: readonly BackupSchemaUpgrade[] = [];

  constructor(
    private readonly compressed: boolean,
    private readonly options: BackupReadOptions,
    private readonly restore: BackupRestoreHandlers | undefined,
  ) {}

  get currentTable(): string | undefined {
    return this.state === 'inTable' ? this.tableName : undefined;
  }

  private fail(code: BackupError['code'], detail: string, detailEn: string, place: BackupErrorPlace = { line: this.lineNumber }): BackupError {
    return backupError(code, detail, detailEn, place);
  }

  /** Handles one line (without its `\n`); returns a refusal or undefined. */
  line(bytes: Uint8Array): BackupError | undefined {
    this.lineNumber++;
    this.textBytes += bytes.length + 1;
    if (this.state === 'inTable' && !startsWithBytes(bytes, CONTROL_PREFIX_BYTES)) return this.record(bytes);
    switch (this.state) {
      case 'header':
        return this.headerLine(bytes);
      case 'between':
        if (!startsWithBytes(bytes, CONTROL_PREFIX_BYTES)) return this.fail('BACKUP_CORRUPT', '表之外出现了数据行', 'a record line outside any table');
        if (startsWithBytes(bytes, MANIFEST_PREFIX_BYTES)) return this.manifestLine(bytes);
        return this.beginLine(bytes);
      case 'inTable':
        return this.endLine(bytes);
      case 'done':
        return this.fail('BACKUP_CORRUPT', '清单之后还有多余内容', 'content after the manifest');
    }
  }

  /** What is wrong when the text ends here. */
  end(unfinishedLineBytes: number): BackupError | undefined {
    if (unfinishedLineBytes > 0) {
      return this.state === 'done'
        ? this.fail('BACKUP_CORRUPT', '清单之后还有多余内容', 'content after the manifest', { line: this.lineNumber + 1 })
        : this.fail('BACKUP_TRUNCATED', '最后一行不完整', 'the last line is incomplete', { line: this.lineNumber + 1, ...(this.currentTable ? { table: this.currentTable } : {}) });
    }
    switch (this.state) {
      case 'done':
        return undefined;
      case 'inTable':
        return this.fail('BACKUP_TRUNCATED', '文件在此行后结束，该表没有结束标记', "the file ends after this line, before the table's end", { line: this.lineNumber, table: this.tableName });
      default:
        return this.fail('BACKUP_TRUNCATED', `文件在第 ${this.lineNumber} 行后结束，缺少末尾的清单`, `the file ends after line ${this.lineNumber}, without the closing manifest`, {});
    }
  }

  summary(): BackupSummary {
    if (!this.manifest || !this.header) throw new Error('backup: summary before the manifest');
    return { formatVersion: this.header.formatVersion, manifest: this.manifest, compressed: this.compressed, textBytes: this.textBytes, sourceBytes: 0 };
  }

  private parseControl(bytes: Uint8Array): Record<string, unknown> | undefined {
    try {
      const value: unknown = JSON.parse(this.decoder.decode(bytes));
      return isObject(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  private headerLine(bytes: Uint8Array): BackupError | undefined {
    const header = this.parseControl(bytes);
    if (!header || header.tlbak !== 'header' || header.format !== BACKUP_FORMAT) {
      return this.fail('BACKUP_CORRUPT', '文件头无法解析', 'the header line cannot be read');
    }
    const { formatVersion, appVersion, schemaVersion, createdAt } = header;
    // The version decides how to read everything else, so it is judged before any other field.
    if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > BACKUP_FORMAT_VERSION) {
      return backupError(
        'BACKUP_NEWER_FORMAT',
        `文件格式版本为 ${formatVersion}，本程序只能读取到版本 ${BACKUP_FORMAT_VERSION}`,
        `file format version ${formatVersion}; this app reads up to version ${BACKUP_FORMAT_VERSION}`,
      );
    }
    if (formatVersion !== BACKUP_FORMAT_VERSION || typeof appVersion !== 'string' || typeof createdAt !== 'string' || typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 0) {
      return this.fail('BACKUP_CORRUPT', '文件头字段不完整', 'the header line is incomplete');
    }
    if (schemaVersion > this.options.currentSchemaVersion) {
      return backupError(
        'BACKUP_NEWER_SCHEMA',
        `备份的数据库版本为 ${schemaVersion}，本程序为 ${this.options.currentSchemaVersion}（备份由程序 ${appVersion} 于 ${createdAt} 生成）`,
        `the backup's database version is ${schemaVersion}, this app's is ${this.options.currentSchemaVersion} (written by app ${appVersion} at ${createdAt})`,
      );
    }
    this.header = { formatVersion, appVersion, schemaVersion, createdAt };
    this.upgrades = schemaUpgradesBetween(schemaVersion, this.options.currentSchemaVersion, this.restore?.schemaUpgrades);
    this.hashControl(bytes);
    this.state = 'between';
    if (this.restore) this.pending.push({ kind: 'start', start: { formatVersion, compressed: this.compressed, appVersion, schemaVersion, createdAt } });
    return undefined;
  }

  private beginLine(bytes: Uint8Array): BackupError | undefined {
    const line = this.parseControl(bytes);
    if (!line || line.tlbak !== 'begin' || !isValidTableName(line.table)) {
      return this.fail('BACKUP_CORRUPT', '此处应为表的开始标记', 'expected the start of a table');
    }
    if (Object.hasOwn(this.tables, line.table)) return this.fail('BACKUP_CORRUPT', '同一张表出现了两次', 'the same table appears twice', { line: this.lineNumber, table: line.table });
    this.hashControl(bytes);
    this.tableName = line.table;
    this.tableHash = createSha256();
    this.tableRows = 0;
    this.batch = [];
    this.state = 'inTable';
    if (this.restore) this.pending.push({ kind: 'tableStart', table: line.table });
    return undefined;
  }

  private record(bytes: Uint8Array): BackupError | undefined {
    this.tableHash.update(bytes);
    this.tableHash.update(NEWLINE);
    this.tableRows++;
    if (!this.restore) return undefined;
    let record: BackupRecord;
    try {
      record = decodeRecordLine(this.decoder.decode(bytes));
    } catch {
      return this.fail('BACKUP_CORRUPT', '数据行无法解析', 'a record line cannot be read', { line: this.lineNumber, table: this.tableName });
    }
    for (const upgrade of this.upgrades) record = upgrade.upgradeRecord(this.tableName, record);
    this.batch.push(record);
    if (this.batch.length >= (this.restore.batchSize ?? DEFAULT_BATCH_SIZE)) this.flushBatch();
    return undefined;
  }

  private flushBatch(): void {
    if (this.batch.length === 0) return;
    this.pending.push({ kind: 'records', table: this.tableName, records: this.batch });
    this.batch = [];
  }

  private endLine(bytes: Uint8Array): BackupError | undefined {
    const table = this.tableName;
    const line = this.parseControl(bytes);
    if (!line || line.tlbak !== 'end' || line.table !== table || typeof line.rows !== 'number' || typeof line.sha256 !== 'string') {
      return this.fail('BACKUP_CORRUPT', '此处应为该表的结束标记', "expected the table's end line", { line: this.lineNumber, table });
    }
    if (line.rows !== this.tableRows) {
      return this.fail('BACKUP_CORRUPT', `记载 ${line.rows} 行，实际 ${this.tableRows} 行`, `${line.rows} rows recorded, ${this.tableRows} found`, { line: this.lineNumber, table });
    }
    const sha256 = this.tableHash.digestHex();
    if (line.sha256 !== sha256) {
      return this.fail('BACKUP_CORRUPT', '内容校验和不符（内容被改动或已损坏）', 'checksum mismatch (content changed or damaged)', { line: this.lineNumber, table });
    }
    this.hashControl(bytes);
    this.tables[table] = { rows: this.tableRows, sha256 };
    this.flushBatch();
    if (this.restore) this.pending.push({ kind: 'tableEnd', table, rows: this.tableRows });
    this.state = 'between';
    return undefined;
  }

  private manifestLine(bytes: Uint8Array): BackupError | undefined {
    const bad = (detail: string, detailEn: string): BackupError => this.fail('BACKUP_CORRUPT', detail, detailEn);
    const infixAt = bytes.length - MANIFEST_SUFFIX_LENGTH;
    if (
      infixAt <= MANIFEST_PREFIX_BYTES.length ||
      !startsWithBytes(bytes.subarray(infixAt), MANIFEST_INFIX_BYTES) ||
      bytes[bytes.length - 2] !== 0x22 ||
      bytes[bytes.length - 1] !== 0x7d
    ) {
      return bad('清单行格式不对', 'malformed manifest line');
    }
    const manifestBytes = bytes.subarray(MANIFEST_PREFIX_BYTES.length, infixAt);
    // Not the strict decoder: damaged bytes here are a checksum mismatch, not an exception.
    const recorded = String.fromCharCode(...bytes.subarray(infixAt + MANIFEST_INFIX_BYTES.length, bytes.length - 2));
    this.fileHash.update(manifestBytes);
    if (recorded !== this.fileHash.digestHex()) return bad('清单校验和不符（文件被改动或已损坏）', 'manifest checksum mismatch (file changed or damaged)');
    const manifest = this.parseManifest(manifestBytes);
    if (!manifest) return bad('清单内容不完整', 'incomplete manifest');
    const header = this.header;
    if (!header || manifest.appVersion !== header.appVersion || manifest.schemaVersion !== header.schemaVersion || manifest.createdAt !== header.createdAt) {
      return bad('清单与文件头不一致', 'the manifest disagrees with the header');
    }
    const listed = Object.keys(manifest.tables);
    const found = Object.keys(this.tables);
    if (listed.length !== found.length || listed.some((name, i) => name !== found[i])) return bad('清单中的表与文件中的表不一致', 'the manifest lists other tables than the file holds');
    for (const name of found) {
      const entry = manifest.tables[name];
      const actual = this.tables[name];
      if (!entry || !actual || entry.rows !== actual.rows || entry.sha256 !== actual.sha256) {
        return this.fail('BACKUP_CORRUPT', '清单中的行数或校验和与表内容不符', 'row count or checksum in the manifest disagrees with the table', { line: this.lineNumber, table: name });
      }
    }
    this.manifest = manifest;
    this.state = 'done';
    return undefined;
  }

  private parseManifest(bytes: Uint8Array): BackupManifest | undefined {
    let value: unknown;
    try {
      value = JSON.parse(this.decoder.decode(bytes));
    } catch {
      return undefined;
    }
    if (!isObject(value) || !isObject(value.tables)) return undefined;
    const { appVersion, schemaVersion, createdAt, operator, reason, tables, newestChange } = value;
    if (typeof appVersion !== 'string' || typeof schemaVersion !== 'number' || typeof createdAt !== 'string' || typeof operator !== 'string' || !isBackupReason(reason)) return undefined;
    if (newestChange !== undefined && typeof newestChange !== 'string') return undefined;
    const checkedTables: Record<string, BackupTableSummary> = {};
    for (const [name, entry] of Object.entries(tables)) {
      if (!isObject(entry) || typeof entry.rows !== 'number' || typeof entry.sha256 !== 'string' || !SHA256_HEX.test(entry.sha256)) return undefined;
      if (entry.newestChange !== undefined && typeof entry.newestChange !== 'string') return undefined;
      checkedTables[name] = { rows: entry.rows, sha256: entry.sha256, ...(entry.newestChange !== undefined ? { newestChange: entry.newestChange } : {}) };
    }
    return { appVersion, schemaVersion, createdAt, operator, reason, tables: checkedTables, ...(newestChange !== undefined ? { newestChange } : {}) };
  }

  private hashControl(bytes: Uint8Array): void {
    this.fileHash.update(bytes);
    this.fileHash.update(NEWLINE);
  }
}

async function deliver(scanner: Version1Scanner, restore: BackupRestoreHandlers): Promise<void> {
  // Handlers may be slow (database writes); items are taken one at a time so a batch is released once written.
  while (scanner.pending.length > 0) {
    const item = scanner.pending.shift()!;
    switch (item.kind) {
      case 'start':
        await restore.onStart?.(item.start);
        break;
      case 'tableStart':
        await restore.onTableStart?.(item.table);
        break;
      case 'records':
        await restore.onRecords(item.table, item.records);
        break;
      case 'tableEnd':
        await restore.onTableEnd?.(item.table, item.rows);
        break;
    }
  }
}

async function scanVersion1(
  text: AsyncIterable<Uint8Array>,
  compressed: boolean,
  counter: { bytes: number },
  options: BackupReadOptions,
  restore: BackupRestoreHandlers | undefined,
): Promise<Result<BackupSummary, BackupError>> {
  const scanner = new Version1Scanner(compressed, options, restore);
  const splitter = new LineSplitter(options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  const lines: Uint8Array[] = [];
  for await (const chunk of text) {
    if (options.signal?.aborted) return err(backupError('BACKUP_CANCELED'));
    lines.length = 0;
    const withinLimit = splitter.push(chunk, lines);
    for (const line of lines) {
      const problem = scanner.line(line);
      if (problem) return err(problem);
      if (restore && scanner.pending.length > 0) await deliver(scanner, restore);
    }
    if (!withinLimit) {
      return err(backupError('BACKUP_CORRUPT', '行过长，文件结构已损坏', 'a line is too long; the file structure is damaged', { line: scanner.lineNumber + 1 }));
    }
    options.onProgress?.({ sourceBytes: counter.bytes, lines: scanner.lineNumber, ...(scanner.currentTable ? { table: scanner.currentTable } : {}) });
  }
  const problem = scanner.end(splitter.pendingBytes);
  if (problem) return err(problem);
  return ok({ ...scanner.summary(), sourceBytes: counter.bytes });
}

/** Old single-document files: read whole (they are small), migrate, then hand out like version 1. */
async function scanLegacy(
  text: AsyncIterable<Uint8Array>,
  compressed: boolean,
  counter: { bytes: number },
  options: BackupReadOptions,
  restore: BackupRestoreHandlers | undefined,
): Promise<Result<BackupSummary, BackupError>> {
  const limit = options.maxLegacyBytes ?? DEFAULT_MAX_LEGACY_BYTES;
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of text) {
    if (options.signal?.aborted) return err(backupError('BACKUP_CANCELED'));
    size += chunk.length;
    if (size > limit) return err(backupError('BACKUP_CORRUPT', '旧版（v0）备份文件过大，无法读取', 'the old-format (v0) backup is too large to read'));
    parts.push(chunk);
    options.onProgress?.({ sourceBytes: counter.bytes, lines: 0 });
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  parts.length = 0;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(whole);
  } catch {
    return err(backupError('BACKUP_CORRUPT', '旧版（v0）备份不是有效的 UTF-8 文本', 'the old-format (v0) backup is not valid UTF-8'));
  }
  const parsed = parseLegacyV0Backup(decoded);
  if (!parsed.ok) return parsed;
  const formatVersion = parsed.value.formatVersion;
  const migrated = migrateInMemoryBackup(parsed.value);
  if (!migrated.ok) return migrated;
  const { meta, tables } = migrated.value;
  if (meta.schemaVersion > options.currentSchemaVersion) {
    return err(
      backupError(
        'BACKUP_NEWER_SCHEMA',
        `备份的数据库版本为 ${meta.schemaVersion}，本程序为 ${options.currentSchemaVersion}`,
        `the backup's database version is ${meta.schemaVersion}, this app's is ${options.currentSchemaVersion}`,
      ),
    );
  }
  // The summary describes the records as version 1 would store them, so both layouts show alike.
  const summaries: Record<string, BackupTableSummary> = {};
  let newestChange: string | undefined;
  for (const { name, records } of tables) {
    const hash = createSha256();
    let tableNewest: string | undefined;
    for (const record of records) {
      hash.update(encoder.encode(encodeRecordLine(record))).update(NEWLINE);
      const changed = typeof record.updatedAt === 'string' ? record.updatedAt : typeof record.at === 'string' ? record.at : undefined;
      if (changed !== undefined && (tableNewest === undefined || changed > tableNewest)) tableNewest = changed;
    }
    summaries[name] = { rows: records.length, sha256: hash.digestHex(), ...(tableNewest !== undefined ? { newestChange: tableNewest } : {}) };
    if (tableNewest !== undefined && (newestChange === undefined || tableNewest > newestChange)) newestChange = tableNewest;
  }
  const summary: BackupSummary = {
    formatVersion,
    manifest: { ...meta, tables: summaries, ...(newestChange !== undefined ? { newestChange } : {}) },
    compressed,
    textBytes: size,
    sourceBytes: counter.bytes,
  };
  if (restore) {
    const upgrades = schemaUpgradesBetween(meta.schemaVersion, options.currentSchemaVersion, restore.schemaUpgrades);
    const batchSize = restore.batchSize ?? DEFAULT_BATCH_SIZE;
    await restore.onStart?.({ formatVersion, compressed, appVersion: meta.appVersion, schemaVersion: meta.schemaVersion, createdAt: meta.createdAt });
    for (const { name, records } of tables) {
      await restore.onTableStart?.(name);
      for (let start = 0; start < records.length; start += batchSize) {
        const batch = records.slice(start, start + batchSize).map((record) => upgrades.reduce((current, upgrade) => upgrade.upgradeRecord(name, current), record));
        await restore.onRecords(name, batch);
      }
      await restore.onTableEnd?.(name, records.length);
    }
  }
  return ok(summary);
}
