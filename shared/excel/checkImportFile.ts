/**
 * The whole import pipeline in one call, shared by the app's import worker and the command-line
 * file checker: bytes → workbook → data sheet and header → column mapping → validated rows.
 * The result's fields are the checker's JSON output, one to one (see {@link checkerJson}).
 */
import { err, ok, type Result } from '../result';
import type { TemplateMeta, SpreadsheetFormat, WorkbookGrid } from './grid';
import { mapColumns, type AmbiguousColumn, type ColumnMapping, type ColumnOverride } from './headerMapping';
import { importFileError, type ImportFileError } from './importErrors';
import { importKindSpec, type CheckKind } from './importKinds';
import { DEFAULT_MAX_DATA_ROWS, readWorkbook, type ReadWorkbookLimits } from './readWorkbook';
import { findDataSheet, findHeaderRow, headerTexts, withSubHeader, type DataSheetLocation } from './sheetLayout';
import type { TextEncodingName } from './textDecoding';
import { validateRows, type ImportedRow, type ImportIssue } from './validateRows';

/** How to locate and validate the data once the workbook is read. */
export interface CheckGridOptions {
  /** Manual column mapping (0-based columns of the header row); applied when locating the header too. */
  overrides?: readonly ColumnOverride[];
  /** The data sheet by name, when the user chose it (otherwise the first visible sheet with a header). */
  sheet?: string;
  /** The header row (1-based), when the user chose it; requires `sheet`. */
  headerRow?: number;
  /** `YYYY-MM-DD` for "not in the future" rules; defaults to today in China. */
  today?: string;
  /** Keep each row's normalised record in `records` (the app's import needs them; the checker does not). */
  keepRecords?: boolean;
  /** Called every few thousand rows while validating (a worker posts it to the UI). */
  onProgress?: (doneRows: number, totalRows: number) => void;
  /** Largest number of data rows accepted. Default 1,000,000. */
  maxDataRows?: number;
}

/** Options of {@link checkImportFile}: reading limits plus {@link CheckGridOptions}. */
export type CheckImportOptions = CheckGridOptions & ReadWorkbookLimits;

/** Outcome of checking a readable file; the first fields are the checker's JSON (see {@link checkerJson}). */
export interface ImportCheckResult {
  file: string;
  kind: CheckKind;
  format: SpreadsheetFormat;
  /** CSV only. */
  encoding?: TextEncodingName;
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Field key → header text, in field-table order. */
  mapping: Record<string, string>;
  /** Non-blank data rows (footers and rows holding only 序号 excluded). */
  rows: number;
  valid: number;
  invalid: number;
  issues: ImportIssue[];
  /** The workbook came from one of our templates. */
  template?: TemplateMeta;
  /** Header cells that map to no field, and those that matched several fields equally (for the mapping screen). */
  unmapped: Array<{ column: number; header: string }>;
  ambiguous: AmbiguousColumn[];
  /** The located mapping with column indexes (pass it to revalidateRow / recomputeDuplicatesInFile). */
  columnMapping: ColumnMapping;
  /** 0-based index of the data sheet in the workbook. */
  sheetIndex: number;
  /** 1-based sheet row where data starts (after a two-row header, two rows below `headerRow`). */
  dataStartRow: number;
  /** Present with `keepRecords`. */
  records?: ImportedRow[];
}

/** The checker's JSON for a readable file: the documented fields only (`template` when present). */
export interface CheckerJson {
  file: string;
  kind: CheckKind;
  format: SpreadsheetFormat;
  encoding?: TextEncodingName;
  sheet: string;
  headerRow: number;
  mapping: Record<string, string>;
  rows: number;
  valid: number;
  invalid: number;
  issues: Array<Omit<ImportIssue, 'messageEn'>>;
  template?: TemplateMeta;
}

/** The checker's JSON for a file that cannot be read. */
export interface CheckerErrorJson {
  file: string;
  error: { code: string; message: string };
}

/**
 * Checks one file of the given kind. File-level refusals (nothing imported) come back as errors:
 * FILE_CORRUPT, FILE_ENCRYPTED, FILE_TOO_LARGE (bytes, uncompressed size or more than
 * `maxDataRows` data rows), FILE_EMPTY, NO_HEADER, UNSUPPORTED_FORMAT.
 */
export async function checkImportFile(bytes: Uint8Array, fileName: string, kind: CheckKind, opts: CheckImportOptions = {}): Promise<Result<ImportCheckResult, ImportFileError>> {
  const grid = await readWorkbook(bytes, fileName, opts);
  if (!grid.ok) return grid;
  return checkWorkbookGrid(grid.value, fileName, kind, opts);
}

