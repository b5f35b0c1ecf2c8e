/**
 * Reading backups written by older versions, in two independent steps:
 *
 * 1. **File format** (`formatVersion`): `backupMigrations` lifts a backup's metadata, table names and
 *    records from version n to n + 1, one pure function each, applied in order up to
 *    {@link BACKUP_FORMAT_VERSION}. Rules as for the database schema: never edit a shipped migration;
 *    add the next one with a test built from a real old file.
 * 2. **Database schema** (`schemaVersion`): a backup made under an older schema restores into the
 *    current one through record-level upgrade functions the caller passes in ({@link BackupSchemaUpgrade});
 *    they live with the Dexie schema in renderer/db, which this pure layer cannot import.
 *
 * Version 0 is the layout of the first "export everything" prototype — one JSON document, no hashes
 * (see docs/backup-format.md). It sets up the pattern; its reader is {@link parseLegacyV0Backup}.
 */
import { backupError, type BackupError } from './errors';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, isBackupReason, isValidTableName, type BackupMeta, type BackupRecord } from './format';
import { err, ok, type Result } from '../result';

/** Metadata of a backup at some format version: loosely typed, because old versions had other fields. */
export type LooseBackupMeta = Record<string, unknown>;

/** Lifts a backup from format version `fromVersion` to `fromVersion + 1`. All functions are pure. */
export interface BackupFormatMigration {
  fromVersion: number;
  toVersion: number;
  description: string;
  /** Old metadata → new metadata. */
  migrateMeta(meta: Readonly<LooseBackupMeta>): LooseBackupMeta;
  /** A table's name in the new version (tables may be renamed). */
  migrateTableName(table: string): string;
  /** One record of `table` (old name) → the record in the new version. May change the record in place. */
  migrateRecord(table: string, record: BackupRecord): BackupRecord;
}

/** A record-level upgrade from schema version `toVersion - 1` to `toVersion`. May change the record in place. */
export interface BackupSchemaUpgrade {
  toVersion: number;
  upgradeRecord(table: string, record: BackupRecord): BackupRecord;
}

