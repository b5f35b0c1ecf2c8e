/**
 * Row-level half of the import pipeline: every data row of the data sheet is turned into a record
 * keyed by field, validated by its kind's validator, and checked for duplicates within the file.
 * Kept compact for 300,000-row files: one small object per row, issues only where there are any.
 */
import type { FieldDef, FieldType } from '../fields/fieldTypes';
import { talentIdentityKey } from '../identity/documents';
import type { IdDocumentType } from '../talent/talent';
import { duplicateInFileIssue } from '../validation/duplicates';
import type { IssueCode, IssueSeverity, ValidationIssue } from '../validation/issues';
import type { RawCellValue } from '../validation/validateRecord';
import { cellIsBlank, cellIsDateFormatted, cellText, DATE_1904_OFFSET_DAYS, type GridCell, type GridRow, type SheetGrid } from './grid';
import type { ColumnMapping } from './headerMapping';
import type { ImportKindSpec } from './importKinds';
import { dataRowIndexes } from './sheetLayout';

/** One issue as the file checker prints it. */
export interface ImportIssue {
  /** 1-based sheet row. */
  row: number;
  /** Field key, `''` for the whole row. */
  field: string;
  /** Header text of the field's column in the file. */
  column: string;
  code: IssueCode;
  severity: IssueSeverity;
  /** The cell as the user sees it (its displayed text); '' for a blank cell. */
  value: string;
  message: string;
  messageEn: string;
}

/** One data row's outcome, kept only when asked for (the app's import needs it, the checker does not). */
export interface ImportedRow {
  /** 1-based sheet row. */
  row: number;
  /** Normalised values from the kind's validator (a TalentDraft for talents, a RosterRecord for rosters). */
  record: object;
  valid: boolean;
}

/** Counts and issues of all data rows. */
export interface RowsValidation {
  /** Non-blank data rows. */
  rows: number;
  valid: number;
  invalid: number;
  issues: ImportIssue[];
  /** Present when `keepRecords` was set. */
  records?: ImportedRow[];
}

/** Options of {@link validateRows}. */
export interface ValidateRowsOptions {
  /** `YYYY-MM-DD` for "not in the future" rules. */
  today?: string;
  /** Keep every row's normalised record (for the app's import). Default false. */
  keepRecords?: boolean;
  /** Called every {@link PROGRESS_EVERY_ROWS} rows and at the end. */
  onProgress?: (doneRows: number, totalRows: number) => void;
  /** More data rows than this: nothing is validated and `'tooManyRows'` comes back. */
  maxDataRows?: number;
  /** Date cells hold 1904-system serials (the workbook's date1904 flag). */
  date1904?: boolean;
}

/** Rows between two progress calls. */
export const PROGRESS_EVERY_ROWS = 5000;

/** Field types whose validators read a number cell's value (not its displayed text). */
const NUMBER_READING_TYPES: ReadonlySet<FieldType> = new Set(['date', 'month', 'number', 'integer', 'phone', 'idNumber']);
const NO_DATE_FORMATTED_KEYS: ReadonlySet<string> = new Set();

/** What a cell passes to validation: numbers stay numbers where the field reads numbers, otherwise the displayed text. */
export function rawCellValue(cell: GridCell | undefined, field: FieldDef): RawCellValue {
  if (cell === undefined || cellIsBlank(cell)) return undefined;
  if (cell.t === 'n' && typeof cell.v === 'number') {
    // A document number in a number cell goes to the identity check as the number: from 16 digits
    // on it is refused as ID_NUMERIC (digits lost), never "repaired".
    if (NUMBER_READING_TYPES.has(field.type)) return cell.v;
    return cellText(cell);
  }
  if (cell.t === 'b' && field.type === 'boolean' && typeof cell.v === 'boolean') return cell.v;
  return cellText(cell);
}

interface DuplicateCandidate {
  row: number;
  idType: string;
  idNumber: string;
}

/**
 * Rows whose (document type, normalised number) appeared on an earlier row: each later occurrence
 * with the row it repeats. The key follows {@link talentIdentityKey} (15-digit IDs upgraded).
 */
export function findDuplicatesInFile(candidates: readonly DuplicateCandidate[]): Array<{ row: number; firstRow: number }> {
  const firstRows = new Map<string, number>();
  const duplicates: Array<{ row: number; firstRow: number }> = [];
  for (const candidate of candidates) {
    const key = talentIdentityKey(candidate.idType as IdDocumentType, candidate.idNumber);
    const first = firstRows.get(key);
    if (first === undefined) firstRows.set(key, candidate.row);
    else duplicates.push({ row: candidate.row, firstRow: first });
  }
  return duplicates;
}

