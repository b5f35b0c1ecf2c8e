/**
 * Calendar arithmetic on plain `YYYY-MM-DD` strings. Every computation goes through a day number
 * (days since 1970-01-01, proleptic Gregorian), never through a `Date` at local midnight, so the
 * results do not depend on the machine's time zone or on daylight saving.
 */

const YMD_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const YM_PATTERN = /^(\d{4})-(\d{2})$/;

/** China Standard Time is UTC+8 all year (no daylight saving), which defines "today" for the clerk. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** True for a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the parts name a real calendar day (years 1–9999). */
export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a well-formed `YYYY-MM-DD` string naming a real day (rejects `2023-02-30`). */
export function isValidYmd(value: string): boolean {
  const match = YMD_PATTERN.exec(value);
  if (!match) return false;
  return isValidDateParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** True for a well-formed `YYYY-MM` string with a month 01–12. */
export function isValidYm(value: string): boolean {
  const match = YM_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1 && month >= 1 && month <= 12;
}

/** Formats parts as `YYYY-MM-DD` (zero-padded). */
export function formatYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Formats parts as `YYYY-MM` (zero-padded). */
export function formatYm(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Splits a valid `YYYY-MM-DD`; throws on malformed input because callers must validate first. */
export function ymdParts(value: string): { year: number; month: number; day: number } {
  const match = YMD_PATTERN.exec(value);
  if (!match || !isValidYmd(value)) throw new Error(`not a valid YYYY-MM-DD date: ${value}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * Days since 1970-01-01 for a calendar day (Howard Hinnant's `days_from_civil`), exact for
 * every Gregorian date without touching `Date`.
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of {@link dayNumberFromParts} (`civil_from_days`). */
export function partsFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Day number (days since 1970-01-01) of a valid `YYYY-MM-DD`. */
export function ymdToDayNumber(value: string): number {
  const { year, month, day } = ymdParts(value);
  return dayNumberFromParts(year, month, day);
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dayNumberToYmd(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return formatYmd(year, month, day);
}

/**
 * Compares two dates of the same shape (`YYYY-MM-DD` or `YYYY-MM`): negative, 0 or positive.
 * Zero-padded ISO strings sort lexicographically in calendar order.
 */
export function compareYmd(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Adds `days` (may be negative) to a valid `YYYY-MM-DD`. */
export function addDays(value: string, days: number): string {
  return dayNumberToYmd(ymdToDayNumber(value) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return ymdToDayNumber(to) - ymdToDayNumber(from);
}

/**
 * Age in whole years on a day. Someone born on 29 February turns a year older on 1 March in
 * common years (the day after 28 February), which is how Chinese age rules are usually read.
 */
export function ageOn(birthDate: string, on: string): number {
  const birth = ymdParts(birthDate);
  const day = ymdParts(on);
  let age = day.year - birth.year;
  if (day.month < birth.month || (day.month === birth.month && day.day < birth.day)) age -= 1;
  return age;
}

/** A source of the current time in epoch milliseconds; injected so tests and workers control "now". */
export type Clock = () => number;

/** The system clock. */
export function systemClock(): number {
  return Date.now();
}

/** Today's date in China Standard Time (UTC+8), as `YYYY-MM-DD`. */
export function todayYmd(clock: Clock = systemClock): string {
  return dayNumberToYmd(Math.floor((clock() + CHINA_OFFSET_MS) / MS_PER_DAY));
}
