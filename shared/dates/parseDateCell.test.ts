import { describe, expect, it } from 'vitest';
import { excelSerialToYmd, parseDateCell, ymdToExcelSerial } from './parseDateCell';

const day = { precision: 'day' } as const;
const month = { precision: 'month' } as const;
const dateCell = { precision: 'day', cellIsDateFormatted: true } as const;

function valueOf(result: ReturnType<typeof parseDateCell>): string | undefined {
  return result.ok ? result.value : undefined;
}

describe('parseDateCell text forms', () => {
  it.each([
    ['2023-05-01', '2023-05-01'],
    ['2023/5/1', '2023-05-01'],
    ['2023.5.1', '2023-05-01'],
    ['2023年5月1日', '2023-05-01'],
    ['2023年05月01号', '2023-05-01'],
    ['20230501', '2023-05-01'],
    ['２０２３－０５－０１', '2023-05-01'], // full-width, folded by NFKC
    [' 2023-05-01 00:00:00 ', '2023-05-01'],
    ['2023-05-01T08:00:00.000Z', '2023-05-01'],
    ['2023 年 5 月 1 日', '2023-05-01'],
  ])('reads %s', (input, expected) => {
    expect(valueOf(parseDateCell(input, day))).toBe(expected);
  });

  it.each(['2023-02-30', '2023-13-01', '2023/5-1', '2023', '2023-05', '2023.5', '2023年5月', 'abc', '', '45047', '23-5-1'])(
    'rejects %j at day precision',
    (input) => {
      expect(parseDateCell(input, day)).toEqual({ ok: false, error: { code: 'DATE_FORMAT' } });
    },
  );

  it('reads month-only forms at month precision and cuts full dates', () => {
    expect(valueOf(parseDateCell('2023.5', month))).toBe('2023-05');
    expect(valueOf(parseDateCell('2023年5月', month))).toBe('2023-05');
    expect(valueOf(parseDateCell('2023-05', month))).toBe('2023-05');
    expect(valueOf(parseDateCell('2023/12', month))).toBe('2023-12');
    expect(valueOf(parseDateCell('202305', month))).toBe('2023-05');
    expect(valueOf(parseDateCell('2023-05-01', month))).toBe('2023-05');
    expect(valueOf(parseDateCell('2023.10', month))).toBe('2023-10'); // text keeps the typed zero
    expect(parseDateCell('2023.13', month).ok).toBe(false);
    expect(parseDateCell('2023-02-30', month).ok).toBe(false);
  });
});

describe('parseDateCell numbers', () => {
  it('reads Excel 1900 serials only from date-formatted cells', () => {
    expect(valueOf(parseDateCell(1, dateCell))).toBe('1900-01-01');
    expect(valueOf(parseDateCell(59, dateCell))).toBe('1900-02-28');
    // 60 is Excel's fake 1900-02-29: no such day, so it is refused.
    expect(parseDateCell(60, dateCell).ok).toBe(false);
    expect(valueOf(parseDateCell(61, dateCell))).toBe('1900-03-01');
    expect(valueOf(parseDateCell(45047, dateCell))).toBe('2023-05-01');
    expect(valueOf(parseDateCell(45047.75, dateCell))).toBe('2023-05-01'); // time of day dropped
    expect(valueOf(parseDateCell(45047, { precision: 'month', cellIsDateFormatted: true }))).toBe('2023-05');
    expect(parseDateCell(0, dateCell).ok).toBe(false);
    expect(parseDateCell(45047, day).ok).toBe(false); // General cell: a bare count is not a date
  });

  it('reads 8-digit numbers as yyyymmdd, even in a date-formatted cell (too large for a serial)', () => {
    expect(valueOf(parseDateCell(20230501, day))).toBe('2023-05-01');
    expect(valueOf(parseDateCell(20230501, dateCell))).toBe('2023-05-01');
    expect(parseDateCell(20230230, day).ok).toBe(false);
  });

  it('reads decimal months and flags the 2023.10 → 2023.1 quirk', () => {
    expect(parseDateCell(2023.5, month)).toEqual({ ok: true, value: '2023-05' });
    expect(parseDateCell(2023.12, month)).toEqual({ ok: true, value: '2023-12' });
    expect(parseDateCell(2023.05, month)).toEqual({ ok: true, value: '2023-05' });
    // 2023.10 typed into a General cell is stored as 2023.1: read as January, flagged.
    expect(parseDateCell(2023.1, month)).toEqual({ ok: true, value: '2023-01', warning: 'DATE_AMBIGUOUS' });
    expect(parseDateCell(2023.5, day).ok).toBe(false);
    expect(parseDateCell(2023.13, month).ok).toBe(false);
  });

  it('refuses other inputs', () => {
    expect(parseDateCell(undefined, day).ok).toBe(false);
    expect(parseDateCell(null, day).ok).toBe(false);
    expect(parseDateCell(Number.NaN, dateCell).ok).toBe(false);
    expect(parseDateCell(-5, dateCell).ok).toBe(false);
  });
});

describe('serial helpers', () => {
  it('converts both ways around the fake leap day', () => {
    expect(ymdToExcelSerial(1900, 1, 1)).toBe(1);
    expect(ymdToExcelSerial(1900, 2, 28)).toBe(59);
    expect(ymdToExcelSerial(1900, 3, 1)).toBe(61);
    expect(ymdToExcelSerial(2023, 5, 1)).toBe(45047);
    expect(excelSerialToYmd(2958465)).toBe('9999-12-31');
    expect(excelSerialToYmd(2958466)).toBeUndefined();
  });
});
