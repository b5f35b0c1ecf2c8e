/**
 * Backups (issue #6), pure core: the `.tlbak` format with its streaming writer and reader,
 * verification, migrations of older backups, retention, and file names. docs/backup-format.md
 * specifies the format and the recommended backup and restore flows.
 */
export * from './format';
export * from './errors';
export { createBackupWriter, createMemorySink, writeBackup, type TableBatches, type BackupSink, type BackupCompression, type BackupWriter, type BackupWriterOptions, type BackupWriteResult, type MemorySink } from './writer';
export { verifyBackup, readBackup, type BackupSource, type BackupReadOptions, type BackupReadProgress, type BackupRestoreHandlers, type BackupStart, type BackupSummary } from './reader';
export { backupMigrations, formatMigrationsFrom, schemaUpgradesBetween, type BackupFormatMigration, type BackupSchemaUpgrade } from './migrations';
export { planRetention, describeRetentionRule, DEFAULT_RETENTION_POLICY, type RetentionCandidate, type RetentionPlan, type RetentionPolicy, type RetentionRule } from './retention';
export { backupFileName, parseBackupFileName, type ParsedBackupFileName } from './fileName';
export { encodeRecordLine, decodeRecordLine } from './recordCodec';
export { sameBackupContent, compareBackupWithDatabase, type BackupComparison, type DatabaseTableState, type TableComparison } from './compare';