/** Replaces v0's `{"__base64": "…"}` binary values with `Uint8Array`, as version 1 stores them. */
function decodeV0Binary(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeV0Binary);
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === '__base64' && typeof object.__base64 === 'string') {
    const binary = atob(object.__base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  for (const key of keys) object[key] = decodeV0Binary(object[key]);
  return object;
}

/** Every format migration, in order. */
export const backupMigrations: readonly BackupFormatMigration[] = [
  {
    fromVersion: 0,
    toVersion: 1,
    description: 'v0 single JSON document → v1 NDJSON stream: exportedAt → createdAt, operator/reason added, certifications → certificationApplications, {"__base64"} → bytes.',
    migrateMeta(meta) {
      return {
        appVersion: meta.appVersion,
        schemaVersion: meta.schemaVersion,
        createdAt: meta.exportedAt,
        operator: '',
        reason: 'export',
      };
    },
    migrateTableName(table) {
      return table === 'certifications' ? 'certificationApplications' : table;
    },
    migrateRecord(_table, record) {
      return decodeV0Binary(record) as BackupRecord;
    },
  },
];

/**
 * The migrations that lift format version `fromVersion` to the current one, in order; an error when
 * the chain has a gap (a bug: every version must have its migration).
 */
export function formatMigrationsFrom(fromVersion: number, migrations: readonly BackupFormatMigration[] = backupMigrations): readonly BackupFormatMigration[] {
  const chain: BackupFormatMigration[] = [];
  for (let version = fromVersion; version < BACKUP_FORMAT_VERSION; version++) {
    const step = migrations.find((migration) => migration.fromVersion === version && migration.toVersion === version + 1);
    if (!step) throw new Error(`backup: no migration from format version ${version}`);
    chain.push(step);
  }
  return chain;
}

/** The schema upgrades a backup at `backupSchemaVersion` needs to reach `currentSchemaVersion`, in order. */
export function schemaUpgradesBetween(
  backupSchemaVersion: number,
  currentSchemaVersion: number,
  upgrades: readonly BackupSchemaUpgrade[] = [],
): readonly BackupSchemaUpgrade[] {
  return upgrades
    .filter((upgrade) => upgrade.toVersion > backupSchemaVersion && upgrade.toVersion <= currentSchemaVersion)
    .sort((a, b) => a.toVersion - b.toVersion);
}

/** Checks that migrated metadata is a complete current {@link BackupMeta}. */
export function checkMigratedMeta(meta: LooseBackupMeta): Result<BackupMeta, BackupError> {
  const { appVersion, schemaVersion, createdAt, operator, reason } = meta;
  if (
    typeof appVersion !== 'string' ||
    typeof schemaVersion !== 'number' ||
    !Number.isInteger(schemaVersion) ||
    schemaVersion < 0 ||
    typeof createdAt !== 'string' ||
    !Number.isFinite(Date.parse(createdAt)) ||
    typeof operator !== 'string' ||
    !isBackupReason(reason)
  ) {
    return err(backupError('BACKUP_CORRUPT', '备份的基本信息不完整', 'the backup metadata is incomplete'));
  }
  return ok({ appVersion, schemaVersion, createdAt, operator, reason });
}

/** A whole backup in memory, as old single-document versions are read. */
export interface InMemoryBackup {
  /** The version the file was written in. */
  formatVersion: number;
  meta: LooseBackupMeta;
  tables: { name: string; records: BackupRecord[] }[];
}

/** How a version-0 file starts (its writer used JSON.stringify with these keys first). */
export const LEGACY_V0_PREFIX = `{"format":"${BACKUP_FORMAT}","formatVersion":0`;

/**
 * Parses a version-0 backup: `{"format":"talentledger-backup","formatVersion":0,"exportedAt","appVersion",
 * "schemaVersion","tables":{name:[records]}}`. Returns it still at version 0; run {@link migrateInMemoryBackup}.
 */
export function parseLegacyV0Backup(text: string): Result<InMemoryBackup, BackupError> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    // An interrupted write leaves the document unclosed: V8 then reports the end of input, an
    // unterminated string, or an error at the position just past the last character.
    const message = error instanceof Error ? error.message : '';
    const position = /at position (\d+)/.exec(message);
    const truncated = /end of JSON input|Unterminated/i.test(message) || (position !== null && Number(position[1]) >= text.length) || !text.trimEnd().endsWith('}');
    return err(
      truncated
        ? backupError('BACKUP_TRUNCATED', '旧版（v0）备份文件在中途结束', 'the old-format (v0) backup ends early')
        : backupError('BACKUP_CORRUPT', '旧版（v0）备份文件不是有效的 JSON', 'the old-format (v0) backup is not valid JSON'),
    );
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return err(backupError('BACKUP_CORRUPT', '旧版（v0）备份文件结构不对', 'the old-format (v0) backup has the wrong structure'));
  }
  const { format, formatVersion, tables, ...rest } = document as Record<string, unknown>;
  if (format !== BACKUP_FORMAT || formatVersion !== 0 || tables === null || typeof tables !== 'object' || Array.isArray(tables)) {
    return err(backupError('BACKUP_CORRUPT', '旧版（v0）备份文件结构不对', 'the old-format (v0) backup has the wrong structure'));
  }
  const parsedTables: InMemoryBackup['tables'] = [];
  for (const [name, records] of Object.entries(tables as Record<string, unknown>)) {
    if (!isValidTableName(name) || !Array.isArray(records) || records.some((record) => record === null || typeof record !== 'object' || Array.isArray(record))) {
      return err(backupError('BACKUP_CORRUPT', '旧版（v0）备份中的表内容不是记录列表', 'an old-format (v0) table is not a list of records', { table: name }));
    }
    parsedTables.push({ name, records: records as BackupRecord[] });
  }
  return ok({ formatVersion: 0, meta: rest, tables: parsedTables });
}

/** Lifts an in-memory backup to the current format version and checks its metadata. */
export function migrateInMemoryBackup(
  backup: InMemoryBackup,
  migrations: readonly BackupFormatMigration[] = backupMigrations,
): Result<{ meta: BackupMeta; tables: InMemoryBackup['tables'] }, BackupError> {
  let meta: LooseBackupMeta = backup.meta;
  let tables = backup.tables;
  for (const step of formatMigrationsFrom(backup.formatVersion, migrations)) {
    meta = step.migrateMeta(meta);
    tables = tables.map(({ name, records }) => ({ name: step.migrateTableName(name), records: records.map((record) => step.migrateRecord(name, record)) }));
  }
  const checked = checkMigratedMeta(meta);
  if (!checked.ok) return checked;
  const names = new Set<string>();
  for (const { name } of tables) {
    if (names.has(name)) return err(backupError('BACKUP_CORRUPT', '迁移后出现重名的表', 'two tables share a name after migration', { table: name }));
    names.add(name);
  }
  return ok({ meta: checked.value, tables });
}
