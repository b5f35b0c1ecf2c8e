/** Storage layer: the Dexie database, its schema history, audit log and settings. */
export { TalentLedgerDB, getDatabase, DATABASE_NAME, TABLE_NAMES, type TableName } from './db';
export { schemaVersions, CURRENT_SCHEMA_VERSION, applySchema, type SchemaVersion } from './schema';
export { writeAudit, auditedTransaction, diffFields, UNKNOWN_OPERATOR, type AuditInput } from './audit';
export {
  getSetting,
  setSetting,
  setSettings,
  rememberLanguage,
  readSettings,
  readStoredSettings,
  withDefaults,
  SETTING_DEFAULTS,
  DEFAULT_MASK_PATTERN,
  type EffectiveSettings,
  type StoredSettings,
} from './settings';
export { primeSettings, useSettings } from './useSettings';
export { requestPersistentStorage, readStorageStatus, formatBytes, type StorageStatus } from './storage';
export type * from './types';
export { useHasTalents, useTalentCount } from './useTalentCount';
