/**
 * A minimal, correct SpreadsheetML (.xlsx) writer for what our files need and SheetJS CE cannot
 * write: bold frozen headers, text-formatted and date columns, red-filled cells with comments,
 * list data validations and hidden sheets. Rows stream through the zip writer in ~1 MiB chunks.
 * Strings are written inline (`t="inlineStr"`): no shared-string table to build for 3 million cells.
 */
import { writeZip, type ZipEntryInput } from './zipWriter';

/** What a cell holds: strings stay text, numbers numbers (dates are serials in a `date` column). */
export type CellValue = string | number | boolean | null | undefined;

/**
 * Rows delivered in batches, one await per batch instead of one per row: a 300,000-row export
 * reads its records from IndexedDB in chunks and hands each chunk over whole.
 */
export interface RowBatches {
  batches: AsyncIterable<Iterable<readonly CellValue[]>>;
}

/** A sheet's rows: in memory, arriving one by one, or arriving in batches. */
export type SheetRows = Iterable<readonly CellValue[]> | AsyncIterable<readonly CellValue[]> | RowBatches;

/** Whether `rows` arrive in batches. */
export function isRowBatches(rows: SheetRows): rows is RowBatches {
  return 'batches' in rows && typeof rows.batches === 'object';
}

/** The fixed cell styles of our workbooks (index = position in `cellXfs`). */
export const CELL_STYLES = {
  default: 0,
  /** Bold on a light fill: header rows. */
  header: 1,
  /** Number format `@`: Excel keeps what is typed as text (ID numbers, phones). */
  text: 2,
  /** Number format `yyyy-mm-dd` over a 1900-system serial. */
  date: 3,
  /** Red fill, dark red text: a cell with an error. */
  error: 4,
  errorText: 5,
  errorDate: 6,
  /** Wrapped text, top-aligned: instructions. */
  wrap: 7,
  /** Bold, no fill: titles in instruction sheets. */
  bold: 8,
  /** Report tables (statistics): a 14pt bold centred title over merged cells. */
  reportTitle: 9,
  /** Bold on a light fill, thin borders, centred: a report table's header. */
  reportHeader: 10,
  /** Thin borders, left: a report row's label. */
  reportLabel: 11,
  /** Thin borders, right-aligned `#,##0`. */
  reportNumber: 12,
  /** Thin borders, right-aligned `0.0%`. */
  reportPercent: 13,
  /** Bold, thin borders: the 合计 row's label. */
  reportTotalLabel: 14,
  /** Bold, thin borders, right-aligned `#,##0`. */
  reportTotalNumber: 15,
  /** Bold, thin borders, right-aligned `0.0%`. */
  reportTotalPercent: 16,
  /** Wrapped text with thin borders, top-left: long report text (统计口径). */
  reportText: 17,
} as const;

export type CellStyleName = keyof typeof CELL_STYLES;

/** Error fill colour (ARGB): Excel's “bad” red. */
export const ERROR_FILL_RGB = 'FFFFC7CE';

export interface SheetColumn {
  /** Width in Excel character units. */
  width?: number;
  /** Style of the column: applies to its cells and to cells typed into it later. */
  style?: CellStyleName;
}

/** A dropdown (list data validation) over a range. */
export interface ListValidation {
  /** Range, e.g. `B2:B1048576`. */
  ref: string;
  /** Either the options inline (their joined text must stay ≤ 255 characters) … */
  options?: readonly string[];
  /** … or a range formula such as `'_lists'!$A$1:$A$16`. */
  source?: string;
  /** Shown when a value outside the list is typed. */
  errorTitle?: string;
  error?: string;
  /** `stop` refuses other values; `warning` lets the clerk keep them. */
  errorStyle?: 'stop' | 'warning' | 'information';
  prompt?: string;
}

/** A note on a cell (0-based row and column of the sheet). */
export interface CellComment {
  row: number;
  column: number;
  text: string;
}

