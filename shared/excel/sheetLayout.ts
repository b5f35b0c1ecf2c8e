/**
 * Where the data is: which sheet, which row is the header, which rows below it are data. Real
 * rosters put instruction sheets first, banner rows (merged title, 填报单位, 填报日期) above the
 * header, and 合计/制表人 footers below the data.
 */
import type { FieldDef } from '../fields/fieldTypes';
import { cellIsBlank, cellText, TEMPLATE_META_SHEET, type GridRow, type SheetGrid, type WorkbookGrid } from './grid';
import { mapColumns, MAX_HEADER_CELL_LENGTH, type ColumnMapping, type ColumnOverride } from './headerMapping';

/** Rows searched for the header from the top of a sheet. */
export const HEADER_SEARCH_ROWS = 100;

/** First-cell prefixes that mark footer rows (totals, signatures, notes): not data. */
const FOOTER_PREFIXES = ['合计', '总计', '制表', '填表', '审核', '备注:', '备注：'];

export interface HeaderLocation {
  /** 0-based row index of the header (sheet row = index + 1). */
  rowIndex: number;
  mapping: ColumnMapping;
}

export interface DataSheetLocation extends HeaderLocation {
  sheetIndex: number;
  sheet: SheetGrid;
}

/** The header texts of a row; cells longer than {@link MAX_HEADER_CELL_LENGTH} count as empty (instruction lines). */
export function headerTexts(row: GridRow | undefined): string[] {
  if (!row) return [];
  const texts: string[] = [];
  for (let column = 0; column < row.length; column += 1) {
    const text = cellText(row[column]).trim();
    texts.push(Array.from(text).length > MAX_HEADER_CELL_LENGTH ? '' : text);
  }
  return texts;
}

/**
 * The first row within {@link HEADER_SEARCH_ROWS} whose headers map every key in `requiredKeys`
 * (after `overrides`, which apply to that row's columns).
 */
export function findHeaderRow(
  sheet: SheetGrid,
  fields: readonly FieldDef[],
  requiredKeys: readonly string[],
  overrides: readonly ColumnOverride[] = [],
): HeaderLocation | undefined {
  const end = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < end; rowIndex += 1) {
    const row = sheet.rows[rowIndex];
    if (!row || row.every((cell) => cellIsBlank(cell))) continue;
    const texts = headerTexts(row);
    // Cheap pre-check: a header row has at least as many non-empty short cells as required fields.
    if (texts.filter((text) => text !== '').length < requiredKeys.length) continue;
    const mapping = mapColumns(texts, fields, overrides);
    if (requiredKeys.every((key) => mapping.fields.has(key))) return { rowIndex, mapping };
  }
  return undefined;
}

/**
 * The data sheet: the first visible sheet (our `_tl_meta` sheet excluded) with a header row; its
 * header row. Instruction sheets in front of it are skipped because no row of theirs maps the
 * required fields.
 */
export function findDataSheet(
  grid: WorkbookGrid,
  fields: readonly FieldDef[],
  requiredKeys: readonly string[],
  overrides: readonly ColumnOverride[] = [],
): DataSheetLocation | undefined {
  for (const [sheetIndex, sheet] of grid.sheets.entries()) {
    if (sheet.hidden || sheet.name === TEMPLATE_META_SHEET) continue;
    const header = findHeaderRow(sheet, fields, requiredKeys, overrides);
    if (header) return { ...header, sheetIndex, sheet };
  }
  return undefined;
}

/** True for a footer row: its first non-blank cell starts with 合计, 总计, 制表, 填表, 审核 or 备注:. */
export function isFooterRow(row: GridRow): boolean {
  const first = row.find((cell) => !cellIsBlank(cell));
  if (!first) return false;
  const text = cellText(first).normalize('NFKC').replace(/\s+/g, '');
  return FOOTER_PREFIXES.some((prefix) => text.startsWith(prefix.normalize('NFKC')));
}

/**
 * 0-based indexes of the data rows below the header: rows with at least one non-blank cell other
 * than the 序号 column, footer rows excluded.
 */
export function dataRowIndexes(sheet: SheetGrid, headerRowIndex: number, serialColumn?: number): number[] {
  const indexes: number[] = [];
  for (let rowIndex = headerRowIndex + 1; rowIndex < sheet.rows.length; rowIndex += 1) {
    const row = sheet.rows[rowIndex];
    if (!row) continue;
    let hasValue = false;
    for (let column = 0; column < row.length; column += 1) {
      if (column !== serialColumn && !cellIsBlank(row[column])) {
        hasValue = true;
        break;
      }
    }
    if (hasValue && !isFooterRow(row)) indexes.push(rowIndex);
  }
  return indexes;
}
