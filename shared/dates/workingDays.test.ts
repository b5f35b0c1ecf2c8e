import { describe, expect, it } from 'vitest';
import { countWorkingDays, createWorkingDayCalendar, parseHolidayCalendarJson, weekdayOf, workingDayPeriod } from './workingDays';
import { SHIPPED_HOLIDAY_CALENDARS } from './workingDaysCalendar';

const calendar = createWorkingDayCalendar(SHIPPED_HOLIDAY_CALENDARS);

function endOf(start: string, count: number, startCounts = true): string {
  const period = workingDayPeriod(calendar, start, count, startCounts);
  if (!period.ok) throw new Error(period.error.message);
  return period.value.endsOn;
}

describe('weekdays and the shipped calendar', () => {
  it('knows weekdays', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('2025-09-28')).toBe(0);
  });

  it('matches the State Council notices for 2025 and 2026 (调休 Saturdays/Sundays are workdays)', () => {
    // 2025 春节 1月28日至2月4日, 1月26日(周日)、2月8日(周六)上班; 国庆中秋 10月1日至8日, 9月28日(周日)、10月11日(周六)上班.
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-04')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
    // 2026 春节 2月15日至23日, 2月14日(周六)、2月28日(周六)上班; 国庆 10月1日至7日, 9月20日(周日)、10月10日(周六)上班.
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
  });
});

describe('5-working-day periods across holidays', () => {
  it('2026 Spring Festival: Thu, Fri, make-up Sat 02-14, then Tue 02-24 and Wed 02-25', () => {
    expect(endOf('2026-02-12', 5)).toBe('2026-02-25');
    // Start not counted: Fri 13, Sat 14, Tue 24, Wed 25, Thu 26.
    expect(endOf('2026-02-12', 5, false)).toBe('2026-02-26');
  });

  it('2025 Spring Festival: Fri 01-24, make-up Sun 01-26, Mon 27, then Wed 02-05 and Thu 02-06', () => {
    expect(endOf('2025-01-24', 5)).toBe('2025-02-06');
  });

  it('2025 National Day: Fri 09-26, make-up Sun 09-28, Mon, Tue, then Thu 10-09', () => {
    expect(endOf('2025-09-26', 5)).toBe('2025-10-09');
    expect(endOf('2025-09-26', 5, false)).toBe('2025-10-10');
    // Started on the holiday: Thu 10-09, Fri 10-10, make-up Sat 10-11, Mon 10-13, Tue 10-14.
    const period = workingDayPeriod(calendar, '2025-10-03', 5, true);
    expect(period.ok && period.value).toEqual({ startsOn: '2025-10-09', endsOn: '2025-10-14', missingYears: [] });
  });

  it('2026 National Day: make-up Sun 09-20 counts, and Sat 10-10 ends a period begun on 09-29', () => {
    expect(endOf('2026-09-18', 5)).toBe('2026-09-23');
    expect(endOf('2026-09-29', 5)).toBe('2026-10-10');
    // Mon 28, Tue 29, Wed 30, Thu 10-08, Fri 10-09, make-up Sat 10-10.
    expect(countWorkingDays(calendar, '2026-09-28', '2026-10-11')).toBe(6);
  });

  it('warns when the period reaches a year without data, computing on weekends alone', () => {
    const period = workingDayPeriod(calendar, '2026-12-29', 5, true);
    // Tue 29, Wed 30, Thu 31, Fri 2027-01-01 (no data: a weekday), Mon 01-04.
    expect(period.ok && period.value).toEqual({ startsOn: '2026-12-29', endsOn: '2027-01-04', missingYears: [2027] });
  });

  it('refuses a bad date or count', () => {
    expect(workingDayPeriod(calendar, '2026-02-30', 5, true).ok).toBe(false);
    expect(workingDayPeriod(calendar, '2026-02-10', 0, true).ok).toBe(false);
  });
});

describe('importing a year', () => {
  it('reads lists and chinese-days year files, and rejects dates of another year or in both lists', () => {
    const lists = parseHolidayCalendarJson(2027, '{"holidays":["2027-01-01"],"workdays":["2027-02-06"]}');
    expect(lists.ok && lists.value).toEqual({ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-02-06'] });
    const chineseDays = parseHolidayCalendarJson(2027, '{"holidays":{"2027-01-01":"元旦"},"workdays":{},"inLieuDays":{}}');
    expect(chineseDays.ok && chineseDays.value.holidays).toEqual(['2027-01-01']);
    expect(parseHolidayCalendarJson(2027, '{"holidays":["2026-01-01"]}').ok).toBe(false);
    expect(parseHolidayCalendarJson(2027, '{"holidays":["2027-01-01"],"workdays":["2027-01-01"]}').ok).toBe(false);
    expect(parseHolidayCalendarJson(2027, 'nope').ok).toBe(false);
  });

  it('an imported year makes a make-up Saturday a working day', () => {
    const withYear = createWorkingDayCalendar([...SHIPPED_HOLIDAY_CALENDARS, { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-02'] }]);
    expect(withYear.isWorkingDay('2027-01-02')).toBe(true);
    expect(withYear.isWorkingDay('2027-01-01')).toBe(false);
  });
});
