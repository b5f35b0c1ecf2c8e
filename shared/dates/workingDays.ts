/**
 * Working days on the Chinese calendar: weekends are rest days, except the 调休 make-up workdays,
 * and statutory holidays are rest days. Used for 公示 periods (DOMAIN.md §7). The calendar of a
 * year is data (shipped for the years known, importable/editable for a new one); a period that
 * reaches a year without data is still computed on weekends alone and says which years it lacked.
 */
import { err, ok, type Result } from '../result';
import { addDays, isValidYmd, ymdParts, ymdToDayNumber } from './ymd';

/** Holidays and make-up workdays of one year, `YYYY-MM-DD` strings of that year. */
export interface HolidayCalendar {
  year: number;
  holidays: readonly string[];
  workdays: readonly string[];
}

/** Answers "is this a working day" for the years it has data for. */
export interface WorkingDayCalendar {
  /** The years with data. */
  years: ReadonlySet<number>;
  /** Working day or not; for a year without data, weekdays count as working days. */
  isWorkingDay(date: string): boolean;
  /** Whether the calendar has data for the year of `date`. */
  knowsYear(year: number): boolean;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day number 0, was a Thursday). */
export function weekdayOf(date: string): number {
  return (((ymdToDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Builds a calendar from per-year data; a later entry for the same year replaces an earlier one. */
export function createWorkingDayCalendar(calendars: readonly HolidayCalendar[]): WorkingDayCalendar {
  const byYear = new Map<number, HolidayCalendar>();
  for (const calendar of calendars) byYear.set(calendar.year, calendar);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const calendar of byYear.values()) {
    for (const day of calendar.holidays) holidays.add(day);
    for (const day of calendar.workdays) workdays.add(day);
  }
  const years = new Set(byYear.keys());
  return {
    years,
    knowsYear: (year) => years.has(year),
    isWorkingDay(date) {
      if (workdays.has(date)) return true;
      if (holidays.has(date)) return false;
      const weekday = weekdayOf(date);
      return weekday !== 0 && weekday !== 6;
    },
  };
}

/** The end of a period of working days, and the years the calendar lacked on the way. */
export interface WorkingDayPeriod {
  /** First working day of the period. */
  startsOn: string;
  /** Last working day of the period (inclusive). */
  endsOn: string;
  /** Years touched by the period that have no holiday data (the result may then be wrong). */
  missingYears: number[];
}

/**
 * The period of `count` working days starting at `start`. With `startCountsAsDayOne` a working
 * `start` is day 1; otherwise day 1 is the first working day after `start`. A non-working `start`
 * is never counted.
 */
export function workingDayPeriod(
  calendar: WorkingDayCalendar,
  start: string,
  count: number,
  startCountsAsDayOne: boolean,
): Result<WorkingDayPeriod> {
  if (!isValidYmd(start)) return err({ code: 'DATE_INVALID', message: `日期“${start}”无效。`, messageEn: `Invalid date "${start}".` });
  if (!Number.isInteger(count) || count < 1 || count > 366) {
    return err({ code: 'WORKING_DAYS_INVALID', message: '工作日天数应为 1 至 366 的整数。', messageEn: 'The number of working days must be a whole number from 1 to 366.' });
  }
  const missing = new Set<number>();
  const note = (date: string) => {
    const { year } = ymdParts(date);
    if (!calendar.knowsYear(year)) missing.add(year);
  };
  let day = startCountsAsDayOne ? start : addDays(start, 1);
  let counted = 0;
  let startsOn = '';
  for (;;) {
    note(day);
    if (calendar.isWorkingDay(day)) {
      counted += 1;
      if (counted === 1) startsOn = day;
      if (counted === count) break;
    }
    day = addDays(day, 1);
  }
  return ok({ startsOn, endsOn: day, missingYears: [...missing].sort((a, b) => a - b) });
}

/** Working days from `from` to `to`, both inclusive (0 when `to` is before `from`). */
export function countWorkingDays(calendar: WorkingDayCalendar, from: string, to: string): number {
  let total = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) total += 1;
  return total;
}

function calendarError(message: string, messageEn: string): Result<never> {
  return err({ code: 'HOLIDAY_CALENDAR_INVALID', message, messageEn });
}

function datesOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
  // chinese-days per-year files: { "2026-01-01": "New Year's Day,元旦,1", … }
  if (value !== null && typeof value === 'object') return Object.keys(value);
  return undefined;
}

/**
 * Reads one year's calendar from JSON: `{ year?, holidays: [dates] | {date: name}, workdays: … }`
 * (the shape of `chinese-days` year files is accepted). Every date must be valid and in `year`,
 * and no date may be both a holiday and a workday.
 */
export function parseHolidayCalendarJson(year: number, text: string): Result<HolidayCalendar> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return calendarError('节假日文件不是有效的 JSON。', 'The holiday file is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object') return calendarError('节假日文件格式不对。', 'The holiday file has the wrong shape.');
  const record = parsed as Record<string, unknown>;
  const holidays = datesOf(record.holidays);
  const workdays = datesOf(record.workdays ?? []);
  if (holidays === undefined || workdays === undefined) {
    return calendarError('节假日文件应包含 holidays 与 workdays 两项。', 'The file must have "holidays" and "workdays".');
  }
  const prefix = `${year}-`;
  for (const day of [...holidays, ...workdays]) {
    if (!isValidYmd(day)) return calendarError(`日期“${day}”无效。`, `Invalid date "${day}".`);
    if (!day.startsWith(prefix)) return calendarError(`日期“${day}”不属于 ${year} 年。`, `Date "${day}" is not in ${year}.`);
  }
  const holidaySet = new Set(holidays);
  const both = workdays.find((day) => holidaySet.has(day));
  if (both !== undefined) return calendarError(`“${both}”不能既是节假日又是调休上班日。`, `"${both}" cannot be both a holiday and a workday.`);
  return ok({ year, holidays: [...holidaySet].sort(), workdays: [...new Set(workdays)].sort() });
}
