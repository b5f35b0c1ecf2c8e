/**
 * How domain values become export cells: code labels, 是/否, date serials, masking of ID numbers
 * and phones, and neutralising text that a spreadsheet would run as a formula.
 */
import type { CodeOption, FieldDef } from '../../fields/fieldTypes';
import { booleanOptions } from '../../codes/codeLists';
import { ymdToExcelSerial } from '../../dates/parseDateCell';
import { maskValue, type MaskPattern } from '../../identity/mask';
import type { CellValue } from './xlsxWriter';

/** Whether a character code makes Excel, LibreOffice or WPS read a cell as a formula (OWASP CSV injection): `=`, `+`, `-`, `@`, tab, CR. */
function isFormulaTrigger(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === 0x0d;
}

/**
 * Prefixes `'` to text starting with `=`, `+`, `-`, `@`, tab or CR, so opening the file (or a CSV
 * re-saved from it) never runs it as a formula. Numbers are not text and are left alone.
 */
export function neutralizeFormula(text: string): string {
  // A char code, not `text[0]`: that makes a one-character string per cell (Chinese text is not cached).
  return text.length > 0 && isFormulaTrigger(text.charCodeAt(0)) ? `'${text}` : text;
}

/** Masks used for exports; `undefined` keeps ID numbers and phones in full (an audited choice). */
export interface ExportMasks {
  idNumber: MaskPattern;
  phone: MaskPattern;
}

const SURROGATE = /[\ud800-\udfff]/;

/**
 * {@link maskValue} with a fast path for text without surrogate pairs (every ID number and phone):
 * string slicing instead of splitting into code points, ~5× faster over 300,000 rows. Same
 * result for every input (tested against maskValue).
 */
export function maskForExport(value: string, pattern: MaskPattern): string {
  if (SURROGATE.test(value)) return maskValue(value, pattern);
  const length = value.length;
  if (length === 0) return '';
  let keepStart = Math.max(0, Math.floor(pattern.keepStart));
  let keepEnd = Math.max(0, Math.floor(pattern.keepEnd));
  if (keepStart + keepEnd >= length) {
    const maxVisible = Math.floor(length / 2);
    keepEnd = Math.min(keepEnd, Math.floor(maxVisible / 2));
    keepStart = Math.min(keepStart, maxVisible - keepEnd);
  }
  return value.slice(0, keepStart) + (pattern.maskChar ?? '*').repeat(length - keepStart - keepEnd) + value.slice(length - keepEnd);
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 1900-03-01: earlier serials carry Excel's fake 1900-02-29; such dates stay text. */
const FIRST_SAFE_SERIAL = 61;

/** Excel serial of a `YYYY-MM-DD` day, or undefined when it is not a full date Excel can show. */
export function ymdSerial(value: string): number | undefined {
  const match = YMD.exec(value);
  if (!match) return undefined;
  const serial = ymdToExcelSerial(Number(match[1]), Number(match[2]), Number(match[3]));
  return serial >= FIRST_SAFE_SERIAL && serial <= 2_958_465 ? serial : undefined;
}

export type ExportFormat = 'xlsx' | 'csv';

export interface CellConverterOptions {
  format: ExportFormat;
  /** Masks for sensitive fields; omit to write them in full. */
  masks?: ExportMasks;
}

/** Turns the stored value of one field into its cell (a fast closure: one per column, not per cell). */
export type CellConverter = (value: unknown) => CellValue;

function labelMap(options: readonly CodeOption[]): Map<string, string> {
  return new Map(options.map((option) => [option.value, option.zh]));
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** The converter for one field: label lookups are built once per column. */
export function cellConverter(field: FieldDef, options: CellConverterOptions): CellConverter {
  const { format, masks } = options;
  switch (field.type) {
    case 'code': {
      const labels = labelMap(field.options ?? []);
      return (value) => {
        const text = asText(value);
        return neutralizeFormula(labels.get(text) ?? text);
      };
    }
    case 'boolean': {
      const labels = labelMap(booleanOptions);
      return (value) => (typeof value === 'boolean' ? (labels.get(String(value)) ?? '') : neutralizeFormula(asText(value)));
    }
    case 'date':
      return (value) => {
        const text = asText(value);
        if (format === 'xlsx') {
          const serial = ymdSerial(text);
          if (serial !== undefined) return serial;
        }
        return neutralizeFormula(text);
      };
    case 'integer':
    case 'number':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : neutralizeFormula(asText(value)));
    case 'tags':
      return (value) => neutralizeFormula(Array.isArray(value) ? value.map(asText).join('、') : asText(value));
    case 'idNumber':
    case 'phone': {
      const sensitive = field.sensitive ?? field.type;
      const mask = masks ? (sensitive === 'idNumber' ? masks.idNumber : masks.phone) : undefined;
      if (!mask) return (value) => neutralizeFormula(asText(value));
      return (value) => neutralizeFormula(maskForExport(asText(value), mask));
    }
    default:
      return (value) => neutralizeFormula(asText(value));
  }
}

/**
 * Fields whose column is formatted as text (`@`), so Excel never turns what is typed into a number
 * (18-digit IDs lose digits) or a date (`2015-07` typed as 毕业时间 would become 1 July 2015).
 */
export function isTextColumn(field: FieldDef): boolean {
  return field.type === 'idNumber' || field.type === 'phone' || field.type === 'creditCode' || field.type === 'month';
}

/** Approximate display width of text in Excel character units (CJK characters count double). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) as number) > 0x2e7f ? 2 : 1;
  return width;
}
