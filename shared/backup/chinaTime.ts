/**
 * Calendar days and months of an instant in Shanghai. China Standard Time is UTC+08:00 all year (no
 * daylight saving), so a fixed offset is exact and independent of the machine's time zone.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch for an ISO timestamp, or undefined when it is not one. */
export function instantOf(iso: string): number | undefined {
  // Date.parse accepts many loose forms; insist on an ISO date with a time and an explicit zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Days since 1970-01-01 of the Shanghai calendar day containing the instant. */
export function chinaDayNumber(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY);
}

/** Shanghai wall-clock parts of an instant. */
export function chinaParts(ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number } {
  const shifted = new Date(ms + CHINA_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}

/** The instant of a Shanghai wall-clock time. */
export function instantOfChinaTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - CHINA_OFFSET_MS;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` of the Shanghai day containing the instant. */
export function chinaYmd(ms: number): string {
  const { year, month, day } = chinaParts(ms);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `YYYY-MM` of the Shanghai month containing the instant. */
export function chinaYm(ms: number): string {
  const { year, month } = chinaParts(ms);
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Months since year 0 of the Shanghai month containing the instant (consecutive months differ by 1). */
export function chinaMonthNumber(ms: number): number {
  const { year, month } = chinaParts(ms);
  return year * 12 + (month - 1);
}
