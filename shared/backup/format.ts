/**
 * The `.tlbak` backup file format, version 1: constants and the shapes of its lines.
 * docs/backup-format.md is the specification; keep the two in step.
 */

/** Value of the header's `format` field: says the file is ours. */
export const BACKUP_FORMAT = 'talentledger-backup';

/** The format version this code writes, and the newest it reads. Older versions are migrated (migrations.ts). */
export const BACKUP_FORMAT_VERSION = 1;

/** File extension of a finished backup (a write in progress is `.tlbak.tmp`, see shared/ipc.ts). */
export const BACKUP_FILE_EXTENSION = '.tlbak';

/** Why a backup was made; part of the file name and the manifest. */
export const BACKUP_REASONS = ['daily', 'preImport', 'preRestore', 'preUpgrade', 'manual', 'export'] as const;

export type BackupReason = (typeof BACKUP_REASONS)[number];

/** True for one of {@link BACKUP_REASONS}. */
export function isBackupReason(value: unknown): value is BackupReason {
  return typeof value === 'string' && (BACKUP_REASONS as readonly string[]).includes(value);
}

/**
 * One stored record, as Dexie returns it: a plain object. Values are JSON values plus `Uint8Array`
 * (written as `{"$bytes": base64}`); see recordCodec.ts for the few other values that survive.
 */
export type BackupRecord = Record<string, unknown>;

/** What the caller states about a backup before writing it. */
export interface BackupMeta {
  /** The app's version (package.json `version`). */
  appVersion: string;
  /** The database schema version the records are in (CURRENT_SCHEMA_VERSION in renderer/db/schema.ts). */
  schemaVersion: number;
  /** When the backup was started, an ISO timestamp (the caller reads the clock; this module never does). */
  createdAt: string;
  /** Operator name from settings; '' when not set. */
  operator: string;
  reason: BackupReason;
}

/** What the manifest records about one table. */
export interface BackupTableSummary {
  rows: number;
  /** SHA-256 (hex) of the table's record lines, exactly as stored, each with its `\n`. */
  sha256: string;
  /** Largest `updatedAt` (or `at`, for audit entries) among the table's records, when any record has one. */
  newestChange?: string;
}

/** The last line of a backup: everything needed to show and check it. */
export interface BackupManifest extends BackupMeta {
  /** Per table, in the order the tables appear in the file. */
  tables: Record<string, BackupTableSummary>;
  /** Largest `newestChange` over all tables. */
  newestChange?: string;
}

/** The first line of a version-1 file. Repeats what a reader must know before the first record. */
export interface BackupHeaderLine {
  tlbak: 'header';
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
}

/**
 * Every structural line starts with this key, and no record line can (the writer escapes such a
 * record, recordCodec.ts), so a reader tells the two apart from the first bytes without parsing.
 */
export const CONTROL_LINE_PREFIX = '{"tlbak":"';

/** Start of the header line; also how a reader recognises the file as ours. */
export const HEADER_LINE_PREFIX = '{"tlbak":"header","format":"talentledger-backup",';

/** Start of the manifest line; the manifest JSON follows directly. */
export const MANIFEST_LINE_PREFIX = '{"tlbak":"manifest","manifest":';

/** Between the manifest JSON and its hash. The line ends with the 64 hex digits and `"}`. */
export const MANIFEST_HASH_INFIX = ',"sha256":"';

/** Longest table name accepted; real names are short identifiers. */
export const MAX_TABLE_NAME_LENGTH = 100;

/** True for a table name the format accepts: letters, digits and `_`, starting with a letter. */
export function isValidTableName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= MAX_TABLE_NAME_LENGTH && /^[A-Za-z][A-Za-z0-9_]*$/.test(name);
}