interface MappedColumn {
  field: FieldDef;
  column: number;
  header: string;
}

interface MappedColumns {
  columns: MappedColumn[];
  byKey: ReadonlyMap<string, MappedColumn>;
}

function mappedColumns(mapping: ColumnMapping, spec: ImportKindSpec): MappedColumns {
  const columns: MappedColumn[] = [];
  for (const field of spec.fields) {
    const mapped = mapping.fields.get(field.key);
    if (mapped) columns.push({ field, column: mapped.column, header: mapped.header });
  }
  return { columns, byKey: new Map(columns.map((entry) => [entry.field.key, entry])) };
}

/** Options of {@link revalidateRow}. */
export interface RevalidateRowOptions {
  today?: string;
  /** The workbook's date1904 flag. */
  date1904?: boolean;
}

/** Reads one row's cells into field-keyed raw values and runs the kind's validator. */
function validateCells(cells: GridRow, columns: readonly MappedColumn[], spec: ImportKindSpec, opts: RevalidateRowOptions): { record: object; issues: ValidationIssue[] } {
  // Keys come from the field table only, never from the file.
  const raw: Record<string, RawCellValue> = {};
  let dateFormattedKeys: Set<string> | undefined;
  for (const { field, column } of columns) {
    const cell = cells[column];
    let value = rawCellValue(cell, field);
    if (value === undefined) continue;
    if ((field.type === 'date' || field.type === 'month') && cellIsDateFormatted(cell)) {
      (dateFormattedKeys ??= new Set()).add(field.key);
      if (opts.date1904 && typeof value === 'number') value += DATE_1904_OFFSET_DAYS;
    }
    raw[field.key] = value;
  }
  return spec.validateRow(raw, { today: opts.today, dateFormattedKeys: dateFormattedKeys ?? NO_DATE_FORMATTED_KEYS });
}

/**
 * The duplicate key of a validated row ({@link talentIdentityKey} of its document type and number),
 * or undefined when the number or type has an error (such rows take no part in duplicates).
 */
export function duplicateKeyOf(record: object, issues: ReadonlyArray<{ field: string; severity: IssueSeverity }>, spec: ImportKindSpec): string | undefined {
  if (issues.some((issue) => issue.severity === 'error' && (issue.field === spec.idNumberKey || issue.field === spec.idTypeKey))) return undefined;
  const values = record as Record<string, unknown>;
  const idNumber = values[spec.idNumberKey];
  if (typeof idNumber !== 'string' || idNumber === '') return undefined;
  const idType = values[spec.idTypeKey];
  return talentIdentityKey(typeof idType === 'string' && idType !== '' ? (idType as IdDocumentType) : 'resident', idNumber);
}

/** Sorts a row's issues left to right and converts them; `valid` is false when any is an error. */
function finishRow(rowIssues: ValidationIssue[], rowNumber: number, cells: GridRow, byKey: ReadonlyMap<string, MappedColumn>): { issues: ImportIssue[]; valid: boolean } {
  if (rowIssues.length > 1) rowIssues.sort((a, b) => columnOrder(a.field, byKey) - columnOrder(b.field, byKey));
  let valid = true;
  const issues: ImportIssue[] = [];
  for (const issue of rowIssues) {
    if (issue.severity === 'error') valid = false;
    issues.push(toImportIssue(issue, rowNumber, cells, byKey));
  }
  return { issues, valid };
}

/**
 * Validates every data row of `sheet` from `dataStartIndex` (the row after the header block) with
 * the kind's validator, adds DUPLICATE_IN_FILE to every repeat of a document number (rows whose
 * number is invalid or numeric take no part), and counts valid and invalid rows. Returns
 * `'tooManyRows'` without validating when there are more than `maxDataRows` data rows.
 */