/** Page setup for printing a sheet. */
export interface PrintSetup {
  orientation?: 'portrait' | 'landscape';
  /** Paper size; only A4 (Excel code 9) for now. */
  paper?: 'A4';
  /** Scale the sheet to one page wide (any number of pages tall). */
  fitToWidth?: boolean;
  /** Rows repeated at the top of every printed page, 0-based inclusive (e.g. the title and header). */
  repeatRows?: { first: number; last: number };
}

export interface XlsxSheet {
  /** ≤ 31 characters, none of `[]:*?/\`. */
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  columns?: readonly SheetColumn[];
  /** Rows from the top; row 0 is sheet row 1. */
  rows: SheetRows;
  /** The first `headerRows` rows take the header style. */
  headerRows?: number;
  /** Rows frozen at the top (usually the header). */
  freezeRows?: number;
  validations?: readonly ListValidation[];
  comments?: readonly CellComment[];
  /** Per-cell style overrides: row index → column index → style. */
  cellStyles?: ReadonlyMap<number, ReadonlyMap<number, CellStyleName>>;
  /** Row heights in points for particular rows. */
  rowHeights?: ReadonlyMap<number, number>;
  /** Merged ranges, e.g. `A1:F1`. */
  merges?: readonly string[];
  /** Print setup (orientation, paper, fit to width, repeated title rows). */
  print?: PrintSetup;
}

export interface XlsxWorkbook {
  sheets: readonly XlsxSheet[];
  /** Shown as the author of comments and in the document properties. */
  creator?: string;
}

/** Excel's hard limit for text in a cell. */
export const MAX_CELL_TEXT = 32_767;
const MAX_ROWS = 1_048_576;
const CHUNK_CHARS = 1 << 20;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const ESCAPE_ALL = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeChar(char: string): string {
  switch (char) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case '\r':
      return '&#13;';
    default:
      // Control characters cannot appear in XML 1.0 at all; Excel's own escape form keeps them visible.
      return `_x${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`;
  }
}

