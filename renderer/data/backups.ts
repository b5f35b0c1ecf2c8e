/**
 * Backups of the whole database (issue #6), wired to Dexie and the platform's backup folder:
 * automatic backups (first start of the day, before an import, before a restore, before a schema
 * upgrade), retention, restore with its undo, full export / import of a portable file, and the
 * start-up safety checks. The file format and its checks live in shared/backup (docs/backup-format.md).
 *
 * Restore is ONE readwrite transaction over every table. The verified file is first turned into
 * plain text in memory (gunzip outside the transaction: a DecompressionStream is not IndexedDB work
 * and would let the transaction auto-commit half-way), then `readBackup` runs over that in-memory
 * text inside the transaction: it clears every table, `bulkAdd`s each batch and re-checks every
 * hash; if anything is wrong the transaction is aborted and the database is exactly as before. Memory:
 * the plain text (≈ 34 MB at 30,000 talents, ≈ 340 MB at 300,000) plus one batch — the records
 * themselves go straight to IndexedDB, never held as a whole. The `preRestore` backup written before
 * is the undo.
 *
 * Backups are read table by table in batches of 5,000 in primary-key order, each batch its own read
 * (one long read transaction cannot stay open while the writer awaits compression and the disk), so
 * a backup taken while another window writes may mix moments; automatic backups run when the app is idle.
 */
import type { IndexableType, Transaction } from 'dexie';
import {
  backupFileName,
  compareBackupWithDatabase,
  createMemorySink,
  describeRetentionRule,
  parseBackupFileName,
  planRetention,
  readBackup,
  sameBackupContent,
  verifyBackup,
  writeBackup,
  type BackupComparison,
  type BackupError,
  type BackupManifest,
  type BackupReason,
  type BackupRecord,
  type BackupSchemaUpgrade,
  type BackupSummary,
  type DatabaseTableState,
  type RetentionCandidate,
} from '../../shared/backup';
import { chinaParts, chinaYmd } from '../../shared/backup/chinaTime';
import { err, ok, type AppError, type Result } from '../../shared/result';
import {
  auditedTransaction,
  CURRENT_SCHEMA_VERSION,
  DATABASE_NAME,
  formatBytes,
  getDatabase,
  getSetting,
  readStorageStatus,
  SETTING_DEFAULTS,
  TABLE_NAMES,
  UNKNOWN_OPERATOR,
  writeAudit,
  type AuditEntry,
  type StorageStatus,
  type TalentLedgerDB,
} from '../db';
import { upgradeAuditEntryToV2, upgradeTalentToV2 } from '../db/schema';
import { appVersion, BACKUP_READ_BATCH, encodeDatabase, operatorOf, type BackupProgress, type EncodedDatabase } from './backupEncoding';

export { BACKUP_READ_BATCH, encodeDatabase, readTableBatches, type BackupProgress, type EncodedDatabase } from './backupEncoding';
import { getPlatform, type BackupFileInfo, type PlatformBackups } from '../platform';
import { earlyStoredVersion } from '../db/earlyStart';
import { announceTalentChanges } from './talentEvents';

/** What the backup functions work on; the defaults are the app's database and platform. Tests pass their own. */
export interface BackupContext {
  db: TalentLedgerDB;
  backups: PlatformBackups;
  /** ISO now (tests fix it). */
  now?: () => string;
  /** Where the manifest index and the import marker are kept (default `localStorage`, when present). */
  storage?: KeyValueStore | null;
  /** Usage and quota of local storage (default: the browser's estimate). */
  storageStatus?: () => Promise<StorageStatus>;
}

/** The part of `Storage` used here. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function defaultStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's database and platform backups. */
export function defaultBackupContext(): BackupContext {
  return { db: getDatabase(), backups: getPlatform().backups, storage: defaultStorage() };
}

function nowOf(context: BackupContext): string {
  return context.now ? context.now() : new Date().toISOString();
}

function storageOf(context: Pick<BackupContext, 'storage'>): KeyValueStore | null {
  return context.storage === undefined ? defaultStorage() : context.storage;
}

/** Record-level upgrades of old backups, mirroring the Dexie upgrades of schema.ts (v3 only adds tables). */
export const BACKUP_SCHEMA_UPGRADES: readonly BackupSchemaUpgrade[] = [
  {
    toVersion: 2,
    upgradeRecord(table, record) {
      if (table === 'talents') upgradeTalentToV2(record);
      if (table === 'auditLog') upgradeAuditEntryToV2(record);
      return record;
    },
  },
];

// ——— Manifest index ————————————————————————————————————————————————————————————————
// The list page shows operator and contents of each backup, and retention needs `hadChanges`; both come
// from the manifest, which is the LAST line of a (compressed) file. Reading every file for that would
// be slow, so each manifest is remembered when the backup is written or verified. A file without an
// entry (another profile's, a copied one) shows "—" until it is verified, and counts as "had changes".

const INDEX_KEY = 'talentledger:backupIndex:v1';

/** What is remembered about one backup file. */
export interface BackupIndexEntry {
  manifest: BackupManifest;
  /** False when it holds the same data as the backup before it (audit entries aside). */
  hadChanges?: boolean;
}

