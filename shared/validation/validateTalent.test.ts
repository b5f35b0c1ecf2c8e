import { describe, expect, it } from 'vitest';
import { talentFields } from '../talent/talentFields';
import { createDuplicateTracker, duplicateInFileIssue } from './duplicates';
import { createHeaderMatcher } from './headers';
import { createIssue, formatIssueLine, formatIssueMessage, hasErrors, issueCatalog } from './issues';
import { validateTalentInput } from './validateTalent';
import { talentIdentityKey } from './index';

const today = '2026-06-30';

function codes(issues: readonly { field: string; code: string }[]): string[] {
  return issues.map((issue) => `${issue.field}:${issue.code}`);
}

describe('validateTalentInput', () => {
  it('builds a complete draft with defaults and ID-derived fields', () => {
    const { record, issues } = validateTalentInput(
      {
        name: '张三',
        idNumber: '310103198506150027',
        phone: '13812345678',
        education: '大学本科',
        district: '卢湾',
        cluster: '张江',
        industrySegment: '智能芯片',
        overseas: '有',
        joinedDate: '2021.3.15',
        tags: '重点,博士后',
        titleLevel: '正高', // derived: ignored
      },
      { today },
    );
    expect(issues).toEqual([]);
    expect(record).toEqual({
      name: '张三',
      gender: 'F',
      idType: 'resident',
      idNumber: '310103198506150027',
      birthDate: '1985-06-15',
      nationality: '',
      phone: '13812345678',
      email: '',
      education: 'bachelor',
      degree: '',
      school: '',
      major: '',
      graduationDate: '',
      employer: '',
      employerCreditCode: '',
      district: '310101',
      cluster: 'zhangjiang',
      industrySegment: 'chip',
      category: 'other',
      position: '',
      overseas: true,
      joinedDate: '2021-03-15',
      leftDate: '',
      leftReason: '',
      status: 'active',
      tags: ['重点', '博士后'],
      remarks: '',
      titleLevel: 'none',
      skillLevel: 0,
    });
  });

  it('requires name and document number', () => {
    const { issues } = validateTalentInput({}, { today });
    expect(codes(issues)).toEqual(['name:REQUIRED', 'idNumber:REQUIRED']);
    expect(hasErrors(issues)).toBe(true);
  });

  it('checks 离库日期 ≥ 入库日期', () => {
    const { issues } = validateTalentInput({ name: 'A', idNumber: '11010519491231002X', joinedDate: '2024-01-02', leftDate: '2024-01-01', leftReason: '调离' }, { today });
    expect(codes(issues)).toEqual(['leftDate:DATE_RANGE']);
    expect(issues[0]?.message).toBe('离库日期：不能早于入库日期');
    const same = validateTalentInput({ name: 'A', idNumber: '11010519491231002X', joinedDate: '2024-01-01', leftDate: '2024-01-01', leftReason: '调离' }, { today });
    expect(same.issues).toEqual([]);
  });

  it('needs 离库日期 and 离库原因 for leaving statuses, and infers 已迁出 from a 离库日期', () => {
    const moved = validateTalentInput({ name: 'A', idNumber: '11010519491231002X', status: '已迁出' }, { today });
    expect(codes(moved.issues)).toEqual(['leftDate:REQUIRED', 'leftReason:REQUIRED']);
    expect(moved.issues[0]?.message).toBe('离库日期：状态为“已迁出”或“已注销”时必填');
    const inferred = validateTalentInput({ name: 'A', idNumber: '11010519491231002X', leftDate: '2025-01-01', leftReason: '离职' }, { today });
    expect(inferred.issues).toEqual([]);
    expect(inferred.record.status).toBe('movedOut');
    const explicit = validateTalentInput({ name: 'A', idNumber: '11010519491231002X', status: '在库', leftDate: '2025-01-01' }, { today });
    expect(explicit.record.status).toBe('active');
  });

  it('reports ID cross-check mismatches', () => {
    const { issues, record } = validateTalentInput({ name: 'A', idNumber: '11010519491231002X', gender: '男', birthDate: '1949-12-31' }, { today });
    expect(codes(issues)).toEqual(['gender:GENDER_MISMATCH']);
    expect(record.gender).toBe('M'); // entered value kept; the error blocks saving
  });

  it('accepts form values: booleans and tag arrays', () => {
    const { record, issues } = validateTalentInput({ name: 'A', idNumber: 'E12345678', idType: 'passport', overseas: false, tags: ['a', ' b ', 'a'] }, { today });
    expect(issues).toEqual([]);
    expect(record).toMatchObject({ idType: 'passport', overseas: false, tags: ['a', 'b'], gender: '', birthDate: '' });
  });
});

