import { describe, expect, it } from 'vitest';
import { rosterFields } from './rosterFields';
import { validateRosterRow } from './validateRosterRow';

const TODAY = '2026-11-26';
/** Female, born 1949-12-31. */
const ID_F = '11010519491231002X';

function codes(raw: Record<string, string | number>): string[] {
  return validateRosterRow(raw, { today: TODAY }).issues.map((issue) => `${issue.field}:${issue.code}`);
}

describe('roster field table', () => {
  it('has unique keys and the documented columns, with 姓名 and 证件号码 required', () => {
    const keys = rosterFields.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rosterFields.map((field) => field.zh)).toEqual([
      '姓名', '证件类型', '证件号码', '性别', '出生日期', '手机号码', '学历', '工作单位', '职业/工种', '等级',
      '培训开始日期', '培训结束日期', '学时', '出勤率', '考核结果', '理论成绩', '实操成绩', '证书编号', '备注',
    ]);
    expect(rosterFields.filter((field) => field.required).map((field) => field.key)).toEqual(['name', 'idNumber']);
  });
});

describe('validateRosterRow', () => {
  it('normalises a complete row and fills gender and birth date from the ID', () => {
    const { record, issues } = validateRosterRow(
      { name: ' 张三 ', idNumber: ID_F.toLowerCase(), education: '大专', assessmentResult: '合格', hours: '64', theoryScore: 100, practicalScore: '0', trainingStartDate: '2023.5.1', trainingEndDate: '2023年6月30日' },
      { today: TODAY },
    );
    expect(issues).toEqual([]);
    expect(record).toEqual({
      name: '张三',
      idType: 'resident',
      idNumber: ID_F,
      gender: 'F',
      birthDate: '1949-12-31',
      education: 'associate',
      assessmentResult: 'passed',
      hours: 64,
      theoryScore: 100,
      practicalScore: 0,
      trainingStartDate: '2023-05-01',
      trainingEndDate: '2023-06-30',
    });
  });

  it('refuses negative 学时, scores outside 0–100 and an end before the start', () => {
    expect(codes({ name: '甲', idNumber: ID_F, hours: -5, theoryScore: 100.5, practicalScore: -1 })).toEqual([
      'hours:NUMBER_FORMAT',
      'theoryScore:NUMBER_FORMAT',
      'practicalScore:NUMBER_FORMAT',
    ]);
    expect(codes({ name: '甲', idNumber: ID_F, trainingStartDate: '2023-06-30', trainingEndDate: '2023-06-29' })).toEqual(['trainingEndDate:DATE_RANGE']);
    expect(codes({ name: '甲', idNumber: ID_F, trainingStartDate: '2023-06-30', trainingEndDate: '2023-06-30' })).toEqual([]);
  });

  it('reads 考核结果 and 学历 through their code lists', () => {
    expect(validateRosterRow({ name: '甲', idNumber: ID_F, assessmentResult: '缺考', education: '中专' }, { today: TODAY }).record).toMatchObject({ assessmentResult: 'absent', education: 'other' });
    expect(codes({ name: '甲', idNumber: ID_F, assessmentResult: '优秀' })).toEqual(['assessmentResult:CODE_UNKNOWN']);
  });

  it('checks other document types by their own rules', () => {
    expect(codes({ name: 'A', idType: '护照', idNumber: 'E12345678' })).toEqual([]);
    expect(codes({ name: 'A', idType: '台胞证', idNumber: '1234567' })).toEqual(['idNumber:ID_FORMAT']);
    expect(codes({ name: 'A', idType: '驾驶证', idNumber: ID_F })).toEqual(['idType:CODE_UNKNOWN']);
  });
});