function readIndex(context: Pick<BackupContext, 'storage'>): Record<string, BackupIndexEntry> {
  const raw = storageOf(context)?.getItem(INDEX_KEY);
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, BackupIndexEntry>) : {};
  } catch {
    return {};
  }
}

function writeIndex(context: Pick<BackupContext, 'storage'>, index: Record<string, BackupIndexEntry>): void {
  try {
    storageOf(context)?.setItem(INDEX_KEY, JSON.stringify(index));
  } catch {
    // A full localStorage only costs the list its operator column; never fail a backup for it.
  }
}

function rememberManifest(context: Pick<BackupContext, 'storage'>, name: string, entry: BackupIndexEntry): void {
  const index = readIndex(context);
  index[name] = entry;
  writeIndex(context, index);
}

function forgetManifests(context: Pick<BackupContext, 'storage'>, names: readonly string[]): void {
  const index = readIndex(context);
  for (const name of names) delete index[name];
  writeIndex(context, index);
}

/**
 * Same data apart from the audit log. Every backup writes an audit entry, so comparing the log too
 * would make every backup look changed and retention could not tell the idle days.
 */
export function sameDataIgnoringAudit(a: BackupManifest, b: BackupManifest): boolean {
  const strip = (manifest: BackupManifest): BackupManifest => {
    const tables = { ...manifest.tables };
    delete tables.auditLog;
    return { ...manifest, tables };
  };
  return sameBackupContent(strip(a), strip(b));
}

// ——— Writing ————————————————————————————————————————————————————————————————————————

/** A finished backup. */
export interface WrittenBackup {
  name: string;
  /** Where the platform put it (folder path, or the OPFS description). */
  path: string;
  manifest: BackupManifest;
  fileBytes: number;
  textBytes: number;
  hadChanges: boolean;
  /** Milliseconds from start to the file being stored. */
  millis: number;
}

/** Reasons written into the folder (export goes to a file the user chooses). */
export type StoredBackupReason = Exclude<BackupReason, 'export'>;

const REASON_ZH: Record<BackupReason, string> = {
  daily: '每日自动备份',
  preImport: '导入前备份',
  preRestore: '恢复前备份',
  preUpgrade: '升级前备份',
  manual: '手动备份',
  export: '导出全部数据',
};

/** The Chinese name of a reason (for audit notes). */
export function backupReasonZh(reason: BackupReason): string {
  return REASON_ZH[reason];
}

function previousManifest(context: BackupContext, except: string): BackupManifest | undefined {
  const index = readIndex(context);
  let best: { name: string; manifest: BackupManifest } | undefined;
  for (const [name, entry] of Object.entries(index)) {
    if (name === except) continue;
    if (!best || entry.manifest.createdAt > best.manifest.createdAt) best = { name, manifest: entry.manifest };
  }
  return best?.manifest;
}

function ioError(error: unknown): AppError {
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'BACKUP_WRITE_FAILED', message: `备份失败：${detail}`, messageEn: `Backup failed: ${detail}` };
}

/** Encodes the database somewhere else than in the page (the daily backup's worker). */
export type BackupEncoder = (meta: { reason: BackupReason; createdAt: string }) => Promise<EncodedDatabase>;

/**
 * Writes a backup of the whole database into the backup folder, remembers its manifest, writes an
 * audit entry (`create` / `backup`) and prunes old automatic backups by the retention rule.
 * `audit: false` for the daily backup at start-up (the app's routine, not an operator's action).
 */
export async function createBackup(
  reason: StoredBackupReason,
  context: BackupContext = defaultBackupContext(),
  options: { audit?: boolean; note?: string; prune?: boolean; encode?: BackupEncoder } = {},
): Promise<Result<WrittenBackup>> {
  const started = performance.now();
  const createdAt = nowOf(context);
  const name = backupFileName(createdAt, reason);
  let encoded;
  try {
    encoded = await (options.encode ? options.encode({ reason, createdAt }) : encodeDatabase(context.db, { reason, createdAt }));
  } catch (error) {
    return err(ioError(error));
  }
  const stored = await context.backups.write(name, encoded.bytes);
  if (!stored.ok) return stored;
  const previous = previousManifest(context, name);
  const hadChanges = previous === undefined || !sameDataIgnoringAudit(previous, encoded.manifest);
  rememberManifest(context, name, { manifest: encoded.manifest, hadChanges });
  if (options.audit !== false) {
    const talents = encoded.manifest.tables.talents?.rows ?? 0;
    await auditedTransaction(context.db, [], async () => {
      await writeAudit(context.db, {
        action: 'create',
        entity: 'backup',
        entityId: name,
        note: `${backupReasonZh(reason)}：${name}（人才 ${talents} 条，${Math.round(encoded.bytes.length / 1024)} KB）${options.note ? `；${options.note}` : ''}`,
      });
    });
  }
  if (options.prune !== false) await pruneBackups(context);
  return ok({
    name,
    path: stored.value.path,
    manifest: encoded.manifest,
    fileBytes: encoded.bytes.length,
    textBytes: encoded.textBytes,
    hadChanges,
    millis: Math.round(performance.now() - started),
  });
}

