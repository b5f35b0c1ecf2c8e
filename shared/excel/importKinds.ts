/**
 * What can be imported (or checked) from a spreadsheet: per kind, the field table that maps the
 * columns, the header fields that identify the data sheet, and the row validator.
 */
import type { FieldDef } from '../fields/fieldTypes';
import { rosterFields } from '../roster/rosterFields';
import { validateRosterRow } from '../roster/validateRosterRow';
import { talentFields } from '../talent/talentFields';
import type { ValidationIssue } from '../validation/issues';
import type { RawRecord, ValidateRecordOptions } from '../validation/validateRecord';
import { validateTalentInput } from '../validation/validateTalent';

/** What a file holds: a training roster (培训花名册) or talent records (人才信息). */
export type ImportKind = 'roster' | 'talents';

/** Every import kind, for argument checks and menus. */
export const IMPORT_KINDS: readonly ImportKind[] = ['roster', 'talents'];

/** What the pipeline passes to a row validator. */
export type RowValidatorOptions = Pick<ValidateRecordOptions, 'today' | 'dateFormattedKeys'>;

/** Everything the pipeline needs to know about one import kind. */
export interface ImportKindSpec {
  kind: ImportKind;
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

const specs: Readonly<Record<ImportKind, ImportKindSpec>> = {
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
};

/** The spec of an import kind. */
export function importKindSpec(kind: ImportKind): ImportKindSpec {
  return specs[kind];
}

/** True when `value` names an import kind (for command-line and message input). */
export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}
