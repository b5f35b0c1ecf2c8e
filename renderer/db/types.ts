/**
 * Stored record types for the entities whose domain design comes in later issues. They hold only
 * what links records together (ids, talentId, timestamps); later issues extend them and add a new
 * schema version in schema.ts when an index changes.
 */
import type { Talent } from '../../shared/talent/talent';
import type { TrainingBaseData } from '../../shared/bases/trainingBase';
import type { EnrollmentData, RosterData } from '../../shared/roster/roster';
import type { Language } from '../i18n/types';
import type { AnnualReport, ReportFigure } from '../../shared/report/snapshot';
import type { ReportTargets } from '../../shared/report/model';
import type { ApplicationData } from '../../shared/certification/application';
import type { TitleCertificateData } from '../../shared/certification/certificate';
import type { TitleRuleTable } from '../../shared/certification/eligibility';
import type { PassFraction } from '../../shared/certification/committee';
import type { TransitionRecord } from '../../shared/certification/stateMachine';

/** Fields every stored entity carries. Timestamps are ISO strings (UTC). */
export interface StoredEntity {
  /** Primary key, a UUID (`crypto.randomUUID()`). */
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** 职称申报: one application of one talent for one title level (shared/certification/application.ts). */
export interface CertificationApplication extends StoredEntity, ApplicationData {}

/** 培训基地 (shared/bases/trainingBase.ts); 基地编号 `code` is unique (index `&code`). */
export interface TrainingBase extends StoredEntity, TrainingBaseData {}

/** 花名册: one submission of one class at one base (shared/roster/roster.ts). */
export interface Roster extends StoredEntity, RosterData {}

/** One trainee on one roster (花名册的一行), linked to the talent record (shared/roster/roster.ts). */
export interface Enrollment extends StoredEntity, EnrollmentData {}

/** One state change of a title application (issue #8 extends it): who, when, from → to, note. */
export interface ApplicationTransition extends TransitionRecord {
  id: string;
  applicationId: string;
}

/** 评审批次: a committee sitting that groups applications. */
export interface ReviewBatch extends StoredEntity {
  /** 评审年度. */
  year: number;
  /** e.g. 2026年度人工智能专业高级职称评审. */
  name: string;
  /** 评审委员会名称. */
  committeeName: string;
  /** Date of the sitting ('' not yet). */
  meetingDate: string;
  /** Members present at the sitting. */
  membersPresent: string[];
  note: string;
}

/** A title certificate (职称证书) issued on 已发证; `numberKey` = `${year}|${number}` is unique (index `&numberKey`). */
export interface TitleCertificate extends StoredEntity, TitleCertificateData {}

/** Public holidays and make-up workdays of one year (`YYYY-MM-DD` strings). */
export interface HolidayCalendarRecord {
  year: number;
  holidays: string[];
  workdays: string[];
  /** Where the data came from: shipped with the app, imported, or edited by hand. */
  source: 'builtin' | 'imported' | 'edited';
  updatedAt: string;
}

/** A frozen annual report (报表快照): figures, definitions and the data's checksum at the time (shared/report). */
export interface ReportSnapshot {
  id: string;
  year: number;
  createdAt: string;
  /** Who froze it (制表人). */
  operator: string;
  /** 填报单位 at the time. */
  unit: string;
  note: string;
  /** 统计口径 as printed then, and its version. */
  definitions: string;
  definitionsVersion: number;
  /** SHA-256 of the report's input data. */
  checksum: string;
  /** The full report as computed then. */
  report: AnnualReport;
  /** Its figures flattened (what a comparison reads). */
  figures: ReportFigure[];
}

/** Audit log actions. `reveal` is showing a masked ID number or phone in full. */
export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'reveal' | 'restore' | 'settings';

/** What an audit entry is about; matches the table names (plus `settings` and `backup`). */
export type AuditEntity =
  | 'talent'
  | 'certificationApplication'
  | 'trainingBase'
  | 'roster'
  | 'enrollment'
  | 'reviewBatch'
  | 'titleCertificate'
  | 'holidayCalendar'
  | 'reportSnapshot'
  | 'settings'
  | 'backup';

/** One field's value before and after a change (`undefined` = the field did not exist). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One audit log entry. Written in the same transaction as the change it records (see audit.ts). */
export interface AuditEntry {
  /** Auto-increment key: gives the log a total order even when two entries share a timestamp. */
  id: number;
  /** ISO timestamp. */
  at: string;
  /** Operator name at the time of the action (from the `operatorName` setting). */
  operator: string;
  action: AuditAction;
  entity: AuditEntity;
  /** Id of the changed record; '' when the entry is about no single record (settings, a whole import). */
  entityId: string;
  changes: FieldChange[];
  note: string;
}

/** The organisation the operator works for: 人社局 or 培训基地. */
export type OperatorRole = 'bureau' | 'base';

/** How ID numbers and phones are masked on screen and in exports: characters kept at each end. */
export interface MaskPattern {
  idNumberKeepStart: number;
  idNumberKeepEnd: number;
  phoneKeepStart: number;
  phoneKeepEnd: number;
}

/** Typed values of the settings table; add a key here to add a setting. */
export interface SettingValues {
  operatorName: string;
  role: OperatorRole;
  language: Language;
  maskPattern: MaskPattern;
  /** Visible list columns per list id (e.g. `talents` → field keys), in display order. */
  listColumns: Record<string, string[]>;
  /** 职称申报资格 rule table (shared/certification/eligibility.ts). */
  titleRules: TitleRuleTable;
  /** 评审结果公示 length in working days. */
  publicityWorkingDays: number;
  /** Whether the start day of a 公示 counts as its day 1. */
  publicityStartCounts: boolean;
  /** Committee pass rule: strictly more than numerator/denominator of the votes. */
  committeePassFraction: PassFraction;
  /** Number format of 初级 certificates (`{year}`, `{seq:N}`). */
  certificateNumberFormat: string;
  /** Programme targets the report and the 工作台 measure against (shared/report). */
  reportTargets: ReportTargets;
  /** 填报单位 printed on the report. */
  reportUnit: string;
  /** Years of 操作日志 kept (older entries are removed after the daily backup); 0 keeps everything. */
  auditRetentionYears: number;
}

export type SettingKey = keyof SettingValues;

/** A row of the settings table. */
export interface SettingRecord<K extends SettingKey = SettingKey> {
  key: K;
  value: SettingValues[K];
}

/** What an import brought in: talents from a talent sheet, or the people of a training roster. */
export type ImportBatchKind = 'talents' | 'roster';

/** How an import treats rows with errors: import the valid ones, or nothing unless every row is valid. */
export type ImportCommitMode = 'validOnly' | 'allOrNothing';

/** Row counts of one committed import. */
export interface ImportBatchCounts {
  /** Data rows in the file. */
  rows: number;
  created: number;
  updated: number;
  /** Rows identical to the stored record (nothing written). */
  unchanged: number;
  /** Rows with errors, not imported. */
  invalid: number;
  /** Name conflicts settled by keeping the registry's name. */
  keptRegistryName: number;
  /** Name conflicts settled by taking the file's name. */
  tookFileName: number;
  /** Rows the clerk chose to leave out (conflicts skipped). */
  skipped: number;
}

/** One import, recorded when it commits; undoing it marks it `undone` (the record stays, for the history). */
export interface ImportBatch {
  id: string;
  kind: ImportBatchKind;
  fileName: string;
  /** Lower-case hex SHA-256 of the file's bytes: the same file imported twice is recognised. */
  fileSha256: string;
  fileSize: number;
  sheet: string;
  headerRow: number;
  mode: ImportCommitMode;
  /** ISO time of the commit; also the `updatedAt` of every record it wrote (undo checks it). */
  committedAt: string;
  operator: string;
  counts: ImportBatchCounts;
  status: 'committed' | 'undone';
  undoneAt?: string;
  undoneBy?: string;
}

/**
 * What an import changed in one talent, as it was before: the prior values of exactly the fields
 * it wrote (including `updatedAt`), so undoing the batch restores the record exactly. Only these
 * fields are kept (not the whole record): 300,000 updated talents then cost a small entry each.
 */
export interface ImportBeforeImageEntry {
  talentId: string;
  /** Field → value before the import. */
  fields: Partial<Record<keyof Talent, unknown>>;
  /** Fields the record did not have before the import (removed again on undo). */
  missing: Array<keyof Talent>;
}

/**
 * The before-images of one commit chunk (up to COMMIT_CHUNK talents) in one row: one IndexedDB
 * write per chunk instead of one per talent (at 300,000 updated talents the per-talent rows alone
 * took a fifth of the import).
 */
export interface ImportBeforeImageChunk {
  /** `${batchId}|#${chunk number, 6 digits}`. */
  id: string;
  batchId: string;
  images: ImportBeforeImageEntry[];
}

/**
 * A before-image as imports wrote it until 2026-11-27, one row per talent: databases and backups
 * of that time still hold them, and undo reads both shapes.
 */
export interface ImportBeforeImagePerTalent extends ImportBeforeImageEntry {
  /** `${batchId}|${talentId}`. */
  id: string;
  batchId: string;
}

/** One row of the importBeforeImages table (key `id`, index `batchId`). */
export type ImportBeforeImage = ImportBeforeImageChunk | ImportBeforeImagePerTalent;

/** One column the clerk mapped by hand, by header text (columns may move between files of the same layout). */
export interface ImportMappingOverride {
  header: string;
  /** Field key, or null for "do not import this column". */
  field: string | null;
}

/** Remembered column mapping for one import kind and header layout. */
export interface ImportMappingPreset {
  /** `${kind}|${headerSignature}`. */
  id: string;
  kind: ImportBatchKind;
  /** The header texts of the file, normalised and joined: the layout. */
  headerSignature: string;
  /** File name stem it was last used with (e.g. the base's name), for the clerk's information. */
  source: string;
  overrides: ImportMappingOverride[];
  updatedAt: string;
}
