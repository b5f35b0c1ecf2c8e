/**
 * List exports: the columns a list shows, with Chinese headers, as .xlsx (bold frozen header,
 * column widths, real date cells, text-formatted ID columns) or CSV (UTF-8 with BOM). ID numbers
 * and phones are masked unless the caller passes no masks (an unmasking the caller audits).
 */
import type { FieldDef } from '../../fields/fieldTypes';
import type { Talent } from '../../talent/talent';
import { talentFieldByKey, type TalentFieldKey } from '../../talent/talentFields';
import { cellConverter, displayWidth, isTextColumn, type ExportFormat, type ExportMasks } from './cellValues';
import { writeCsv } from './csvWriter';
import { writeXlsx, type CellStyleName, type CellValue, type RowBatches, type SheetColumn, type SheetRows } from './xlsxWriter';

/** Records arriving in batches (e.g. read from IndexedDB in chunks): one await per batch, not per record. */
export interface RecordBatches<T> {
  batches: AsyncIterable<readonly T[]>;
}

type Rows<T> = Iterable<T> | AsyncIterable<T> | RecordBatches<T>;

function isRecordBatches<T>(records: Rows<T>): records is RecordBatches<T> {
  return 'batches' in records && typeof records.batches === 'object';
}

export interface RecordExportOptions {
  format: ExportFormat;
  /** Masks for ID numbers and phones; `undefined` writes them in full. */
  masks: ExportMasks | undefined;
  /** Sheet name of the .xlsx (ignored for CSV). */
  sheetName: string;
}

function columnStyle(field: FieldDef): CellStyleName | undefined {
  if (isTextColumn(field)) return 'text';
  if (field.type === 'date') return 'date';
  return undefined;
}

/** The header row and column layout (widths, text and date styles) of an export over `fields`. */
export function exportLayout(fields: readonly FieldDef[]): { header: string[]; columns: SheetColumn[] } {
  const header: string[] = fields.map((field) => field.zh);
  const columns: SheetColumn[] = fields.map((field) => {
    const style = columnStyle(field);
    return { width: Math.max(field.width ?? 10, displayWidth(field.zh) + 2), ...(style ? { style } : {}) };
  });
  return { header, columns };
}

/** A record's row of cells over `fields` (labels, masks, date serials, neutralised text): the one conversion every export path uses. */
export function exportRowConverter(fields: readonly FieldDef[], options: Pick<RecordExportOptions, 'format' | 'masks'>): (record: object) => CellValue[] {
  const converters = fields.map((field) => cellConverter(field, options));
  const keys = fields.map((field) => field.key);
  return (record: object): CellValue[] => {
    const source = record as Record<string, unknown>;
    const cells = new Array<CellValue>(keys.length);
    for (let index = 0; index < keys.length; index += 1) cells[index] = (converters[index] as (value: unknown) => CellValue)(source[keys[index] as string]);
    return cells;
  };
}

/** The header row, column layout and row converter of an export over `fields`. */
export function exportColumns(fields: readonly FieldDef[], options: Pick<RecordExportOptions, 'format' | 'masks'>) {
  return { ...exportLayout(fields), toRow: exportRowConverter(fields, options) };
}

async function* mapped<T>(records: Iterable<T> | AsyncIterable<T>, header: CellValue[], toRow: (record: T) => CellValue[]): AsyncGenerator<CellValue[]> {
  yield header;
  if (Symbol.asyncIterator in records) for await (const record of records) yield toRow(record);
  else for (const record of records) yield toRow(record);
}

function* mappedSync<T>(records: Iterable<T>, header: CellValue[], toRow: (record: T) => CellValue[]): Generator<CellValue[]> {
  yield header;
  for (const record of records) yield toRow(record);
}

async function* mappedBatches<T>(batches: AsyncIterable<readonly T[]>, header: CellValue[], toRow: (record: T) => CellValue[]): AsyncGenerator<CellValue[][]> {
  yield [header];
  for await (const batch of batches) yield batch.map(toRow);
}