/** Deletes the automatic backups the retention rule no longer keeps. Files with foreign names are never touched. */
export async function pruneBackups(context: BackupContext = defaultBackupContext()): Promise<Result<{ pruned: string[] }>> {
  const listed = await context.backups.list();
  if (!listed.ok) return listed;
  const index = readIndex(context);
  const candidates: RetentionCandidate[] = [];
  for (const file of listed.value) {
    const parsed = parseBackupFileName(file.name);
    if (!parsed) continue;
    const hadChanges = index[file.name]?.hadChanges;
    candidates.push({ name: file.name, createdAt: parsed.createdAt, reason: parsed.reason, ...(hadChanges === undefined ? {} : { hadChanges }) });
  }
  const plan = planRetention(candidates, nowOf(context));
  const pruned: string[] = [];
  for (const name of plan.prune) {
    const deleted = await context.backups.delete(name);
    if (deleted.ok) pruned.push(name);
  }
  forgetManifests(context, pruned);
  if (pruned.length > 0) {
    await auditedTransaction(context.db, [], async () => {
      await writeAudit(context.db, {
        action: 'delete',
        entity: 'backup',
        note: `按保留规则清理 ${pruned.length} 份旧备份：${pruned.map((name) => `${name}（${describeRetentionRule(plan.rules[name] ?? { rule: 'expired', period: '' })}）`).join('；')}`,
      });
    });
  }
  return ok({ pruned });
}

/** A backup file as the list page shows it. */
export interface BackupListItem extends BackupFileInfo {
  /** From the file name; undefined for a file not named by this app. */
  createdAt?: string;
  reason?: BackupReason;
  /** Known when the backup was written or verified in this profile. */
  manifest?: BackupManifest;
  hadChanges?: boolean;
}

/** The backup folder, newest first, with what is known of each file. */
export async function listBackups(context: BackupContext = defaultBackupContext()): Promise<Result<BackupListItem[]>> {
  const listed = await context.backups.list();
  if (!listed.ok) return listed;
  const index = readIndex(context);
  const items = listed.value
    .filter((file) => file.name.endsWith('.tlbak'))
    .map((file): BackupListItem => {
      const parsed = parseBackupFileName(file.name);
      const entry = index[file.name];
      return {
        ...file,
        ...(parsed ? { createdAt: parsed.createdAt, reason: parsed.reason } : {}),
        ...(entry ? { manifest: entry.manifest, ...(entry.hadChanges === undefined ? {} : { hadChanges: entry.hadChanges }) } : {}),
      };
    });
  items.sort((a, b) => (b.createdAt ?? b.modifiedAt).localeCompare(a.createdAt ?? a.modifiedAt));
  return ok(items);
}

/** Deletes one backup file (the clerk's choice, confirmed on screen) with an audit entry. */
export async function deleteBackup(name: string, context: BackupContext = defaultBackupContext()): Promise<Result<{ deleted: boolean }>> {
  const deleted = await context.backups.delete(name);
  if (!deleted.ok) return deleted;
  forgetManifests(context, [name]);
  await auditedTransaction(context.db, [], async () => {
    await writeAudit(context.db, { action: 'delete', entity: 'backup', entityId: name, note: `删除备份 ${name}` });
  });
  return deleted;
}

// ——— Verifying and restoring ——————————————————————————————————————————————————————————

/** What the database holds now, per table (rows and newest change), for the side-by-side view. */
export async function databaseState(db: TalentLedgerDB): Promise<Record<string, DatabaseTableState>> {
  const state: Record<string, DatabaseTableState> = {};
  for (const table of TABLE_NAMES) {
    const dexieTable = db.table<Record<string, unknown>, IndexableType>(table);
    const rows = await dexieTable.count();
    let newestChange: string | undefined;
    const indexed = table === 'auditLog' ? 'at' : dexieTable.schema.indexes.some((index) => index.name === 'updatedAt') ? 'updatedAt' : undefined;
    if (indexed) {
      const newest = await dexieTable.orderBy(indexed).last();
      const value = newest?.[indexed];
      if (typeof value === 'string') newestChange = value;
    } else if (rows > 0 && rows <= 50_000) {
      await dexieTable.each((record) => {
        const value = record.updatedAt;
        if (typeof value === 'string' && (newestChange === undefined || value > newestChange)) newestChange = value;
      });
    }
    state[table] = newestChange === undefined ? { rows } : { rows, newestChange };
  }
  return state;
}

/** A checked backup next to the current database. */
export interface VerifiedBackup {
  summary: BackupSummary;
  comparison: BackupComparison;
}

/** First pass of a restore: checks the whole file (nothing is written) and compares it with the database. */
export async function inspectBackup(bytes: Uint8Array, context: BackupContext = defaultBackupContext(), name?: string): Promise<Result<VerifiedBackup, BackupError>> {
  const verified = await verifyBackup(bytes, { currentSchemaVersion: CURRENT_SCHEMA_VERSION });
  if (!verified.ok) return verified;
  if (name !== undefined && parseBackupFileName(name)) {
    const index = readIndex(context);
    if (!index[name]) rememberManifest(context, name, { manifest: verified.value.manifest });
  }
  return ok({ summary: verified.value, comparison: compareBackupWithDatabase(verified.value.manifest, await databaseState(context.db)) });
}

