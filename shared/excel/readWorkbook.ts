/**
 * Bytes in, sheets of cells out: the format-level half of the import pipeline. Picks the parser by
 * magic bytes, refuses oversized, encrypted, corrupt and empty files with stable codes, and keeps
 * long digit strings as text wherever the file stores them as text (CSV and HTML included).
 */
import * as XLSX from 'xlsx';
import { err, ok, type Result } from '../result';
import { detectFormat } from './format';
import { cellIsBlank, readTemplateMeta, TEMPLATE_META_SHEET, type GridCell, type SheetGrid, type SpreadsheetFormat, type WorkbookGrid } from './grid';
import { importFileError, type ImportFileError } from './importErrors';
import { parseDelimitedText } from './delimitedText';
import { decodeCsvText, type DecodedText } from './textDecoding';
import { inspectZipLimits, repackZipStored, uncompressedTooLarge } from './zip';

/** Limits enforced while reading; files beyond them are refused with FILE_TOO_LARGE. */
export interface ReadWorkbookLimits {
  /** Uncompressed bytes in total (zip formats), or file size (CSV, HTML, xls). Default 500 MiB. */
  maxUncompressedBytes?: number;
  /** Data rows in one sheet. Default 1,000,000. */
  maxDataRows?: number;
}

/** 500 MiB of uncompressed data (or of CSV/HTML text) per file. */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;
/** 1,000,000 data rows per file. */
export const DEFAULT_MAX_DATA_ROWS = 1_000_000;
/** Rows above the data allowed for banners, titles and the header before the row limit counts. */
const HEADER_ROW_ALLOWANCE = 1000;

/** What SheetJS's bundled CFB reader returns; typed narrowly because SheetJS types it as `any`. */
interface CompoundFile {
  FullPaths: string[];
}
const cfb = XLSX.CFB as { read(data: Uint8Array, options: { type: 'array' }): CompoundFile };

const BINARY_READ_OPTIONS = { type: 'array', cellDates: false, cellNF: true, cellText: true, dense: true } as const;

function tooManyRows(maxDataRows: number): ImportFileError {
  return importFileError('FILE_TOO_LARGE', `数据超过 ${maxDataRows.toLocaleString('en-US')} 行`, `more than ${maxDataRows} data rows`);
}

/** Maps a SheetJS exception to a refusal; password and encryption messages mean an encrypted file. */
function readFailure(error: unknown): ImportFileError {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return importFileError('FILE_ENCRYPTED');
  return importFileError('FILE_CORRUPT', `解析失败（${message.slice(0, 200)}）`, message.slice(0, 200));
}

function zipFormat(names: readonly string[]): SpreadsheetFormat | undefined {
  const set = new Set(names.map((name) => name.toLowerCase()));
  if (set.has('xl/workbook.xml') || set.has('xl/workbook.bin')) return 'xlsx';
  if (set.has('content.xml') && (set.has('mimetype') || set.has('meta-inf/manifest.xml'))) return 'ods';
  if (set.has('meta-inf/manifest.xml') && names.some((name) => /encrypt/i.test(name))) return 'ods';
  return undefined;
}

function oleStreamNames(bytes: Uint8Array): Result<string[], ImportFileError> {
  try {
    const container = cfb.read(bytes, { type: 'array' });
    return ok(container.FullPaths.map((path) => path.replace(/\/$/, '').split('/').pop() ?? ''));
  } catch (error) {
    return err(importFileError('FILE_CORRUPT', `OLE 复合文档损坏（${error instanceof Error ? error.message.slice(0, 120) : ''}）`, 'corrupt OLE2 compound file'));
  }
}

function markupFormat(text: string): SpreadsheetFormat | undefined {
  const head = text.slice(0, 64 * 1024);
  if (/urn:schemas-microsoft-com:office:spreadsheet/i.test(head) && /<(\w+:)?Workbook[\s>]/.test(head)) return 'xls';
  if (/<office:document[\s>]/.test(head) && /office:spreadsheet/.test(text)) return 'ods';
  if (/<table[\s>]/i.test(text)) return 'html';
  return undefined;
}

function workbookToSheets(workbook: XLSX.WorkBook, sheetRowCap: number, maxDataRows: number): Result<SheetGrid[], ImportFileError> {
  const sheets: SheetGrid[] = [];
  for (const [index, name] of workbook.SheetNames.entries()) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    const fullRef = sheet['!fullref'];
    if (typeof fullRef === 'string' && XLSX.utils.decode_range(fullRef).e.r + 1 > sheetRowCap) return err(tooManyRows(maxDataRows));
    const data = (sheet['!data'] ?? []) as ReadonlyArray<ReadonlyArray<GridCell | undefined> | undefined>;
    const hiddenFlag = workbook.Workbook?.Sheets?.[index]?.Hidden;
    sheets.push({ name, hidden: hiddenFlag === 1 || hiddenFlag === 2, rows: data });
  }
  return ok(sheets);
}

function isDate1904(workbook: XLSX.WorkBook): boolean {
  return workbook.Workbook?.WBProps?.date1904 === true;
}

