/**
 * Where the data is: which sheet, which row is the header, which rows below it are data. Real
 * rosters put instruction sheets first, banner rows (merged title, 填报单位, 填报日期) above the
 * header, and 合计/制表人 footers below the data.
 */
import type { FieldDef } from '../fields/fieldTypes';
import { cellIsBlank, cellText, TEMPLATE_META_SHEET, type GridRow, type SheetGrid, type WorkbookGrid } from './grid';
import { mapColumns, matchHeader, MAX_HEADER_CELL_LENGTH, type ColumnMapping, type ColumnOverride } from './headerMapping';

/** Rows searched for the header from the top of a sheet. */
export const HEADER_SEARCH_ROWS = 100;

/** First-cell prefixes that mark footer rows (totals, signatures, notes): not data. */
const FOOTER_PREFIXES = ['合计', '总计', '制表', '填表', '审核', '备注:', '备注：'];

/** Where the header is and how its columns map. */
export interface HeaderLocation {
  /** 0-based row index of the header (sheet row = index + 1). */
  rowIndex: number;
  /** 0-based index of the first row below the header block (one past a sub-header row, if any). */
  dataStartIndex: number;
  mapping: ColumnMapping;
}

/** The data sheet with its header. */
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
    if (requiredKeys.every((key) => mapping.fields.has(key))) return withSubHeader(sheet, rowIndex, texts, mapping, fields, requiredKeys, overrides);
  }
  return undefined;
}

/**
 * Two-row headers: a merged group title above its parts (培训时间 → 开始 / 结束, 考核成绩 → 理论 /
 * 实操). The row below the header is a sub-header when it has nothing in the required columns, only
 * short texts, and at least one of them names a field the header row left unmapped — alone or
 * joined to its group title (the nearest header text at or left of it).
 */
export function withSubHeader(
  sheet: SheetGrid,
  rowIndex: number,
  texts: readonly string[],
  mapping: ColumnMapping,
  fields: readonly FieldDef[],
  requiredKeys: readonly string[],
  overrides: readonly ColumnOverride[] = [],
): HeaderLocation {
  const plain: HeaderLocation = { rowIndex, dataStartIndex: rowIndex + 1, mapping };
  const below = sheet.rows[rowIndex + 1];
  if (!below) return plain;
  for (const key of requiredKeys) {
    const column = mapping.fields.get(key)?.column;
    if (column !== undefined && !cellIsBlank(below[column])) return plain;
  }
  const subTexts = headerTexts(below);
  if (below.some((cell, column) => !cellIsBlank(cell) && (cell?.t !== 's' || subTexts[column] === ''))) return plain;
  const combined = [...texts];
  let addsField = false;
  subTexts.forEach((text, column) => {
    if (text === '') return;
    let parent = '';
    for (let left = column; left >= 0 && parent === ''; left -= 1) parent = texts[left] ?? '';
    for (const candidate of [text, `${parent}${text}`]) {
      const match = matchHeader(candidate, fields);
      if ((match.kind === 'exact' || match.kind === 'fuzzy') && !mapping.fields.has(match.key)) {
        combined[column] = candidate;
        addsField = true;
        return;
      }
    }
    combined[column] = text;
  });
  if (!addsField) return plain;
  return { rowIndex, dataStartIndex: rowIndex + 2, mapping: mapColumns(combined, fields, overrides) };
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
 * 0-based indexes of the data rows from `dataStartIndex` on: rows with at least one non-blank cell
 * other than the 序号 column, footer rows excluded.
 */
export function dataRowIndexes(sheet: SheetGrid, dataStartIndex: number, serialColumn?: number): number[] {
  const indexes: number[] = [];
  for (let rowIndex = dataStartIndex; rowIndex < sheet.rows.length; rowIndex += 1) {
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
