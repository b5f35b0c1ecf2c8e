/**
 * The workbook as the import pipeline sees it: sheets of rows of cells, format-independent.
 * Cells are SheetJS cell objects (dense mode) used as they are — copying 300,000 rows into another
 * shape would double the memory — so this type is the structural subset the pipeline reads.
 */
import * as XLSX from 'xlsx';
import type { TextEncodingName } from './textDecoding';

/** The spreadsheet format reported to the user (xlsb and xlsm count as xlsx; SpreadsheetML 2003 as xls). */
export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'html' | 'csv';

/** SheetJS cell types: number, string, boolean, error, date, stub. */
export type GridCellType = 'n' | 's' | 'b' | 'e' | 'd' | 'z';

/** One cell: its type, raw value, displayed text and number format. */
export interface GridCell {
  t: GridCellType;
  /** Raw value. */
  v?: string | number | boolean | Date;
  /** Displayed text (Excel's formatting of `v`). */
  w?: string;
  /** Number format, when the reader kept it. */
  z?: string | number;
}

/** One row of cells; index 0 is column A, holes are empty cells. */
export type GridRow = ReadonlyArray<GridCell | undefined>;

/** One worksheet. */
export interface SheetGrid {
  name: string;
  /** Hidden or very hidden in the workbook. */
  hidden: boolean;
  /** Index 0 is sheet row 1; holes are empty rows. */
  rows: ReadonlyArray<GridRow | undefined>;
}

/** Recognised `_tl_meta` sheet of a workbook made from one of our templates. */
export interface TemplateMeta {
  kind: string;
  version: string;
}

/** A whole workbook, whatever format it came in. */
export interface WorkbookGrid {
  format: SpreadsheetFormat;
  /** Only for CSV (and HTML): the text encoding that decoded the file. */
  encoding?: TextEncodingName;
  sheets: SheetGrid[];
  template?: TemplateMeta;
  /** The workbook counts date serials from 1904 (old Mac Excel): serial 0 = 1904-01-01. */
  date1904?: boolean;
}

/** Days between the 1900 and 1904 date systems' serial 0: add to a 1904 serial to get the 1900 one. */
export const DATE_1904_OFFSET_DAYS = 1462;

/** The text a user sees in the cell (Excel's formatted text), '' for an empty cell. */
export function cellText(cell: GridCell | undefined): string {
  if (cell === undefined) return '';
  if (cell.t === 's') return typeof cell.v === 'string' ? cell.v : (cell.w ?? '');
  if (cell.t === 'z') return '';
  if (cell.w !== undefined) return cell.w;
  if (cell.v === undefined) return '';
  if (cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  return String(cell.v);
}

/** True for a cell with nothing but white space in it. */
export function cellIsBlank(cell: GridCell | undefined): boolean {
  if (cell === undefined || cell.t === 'z') return true;
  if (cell.t === 's') return typeof cell.v !== 'string' || cell.v.trim() === '';
  return cell.v === undefined && (cell.w === undefined || cell.w.trim() === '');
}

const dateFormatCache = new Map<string, boolean>();
const ssf = XLSX.SSF as { is_date(format: string | number): boolean };

/** True when a numeric cell carries a date number format (so its number is a 1900-system serial). */
export function cellIsDateFormatted(cell: GridCell | undefined): boolean {
  if (cell === undefined || cell.t !== 'n' || cell.z === undefined) return false;
  const key = String(cell.z);
  let known = dateFormatCache.get(key);
  if (known === undefined) {
    try {
      known = ssf.is_date(cell.z);
    } catch {
      known = false;
    }
    dateFormatCache.set(key, known);
  }
  return known;
}

/** Name of the hidden sheet that marks a workbook made from one of our templates. */
export const TEMPLATE_META_SHEET = '_tl_meta';

/**
 * The rows a template writer puts into the `_tl_meta` sheet (column A key, column B value), so the
 * reader recognises the template's kind and version.
 */
export function templateMetaRows(meta: TemplateMeta): string[][] {
  return [
    ['kind', meta.kind],
    ['version', meta.version],
  ];
}

/** Reads the `_tl_meta` sheet written from {@link templateMetaRows}; undefined when absent or unreadable. */
export function readTemplateMeta(sheets: readonly SheetGrid[]): TemplateMeta | undefined {
  const sheet = sheets.find((candidate) => candidate.name === TEMPLATE_META_SHEET);
  if (!sheet) return undefined;
  let kind = '';
  let version = '';
  for (const row of sheet.rows) {
    if (!row) continue;
    const key = cellText(row[0]).trim();
    const value = cellText(row[1]).trim();
    if (key === 'kind') kind = value;
    if (key === 'version') version = value;
  }
  return kind ? { kind, version } : undefined;
}
