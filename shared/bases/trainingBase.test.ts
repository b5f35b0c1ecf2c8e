import { describe, expect, it } from 'vitest';
import { baseAccreditationState, daysBetween, effectiveBaseStatus, isWithinAccreditation, programmeLabel, validateBase, type TrainingBaseData } from './trainingBase';

function base(overrides: Partial<TrainingBaseData> = {}): TrainingBaseData {
  return {
    code: 'JD-001',
    name: '浦东人工智能实训基地',
    type: 'enterprise',
    creditCode: '91310115MA1K4XYR0P',
    district: '310115',
    address: '张江路 1 号',
    contact: '王老师',
    phone: '13800138000',
    accreditedOn: '2024-01-01',
    validUntil: '2026-12-31',
    status: 'active',
    annualPlan: 500,
    programmes: [{ id: 'p1', occupation: '人工智能训练师', workType: '数据标注员', level: 4, plannedHours: 120 }],
    ...overrides,
  };
}

describe('daysBetween', () => {
  it('counts calendar days across a leap day', () => {
    // 2024-02-28 → 2024-03-01: 29 Feb exists in 2024, so 2 days.
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-10-02', '2026-12-31')).toBe(90);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
  });
});

describe('baseAccreditationState', () => {
  const b = base({ validUntil: '2026-12-31' });
  it('is ok 91 days before the end', () => {
    // 2026-10-01 → 2026-12-31: Oct 30 + Nov 30 + Dec 31 = 91 days.
    expect(baseAccreditationState(b, '2026-10-01')).toEqual({ state: 'ok', daysLeft: 91 });
  });
  it('turns amber at 90 days and stays amber on the last valid day', () => {
    expect(baseAccreditationState(b, '2026-10-02')).toEqual({ state: 'expiringSoon', daysLeft: 90 });
    expect(baseAccreditationState(b, '2026-12-31')).toEqual({ state: 'expiringSoon', daysLeft: 0 });
  });
  it('is red the day after 有效期至', () => {
    expect(baseAccreditationState(b, '2027-01-01')).toEqual({ state: 'expired', daysLeft: -1 });
  });
  it('is ok without a valid end date', () => {
    expect(baseAccreditationState(base({ validUntil: '' }), '2027-01-01').state).toBe('ok');
  });
});

describe('effectiveBaseStatus', () => {
  it('reads 已到期 for an active base past its end, keeps 暂停/撤销', () => {
    expect(effectiveBaseStatus(base(), '2026-11-27')).toBe('active');
    expect(effectiveBaseStatus(base(), '2027-01-01')).toBe('expired');
    expect(effectiveBaseStatus(base({ status: 'suspended' }), '2027-01-01')).toBe('suspended');
    expect(effectiveBaseStatus(base({ status: 'revoked' }), '2026-01-01')).toBe('revoked');
  });
});

describe('isWithinAccreditation', () => {
  it('includes both ends', () => {
    expect(isWithinAccreditation(base(), '2024-01-01')).toBe(true);
    expect(isWithinAccreditation(base(), '2026-12-31')).toBe(true);
    expect(isWithinAccreditation(base(), '2023-12-31')).toBe(false);
    expect(isWithinAccreditation(base(), '2027-01-01')).toBe(false);
  });
});

describe('validateBase', () => {
  it('accepts a complete base', () => {
    expect(validateBase(base())).toEqual([]);
  });
  it('only warns on a credit code that fails its check', () => {
    // Last character changed: 91310115MA1K4XYR0P has check char P; Q fails it.
    const issues = validateBase(base({ creditCode: '91310115MA1K4XYR0Q' }));
    expect(issues.map((entry) => [entry.code, entry.severity])).toEqual([['CREDIT_CODE', 'warning']]);
  });
  it('refuses missing code, end before start, negative plan and an incomplete programme', () => {
    const issues = validateBase(base({ code: ' ', accreditedOn: '2025-01-01', validUntil: '2024-12-31', annualPlan: -1, programmes: [{ id: 'x', occupation: '', workType: '', level: 4, plannedHours: 0 }] }));
    expect(issues.map((entry) => entry.code)).toEqual(['REQUIRED', 'DATE_RANGE', 'NUMBER_FORMAT', 'PROGRAMME']);
  });
});

describe('programmeLabel', () => {
  it('joins occupation, work type and level', () => {
    expect(programmeLabel({ occupation: '人工智能训练师', workType: '数据标注员', level: 4 })).toBe('人工智能训练师/数据标注员 四级/中级工');
  });
});
