import { describe, expect, it } from 'vitest';
import type { GridCell, WorkbookGrid } from '../excel/grid';
import { certificateKindFor, certificateNumberKey, formatCertificateNumber, nextCertificateNumber } from './certificate';
import { committeePasses, readCommitteeResults } from './committee';

function cell(value: string | number): GridCell {
  return typeof value === 'number' ? { t: 'n', v: value, w: String(value) } : { t: 's', v: value, w: value };
}

describe('committee two-thirds rule (strictly more than)', () => {
  it('15 members: 10 is exactly two-thirds and fails, 11 passes', () => {
    expect(committeePasses(10, 15)).toBe(false);
    expect(committeePasses(11, 15)).toBe(true);
  });

  it('13 members: 9 passes (27 > 26), 8 fails (24 < 26); 7 of 9 passes, 6 of 9 fails', () => {
    expect(committeePasses(9, 13)).toBe(true);
    expect(committeePasses(8, 13)).toBe(false);
    expect(committeePasses(7, 9)).toBe(true);
    expect(committeePasses(6, 9)).toBe(false);
  });

  it('a configured half: 6 of 11 passes, 5 of 10 fails; nonsense votes fail', () => {
    expect(committeePasses(6, 11, { numerator: 1, denominator: 2 })).toBe(true);
    expect(committeePasses(5, 10, { numerator: 1, denominator: 2 })).toBe(false);
    expect(committeePasses(16, 15)).toBe(false);
    expect(committeePasses(0, 0)).toBe(false);
  });
});

describe('reading the committee result sheet', () => {
  it('finds the header under a title row, reads rows, flags conflicts and bad rows', () => {
    const grid: WorkbookGrid = {
      format: 'xlsx',
      sheets: [
        {
          name: '评审结果',
          hidden: false,
          rows: [
            [cell('2026年度人工智能专业高级职称评审结果')],
            [cell('序号'), cell('评审编号'), cell('姓名'), cell('表决结果'), cell('同意票'), cell('到会委员')],
            [cell(1), cell('GJ2026-001'), cell('李明'), cell('通过'), cell(12), cell(15)],
            [cell(2), cell('GJ2026-002'), cell('王芳'), cell('通过'), cell(10), cell(15)],
            [cell(3), cell('GJ2026-003'), cell('赵强'), cell('不通过'), cell(6), cell(15)],
            [cell(4), cell(''), cell('钱'), cell('通过'), cell(12), cell(15)],
            [cell(5), cell('GJ2026-005'), cell('孙'), cell('通过'), cell('十二'), cell(15)],
            [cell('合计')],
          ],
        },
      ],
    };
    const read = readCommitteeResults(grid);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.rows.map((row) => [row.documentNumber, row.passedByVotes, row.conflict])).toEqual([
      ['GJ2026-001', true, false],
      ['GJ2026-002', false, true],
      ['GJ2026-003', false, false],
    ]);
    expect(read.value.problems.map((problem) => problem.row)).toEqual([6, 7]);
  });

  it('says which columns it needs when the header is missing', () => {
    const read = readCommitteeResults({ format: 'xlsx', sheets: [{ name: 'x', hidden: false, rows: [[cell('姓名')]] }] });
    expect(!read.ok && read.error.code).toBe('COMMITTEE_HEADER_NOT_FOUND');
  });
});

describe('certificates', () => {
  it('electronic for 中级 and above, numbered for 初级', () => {
    expect(certificateKindFor('junior')).toBe('numbered');
    expect(certificateKindFor('intermediate')).toBe('electronic');
    expect(certificateKindFor('senior')).toBe('electronic');
  });

  it('formats numbers and skips taken ones within the year; another year starts again', () => {
    const pattern = 'SHAI-ZL-{year}-{seq:5}';
    expect(formatCertificateNumber(pattern, 2026, 7)).toEqual({ ok: true, value: 'SHAI-ZL-2026-00007' });
    expect(formatCertificateNumber('ZL{year}', 2026, 1).ok).toBe(false);
    const taken = new Set([certificateNumberKey(2026, 'SHAI-ZL-2026-00001'), certificateNumberKey(2026, 'shai-zl-2026-00002 ')]);
    expect(nextCertificateNumber(pattern, 2026, taken)).toEqual({ ok: true, value: 'SHAI-ZL-2026-00003' });
    expect(nextCertificateNumber(pattern, 2027, taken)).toEqual({ ok: true, value: 'SHAI-ZL-2027-00001' });
  });

  it('the unique key ignores case and spacing, and includes the year', () => {
    expect(certificateNumberKey(2026, ' ab-1 ')).toBe('2026|AB-1');
    expect(certificateNumberKey(2026, 'AB-1')).not.toBe(certificateNumberKey(2027, 'AB-1'));
  });
});