/**
 * Locates the data sheet, header row and column mapping: the user's sheet/header row when given
 * (`opts.sheet`, `opts.headerRow`), otherwise the first visible sheet with a header; overrides apply.
 */
export function locateDataSheet(grid: WorkbookGrid, kind: CheckKind, opts: Pick<CheckGridOptions, 'sheet' | 'headerRow' | 'overrides'> = {}): DataSheetLocation | undefined {
  const spec = importKindSpec(kind);
  if (opts.sheet === undefined) return findDataSheet(grid, spec.fields, spec.headerKeys, opts.overrides);
  const sheetIndex = grid.sheets.findIndex((candidate) => candidate.name === opts.sheet);
  const sheet = grid.sheets[sheetIndex];
  if (!sheet) return undefined;
  if (opts.headerRow === undefined) {
    const header = findHeaderRow(sheet, spec.fields, spec.headerKeys, opts.overrides);
    return header ? { ...header, sheetIndex, sheet } : undefined;
  }
  const rowIndex = opts.headerRow - 1;
  const texts = headerTexts(sheet.rows[rowIndex]);
  const mapping = mapColumns(texts, spec.fields, opts.overrides);
  if (!spec.headerKeys.every((key) => mapping.fields.has(key))) return undefined;
  return { ...withSubHeader(sheet, rowIndex, texts, mapping, spec.fields, spec.headerKeys, opts.overrides), sheetIndex, sheet };
}

/**
 * The part of {@link checkImportFile} after reading: synchronous, so a worker can keep the grid and
 * re-run it when the user changes the mapping, sheet or header row without parsing the file again.
 */
export function checkWorkbookGrid(grid: WorkbookGrid, fileName: string, kind: CheckKind, opts: CheckGridOptions = {}): Result<ImportCheckResult, ImportFileError> {
  const spec = importKindSpec(kind);
  const located = locateDataSheet(grid, kind, opts);
  if (!located) return err(importFileError('NO_HEADER'));
  const maxDataRows = opts.maxDataRows ?? DEFAULT_MAX_DATA_ROWS;
  const validation = validateRows(located.sheet, located.dataStartIndex, located.mapping, spec, {
    today: opts.today,
    keepRecords: opts.keepRecords,
    onProgress: opts.onProgress,
    maxDataRows,
    date1904: grid.date1904 ?? false,
  });
  if (validation === 'tooManyRows') {
    return err(importFileError('FILE_TOO_LARGE', `数据超过 ${maxDataRows.toLocaleString('en-US')} 行`, `more than ${maxDataRows} data rows`));
  }
  if (validation.rows === 0) return err(importFileError('FILE_EMPTY', '表头下没有数据行', 'no data rows below the header'));
  const mapping: Record<string, string> = {};
  for (const field of spec.fields) {
    const column = located.mapping.fields.get(field.key);
    if (column) mapping[field.key] = column.header;
  }
  const result: ImportCheckResult = {
    file: fileName,
    kind,
    format: grid.format,
    sheet: located.sheet.name,
    headerRow: located.rowIndex + 1,
    mapping,
    rows: validation.rows,
    valid: validation.valid,
    invalid: validation.invalid,
    issues: validation.issues,
    unmapped: located.mapping.unmapped,
    ambiguous: located.mapping.ambiguous,
    columnMapping: located.mapping,
    sheetIndex: located.sheetIndex,
    dataStartRow: located.dataStartIndex + 1,
  };
  if (grid.format === 'csv' && grid.encoding) result.encoding = grid.encoding;
  if (grid.template) result.template = grid.template;
  if (validation.records) result.records = validation.records;
  return ok(result);
}

/** The checker's `--json` object for a result or a refusal. */
export function checkerJson(fileName: string, result: Result<ImportCheckResult, ImportFileError>): CheckerJson | CheckerErrorJson {
  if (!result.ok) return { file: fileName, error: { code: result.error.code, message: result.error.message } };
  const value = result.value;
  const json: CheckerJson = {
    file: value.file,
    kind: value.kind,
    format: value.format,
    ...(value.encoding ? { encoding: value.encoding } : {}),
    sheet: value.sheet,
    headerRow: value.headerRow,
    mapping: value.mapping,
    rows: value.rows,
    valid: value.valid,
    invalid: value.invalid,
    issues: value.issues.map(({ row, field, column, code, severity, value: cellValue, message }) => ({ row, field, column, code, severity, value: cellValue, message })),
  };
  if (value.template) json.template = value.template;
  return json;
}

/** The checker's exit code: 0 all rows valid, 1 some row has an error, 2 the file cannot be read. */
export function checkerExitCode(result: Result<ImportCheckResult, ImportFileError>): 0 | 1 | 2 {
  if (!result.ok) return 2;
  return result.value.invalid > 0 ? 1 : 0;
}