async function gunzipToMemory(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `2026-11-27 08:36:47` in Shanghai time, for audit notes (stored text, read by clerks in Shanghai). */
function chinaDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const p = chinaParts(ms);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${chinaYmd(ms)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/** Where a restore came from, for the audit entry and the notice. */
export interface RestoreSource {
  /** Backup file name, or the name of the imported file. */
  label: string;
  /** True when this restore undoes an earlier one (restoring its preRestore backup). */
  undoOf?: string;
  /** True for a portable file chosen by the user (导入数据文件). */
  imported?: boolean;
}

/** A finished restore. */
export interface RestoreOutcome {
  manifest: BackupManifest;
  /** The backup of the data as it was just before: restoring it undoes this restore. */
  preRestore: WrittenBackup;
  /** Rows written per table. */
  rows: Record<string, number>;
  millis: { verify: number; preRestoreBackup: number; restore: number };
}

/** What makes two audit entries the same event (ids differ once entries are re-appended). */
function auditIdentity(record: BackupRecord): string {
  return JSON.stringify([record.at, record.operator, record.action, record.entity, record.entityId, record.note]);
}

class RestoreRefused extends Error {
  constructor(readonly refusal: BackupError) {
    super(refusal.message);
    this.name = 'RestoreRefused';
  }
}

/**
 * Restores a whole backup: verify → back up the current data (`preRestore`) → replace every table in
 * one transaction (see the module comment) → audit entry `restore`. The audit log is the exception to
 * "replace": entries written after the backup are kept (appended after the backup's own), so the log
 * still shows the restore that an undo reverted. A damaged, truncated, foreign or
 * too-new file is refused before anything is written; a failure during the write rolls everything back.
 */
export async function restoreBackup(bytes: Uint8Array, source: RestoreSource, context: BackupContext = defaultBackupContext()): Promise<Result<RestoreOutcome, AppError>> {
  const t0 = performance.now();
  const verified = await verifyBackup(bytes, { currentSchemaVersion: CURRENT_SCHEMA_VERSION });
  if (!verified.ok) return verified;
  const t1 = performance.now();
  const preRestore = await createBackup('preRestore', context, { note: `恢复 ${source.label} 之前`, prune: false });
  if (!preRestore.ok) {
    return err({ code: 'RESTORE_NO_SAFETY_BACKUP', message: `无法先备份当前数据，未恢复：${preRestore.error.message}`, messageEn: `Could not back up the current data first; nothing restored: ${preRestore.error.messageEn ?? preRestore.error.message}` });
  }
  const t2 = performance.now();
  const plain = verified.value.compressed ? await gunzipToMemory(bytes) : bytes;
  const { db } = context;
  const known = new Set<string>(TABLE_NAMES);
  const rows: Record<string, number> = {};
  const manifest = verified.value.manifest;
  const note = source.undoOf
    ? `撤销恢复：恢复到恢复前备份 ${source.label}（撤销的是从 ${source.undoOf} 的恢复）；本次之前的数据已存为 ${preRestore.value.name}`
    : `从${source.imported ? '数据文件' : '备份'} ${source.label} 恢复（备份于 ${chinaDateTime(manifest.createdAt)}，操作员 ${manifest.operator || '—'}，人才 ${manifest.tables.talents?.rows ?? 0} 条）；恢复前的数据已存为 ${preRestore.value.name}，恢复该备份即可撤销`;
  let currentLog: AuditEntry[] = [];
  const restoredLog = new Set<string>();
  try {
    await db.transaction('rw', [...TABLE_NAMES], async (transaction: Transaction) => {
      const result = await readBackup(plain, {
        currentSchemaVersion: CURRENT_SCHEMA_VERSION,
        schemaUpgrades: BACKUP_SCHEMA_UPGRADES,
        async onStart() {
          currentLog = (await transaction.table('auditLog').toArray()) as AuditEntry[];
          // A backup is the whole database at its time: tables it does not hold end up empty too.
          for (const table of TABLE_NAMES) await transaction.table(table).clear();
        },
        async onRecords(table, records) {
          // A table this app does not know (from a future-but-same-schema fork) is skipped, not guessed at.
          if (!known.has(table)) return;
          await transaction.table(table).bulkAdd(records);
          if (table === 'auditLog') for (const record of records) restoredLog.add(auditIdentity(record));
          rows[table] = (rows[table] ?? 0) + records.length;
        },
      });
      if (!result.ok) throw new RestoreRefused(result.error);
      // The audit log is history, not data: a restore must not erase what happened after the backup
      // (including earlier restores). Entries the backup lacks are appended again, in their order.
      const kept = currentLog.filter((entry) => !restoredLog.has(auditIdentity(entry as unknown as BackupRecord))).map(({ id: _id, ...entry }) => entry);
      if (kept.length > 0) await transaction.table('auditLog').bulkAdd(kept);
      // The transaction is passed: after reading a large backup (many awaits that are not Dexie's)
      // Dexie no longer knows it as the current one (a 300,000-talent restore failed on that).
      await writeAudit(db, { action: 'restore', entity: 'backup', entityId: source.label, note }, transaction);
    });
  } catch (error) {
    if (error instanceof RestoreRefused) return err(error.refusal);
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return err({ code: 'RESTORE_FAILED', message: `恢复失败，数据库未改动：${detail}`, messageEn: `Restore failed; the database is unchanged: ${detail}` });
  }
  announceTalentChanges({ reset: true });
  return ok({
    manifest,
    preRestore: preRestore.value,
    rows,
    millis: { verify: Math.round(t1 - t0), preRestoreBackup: Math.round(t2 - t1), restore: Math.round(performance.now() - t2) },
  });
}

/** Restores a backup from the folder by name. */
export async function restoreNamedBackup(name: string, context: BackupContext = defaultBackupContext(), undoOf?: string): Promise<Result<RestoreOutcome, AppError>> {
  const read = await context.backups.read(name);
  if (!read.ok) return read;
  return restoreBackup(read.value, undoOf === undefined ? { label: name } : { label: name, undoOf }, context);
}

// ——— Portable export ——————————————————————————————————————————————————————————————————

/** 导出全部数据: the whole database as a portable `.tlbak` (same format) plus its audit entry. */
export async function exportDatabase(context: BackupContext = defaultBackupContext()): Promise<{ name: string; bytes: Uint8Array; manifest: BackupManifest }> {
  const createdAt = nowOf(context);
  const { bytes, manifest } = await encodeDatabase(context.db, { reason: 'export', createdAt });
  const name = backupFileName(createdAt, 'export');
  await auditedTransaction(context.db, [], async () => {
    await writeAudit(context.db, { action: 'create', entity: 'backup', entityId: name, note: `导出全部数据：${name}（人才 ${manifest.tables.talents?.rows ?? 0} 条）` });
  });
  return { name, bytes, manifest };
}

// ——— Before an import —————————————————————————————————————————————————————————————————

const IMPORT_MARKER_KEY = 'talentledger:importInProgress:v1';

/** Set just before an import commit, removed after it; found at start-up it means the page died during the commit. */
export interface ImportMarker {
  fileName: string;
  startedAt: string;
  backupName: string;
}

/**
 * Call in the page right before committing an import: writes a `preImport` backup and leaves a
 * marker so that, if the page dies during the commit, the next start can say whether the batch is in
 * the database in full or not at all. Call {@link importCommitSettled} when the commit returns.
 */
export async function backupBeforeImport(
  fileName: string,
  context: BackupContext = defaultBackupContext(),
  options: { fileBytes?: number } = {},
): Promise<Result<{ name: string }>> {
  const space = await checkSpaceForImport(options.fileBytes ?? 0, context);
  if (!space.ok) return space;
  const written = await createBackup('preImport', context, { note: `导入 ${fileName} 之前` });
  if (!written.ok) return written;
  const marker: ImportMarker = { fileName, startedAt: nowOf(context), backupName: written.value.name };
  try {
    storageOf(context)?.setItem(IMPORT_MARKER_KEY, JSON.stringify(marker));
  } catch {
    // Without the marker the start-up check cannot report; the commit itself is still one transaction.
  }
  return ok({ name: written.value.name });
}

/** Room an import needs at least: its records, before-images and the pre-import backup (a 20,000-row sheet ≈ 30 MB stored). */
export const MIN_IMPORT_SPACE = 64 * 1024 * 1024;

/**
 * Warns before a large import when local storage is short: free space (quota − usage) below
 * max({@link MIN_IMPORT_SPACE}, 8 × the file's size — stored records, indexes, before-images and the
 * backup take several times the sheet) refuses with `STORAGE_LOW`. Unknown quota passes.
 */
export async function checkSpaceForImport(fileBytes: number, context: Pick<BackupContext, 'storageStatus'> = {}): Promise<Result<{ free: number | null }>> {
  const status = await (context.storageStatus ?? readStorageStatus)();
  if (status.quota === null || status.usage === null) return ok({ free: null });
  const free = Math.max(0, status.quota - status.usage);
  const needed = Math.max(MIN_IMPORT_SPACE, fileBytes * 8);
  if (free >= needed) return ok({ free });
  return err({
    code: 'STORAGE_LOW',
    message: `存储空间不足：剩余约 ${formatBytes(free)}，本次导入预计需要 ${formatBytes(needed)}。请先清理磁盘空间，或导出备份后删除旧备份。`,
    messageEn: `Storage is short: about ${formatBytes(free)} free, this import needs about ${formatBytes(needed)}. Free some disk space, or export and delete old backups first.`,
  });
}

/** Removes the import marker (the commit finished, was refused or canceled). */
export function importCommitSettled(context: Pick<BackupContext, 'storage'> = {}): void {
  try {
    (context.storage === undefined ? defaultStorage() : context.storage)?.removeItem(IMPORT_MARKER_KEY);
  } catch {
    // Nothing to do.
  }
}

/** Sets the import marker without a backup (tests and the kill test's dev hook). */
export function setImportMarker(marker: ImportMarker, context: Pick<BackupContext, 'storage'> = {}): void {
  (context.storage === undefined ? defaultStorage() : context.storage)?.setItem(IMPORT_MARKER_KEY, JSON.stringify(marker));
}

function readImportMarker(context: Pick<BackupContext, 'storage'>): ImportMarker | undefined {
  const raw = storageOf(context)?.getItem(IMPORT_MARKER_KEY);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<ImportMarker>;
    return typeof parsed.fileName === 'string' && typeof parsed.startedAt === 'string' ? { fileName: parsed.fileName, startedAt: parsed.startedAt, backupName: parsed.backupName ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

// ——— Before a schema upgrade ————————————————————————————————————————————————————————————

/** The IndexedDB the pre-upgrade probe looks at (tests pass fake-indexeddb). */
export interface RawIndexedDB {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  name?: string;
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

let earlyVersionTaken = false;

/** The Dexie schema version of the stored database, or undefined when there is none (Dexie stores version × 10). */
export async function storedSchemaVersion(raw: RawIndexedDB): Promise<number | undefined> {
  const name = raw.name ?? DATABASE_NAME;
  // The app's own database in the page's own IndexedDB, at start-up: the entry module asked already
  // (earlyStart.ts). Once only: later the answer may be stale.
  const early = !earlyVersionTaken && raw.indexedDB === globalThis.indexedDB && name === DATABASE_NAME ? earlyStoredVersion : undefined;
  earlyVersionTaken = true;
  let version: number | undefined;
  if (early) version = await early;
  else if (typeof raw.indexedDB.databases === 'function') version = (await raw.indexedDB.databases()).find((info) => info.name === name)?.version;
  if (!version) return undefined;
  return Math.ceil(version / 10);
}

/** Reads a raw object store in key order, batch by batch, each batch in its own read transaction. */
async function* rawStoreBatches(database: IDBDatabase, raw: RawIndexedDB, store: string): AsyncGenerator<BackupRecord[]> {
  let last: IDBValidKey | undefined;
  for (;;) {
    const transaction = database.transaction(store, 'readonly');
    const objectStore = transaction.objectStore(store);
    const range = last === undefined ? null : raw.IDBKeyRange.lowerBound(last, true);
    const [values, keys] = await Promise.all([
      requestResult(objectStore.getAll(range, BACKUP_READ_BATCH)),
      requestResult(objectStore.getAllKeys(range, BACKUP_READ_BATCH)),
    ]);
    if (values.length === 0) return;
    yield values as BackupRecord[];
    if (values.length < BACKUP_READ_BATCH) return;
    last = keys[keys.length - 1];
  }
}

/**
 * Before Dexie upgrades the database on open: when the stored schema is older than this app's,
 * back it up AS IT IS (old version, read with plain IndexedDB without opening it at the new version),
 * reason `preUpgrade`. Returns the backup, or undefined when no upgrade is pending.
 */
export async function backupBeforeSchemaUpgrade(
  context: Omit<BackupContext, 'db'> & { db?: TalentLedgerDB },
  raw: RawIndexedDB = { indexedDB, IDBKeyRange },
): Promise<Result<{ name: string; fromVersion: number } | undefined>> {
  const fromVersion = await storedSchemaVersion(raw);
  if (fromVersion === undefined || fromVersion >= CURRENT_SCHEMA_VERSION) return ok(undefined);
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = raw.indexedDB.open(raw.name ?? DATABASE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
    request.onblocked = () => reject(new Error('open blocked'));
  });
  try {
    const stores = [...database.objectStoreNames];
    const ordered = [...TABLE_NAMES.filter((table) => stores.includes(table)), ...stores.filter((store) => !(TABLE_NAMES as readonly string[]).includes(store))];
    let operator = '';
    if (stores.includes('settings')) {
      const transaction = database.transaction('settings', 'readonly');
      const record = (await requestResult(transaction.objectStore('settings').get('operatorName'))) as { value?: unknown } | undefined;
      if (typeof record?.value === 'string') operator = record.value;
    }
    const createdAt = context.now ? context.now() : new Date().toISOString();
    const memory = createMemorySink();
    const result = await writeBackup(
      { appVersion: appVersion(), schemaVersion: fromVersion, createdAt, operator, reason: 'preUpgrade', sink: memory.sink },
      ordered,
      (store) => rawStoreBatches(database, raw, store),
    );
    const name = backupFileName(createdAt, 'preUpgrade');
    const stored = await context.backups.write(name, memory.bytes());
    if (!stored.ok) return stored;
    rememberManifest(context, name, { manifest: result.manifest });
    return ok({ name, fromVersion });
  } finally {
    database.close();
  }
}

// ——— Start-up ——————————————————————————————————————————————————————————————————————————

/** What the start-up checks found; the start-up notice shows it. */
export interface StartupSafetyReport {
  /** The database has no data while backups exist (a lost profile, a changed origin). */
  emptyWithBackups?: { newest: BackupListItem; count: number };
  /** The page died during an import commit; `complete` says whether the batch is in the database. */
  interruptedImport?: { fileName: string; startedAt: string; complete: boolean; backupName: string };
  /** The schema was upgraded; the old data was backed up first (or the backup failed: `error`). */
  upgrade?: { fromVersion: number; toVersion: number; backupName?: string; error?: AppError };
  /**
   * Today's first-start backup: `due` from the checks until it starts, `progress` while it runs
   * (after the first paint, in a worker), then its `name` or `error`.
   */
  daily?: { due?: boolean; progress?: BackupProgress; name?: string; error?: AppError };
}

let startupReport: StartupSafetyReport = {};
const startupListeners = new Set<() => void>();

function publishStartup(next: StartupSafetyReport): void {
  startupReport = next;
  for (const listener of startupListeners) listener();
}

/** The latest start-up report (for useSyncExternalStore). */
export function getStartupReport(): StartupSafetyReport {
  return startupReport;
}

/** Subscribes to start-up report changes. */
export function subscribeStartupReport(listener: () => void): () => void {
  startupListeners.add(listener);
  return () => startupListeners.delete(listener);
}

/** Clears one part of the report once the user has read it. */
export function dismissStartupNotice(part: keyof StartupSafetyReport): void {
  const next = { ...startupReport };
  delete next[part];
  publishStartup(next);
}

/**
 * True when no table but settings holds a record. Looks for one key per table: `count()` walks the
 * whole store (≈ 0.6 s for the talents at 300,000 in Chromium), which start-up cannot afford.
 */
async function isDatabaseEmpty(db: TalentLedgerDB): Promise<boolean> {
  for (const table of TABLE_NAMES) {
    if (table === 'settings') continue;
    if ((await db.table(table).limit(1).primaryKeys()).length > 0) return false;
  }
  return true;
}

/** True when a backup of the Shanghai day of `now` with reason `daily` is in the list. */
function hasDailyBackupToday(items: readonly BackupListItem[], now: string): boolean {
  const today = chinaYmd(Date.parse(now));
  return items.some((item) => item.reason === 'daily' && item.createdAt !== undefined && chinaYmd(Date.parse(item.createdAt)) === today);
}

/**
 * Runs before and around opening the database, from the app's start-up:
 * 1. schema upgrade pending → back up the old data first (`preUpgrade`), then open (Dexie upgrades);
 * 2. the page died during an import → say whether the batch is in the database in full or not at all;
 * 3. the database is empty but backups exist → offer the newest;
 * 4. first start of the day → `daily` backup and pruning (in the background, after the app shows).
 * Opens the database; rejects only when opening fails.
 */
export function runStartupSafetyChecks(context?: BackupContext): Promise<StartupSafetyReport> {
  if (context) return startupChecks(context);
  // Once per page load: React's StrictMode runs effects twice in development, and the import marker
  // must be read (and cleared) exactly once.
  appStartup ??= startupChecks(defaultBackupContext());
  return appStartup;
}

let appStartup: Promise<StartupSafetyReport> | undefined;

/** Marks a start-up step in the performance timeline (DevTools, the bench's profiles). */
async function startupStep<T>(name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    performance.measure(`startup:${name}`, { start, end: performance.now() });
  }
}

async function startupChecks(context: BackupContext): Promise<StartupSafetyReport> {
  const report: StartupSafetyReport = {};
  let upgradeBackup: Result<{ name: string; fromVersion: number } | undefined> = ok(undefined);
  try {
    upgradeBackup = await startupStep('upgradeCheck', () => backupBeforeSchemaUpgrade(context));
  } catch (error) {
    upgradeBackup = err(ioError(error));
  }
  await startupStep('open', () => context.db.open());
  if (!upgradeBackup.ok) report.upgrade = { fromVersion: 0, toVersion: CURRENT_SCHEMA_VERSION, error: upgradeBackup.error };
  else if (upgradeBackup.value) {
    const { name, fromVersion } = upgradeBackup.value;
    report.upgrade = { fromVersion, toVersion: CURRENT_SCHEMA_VERSION, backupName: name };
    await auditedTransaction(context.db, [], () =>
      writeAudit(context.db, { action: 'create', entity: 'backup', entityId: name, note: `升级前备份：数据库由版本 ${fromVersion} 升级到 ${CURRENT_SCHEMA_VERSION} 之前的数据已存为 ${name}` }),
    ).catch(() => undefined);
  }

  const marker = readImportMarker(context);
  if (marker) {
    const batches = await context.db.importBatches.where('committedAt').aboveOrEqual(marker.startedAt).toArray();
    const complete = batches.some((batch) => batch.fileName === marker.fileName);
    report.interruptedImport = { fileName: marker.fileName, startedAt: marker.startedAt, complete, backupName: marker.backupName };
    importCommitSettled(context);
    const operator = (await operatorOf(context.db)) || UNKNOWN_OPERATOR;
    await auditedTransaction(context.db, [], () =>
      writeAudit(context.db, {
        action: 'import',
        entity: 'talent',
        operator,
        note: complete ? `上次导入 ${marker.fileName} 时程序被关闭：该批已完整写入` : `上次导入 ${marker.fileName} 时程序被关闭：该批未写入任何数据`,
      }),
    ).catch(() => undefined);
  }

  const listed = await startupStep('listBackups', () => listBackups(context));
  const items = listed.ok ? listed.value : [];
  const empty = await startupStep('emptyCheck', () => isDatabaseEmpty(context.db));
  if (items.length > 0 && empty) {
    const newest = items.find((item) => item.reason !== 'preRestore') ?? items[0];
    if (newest) report.emptyWithBackups = { newest, count: items.length };
  }

  if (!report.emptyWithBackups && !empty && !hasDailyBackupToday(items, nowOf(context))) {
    // First start of the day. The backup itself waits for runDailyBackup (the app calls it once the
    // first screen is painted and the page is idle, encoding in a worker), so it never delays start-up.
    report.daily = { due: true };
  }
  publishStartup(report);
  return report;
}

let dailyRun: Promise<Result<WrittenBackup> | undefined> | undefined;

/**
 * Today's first-start backup, when the start-up checks found it due ({@link StartupSafetyReport.daily}):
 * writes the `daily` backup (encoded by `encode`, e.g. in a worker; in the page without it), prunes,
 * then applies the audit retention (after, so the backup still has the entries). Not audited: it is
 * the app's own routine, so starting the app writes nothing to the log. Progress and the outcome go to
 * the start-up report. Runs once per page load (later calls get the same promise); undefined when not due.
 */
export function runDailyBackup(context: BackupContext = defaultBackupContext(), options: { encode?: BackupEncoder } = {}): Promise<Result<WrittenBackup> | undefined> {
  if (!startupReport.daily?.due) return Promise.resolve(undefined);
  dailyRun ??= (async () => {
    publishStartup({ ...startupReport, daily: { progress: { done: 0, total: 0 } } });
    const written = await createBackup('daily', context, { audit: false, ...(options.encode ? { encode: options.encode } : {}) }).catch((error: unknown) => err(ioError(error)));
    if (written.ok) await pruneAuditLog(context.db, nowOf(context)).catch(() => 0);
    publishStartup({ ...startupReport, daily: written.ok ? { name: written.value.name } : { error: written.error } });
    return written;
  })().finally(() => {
    dailyRun = undefined;
  });
  return dailyRun;
}

/** Reports the daily backup's progress (from whoever encodes it) to the start-up report. */
export function reportDailyBackupProgress(progress: BackupProgress): void {
  if (startupReport.daily?.progress) publishStartup({ ...startupReport, daily: { progress } });
}

/** The newest changes of the database are the restore screen's warning; re-exported for the page. */
export type { BackupComparison, BackupManifest, BackupError };

// ——— Audit log retention ——————————————————————————————————————————————————————————————
// A typed setting (`auditRetentionYears` in SettingValues), a row of the settings table, so it
// travels with backups.

const AUDIT_RETENTION_KEY = 'auditRetentionYears';

/** Years of audit log kept; 0 = keep everything (the default). */
export async function readAuditRetentionYears(db: TalentLedgerDB): Promise<number> {
  return (await getSetting(db, AUDIT_RETENTION_KEY)) ?? SETTING_DEFAULTS.auditRetentionYears;
}

/** Sets the audit retention (0 = keep all) with an audit entry of its own. */
export async function setAuditRetentionYears(db: TalentLedgerDB, years: number): Promise<Result<{ changed: boolean }>> {
  if (!Number.isInteger(years) || years < 0 || years > 100) {
    return err({ code: 'SETTING_INVALID', message: '日志保留年数无效', messageEn: 'Invalid audit retention' });
  }
  const changed = await auditedTransaction(db, [], async () => {
    const before = await readAuditRetentionYears(db);
    if (before === years) return false;
    await db.settings.put({ key: AUDIT_RETENTION_KEY, value: years });
    await writeAudit(db, { action: 'settings', entity: 'settings', changes: [{ field: AUDIT_RETENTION_KEY, before, after: years }], note: '操作日志保留期限' });
    return true;
  });
  return ok({ changed });
}

/** The ISO instant before which entries are removed for `years` of retention at `now`. */
export function auditCutoff(now: string, years: number): string {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString();
}

/** Removes audit entries older than the retention (none when it is "keep all"), logging how many. */
export async function pruneAuditLog(db: TalentLedgerDB, now: string = new Date().toISOString()): Promise<number> {
  const years = await readAuditRetentionYears(db);
  if (years === 0) return 0;
  const cutoff = auditCutoff(now, years);
  return auditedTransaction(db, [], async () => {
    const removed = await db.auditLog.where('at').below(cutoff).delete();
    if (removed > 0) await writeAudit(db, { action: 'delete', entity: 'settings', note: `按保留期限（${years} 年）清理 ${cutoff.slice(0, 10)} 之前的操作日志 ${removed} 条` });
    return removed;
  });
}