function finish(format: SpreadsheetFormat, sheets: SheetGrid[], decoded?: DecodedText, date1904 = false): Result<WorkbookGrid, ImportFileError> {
  const hasData = sheets.some(
    (sheet) => sheet.name !== TEMPLATE_META_SHEET && sheet.rows.some((row) => row !== undefined && row.some((cell) => !cellIsBlank(cell))),
  );
  if (!hasData) return err(importFileError('FILE_EMPTY'));
  const grid: WorkbookGrid = { format, sheets };
  if (decoded) grid.encoding = decoded.encoding;
  const template = readTemplateMeta(sheets);
  if (template) grid.template = template;
  if (date1904) grid.date1904 = true;
  return ok(grid);
}

function readText(decoded: DecodedText, sheetRowCap: number, maxDataRows: number): Result<WorkbookGrid, ImportFileError> {
  const table = parseDelimitedText(decoded.text, sheetRowCap);
  if (table.truncated) return err(tooManyRows(maxDataRows));
  const rows = table.rows.map((cells) => cells.map((text): GridCell => ({ t: 's', v: text })));
  return finish('csv', [{ name: 'CSV', hidden: false, rows }], decoded);
}

/**
 * Reads a spreadsheet file of any supported format into a {@link WorkbookGrid}.
 *
 * Refusals: FILE_EMPTY (no bytes, or no non-blank cell), FILE_TOO_LARGE (over
 * `maxUncompressedBytes` — for zips judged from the directory before inflating and again while
 * inflating — or over `maxDataRows` rows), FILE_ENCRYPTED, FILE_CORRUPT, UNSUPPORTED_FORMAT.
 * `fileName` is only used in messages; the format comes from the bytes.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string, limits: ReadWorkbookLimits = {}): Promise<Result<WorkbookGrid, ImportFileError>> {
  void fileName;
  const maxBytes = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxDataRows = limits.maxDataRows ?? DEFAULT_MAX_DATA_ROWS;
  const sheetRowCap = maxDataRows + HEADER_ROW_ALLOWANCE;
  if (bytes.length === 0) return err(importFileError('FILE_EMPTY', '文件长度为 0', 'the file has no bytes'));
  const container = detectFormat(bytes);
  if (container !== 'zip' && bytes.length > maxBytes) return err(uncompressedTooLarge(maxBytes));
  const readOptions = { ...BINARY_READ_OPTIONS, sheetRows: sheetRowCap };

  switch (container) {
    case 'zip': {
      const directory = inspectZipLimits(bytes, maxBytes);
      if (!directory.ok) return directory;
      const format = zipFormat(directory.value.entries.map((entry) => entry.name));
      if (!format) return err(importFileError('UNSUPPORTED_FORMAT', '这是一个 zip 文件，但不是 Excel 或 ODS 工作簿', 'a zip file that is not an Excel or ODS workbook'));
      const stored = await repackZipStored(bytes, directory.value, maxBytes);
      if (!stored.ok) return stored;
      let workbook: XLSX.WorkBook;
      try {
        workbook = XLSX.read(stored.value, readOptions);
      } catch (error) {
        return err(readFailure(error));
      }
      const sheets = workbookToSheets(workbook, sheetRowCap, maxDataRows);
      return sheets.ok ? finish(format, sheets.value, undefined, isDate1904(workbook)) : sheets;
    }
    case 'ole2': {
      const names = oleStreamNames(bytes);
      if (!names.ok) return names;
      // An encrypted xlsx is an OLE2 container holding EncryptionInfo + EncryptedPackage.
      if (names.value.some((name) => name === 'EncryptionInfo' || name === 'EncryptedPackage')) return err(importFileError('FILE_ENCRYPTED'));
      if (!names.value.some((name) => name === 'Workbook' || name === 'Book' || name === 'WORKBOOK' || name === 'BOOK')) {
        return err(importFileError('UNSUPPORTED_FORMAT', '这是一个 Office 文档，但不是 Excel 工作簿', 'an Office document that is not an Excel workbook'));
      }
      let workbook: XLSX.WorkBook;
      try {
        workbook = XLSX.read(bytes, readOptions);
      } catch (error) {
        return err(readFailure(error));
      }
      const sheets = workbookToSheets(workbook, sheetRowCap, maxDataRows);
      return sheets.ok ? finish('xls', sheets.value, undefined, isDate1904(workbook)) : sheets;
    }
    case 'markup': {
      const decoded = decodeCsvText(bytes);
      if (!decoded.ok) return decoded;
      const format = markupFormat(decoded.value.text);
      if (!format) return err(importFileError('UNSUPPORTED_FORMAT', '网页文件中没有表格', 'a markup file without a table'));
      let workbook: XLSX.WorkBook;
      try {
        // raw: keep every cell's text; an 18-digit ID in an HTML table must not become a number.
        workbook = XLSX.read(decoded.value.text, { type: 'string', raw: true, dense: true, cellNF: true, cellText: true, sheetRows: sheetRowCap });
      } catch (error) {
        return err(readFailure(error));
      }
      const sheets = workbookToSheets(workbook, sheetRowCap, maxDataRows);
      return sheets.ok ? finish(format, sheets.value) : sheets;
    }
    case 'text': {
      const decoded = decodeCsvText(bytes);
      if (!decoded.ok) return decoded;
      return readText(decoded.value, sheetRowCap, maxDataRows);
    }
    default:
      return err(importFileError('UNSUPPORTED_FORMAT'));
  }
}
