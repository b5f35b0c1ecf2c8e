/**
 * Every version of the IndexedDB schema, kept as data and applied in order.
 *
 * Rules (the same as for any stored file format):
 * - NEVER edit or remove a version that has shipped. Users' databases are at that version and Dexie
 *   replays the list from their version upward; editing an old entry leaves their data unmigrated.
 * - To change the schema, append a new version with the next whole number, list only the tables whose
 *   indexes change (Dexie keeps the others; `null` deletes a table), and give it an `upgrade` when
 *   existing records need new or reshaped fields. Put the per-record change in a pure exported
 *   function and test it together with an upgrade of real old data (schema.test.ts).
 * - Index sparingly: every index is written on every add, so bulk imports of tens of thousands of
 *   talents slow down with each one. Search and filtering run over in-memory structures built from a
 *   full scan; an index earns its place only for uniqueness, ordering, or cheap counts and lookups.
 */
import type { Transaction } from 'dexie';

/** One schema version: its Dexie store declarations and an optional data upgrade. */
export interface SchemaVersion {
  version: number;
  /** Dexie store syntax per table: first the primary key, then indexes; `null` deletes the table. */
  stores: Readonly<Record<string, string | null>>;
  /** Runs once, inside the version-change transaction, when a database is upgraded to this version. */
  upgrade?: (transaction: Transaction) => PromiseLike<unknown> | void;
  /** Why this version exists (for readers of the history). */
  description: string;
}

type StoredObject = Record<string, unknown>;

/**
 * v2 backfill for a talent record: records written before `status` existed count as active, so
 * the new `status` index (which skips records lacking the field) counts every talent.
 */
export function upgradeTalentToV2(talent: StoredObject): void {
  if (typeof talent.status !== 'string') talent.status = 'active';
}

/**
 * v2 backfill for an audit entry: an entry about no single record gets entityId '' (not missing),
 * because IndexedDB leaves a record out of a compound index when any part of the key is missing,
 * and the history view queries `[entity+entityId]`.
 */
export function upgradeAuditEntryToV2(entry: StoredObject): void {
  if (typeof entry.entityId !== 'string') entry.entityId = entry.entityId === undefined || entry.entityId === null ? '' : String(entry.entityId);
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    description: 'Initial schema.',
    stores: {
      // `&[idType+idNumber]`: one person, one record — the database refuses a duplicate document even
      //   if a caller skips the duplicate check. `name`: ordered lists and name look-ups without a scan.
      // `updatedAt`: "recently changed" lists and incremental backups. `importBatchId`: undo an import
      //   by deleting exactly its records.
      talents: 'id, &[idType+idNumber], name, updatedAt, importBatchId',
      // Applications and enrollments are always reached through their talent (or roster).
      certificationApplications: 'id, talentId, updatedAt',
      trainingBases: 'id, name',
      rosters: 'id, baseId',
      enrollments: 'id, rosterId, talentId',
      // Auto-increment key gives a total order; `at` serves date-range queries.
      auditLog: '++id, at',
      settings: 'key',
    },
  },
  {
    version: 2,
    description: 'Count talents by status cheaply; list the history of one record.',
    stores: {
      // `status`: the dashboard counts in-library / moved-out talents with index-only `count()`.
      talents: 'id, &[idType+idNumber], name, updatedAt, importBatchId, status',
      // `[entity+entityId]`: the history of one record, e.g. everything that happened to one talent.
      auditLog: '++id, at, [entity+entityId]',
    },
    async upgrade(transaction) {
      await transaction.table<StoredObject, string>('talents').toCollection().modify(upgradeTalentToV2);
      await transaction.table<StoredObject, number>('auditLog').toCollection().modify(upgradeAuditEntryToV2);
    },
  },
  {
    version: 3,
    description: 'Import batches (undo, same-file check), before-images of updated records, remembered column mappings.',
    stores: {
      // `fileSha256`: "this file was already imported on …". `committedAt`: the history list, newest first.
      importBatches: 'id, fileSha256, committedAt',
      // One row per talent an import changed: its record as it was, so undoing the batch restores it
      //   exactly. Primary key `${batchId}|${talentId}`; `batchId` finds a batch's rows.
      importBeforeImages: 'id, batchId',
      // Column mappings the clerk corrected, per import kind and header layout (a base sends the same layout).
      importMappings: 'id, kind',
    },
  },
  {
    version: 4,
    description: 'Training bases by code, roster batches, title applications with their state history, review batches, title certificates, holiday calendars, report snapshots.',
    stores: {
      // `&code`: 基地编号 is unique. Bases are few (about 20); `name` keeps the registry ordered.
      trainingBases: 'id, &code, name',
      // `batchKey` (base code | programme | level | 批次): a resubmission of the same batch finds the
      //   roster it replaces. `submittedAt`: newest submissions first.
      rosters: 'id, baseId, batchKey, submittedAt',
      // `status`: the 工作台 counts the title pipeline per state; `reviewBatchId`: a batch's applications.
      certificationApplications: 'id, talentId, updatedAt, status, reviewBatchId',
      // One row per state change of an application: its full history in order.
      applicationTransitions: 'id, applicationId, at',
      reviewBatches: 'id, year',
      // `&numberKey` (`${year}|${number}`): a certificate number is unique within its year.
      titleCertificates: 'id, talentId, applicationId, &numberKey',
      // Chinese public holidays and make-up workdays, one record per year (importable for a new year).
      holidayCalendars: 'year',
      // Frozen annual reports: figures, definitions and the data checksum at the time.
      reportSnapshots: 'id, year',
    },
  },
];

/** The schema version a fully upgraded database has. */
export const CURRENT_SCHEMA_VERSION = schemaVersions[schemaVersions.length - 1]?.version ?? 0;

/** Something with Dexie's `version()` method (a Dexie instance). */
interface VersionedDatabase {
  version(versionNumber: number): {
    stores(schema: { [tableName: string]: string | null }): {
      upgrade(fn: (transaction: Transaction) => PromiseLike<unknown> | void): unknown;
    };
  };
}

/** Declares the given versions on a Dexie instance, in order. Tests pass a prefix of the list. */
export function applySchema(database: VersionedDatabase, versions: readonly SchemaVersion[] = schemaVersions): void {
  let previous = 0;
  for (const entry of versions) {
    if (!Number.isInteger(entry.version) || entry.version <= previous) {
      throw new Error(`Schema versions must be increasing whole numbers: ${entry.version} after ${previous}`);
    }
    previous = entry.version;
    const declared = database.version(entry.version).stores({ ...entry.stores });
    if (entry.upgrade) declared.upgrade(entry.upgrade);
  }
}
