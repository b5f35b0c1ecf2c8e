/**
 * The annotated error report a clerk sends back to a training base: the original rows as they
 * were read, plus a 错误说明 column holding every message of the row; each bad cell is filled red
 * and carries its messages as a cell comment. Values are written verbatim (a base must see what
 * it sent; strings are never written as formulas) and unmasked (the base needs the full numbers
 * to correct them).
 */
import { displayWidth } from './cellValues';
import { MAX_CELL_TEXT, writeXlsx, type CellComment, type CellStyleName, type CellValue, type SheetColumn } from './xlsxWriter';

export interface ErrorReportIssue {
  /** 0-based column of `cells`/`headers`; null for a problem of the whole row (e.g. a duplicate). */
  column: number | null;
  /** Stable issue code (kept for callers; not written). */
  code: string;
  /** Chinese message, as shown in the import wizard. */
  message: string;
}

export interface ErrorReportRow {
  /** 1-based row number in the original sheet. */
  sheetRow: number;
  cells: readonly (string | number | null)[];
  issues: readonly ErrorReportIssue[];
}

export interface ErrorReportInput {
  /** Original file name, e.g. `花名册-3月.xlsx`. */
  fileName: string;
  /** Original data sheet name. */
  sheetName: string;
  /** 1-based row number of the header row in the original sheet. */
  headerRow: number;
  headers: readonly string[];
  rows: readonly ErrorReportRow[];
  /** Training base name and import batch label, for the file name. */
  baseName?: string;
  batch?: string;
}

/** Header of the added column with the row's messages. */
export const ERROR_COLUMN_HEADER = '错误说明';
/** Header of the added column with the original sheet row number. */
export const SOURCE_ROW_HEADER = '原表行号';

// eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;

function fileNamePart(text: string): string {
  return text.replace(FILE_NAME_FORBIDDEN, '_').trim();
}

/** `<基地>_<批次>_错误报告.xlsx` when known, else `<原文件名>_错误报告.xlsx`. */
export function errorReportFileName(input: Pick<ErrorReportInput, 'fileName' | 'baseName' | 'batch'>): string {
  const parts = [input.baseName, input.batch].map((part) => fileNamePart(part ?? '')).filter((part) => part !== '');
  if (parts.length === 0) {
    const stem = fileNamePart(input.fileName.replace(/\.[^.]*$/, ''));
    parts.push(stem === '' ? '导入' : stem);
  }
  return `${parts.join('_')}_错误报告.xlsx`;
}

function reportSheetName(original: string): string {
  const cleaned = original.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31);
  return cleaned === '' || cleaned === '错误说明' ? '错误报告' : cleaned;
}

function cellWidth(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return displayWidth(typeof value === 'string' ? value : String(value));
}

/** Writes the error report workbook. */
export async function writeErrorReport(input: ErrorReportInput): Promise<Uint8Array> {
  const width = Math.max(input.headers.length, ...input.rows.map((row) => row.cells.length));
  const headers: string[] = [];
  for (let column = 0; column < width; column += 1) headers.push(input.headers[column] ?? '');
  const errorColumn = width;
  const rows: CellValue[][] = [[...headers, ERROR_COLUMN_HEADER, SOURCE_ROW_HEADER]];
  const cellStyles = new Map<number, Map<number, CellStyleName>>();
  const comments: CellComment[] = [];
  const widths = headers.map((header) => displayWidth(header));

  input.rows.forEach((row, index) => {
    const sheetRowIndex = index + 1;
    const cells: CellValue[] = [];
    for (let column = 0; column < width; column += 1) {
      const value = row.cells[column] ?? null;
      cells.push(value);
      if (index < 200) widths[column] = Math.max(widths[column] ?? 0, cellWidth(value));
    }
    const messagesByColumn = new Map<number, string[]>();
    for (const issue of row.issues) {
      if (issue.column === null || issue.column < 0 || issue.column >= width) continue;
      const list = messagesByColumn.get(issue.column);
      if (list) list.push(issue.message);
      else messagesByColumn.set(issue.column, [issue.message]);
    }
    const styles = new Map<number, CellStyleName>();
    for (const [column, messages] of messagesByColumn) {
      styles.set(column, typeof row.cells[column] === 'number' ? 'error' : 'errorText');
      comments.push({ row: sheetRowIndex, column, text: [...new Set(messages)].join('\n') });
    }
    const explanation = [...new Set(row.issues.map((issue) => issue.message))].join('；');
    styles.set(errorColumn, 'wrap');
    cellStyles.set(sheetRowIndex, styles);
    rows.push([...cells, explanation.slice(0, MAX_CELL_TEXT), row.sheetRow]);
  });

  const columns: SheetColumn[] = widths.map((value) => ({ width: Math.min(40, Math.max(8, value + 2)) }));
  columns.push({ width: 50 }, { width: 10 });
  return writeXlsx({
    sheets: [{ name: reportSheetName(input.sheetName), columns, rows, headerRows: 1, freezeRows: 1, cellStyles, comments }],
  });
}
