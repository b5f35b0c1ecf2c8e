import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  compareYmd,
  dayNumberToYmd,
  daysBetween,
  isValidYm,
  isValidYmd,
  todayYmd,
  ymdToDayNumber,
} from './ymd';

describe('isValidYmd', () => {
  it('accepts real days including leap days', () => {
    expect(isValidYmd('2023-05-01')).toBe(true);
    expect(isValidYmd('2024-02-29')).toBe(true); // 2024 divisible by 4
    expect(isValidYmd('2000-02-29')).toBe(true); // divisible by 400
  });
  it('rejects impossible or malformed days', () => {
    expect(isValidYmd('2023-02-29')).toBe(false);
    expect(isValidYmd('1900-02-29')).toBe(false); // divisible by 100, not 400
    expect(isValidYmd('2023-02-30')).toBe(false);
    expect(isValidYmd('2023-04-31')).toBe(false);
    expect(isValidYmd('2023-13-01')).toBe(false);
    expect(isValidYmd('2023-5-1')).toBe(false);
    expect(isValidYmd('')).toBe(false);
  });
  it('checks months', () => {
    expect(isValidYm('2023-12')).toBe(true);
    expect(isValidYm('2023-00')).toBe(false);
    expect(isValidYm('2023-13')).toBe(false);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(ymdToDayNumber('1970-01-01')).toBe(0);
    expect(ymdToDayNumber('1970-02-01')).toBe(31);
    // 1969-12-31 is the day before the epoch.
    expect(ymdToDayNumber('1969-12-31')).toBe(-1);
    // 2000-01-01: 30 years of which 7 leap (72,76,80,84,88,92,96) → 30*365+7 = 10957.
    expect(ymdToDayNumber('2000-01-01')).toBe(10957);
    expect(dayNumberToYmd(10957)).toBe('2000-01-01');
  });
  it('round-trips every day of 1899–2101', () => {
    const mismatches: number[] = [];
    for (let n = ymdToDayNumber('1899-01-01'); n <= ymdToDayNumber('2101-12-31'); n += 1) {
      if (ymdToDayNumber(dayNumberToYmd(n)) !== n) mismatches.push(n);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('arithmetic', () => {
  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2023-05-01', 0)).toBe('2023-05-01');
  });
  it('counts days between', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
  });
  it('compares', () => {
    expect(compareYmd('2023-05-01', '2023-05-02')).toBeLessThan(0);
    expect(compareYmd('2023-05-01', '2023-05-01')).toBe(0);
    expect(compareYmd('2023-10', '2023-09')).toBeGreaterThan(0);
  });
  it('computes whole-year ages', () => {
    expect(ageOn('1990-06-30', '2026-06-30')).toBe(36);
    expect(ageOn('1990-07-01', '2026-06-30')).toBe(35);
    expect(ageOn('1990-12-31', '2026-06-30')).toBe(35);
    // Born on a leap day: in a common year the birthday counts from 1 March.
    expect(ageOn('2024-02-29', '2025-02-28')).toBe(0);
    expect(ageOn('2024-02-29', '2025-03-01')).toBe(1);
  });
});

describe('todayYmd', () => {
  it('uses China Standard Time', () => {
    // 2026-06-30T16:00:00Z is 2026-07-01 00:00 in Shanghai.
    expect(todayYmd(() => Date.UTC(2026, 5, 30, 16, 0, 0))).toBe('2026-07-01');
    expect(todayYmd(() => Date.UTC(2026, 5, 30, 15, 59, 59))).toBe('2026-06-30');
  });
});
