/**
 * Encoding the whole database into `.tlbak` bytes: the part of a backup that reads IndexedDB,
 * encodes, hashes and gzips. It imports nothing of the page (no platform, no React), so the daily
 * start-up backup can run it in a Web Worker (renderer/features/backup/backup.worker.ts) while the
 * page stores the result; renderer/data/backups.ts runs it in the page for the other reasons.
 */
import type { IndexableType } from 'dexie';
import { createMemorySink, writeBackup, type BackupManifest, type BackupReason, type BackupRecord, type TableBatches } from '../../shared/backup';
import { TABLE_NAMES, type TalentLedgerDB } from '../db/db';
import { CURRENT_SCHEMA_VERSION } from '../db/schema';

/** Records per read from the database while writing a backup. */
export const BACKUP_READ_BATCH = 5_000;

/** How far an encoding is: records read of all tables' records (counted at the start). */
export interface BackupProgress {
  done: number;
  total: number;
}

/** The app's version as built (`0.0.0` in tests). */
export function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
}

/** One table in primary-key order, batch by batch (stable order → unchanged data hashes the same). */
export async function* readTableBatches(db: TalentLedgerDB, table: string, batchSize = BACKUP_READ_BATCH): AsyncGenerator<BackupRecord[]> {
  const dexieTable = db.table<BackupRecord, IndexableType>(table);
  const keyPath = dexieTable.schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`backup: table ${table} has no single-field primary key`);
  let last: IndexableType | undefined;
  for (;;) {
    const collection = last === undefined ? dexieTable.orderBy(':id') : dexieTable.where(':id').above(last);
    const batch = await collection.limit(batchSize).toArray();
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    last = batch[batch.length - 1]?.[keyPath] as IndexableType;
  }
}

/** The operator name of the settings, or '' (a backup must never fail for it). */
export async function operatorOf(db: TalentLedgerDB): Promise<string> {
  try {
    const record = await db.settings.get('operatorName');
    return typeof record?.value === 'string' ? record.value : '';
  } catch {
    return '';
  }
}

/** What {@link encodeDatabase} is told about the backup. */
export interface EncodeMeta {
  reason: BackupReason;
  createdAt: string;
  operator?: string;
  schemaVersion?: number;
  tables?: readonly string[];
  readTable?: (table: string) => TableBatches;
  /** Called after every batch read (counting is one `count()` per table first). */
  onProgress?: (progress: BackupProgress) => void;
}

/** The encoded file. */
export interface EncodedDatabase {
  bytes: Uint8Array;
  manifest: BackupManifest;
  textBytes: number;
}

/** Encodes the whole database into `.tlbak` bytes (gzip). */
export async function encodeDatabase(db: TalentLedgerDB, meta: EncodeMeta): Promise<EncodedDatabase> {
  const memory = createMemorySink();
  const tables = meta.tables ?? TABLE_NAMES;
  const readTable = meta.readTable ?? ((table: string) => readTableBatches(db, table));
  const onProgress = meta.onProgress;
  let read = readTable;
  if (onProgress) {
    const progress: BackupProgress = { done: 0, total: 0 };
    for (const table of tables) progress.total += await db.table(table).count();
    onProgress({ ...progress });
    read = async function* (table: string) {
      for await (const batch of readTable(table)) {
        yield batch;
        progress.done += batch.length;
        onProgress({ ...progress });
      }
    };
  }
  // The IPC write takes one array, and OPFS writes are swapped in whole; so the compressed file
  // (≈ 3.6 MB at 30k talents, ≈ 35 MB at 300k) is gathered in memory and stored in one call.
  const result = await writeBackup(
    {
      appVersion: appVersion(),
      schemaVersion: meta.schemaVersion ?? CURRENT_SCHEMA_VERSION,
      createdAt: meta.createdAt,
      operator: meta.operator ?? (await operatorOf(db)),
      reason: meta.reason,
      sink: memory.sink,
    },
    tables,
    read,
  );
  return { bytes: memory.bytes(), manifest: result.manifest, textBytes: result.textBytes };
}
