/**
 * The one place where spreadsheet date cells become domain dates. Clerks type dates in many
 * ways and Excel stores real date cells as 1900-system serial numbers; everything else in the app
 * sees only `YYYY-MM-DD` (day precision) or `YYYY-MM` (month precision).
 */
import { dayNumberFromParts, formatYm, formatYmd, isValidDateParts, partsFromDayNumber } from './ymd';

export type DatePrecision = 'day' | 'month';

export interface ParseDateCellOptions {
  /** `day` → `YYYY-MM-DD`; `month` → `YYYY-MM` (a full date is accepted and cut to its month). */
  precision: DatePrecision;
  /**
   * The cell carried a date number format, so a number in it is an Excel serial. Without this
   * flag a number is only read as `20230501` (8 digits) or, for months, `2023.5`.
   */
  cellIsDateFormatted?: boolean;
}

/** A cell that is not a date in any accepted form. */
export interface DateFormatError {
  code: 'DATE_FORMAT';
}

/**
 * Parsed date. `warning: 'DATE_AMBIGUOUS'` marks a number such as `2023.1` in a month field: the
 * clerk may have typed `2023.10` into a General cell, which Excel stores as the number 2023.1, so
 * October cannot be told from January. The value is read as January and flagged for a check.
 */
export type ParseDateCellResult =
  | { ok: true; value: string; warning?: 'DATE_AMBIGUOUS' }
  | { ok: false; error: DateFormatError };

/** Largest serial Excel accepts (9999-12-31). */
const MAX_EXCEL_SERIAL = 2958465;
/** Serial 60 is 1900-02-29, a day that never existed (kept by Excel for Lotus 1-2-3 compatibility). */
const FAKE_LEAP_DAY_SERIAL = 60;
/** Day number of 1899-12-31, Excel's serial 0; serials from 61 on are one day late because of serial 60. */
const SERIAL_ZERO_DAY_NUMBER = dayNumberFromParts(1899, 12, 31);

const FULL_DATE_SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const FULL_DATE_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const FULL_DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_SEPARATED = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_CHINESE = /^(\d{4})年(\d{1,2})月?$/;
const MONTH_COMPACT = /^(\d{4})(\d{2})$/;
/** A time part after the date (`2023-05-01 00:00:00`, `2023-05-01T08:00:00.000Z`) is ignored. */
const TRAILING_TIME = /(?:T|\s)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const FORMAT_ERROR: ParseDateCellResult = { ok: false, error: { code: 'DATE_FORMAT' } };

/** Converts an Excel 1900-system serial (1 = 1900-01-01) to a day; `undefined` for 60 or out of range. */
export function excelSerialToYmd(serial: number): string | undefined {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < 1 || whole > MAX_EXCEL_SERIAL || whole === FAKE_LEAP_DAY_SERIAL) return undefined;
  const dayNumber = SERIAL_ZERO_DAY_NUMBER + (whole > FAKE_LEAP_DAY_SERIAL ? whole - 1 : whole);
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return formatYmd(year, month, day);
}

/** Converts a day to its Excel 1900-system serial (inverse of {@link excelSerialToYmd}). */
export function ymdToExcelSerial(year: number, month: number, day: number): number {
  const offset = dayNumberFromParts(year, month, day) - SERIAL_ZERO_DAY_NUMBER;
  return offset >= FAKE_LEAP_DAY_SERIAL ? offset + 1 : offset;
}

function dayResult(year: number, month: number, day: number, precision: DatePrecision): ParseDateCellResult {
  if (!isValidDateParts(year, month, day)) return FORMAT_ERROR;
  return { ok: true, value: precision === 'day' ? formatYmd(year, month, day) : formatYm(year, month) };
}

function monthResult(year: number, month: number, precision: DatePrecision): ParseDateCellResult {
  if (precision !== 'month' || year < 1 || month < 1 || month > 12) return FORMAT_ERROR;
  return { ok: true, value: formatYm(year, month) };
}

function parseNumberCell(input: number, opts: ParseDateCellOptions): ParseDateCellResult {
  if (!Number.isFinite(input) || input <= 0) return FORMAT_ERROR;
  if (opts.cellIsDateFormatted && input <= MAX_EXCEL_SERIAL) {
    const ymd = excelSerialToYmd(input);
    if (ymd === undefined) return FORMAT_ERROR;
    return { ok: true, value: opts.precision === 'day' ? ymd : ymd.slice(0, 7) };
  }
  if (Number.isInteger(input)) {
    const digits = String(input);
    const compact = FULL_DATE_COMPACT.exec(digits);
    if (compact) return dayResult(Number(compact[1]), Number(compact[2]), Number(compact[3]), opts.precision);
    const month = MONTH_COMPACT.exec(digits);
    if (month) return monthResult(Number(month[1]), Number(month[2]), opts.precision);
    return FORMAT_ERROR;
  }
  // A General cell holding 2023.5: only meaningful as a month. JS prints the shortest round-trip
  // form, so 2023.05 → "2023.05" and 2023.10 (typed) → 2023.1 → "2023.1".
  const match = /^(\d{4})\.(\d{1,2})$/.exec(String(input));
  if (!match) return FORMAT_ERROR;
  const result = monthResult(Number(match[1]), Number(match[2]), opts.precision);
  if (result.ok && match[2] === '1') return { ...result, warning: 'DATE_AMBIGUOUS' };
  return result;
}

function parseTextCell(input: string, opts: ParseDateCellOptions): ParseDateCellResult {
  const text = input.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (text === '') return FORMAT_ERROR;
  const withoutTime = text.replace(TRAILING_TIME, '').replace(/\s+/g, '');
  const separated = FULL_DATE_SEPARATED.exec(withoutTime);
  if (separated) return dayResult(Number(separated[1]), Number(separated[3]), Number(separated[4]), opts.precision);
  const chinese = FULL_DATE_CHINESE.exec(withoutTime);
  if (chinese) return dayResult(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]), opts.precision);
  const compact = FULL_DATE_COMPACT.exec(withoutTime);
  if (compact) return dayResult(Number(compact[1]), Number(compact[2]), Number(compact[3]), opts.precision);
  const month = MONTH_SEPARATED.exec(withoutTime) ?? MONTH_CHINESE.exec(withoutTime) ?? MONTH_COMPACT.exec(withoutTime);
  if (month) return monthResult(Number(month[1]), Number(month[2]), opts.precision);
  return FORMAT_ERROR;
}

/**
 * Reads a spreadsheet cell as a date.
 *
 * Accepted text: `2023-05-01`, `2023/5/1`, `2023.5.1`, `2023年5月1日` (or `号`), `20230501`, with an
 * optional trailing time; full-width digits are folded by NFKC. For month precision also
 * `2023-05`, `2023/5`, `2023.5`, `2023年5月`, `202305`, and a full date is cut to its month.
 * Numbers: an Excel 1900 serial only when `cellIsDateFormatted` (1 = 1900-01-01, 60 = the fake
 * 1900-02-29 → rejected, 61 = 1900-03-01, 45047 = 2023-05-01); otherwise `20230501` or, for months,
 * `2023.5` (see {@link ParseDateCellResult} for the `2023.10` → `2023.1` quirk).
 * Impossible days such as `2023-02-30` are rejected with `DATE_FORMAT`.
 */
export function parseDateCell(input: string | number | null | undefined, opts: ParseDateCellOptions): ParseDateCellResult {
  if (typeof input === 'number') return parseNumberCell(input, opts);
  if (typeof input === 'string') return parseTextCell(input, opts);
  return FORMAT_ERROR;
}