describe('duplicates in a file', () => {
  it('finds the same person under a 15- and an 18-digit number', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check(talentIdentityKey('resident', '130503196704010016'), 2)).toBeUndefined();
    expect(tracker.check(talentIdentityKey('resident', '11010519491231002X'), 3)).toBeUndefined();
    expect(tracker.check(talentIdentityKey('resident', '130503670401001'), 4)).toBe(2);
    expect(tracker.size).toBe(2);
    const idField = talentFields.find((field) => field.key === 'idNumber');
    if (!idField) throw new Error('idNumber field missing');
    expect(duplicateInFileIssue(idField, 2)).toEqual({
      field: 'idNumber',
      code: 'DUPLICATE_IN_FILE',
      severity: 'error',
      message: '证件号码：与第 2 行是同一人（证件号码重复）',
      messageEn: 'Document number: same person as row 2 (duplicate document number)',
    });
  });
  it('is safe with prototype keys', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check('__proto__', 1)).toBeUndefined();
    expect(tracker.check('constructor', 2)).toBeUndefined();
    expect(tracker.check('__proto__', 3)).toBe(1);
  });
});

describe('header matching', () => {
  const match = createHeaderMatcher(talentFields);
  it.each([
    ['姓名', 'name'],
    ['*姓名', 'name'],
    ['身份证号', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['证件号', 'idNumber'],
    ['证件\n号码', 'idNumber'],
    ['手机', 'phone'],
    ['联系电话', 'phone'],
    ['手机号码（必填）', 'phone'],
    ['学历', 'education'],
    ['单位', 'employer'],
    ['工作单位名称', 'employer'],
    ['Name', 'name'],
    ['国籍/地区', 'nationality'],
  ])('%j → %s', (header, key) => {
    expect(match(header)).toBe(key);
  });
  it('never matches derived fields or unknown headers', () => {
    expect(match('职称等级')).toBeUndefined();
    expect(match('技能等级')).toBeUndefined();
    expect(match('合计')).toBeUndefined();
    expect(match('__proto__')).toBeUndefined();
    expect(match('constructor')).toBeUndefined();
    expect(match('')).toBeUndefined();
  });
});

describe('issue messages', () => {
  it('formats file-level issues without a field', () => {
    expect(formatIssueMessage('FILE_TOO_LARGE', { params: { maxMb: 512 } })).toEqual({
      message: '文件过大（上限 512 MB）',
      messageEn: 'The file is too large (limit 512 MB)',
    });
    expect(createIssue(undefined, 'FILE_ENCRYPTED')).toMatchObject({ field: '', severity: 'error' });
  });
  it('formats report lines', () => {
    const issue = createIssue({ key: 'phone', zh: '手机号码', en: 'Mobile' }, 'PHONE_FORMAT', {}, '123');
    expect(formatIssueLine(issue, 5)).toBe('第 5 行 · 手机号码：不是有效的手机号码（11 位，以 1 开头）');
    expect(formatIssueLine(issue, 5, 'en')).toBe('Row 5 · Mobile: is not a valid mainland mobile number (11 digits starting with 1)');
  });
  it('has warnings exactly where data is kept', () => {
    const warnings = Object.entries(issueCatalog)
      .filter(([, text]) => text.severity === 'warning')
      .map(([code]) => code)
      .sort();
    expect(warnings).toEqual(['AREA_UNKNOWN', 'CREDIT_CODE', 'DATE_AMBIGUOUS', 'DUPLICATE_IN_DB', 'ID_TYPE_ADJUSTED', 'ID_UPGRADED']);
  });
});