/** Escapes text for XML content and attributes (control characters become Excel's `_xHHHH_`). */
export function escapeXml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, escapeChar) : text;
}

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 reference of a 0-based row and column. */
export function cellRef(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

const STYLES_XML =
  XML_HEAD +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>' +
  '<fonts count="4">' +
  '<font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><sz val="11"/><color rgb="FF9C0006"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="14"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '</fonts>' +
  '<fills count="4">' +
  '<fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>' +
  `<fill><patternFill patternType="solid"><fgColor rgb="${ERROR_FILL_RGB}"/><bgColor indexed="64"/></patternFill></fill>` +
  '</fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="18">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="49" fontId="2" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="164" fontId="2" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="3" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>' +
  '<xf numFmtId="165" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

// Without a theme part `theme="1"` falls back to black in Excel; keep the fonts explicit anyway.
const THEME_FREE_STYLES_XML = STYLES_XML.replaceAll('<color theme="1"/>', '');

function mergesXml(merges: readonly string[] | undefined): string {
  if (!merges || merges.length === 0) return '';
  return `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`;
}

/** `<pageSetup>` after the margins; fitting to width also needs `<sheetPr><pageSetUpPr fitToPage>` first in the sheet. */
function pageSetupXml(print: PrintSetup | undefined): string {
  if (!print) return '';
  const paper = print.paper === 'A4' ? ' paperSize="9"' : '';
  const orientation = print.orientation ? ` orientation="${print.orientation}"` : '';
  const fit = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
  return `<pageSetup${paper}${fit}${orientation}/>`;
}

/** The print-titles defined name (`_xlnm.Print_Titles`) of a sheet with repeated rows. */
function printTitlesName(sheet: XlsxSheet, index: number): string {
  const repeat = sheet.print?.repeatRows;
  if (!repeat) return '';
  const quoted = `'${sheet.name.replaceAll("'", "''")}'`;
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${quoted}!$${repeat.first + 1}:$${repeat.last + 1}`)}</definedName>`;
}

function sheetViewsXml(sheet: XlsxSheet, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  const freeze = sheet.freezeRows ?? 0;
  if (freeze <= 0) return `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`;
  const topLeft = cellRef(freeze, 0);
  return (
    `<sheetViews><sheetView${tab} workbookViewId="0">` +
    `<pane ySplit="${freeze}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView></sheetViews>'
  );
}

function colsXml(columns: readonly SheetColumn[] | undefined): string {
  if (!columns || columns.length === 0) return '';
  let xml = '<cols>';
  columns.forEach((column, index) => {
    const width = column.width ?? 10;
    const style = column.style ? ` style="${CELL_STYLES[column.style]}"` : '';
    xml += `<col min="${index + 1}" max="${index + 1}" width="${Math.round((width + 0.71) * 100) / 100}" customWidth="1"${style}/>`;
  });
  return `${xml}</cols>`;
}

function validationsXml(validations: readonly ListValidation[] | undefined): string {
  if (!validations || validations.length === 0) return '';
  let xml = `<dataValidations count="${validations.length}">`;
  for (const validation of validations) {
    const formula = validation.source ?? `"${(validation.options ?? []).map((option) => option.replaceAll('"', '""')).join(',')}"`;
    const errorStyle = validation.errorStyle && validation.errorStyle !== 'stop' ? ` errorStyle="${validation.errorStyle}"` : '';
    const errorText =
      (validation.errorTitle ? ` errorTitle="${escapeXml(validation.errorTitle)}"` : '') + (validation.error ? ` error="${escapeXml(validation.error)}"` : '');
    const prompt = validation.prompt ? ` showInputMessage="1" prompt="${escapeXml(validation.prompt)}"` : '';
    xml +=
      `<dataValidation type="list"${errorStyle} allowBlank="1" showErrorMessage="1"${errorText}${prompt} sqref="${validation.ref}">` +
      `<formula1>${escapeXml(formula)}</formula1></dataValidation>`;
  }
  return `${xml}</dataValidations>`;
}

const encoder = new TextEncoder();

function styleAttribute(style: number): string {
  return style === 0 ? '' : ` s="${style}"`;
}

/** The worksheet XML, produced chunk by chunk as the rows are read. */
async function* sheetXml(sheet: XlsxSheet, selected: boolean, hasComments: boolean): AsyncGenerator<Uint8Array> {
  const columnStyles = (sheet.columns ?? []).map((column) => (column.style ? CELL_STYLES[column.style] : 0));
  const headerRows = sheet.headerRows ?? 0;
  const letters: string[] = [];
  const letter = (index: number): string => (letters[index] ??= columnLetters(index));
  let xml =
    XML_HEAD +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (sheet.print?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    sheetViewsXml(sheet, selected) +
    '<sheetFormatPr defaultRowHeight="14.25"/>' +
    colsXml(sheet.columns) +
    '<sheetData>';
  let rowIndex = 0;
  const flushIfLarge = (): Uint8Array | undefined => {
    if (xml.length < CHUNK_CHARS) return undefined;
    const chunk = encoder.encode(xml);
    xml = '';
    return chunk;
  };
  const writeRow = (cells: readonly CellValue[]) => {
    if (rowIndex >= MAX_ROWS) throw new RangeError(`More than ${MAX_ROWS} rows in sheet ${sheet.name}`);
    const rowNumber = rowIndex + 1;
    const overrides = sheet.cellStyles?.get(rowIndex);
    const height = sheet.rowHeights?.get(rowIndex);
    const isHeader = rowIndex < headerRows;
    let rowXml = height === undefined ? `<row r="${rowNumber}">` : `<row r="${rowNumber}" ht="${height}" customHeight="1">`;
    // A cell's `r` is optional when it directly follows the previous one: leaving it out makes a
    // 300,000-row sheet ~20% smaller and faster to deflate. Cells after a gap carry it.
    let next = 0;
    for (let column = 0; column < cells.length; column += 1) {
      const value = cells[column];
      const override = overrides?.get(column);
      const style = override !== undefined ? CELL_STYLES[override] : isHeader ? CELL_STYLES.header : (columnStyles[column] ?? 0);
      const isEmpty = value === null || value === undefined || value === '';
      // An empty cell only matters when it carries a visible style (a red error cell, a header).
      if (isEmpty && override === undefined && !(isHeader && style !== 0)) continue;
      const open = (column === next ? '<c' : `<c r="${letter(column)}${rowNumber}"`) + styleAttribute(style);
      next = column + 1;
      if (isEmpty) {
        rowXml += `${open}/>`;
      } else if (typeof value === 'number') {
        if (Number.isFinite(value)) rowXml += `${open}><v>${value}</v></c>`;
        else rowXml += `${open} t="inlineStr"><is><t>${String(value)}</t></is></c>`;
      } else if (typeof value === 'boolean') {
        rowXml += `${open} t="b"><v>${value ? 1 : 0}</v></c>`;
      } else {
        const text = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
        const space = text.trim() === text ? '' : ' xml:space="preserve"';
        rowXml += `${open} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
      }
    }
    xml += `${rowXml}</row>`;
    rowIndex += 1;
  };
  const rows = sheet.rows;
  if (isRowBatches(rows)) {
    for await (const batch of rows.batches) {
      for (const cells of batch) {
        writeRow(cells);
        const chunk = flushIfLarge();
        if (chunk) yield chunk;
      }
    }
  } else if (Symbol.asyncIterator in rows) {
    for await (const cells of rows) {
      writeRow(cells);
      const chunk = flushIfLarge();
      if (chunk) yield chunk;
    }
  } else {
    for (const cells of rows) {
      writeRow(cells);
      const chunk = flushIfLarge();
      if (chunk) yield chunk;
    }
  }
  xml += '</sheetData>';
  xml += mergesXml(sheet.merges);
  xml += validationsXml(sheet.validations);
  xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  xml += pageSetupXml(sheet.print);
  if (hasComments) xml += '<legacyDrawing r:id="rIdVml"/>';
  xml += '</worksheet>';
  yield encoder.encode(xml);
}

function commentsXml(comments: readonly CellComment[], author: string): string {
  let xml = XML_HEAD + `<comments xmlns="${NS_MAIN}"><authors><author>${escapeXml(author)}</author></authors><commentList>`;
  for (const comment of comments) {
    xml +=
      `<comment ref="${cellRef(comment.row, comment.column)}" authorId="0"><text>` +
      `<r><rPr><sz val="9"/><rFont val="等线"/><family val="2"/><charset val="134"/></rPr><t xml:space="preserve">${escapeXml(comment.text)}</t></r>` +
      '</text></comment>';
  }
  return `${xml}</commentList></comments>`;
}

/** Legacy VML shapes: Excel draws note boxes from these, the comments part holds the text. */
function vmlXml(comments: readonly CellComment[], sheetNumber: number): string {
  let xml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${sheetNumber}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
  comments.forEach((comment, index) => {
    const shapeId = sheetNumber * 1024 + index + 1;
    xml +=
      `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:60pt;z-index:${index + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
      `<x:Anchor>${comment.column + 1}, 15, ${comment.row}, 2, ${comment.column + 4}, 15, ${comment.row + 4}, 4</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${comment.row}</x:Row><x:Column>${comment.column}</x:Column></x:ClientData>` +
      '</v:shape>';
  });
  return `${xml}</xml>`;
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

/** Checks a sheet name the way Excel does (it refuses to open a workbook with a bad one). */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !INVALID_SHEET_NAME.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/**
 * Writes a workbook. The first visible sheet is the active one. Throws (a bug, not a user error)
 * on a bad or duplicate sheet name or when every sheet is hidden.
 */
export async function writeXlsx(workbook: XlsxWorkbook): Promise<Uint8Array> {
  const { sheets } = workbook;
  const author = workbook.creator ?? '人才台账';
  const seen = new Set<string>();
  for (const sheet of sheets) {
    if (!isValidSheetName(sheet.name)) throw new RangeError(`Invalid sheet name: ${sheet.name}`);
    const key = sheet.name.toLowerCase();
    if (seen.has(key)) throw new RangeError(`Duplicate sheet name: ${sheet.name}`);
    seen.add(key);
  }
  const activeIndex = sheets.findIndex((sheet) => (sheet.state ?? 'visible') === 'visible');
  if (activeIndex < 0) throw new RangeError('A workbook needs one visible sheet');

  const entries: ZipEntryInput[] = [];
  const contentOverrides: string[] = [];
  let workbookSheets = '';
  let workbookRels = '';
  sheets.forEach((sheet, index) => {
    const number = index + 1;
    const state = sheet.state && sheet.state !== 'visible' ? ` state="${sheet.state}"` : '';
    workbookSheets += `<sheet name="${escapeXml(sheet.name)}" sheetId="${number}"${state} r:id="rId${number}"/>`;
    workbookRels += `<Relationship Id="rId${number}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${number}.xml"/>`;
    contentOverrides.push(`<Override PartName="/xl/worksheets/sheet${number}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });
  const definedNames = sheets.map(printTitlesName).join('');
  const stylesRel = sheets.length + 1;
  workbookRels += `<Relationship Id="rId${stylesRel}" Type="${NS_REL}/styles" Target="styles.xml"/>`;

  const text = (name: string, xml: string): ZipEntryInput => ({ name, data: encoder.encode(xml) });
  const sheetEntries: ZipEntryInput[] = [];
  let anyComments = false;
  sheets.forEach((sheet, index) => {
    const number = index + 1;
    const comments = sheet.comments ?? [];
    const hasComments = comments.length > 0;
    sheetEntries.push({ name: `xl/worksheets/sheet${number}.xml`, data: sheetXml(sheet, index === activeIndex, hasComments) });
    if (hasComments) {
      anyComments = true;
      sheetEntries.push(
        text(
          `xl/worksheets/_rels/sheet${number}.xml.rels`,
          XML_HEAD +
            `<Relationships xmlns="${NS_PKG_REL}">` +
            `<Relationship Id="rIdComments" Type="${NS_REL}/comments" Target="../comments${number}.xml"/>` +
            `<Relationship Id="rIdVml" Type="${NS_REL}/vmlDrawing" Target="../drawings/vmlDrawing${number}.vml"/>` +
            '</Relationships>',
        ),
        text(`xl/comments${number}.xml`, commentsXml(comments, author)),
        text(`xl/drawings/vmlDrawing${number}.vml`, vmlXml(comments, number)),
      );
      contentOverrides.push(`<Override PartName="/xl/comments${number}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`);
    }
  });

  entries.push(
    text(
      '[Content_Types].xml',
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        (anyComments ? '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' : '') +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        contentOverrides.join('') +
        '</Types>',
    ),
    text(
      '_rels/.rels',
      XML_HEAD +
        `<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    ),
    text(
      'docProps/core.xml',
      XML_HEAD +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        `<dc:creator>${escapeXml(author)}</dc:creator></cp:coreProperties>`,
    ),
    text(
      'docProps/app.xml',
      XML_HEAD +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>TalentLedger</Application></Properties>',
    ),
    text(
      'xl/workbook.xml',
      XML_HEAD +
        `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
        `<bookViews><workbookView activeTab="${activeIndex}"/></bookViews>` +
        `<sheets>${workbookSheets}</sheets>` +
        (definedNames ? `<definedNames>${definedNames}</definedNames>` : '') +
        '</workbook>',
    ),
    text('xl/_rels/workbook.xml.rels', XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}">${workbookRels}</Relationships>`),
    text('xl/styles.xml', THEME_FREE_STYLES_XML),
    ...sheetEntries,
  );
  return writeZip(entries);
}
