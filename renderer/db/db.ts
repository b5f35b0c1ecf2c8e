/** The app's IndexedDB database (Dexie). All storage goes through this one class; the schema history is in schema.ts. */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { Talent } from '../../shared/talent/talent';
import { applySchema, schemaVersions, type SchemaVersion } from './schema';
import type {
  ApplicationTransition,
  AuditEntry,
  CertificationApplication,
  Enrollment,
  HolidayCalendarRecord,
  ImportBatch,
  ImportBeforeImage,
  ImportMappingPreset,
  ReportSnapshot,
  ReviewBatch,
  Roster,
  SettingRecord,
  TitleCertificate,
  TrainingBase,
} from './types';

/**
 * IndexedDB name. Never change it (nor the app's origin) after release without a data migration:
 * the database lives under origin + name, and a new name looks like an empty app to the user.
 */
export const DATABASE_NAME = 'talentledger';

/** The typed database. Tables with UUID keys require the id on insert; auditLog's id is assigned. */
export class TalentLedgerDB extends Dexie {
  declare talents: EntityTable<Talent, 'id', Talent>;
  declare certificationApplications: EntityTable<CertificationApplication, 'id', CertificationApplication>;
  declare trainingBases: EntityTable<TrainingBase, 'id', TrainingBase>;
  declare rosters: EntityTable<Roster, 'id', Roster>;
  declare enrollments: EntityTable<Enrollment, 'id', Enrollment>;
  declare auditLog: EntityTable<AuditEntry, 'id'>;
  declare settings: EntityTable<SettingRecord, 'key', SettingRecord>;
  declare importBatches: EntityTable<ImportBatch, 'id', ImportBatch>;
  declare importBeforeImages: EntityTable<ImportBeforeImage, 'id', ImportBeforeImage>;
  declare importMappings: EntityTable<ImportMappingPreset, 'id', ImportMappingPreset>;
  declare applicationTransitions: EntityTable<ApplicationTransition, 'id', ApplicationTransition>;
  declare reviewBatches: EntityTable<ReviewBatch, 'id', ReviewBatch>;
  declare titleCertificates: EntityTable<TitleCertificate, 'id', TitleCertificate>;
  declare holidayCalendars: EntityTable<HolidayCalendarRecord, 'year', HolidayCalendarRecord>;
  declare reportSnapshots: EntityTable<ReportSnapshot, 'id', ReportSnapshot>;

  /**
   * @param name database name; tests pass their own.
   * @param options Dexie options, e.g. `{ indexedDB, IDBKeyRange }` from fake-indexeddb.
   * @param versions schema versions to declare; tests pass an old prefix to build old databases.
   */
  constructor(name: string = DATABASE_NAME, options?: DexieOptions, versions: readonly SchemaVersion[] = schemaVersions) {
    super(name, options);
    applySchema(this, versions);
  }
}

/** The names of the tables, for backup/restore and "clear all data". */
export const TABLE_NAMES = [
  'talents',
  'certificationApplications',
  'trainingBases',
  'rosters',
  'enrollments',
  'auditLog',
  'settings',
  'importBatches',
  'importBeforeImages',
  'importMappings',
  'applicationTransitions',
  'reviewBatches',
  'titleCertificates',
  'holidayCalendars',
  'reportSnapshots',
] as const satisfies readonly (keyof TalentLedgerDB)[];

export type TableName = (typeof TABLE_NAMES)[number];

let sharedDatabase: TalentLedgerDB | undefined;

/** The app's one database instance (created lazily so importing this module opens nothing). */
export function getDatabase(): TalentLedgerDB {
  sharedDatabase ??= new TalentLedgerDB();
  return sharedDatabase;
}
