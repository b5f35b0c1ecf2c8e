/**
 * What can be imported (or checked) from a spreadsheet: per kind, the field table that maps the
 * columns, the header fields that identify the data sheet, and the row validator.
 */
import { applicationFields } from '../certification/applicationFields';
import type { FieldDef } from '../fields/fieldTypes';
import { rosterFields } from '../roster/rosterFields';
import { validateRosterRow } from '../roster/validateRosterRow';
import { talentFields } from '../talent/talentFields';
import type { ValidationIssue } from '../validation/issues';
import type { RawRecord, ValidateRecordOptions } from '../validation/validateRecord';
import { validateTalentInput } from '../validation/validateTalent';
import { validateApplicationRow } from './applicationRows';

/** What the app's import wizard reads and commits: a training roster (培训花名册) or talent records (人才信息). */
export type ImportKind = 'roster' | 'talents';

/** Every import kind, for menus. */
export const IMPORT_KINDS: readonly ImportKind[] = ['roster', 'talents'];

/**
 * What the pipeline and the file checker can read: the import kinds plus the 职称申报汇总表
 * (`certifications`, title applications; checked, not yet imported by the wizard).
 */
export type CheckKind = ImportKind | 'certifications';

/** Every kind the file checker accepts (`--kind`). */
export const CHECK_KINDS: readonly CheckKind[] = [...IMPORT_KINDS, 'certifications'];

/** What the pipeline passes to a row validator. */
export type RowValidatorOptions = Pick<ValidateRecordOptions, 'today' | 'dateFormattedKeys'>;

/** Everything the pipeline needs to know about one import kind. */
export interface ImportKindSpec {
  kind: CheckKind;
  /** Chinese name for messages (花名册, 人才信息). */
  labelZh: string;
  fields: readonly FieldDef[];
  /** Fields a header row must map for its sheet to be the data sheet: 姓名 and the document number. */
  headerKeys: readonly string[];
  /** Field keys of the document type and number, for duplicates within the file. */
  idTypeKey: string;
  idNumberKey: string;
  /** Validates one row keyed by field key; `record` holds the normalised values. */
  validateRow(raw: RawRecord, opts: RowValidatorOptions): { record: object; issues: ValidationIssue[] };
}

const specs: Readonly<Record<CheckKind, ImportKindSpec>> = {
  roster: {
    kind: 'roster',
    labelZh: '培训花名册',
    fields: rosterFields,
    headerKeys: ['name', 'idNumber'],
    idTypeKey: 'idType',
    idNumberKey: 'idNumber',
    validateRow: (raw, opts) => validateRosterRow(raw, opts),
  },
  talents: {
    kind: 'talents',
    labelZh: '人才信息表',
    fields: talentFields,
    headerKeys: ['name', 'idNumber'],
    idTypeKey: 'idType',
    idNumberKey: 'idNumber',
    validateRow: (raw, opts) => validateTalentInput(raw, opts),
  },
  certifications: {
    kind: 'certifications',
    labelZh: '职称申报汇总表',
    fields: applicationFields,
    headerKeys: ['name', 'idNumber'],
    // The form has no 证件类型 column: every number is a 居民身份证 (the duplicate key's default).
    idTypeKey: 'idType',
    idNumberKey: 'idNumber',
    validateRow: (raw, opts) => validateApplicationRow(raw, opts),
  },
};

/** The spec of an import kind. */
export function importKindSpec(kind: CheckKind): ImportKindSpec {
  return specs[kind];
}

/** True when `value` names an import kind (for URL and message input). */
export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** True when `value` names a kind the checker reads (command-line `--kind`). */
export function isCheckKind(value: string): value is CheckKind {
  return (CHECK_KINDS as readonly string[]).includes(value);
}
