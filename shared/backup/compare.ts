/**
 * Comparisons built on manifests: whether a new backup holds anything the previous one did not (for
 * retention's `hadChanges`), and the "what the backup holds next to what the database holds now"
 * table of the restore screen.
 */
import type { BackupManifest } from './format';

/**
 * True when two backups hold exactly the same records: same tables, row counts and table hashes.
 * Records are hashed in the order they were written, so the writer must read tables in a stable
 * order (Dexie's primary-key order) for unchanged data to compare equal.
 */
export function sameBackupContent(a: BackupManifest, b: BackupManifest): boolean {
  const names = Object.keys(a.tables);
  if (names.length !== Object.keys(b.tables).length) return false;
  return names.every((name) => {
    const left = a.tables[name];
    const right = b.tables[name];
    return left !== undefined && right !== undefined && left.rows === right.rows && left.sha256 === right.sha256;
  });
}

/** What the database holds now, per table, as the caller counts it. */
export interface DatabaseTableState {
  rows: number;
  /** Largest `updatedAt` (`at` for the audit log), when the table has any. */
  newestChange?: string;
}

/** One row of the restore screen's comparison. `undefined` = the table is not in the backup / database. */
export interface TableComparison {
  table: string;
  backupRows: number | undefined;
  databaseRows: number | undefined;
  backupNewestChange?: string;
  databaseNewestChange?: string;
}

export interface BackupComparison {
  /** Backup tables first, in file order, then tables only the database has. */
  tables: TableComparison[];
  backupNewestChange?: string;
  databaseNewestChange?: string;
  /**
   * True when the database holds changes newer than anything in the backup: restoring loses them
   * (the screen should say so; the preRestore backup keeps them recoverable).
   */
  databaseHasNewerChanges: boolean;
}

/** Puts a backup's manifest next to the database's current state, table by table. */
export function compareBackupWithDatabase(manifest: BackupManifest, database: Readonly<Record<string, DatabaseTableState>>): BackupComparison {
  const tables: TableComparison[] = [];
  let databaseNewestChange: string | undefined;
  for (const state of Object.values(database)) {
    if (state.newestChange !== undefined && (databaseNewestChange === undefined || state.newestChange > databaseNewestChange)) databaseNewestChange = state.newestChange;
  }
  for (const [table, summary] of Object.entries(manifest.tables)) {
    const current = Object.hasOwn(database, table) ? database[table] : undefined;
    tables.push({
      table,
      backupRows: summary.rows,
      databaseRows: current?.rows,
      ...(summary.newestChange !== undefined ? { backupNewestChange: summary.newestChange } : {}),
      ...(current?.newestChange !== undefined ? { databaseNewestChange: current.newestChange } : {}),
    });
  }
  for (const [table, current] of Object.entries(database)) {
    if (Object.hasOwn(manifest.tables, table)) continue;
    tables.push({ table, backupRows: undefined, databaseRows: current.rows, ...(current.newestChange !== undefined ? { databaseNewestChange: current.newestChange } : {}) });
  }
  const backupNewestChange = manifest.newestChange;
  return {
    tables,
    ...(backupNewestChange !== undefined ? { backupNewestChange } : {}),
    ...(databaseNewestChange !== undefined ? { databaseNewestChange } : {}),
    databaseHasNewerChanges: databaseNewestChange !== undefined && (backupNewestChange === undefined || databaseNewestChange > backupNewestChange),
  };
}