/** Writes records of any field table as a list export. */
export async function writeRecordExport<T extends object>(fields: readonly FieldDef[], records: Rows<T>, options: RecordExportOptions): Promise<Uint8Array> {
  const { header, columns, toRow } = exportColumns(fields, options);
  // A plain iterable stays synchronous, and batches take one promise per batch: no promise per row.
  const rows: SheetRows = isRecordBatches(records)
    ? { batches: mappedBatches(records.batches, header, toRow) }
    : Symbol.asyncIterator in records
      ? mapped(records, header, toRow)
      : mappedSync(records, header, toRow);
  return writeExportRows(rows, columns, options);
}

function writeExportRows(rows: SheetRows, columns: readonly SheetColumn[], options: Pick<RecordExportOptions, 'format' | 'sheetName'>): Promise<Uint8Array> {
  if (options.format === 'csv') return writeCsv(rows);
  return writeXlsx({ sheets: [{ name: options.sheetName, columns, rows, headerRows: 1, freezeRows: 1 }] });
}

async function* withHeader(header: CellValue[], batches: AsyncIterable<Iterable<readonly CellValue[]>>): AsyncGenerator<Iterable<readonly CellValue[]>> {
  yield [header];
  yield* batches;
}

/**
 * Writes rows already converted by {@link exportRowConverter} (e.g. in another thread) under the
 * header of `fields`: the same bytes as {@link writeRecordExport} of the records they came from.
 */
export function writeRecordCells(fields: readonly FieldDef[], rows: RowBatches, options: Pick<RecordExportOptions, 'format' | 'sheetName'>): Promise<Uint8Array> {
  const { header, columns } = exportLayout(fields);
  return writeExportRows({ batches: withHeader(header, rows.batches) }, columns, options);
}

export interface TalentExportOptions {
  /** Columns in display order. */
  columns: readonly TalentFieldKey[];
  format: ExportFormat;
  /** Masks for ID numbers and phones; `undefined` writes them in full (the caller audits that). */
  masks: ExportMasks | undefined;
}

/** The talent fields of `columns`, unknown keys dropped. */
export function talentExportFields(columns: readonly TalentFieldKey[]): FieldDef<TalentFieldKey>[] {
  return columns.map((key) => talentFieldByKey.get(key)).filter((field): field is FieldDef<TalentFieldKey> => field !== undefined);
}

const TALENT_SHEET = '人才信息';

/** Writes talents as the talent list's export. */
export function writeTalentExport(talents: Rows<Talent>, options: TalentExportOptions): Promise<Uint8Array> {
  return writeRecordExport(talentExportFields(options.columns), talents, { format: options.format, masks: options.masks, sheetName: TALENT_SHEET });
}

/** The row converter of the talent list's export: what {@link writeTalentExport} writes per talent. */
export function talentRowConverter(options: TalentExportOptions): (talent: Pick<Talent, TalentFieldKey>) => CellValue[] {
  return exportRowConverter(talentExportFields(options.columns), options);
}

/** Writes talent rows already converted by {@link talentRowConverter}, with the talent export's header and layout. */
export function writeTalentCells(rows: RowBatches, options: Pick<TalentExportOptions, 'columns' | 'format'>): Promise<Uint8Array> {
  return writeRecordCells(talentExportFields(options.columns), rows, { format: options.format, sheetName: TALENT_SHEET });
}

/**
 * The raw writer alone, for the benchmark: the same cells written with no app logic (no field
 * lookups, labels, masking or neutralising, no styles or widths), one sheet, first row as given.
 */
export function rawWriterBaseline(cells: Iterable<readonly CellValue[]> | AsyncIterable<readonly CellValue[]>, format: ExportFormat = 'xlsx'): Promise<Uint8Array> {
  if (format === 'csv') return writeCsv(cells);
  return writeXlsx({ sheets: [{ name: 'Sheet1', rows: cells }] });
}

/** `人才信息_20250301.xlsx`: the list's name and the export day (from `YYYY-MM-DD`). */
export function exportFileName(listName: string, today: string, format: ExportFormat): string {
  return `${listName}_${today.replaceAll('-', '')}.${format}`;
}