export function validateRows(
  sheet: SheetGrid,
  dataStartIndex: number,
  mapping: ColumnMapping,
  spec: ImportKindSpec,
  opts: ValidateRowsOptions = {},
): RowsValidation | 'tooManyRows' {
  const { columns, byKey } = mappedColumns(mapping, spec);
  const idNumberField = spec.fields.find((field) => field.key === spec.idNumberKey);
  const rowIndexes = dataRowIndexes(sheet, dataStartIndex, mapping.serialColumn);
  if (opts.maxDataRows !== undefined && rowIndexes.length > opts.maxDataRows) return 'tooManyRows';
  const issues: ImportIssue[] = [];
  const records: ImportedRow[] | undefined = opts.keepRecords ? [] : undefined;
  const firstRows = new Map<string, number>();
  let valid = 0;
  let done = 0;

  for (const rowIndex of rowIndexes) {
    const cells = sheet.rows[rowIndex] ?? [];
    const rowNumber = rowIndex + 1;
    const { record, issues: rowIssues } = validateCells(cells, columns, spec, opts);
    const key = idNumberField ? duplicateKeyOf(record, rowIssues, spec) : undefined;
    if (key !== undefined && idNumberField) {
      const first = firstRows.get(key);
      if (first === undefined) firstRows.set(key, rowNumber);
      else rowIssues.push(duplicateInFileIssue(idNumberField, first));
    }
    const finished = finishRow(rowIssues, rowNumber, cells, byKey);
    for (const issue of finished.issues) issues.push(issue);
    if (finished.valid) valid += 1;
    records?.push({ row: rowNumber, record, valid: finished.valid });
    done += 1;
    if (opts.onProgress && done % PROGRESS_EVERY_ROWS === 0) opts.onProgress(done, rowIndexes.length);
  }
  opts.onProgress?.(rowIndexes.length, rowIndexes.length);
  const result: RowsValidation = { rows: rowIndexes.length, valid, invalid: rowIndexes.length - valid, issues };
  if (records) result.records = records;
  return result;
}

/** One row validated on its own (after the user edited it), duplicates not yet considered. */
export interface RowOutcome {
  /** 1-based sheet row. */
  row: number;
  record: object;
  issues: ImportIssue[];
  valid: boolean;
}

/**
 * Validates one row again (e.g. after the user edited its cells in the grid), exactly as
 * {@link validateRows} does but without DUPLICATE_IN_FILE; run {@link recomputeDuplicatesInFile}
 * over all rows afterwards.
 */
export function revalidateRow(sheet: SheetGrid, rowIndex: number, mapping: ColumnMapping, spec: ImportKindSpec, opts: RevalidateRowOptions = {}): RowOutcome {
  const { columns, byKey } = mappedColumns(mapping, spec);
  const cells = sheet.rows[rowIndex] ?? [];
  const { record, issues } = validateCells(cells, columns, spec, opts);
  const finished = finishRow(issues, rowIndex + 1, cells, byKey);
  return { row: rowIndex + 1, record, issues: finished.issues, valid: finished.valid };
}

/**
 * Re-derives DUPLICATE_IN_FILE over all rows (in row order) after some changed: old duplicate
 * issues are dropped, every repeat of a key gets one naming the first row, and `valid` is
 * recomputed. Returns a new array; rows whose issues did not change are returned as they were.
 */
export function recomputeDuplicatesInFile(rows: readonly RowOutcome[], sheet: SheetGrid, mapping: ColumnMapping, spec: ImportKindSpec): RowOutcome[] {
  const { byKey } = mappedColumns(mapping, spec);
  const idNumberField = spec.fields.find((field) => field.key === spec.idNumberKey);
  const firstRows = new Map<string, number>();
  return rows.map((outcome) => {
    const kept = outcome.issues.filter((issue) => issue.code !== 'DUPLICATE_IN_FILE');
    const key = idNumberField ? duplicateKeyOf(outcome.record, kept, spec) : undefined;
    let duplicateOf: number | undefined;
    if (key !== undefined) {
      duplicateOf = firstRows.get(key);
      if (duplicateOf === undefined) firstRows.set(key, outcome.row);
    }
    const hadDuplicate = kept.length !== outcome.issues.length;
    if (duplicateOf === undefined && !hadDuplicate) return outcome;
    const issues = [...kept];
    if (duplicateOf !== undefined && idNumberField) {
      issues.push(toImportIssue(duplicateInFileIssue(idNumberField, duplicateOf), outcome.row, sheet.rows[outcome.row - 1] ?? [], byKey));
      issues.sort((a, b) => columnOrder(a.field, byKey) - columnOrder(b.field, byKey));
    }
    return { ...outcome, issues, valid: !issues.some((issue) => issue.severity === 'error') };
  });
}

/** Issues of a row are listed left to right; issues about unmapped fields (defaults) come last. */
function columnOrder(field: string, columnByKey: ReadonlyMap<string, { column: number }>): number {
  return columnByKey.get(field)?.column ?? Number.MAX_SAFE_INTEGER;
}

function toImportIssue(
  issue: ValidationIssue,
  row: number,
  cells: ReadonlyArray<GridCell | undefined>,
  columnByKey: ReadonlyMap<string, { column: number; header: string }>,
): ImportIssue {
  const column = columnByKey.get(issue.field);
  return {
    row,
    field: issue.field,
    column: column?.header ?? '',
    code: issue.code,
    severity: issue.severity,
    value: column ? cellText(cells[column.column]) : (issue.value ?? ''),
    message: issue.message,
    messageEn: issue.messageEn,
  };
}
