/**
 * The submission file (报送文件) a training base sends: the roster template's columns filled in,
 * plus the hidden sheet `_tl_submission` with base code, programme, period, row count, app version
 * and a SHA-256 of the data rows. The bureau recognises it, shows its provenance, and detects rows
 * edited after export (the hash of what it reads differs from the recorded one).
 */
import { sha256Hex } from '../crypto/sha256';
import { cellText, TEMPLATE_META_SHEET, templateMetaRows, type SheetGrid } from '../excel/grid';
import { writeXlsx, type CellValue } from '../excel/write/xlsxWriter';
import { TEMPLATE_VERSION } from '../excel/write/templates';
import { rosterFields } from './rosterFields';

/** Name of the hidden provenance sheet. */
export const SUBMISSION_META_SHEET = '_tl_submission';
/** Name of the data sheet. */
export const SUBMISSION_DATA_SHEET = '培训花名册';

/** What the hidden sheet records. */
export interface SubmissionMeta {
  baseCode: string;
  baseName: string;
  occupation: string;
  workType: string;
  level: number;
  batchKey: string;
  periodStart: string;
  periodEnd: string;
  rowCount: number;
  appVersion: string;
  /** ISO time of the export. */
  exportedAt: string;
  /** Lower-case hex SHA-256 of the data rows ({@link submissionDataHash}). */
  dataSha256: string;
}

const META_KEYS: ReadonlyArray<keyof SubmissionMeta> = ['baseCode', 'baseName', 'occupation', 'workType', 'level', 'batchKey', 'periodStart', 'periodEnd', 'rowCount', 'appVersion', 'exportedAt', 'dataSha256'];

/** Header texts of the data sheet: the roster field table's Chinese labels. */
export function submissionHeaders(): string[] {
  return rosterFields.map((field) => field.zh);
}

/**
 * SHA-256 of data rows in a canonical text form: each row's cells trimmed, trailing blanks
 * dropped, as a JSON array; rows joined by newlines; blank rows skipped. Cell types do not matter
 * (`120` typed as a number reads back as the text `120`), only what a person sees.
 */
export function submissionDataHash(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const lines: string[] = [];
  for (const row of rows) {
    const cells = row.map((cell) => cell.trim());
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) lines.push(JSON.stringify(cells));
  }
  return sha256Hex(new TextEncoder().encode(lines.join('\n')));
}

/** The data rows of a sheet below its 1-based header row, as text, `width` columns wide. */
export function sheetDataRows(sheet: SheetGrid, headerRow: number, width: number): string[][] {
  const rows: string[][] = [];
  for (let index = headerRow; index < sheet.rows.length; index += 1) {
    const cells = sheet.rows[index];
    rows.push(Array.from({ length: width }, (_, column) => cellText(cells?.[column])));
  }
  return rows;
}

/** Reads the provenance sheet; undefined when the workbook is not a submission file. */
export function readSubmissionMeta(sheets: readonly SheetGrid[]): SubmissionMeta | undefined {
  const sheet = sheets.find((candidate) => candidate.name === SUBMISSION_META_SHEET);
  if (!sheet) return undefined;
  const values = new Map<string, string>();
  for (const row of sheet.rows) if (row) values.set(cellText(row[0]).trim(), cellText(row[1]).trim());
  const hash = values.get('dataSha256') ?? '';
  if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
  return {
    baseCode: values.get('baseCode') ?? '',
    baseName: values.get('baseName') ?? '',
    occupation: values.get('occupation') ?? '',
    workType: values.get('workType') ?? '',
    level: Number(values.get('level') ?? 0),
    batchKey: values.get('batchKey') ?? '',
    periodStart: values.get('periodStart') ?? '',
    periodEnd: values.get('periodEnd') ?? '',
    rowCount: Number(values.get('rowCount') ?? 0),
    appVersion: values.get('appVersion') ?? '',
    exportedAt: values.get('exportedAt') ?? '',
    dataSha256: hash,
  };
}

/** Untouched when the data rows hash to the recorded value; edited otherwise. */
export interface SubmissionCheck {
  state: 'untouched' | 'edited';
  actualSha256: string;
  /** Non-blank data rows read. */
  rowCount: number;
}

/** Compares the data rows read from a submission file with its recorded hash. */
export function verifySubmission(meta: Pick<SubmissionMeta, 'dataSha256'>, rows: ReadonlyArray<ReadonlyArray<string>>): SubmissionCheck {
  const actualSha256 = submissionDataHash(rows);
  const rowCount = rows.filter((row) => row.some((cell) => cell.trim() !== '')).length;
  return { state: actualSha256 === meta.dataSha256 ? 'untouched' : 'edited', actualSha256, rowCount };
}

/** Input of {@link writeSubmissionFile}: the meta without hash and count (computed), and the rows in field-table column order. */
export interface SubmissionFileInput {
  meta: Omit<SubmissionMeta, 'dataSha256' | 'rowCount'>;
  rows: ReadonlyArray<ReadonlyArray<string>>;
}

/**
 * Writes the submission workbook: the data sheet (header + rows, every column text-formatted so
 * what the base saw is what the bureau reads), `_tl_meta` (roster template) and `_tl_submission`.
 * Returns the bytes and the recorded meta.
 */
export async function writeSubmissionFile(input: SubmissionFileInput): Promise<{ bytes: Uint8Array; meta: SubmissionMeta }> {
  const headers = submissionHeaders();
  const rows = input.rows.map((row) => headers.map((_, column) => (row[column] ?? '').trim()));
  const meta: SubmissionMeta = { ...input.meta, rowCount: rows.filter((row) => row.some((cell) => cell !== '')).length, dataSha256: submissionDataHash(rows) };
  const bytes = await writeXlsx({
    sheets: [
      {
        name: SUBMISSION_DATA_SHEET,
        columns: rosterFields.map((field) => ({ width: Math.max(field.width ?? 10, 8), style: 'text' as const })),
        rows: [headers, ...rows] as CellValue[][],
        headerRows: 1,
        freezeRows: 1,
      },
      { name: TEMPLATE_META_SHEET, state: 'hidden', rows: templateMetaRows({ kind: 'roster', version: TEMPLATE_VERSION }) },
      { name: SUBMISSION_META_SHEET, state: 'hidden', rows: META_KEYS.map((key) => [key, String(meta[key])]) },
    ],
  });
  return { bytes, meta };
}
