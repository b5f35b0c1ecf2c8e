import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../fields/fieldTypes';
import { genderOptions, idDocumentTypeOptions } from '../codes/codeLists';
import { validateRecord } from './validateRecord';

const today = '2026-06-30';

/** A roster-like table, as the Excel helper would define one. */
const rosterFields: readonly FieldDef[] = [
  { key: 'seq', zh: '序号', en: 'No.', type: 'integer' },
  { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true, maxLength: 5 },
  { key: 'gender', zh: '性别', en: 'Gender', type: 'code', options: genderOptions },
  { key: 'idType', zh: '证件类型', en: 'Document type', type: 'code', options: idDocumentTypeOptions },
  { key: 'idNumber', zh: '身份证号码', en: 'ID number', type: 'idNumber', required: true },
  { key: 'birthDate', zh: '出生日期', en: 'Date of birth', type: 'date' },
  { key: 'phone', zh: '手机号码', en: 'Mobile', type: 'phone' },
  { key: 'email', zh: '邮箱', en: 'E-mail', type: 'email' },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', type: 'creditCode' },
  { key: 'start', zh: '培训开始日期', en: 'Start', type: 'date' },
  { key: 'end', zh: '培训结束日期', en: 'End', type: 'date' },
  { key: 'graduated', zh: '毕业时间', en: 'Graduated', type: 'month' },
  { key: 'hours', zh: '学时', en: 'Hours', type: 'number' },
  { key: 'passed', zh: '是否合格', en: 'Passed', type: 'boolean' },
  { key: 'tags', zh: '标签', en: 'Tags', type: 'tags' },
  { key: 'level', zh: '等级', en: 'Level', type: 'code', options: [{ value: '4', zh: '四级', en: 'Level 4' }], derived: true },
];

function run(raw: Record<string, string | number | boolean | undefined>, dateRanges = [{ from: 'start', to: 'end' }]) {
  return validateRecord(rosterFields, raw, { today, dateRanges });
}

function codes(result: ReturnType<typeof run>): string[] {
  return result.issues.map((issue) => `${issue.field}:${issue.code}`);
}

describe('validateRecord', () => {
  it('normalises a clean row and fills birth date and gender from the ID', () => {
    const result = run({
      seq: '1',
      name: ' 张三 ',
      idNumber: '31010119900307123０',
      phone: '+86 138-1234-5678',
      email: 'zhang@example.com',
      creditCode: '91310000ma1fl0000n',
      start: '2023/5/1',
      end: '2023年5月20日',
      graduated: '2012.7',
      hours: '1,234.5',
      passed: '是',
      tags: '数据标注，算法、数据标注; 测试',
      level: '四级',
    });
    expect(result.issues).toEqual([]);
    expect(result.record).toEqual({
      seq: 1,
      name: '张三',
      gender: 'M',
      idType: 'resident',
      idNumber: '310101199003071230',
      birthDate: '1990-03-07',
      phone: '13812345678',
      email: 'zhang@example.com',
      creditCode: '91310000MA1FL0000N',
      start: '2023-05-01',
      end: '2023-05-20',
      graduated: '2012-07',
      hours: 1234.5,
      passed: true,
      tags: ['数据标注', '算法', '测试'],
    });
  });

  it('reports blanks in required fields and skips derived fields', () => {
    const result = run({ name: '  ', idNumber: undefined, level: 'anything' });
    expect(codes(result)).toEqual(['name:REQUIRED', 'idNumber:REQUIRED']);
    expect(result.issues[0]).toMatchObject({ severity: 'error', message: '姓名：必填，不能为空', messageEn: 'Name: is required' });
    expect(result.record).toEqual({});
  });

  it('reports each format problem with a stable code', () => {
    const result = run({
      seq: '1.5',
      name: '欧阳娜娜娜娜',
      gender: '未知',
      idNumber: '310101199003071231',
      phone: '12345',
      email: 'nope',
      start: '2023-02-30',
      graduated: '2012年13月',
      hours: 'abc',
      passed: '也许',
    });
    expect(codes(result)).toEqual([
      'seq:NUMBER_FORMAT',
      'name:TEXT_TOO_LONG',
      'gender:CODE_UNKNOWN',
      'phone:PHONE_FORMAT',
      'email:EMAIL_FORMAT',
      'start:DATE_FORMAT',
      'graduated:DATE_FORMAT',
      'hours:NUMBER_FORMAT',
      'passed:CODE_UNKNOWN',
      'idNumber:ID_CHECKSUM',
    ]);
    expect(result.issues.find((issue) => issue.field === 'gender')?.message).toBe('性别：不是可选值之一（可选：男、女）');
    expect(result.issues.find((issue) => issue.field === 'idNumber')?.value).toBe('310101199003071231');
  });

  it('accepts negative numbers and number cells', () => {
    const result = run({ name: '李四', idNumber: '11010519491231002X', hours: '-12', seq: 3 });
    expect(result.record).toMatchObject({ hours: -12, seq: 3 });
    expect(run({ name: '李四', idNumber: '11010519491231002X', hours: '－１２' }).record.hours).toBe(-12);
  });

  it('cross-checks entered birth date and gender against the ID', () => {
    const result = run({ name: '王五', idNumber: '11010519491231002X', birthDate: '1949-12-30', gender: '男' });
    expect(codes(result)).toEqual(['birthDate:BIRTHDATE_MISMATCH', 'gender:GENDER_MISMATCH']);
    expect(result.issues.map((issue) => issue.message)).toEqual(['出生日期：与证件号码中的出生日期不一致', '性别：与证件号码中的性别不一致']);
    const agreeing = run({ name: '王五', idNumber: '11010519491231002X', birthDate: '1949年12月31日', gender: '女' });
    expect(agreeing.issues).toEqual([]);
  });

  it('accepts a month-only 出生年月 that agrees with the ID', () => {
    const result = run({ name: '王五', idNumber: '11010519491231002X', birthDate: '1949.12' });
    expect(result.issues).toEqual([]);
    expect(result.record.birthDate).toBe('1949-12-31');
    expect(codes(run({ name: '王五', idNumber: '11010519491231002X', birthDate: '1949.11' }))).toEqual(['birthDate:DATE_FORMAT']);
  });

  it('skips cross-checks when the ID is wrong', () => {
    const result = run({ name: '王五', idNumber: '11010519491231002Y', birthDate: '2000-01-01', gender: '男' });
    expect(codes(result)).toEqual(['idNumber:ID_FORMAT']);
  });

  it('checks the number for the entered document type and does not cross-check permits', () => {
    const result = run({ name: 'Chan', idType: '回乡证', idNumber: 'h12345678', gender: '男', birthDate: '1980-01-01' });
    expect(result.issues).toEqual([]);
    expect(result.record).toMatchObject({ idType: 'hkMacauPermit', idNumber: 'H12345678' });
    expect(codes(run({ name: 'Chan', idType: '回乡证', idNumber: '310101199003071230' }))).toEqual(['idNumber:ID_FORMAT']);
  });

  it('skips the ID check when the document type is unknown', () => {
    expect(codes(run({ name: 'X', idType: '军官证', idNumber: '12345' }))).toEqual(['idType:CODE_UNKNOWN']);
  });

  it('warns for upgraded IDs, adjusted residence permit types and credit codes', () => {
    const upgraded = run({ name: '赵六', idNumber: '130503670401001' });
    expect(codes(upgraded)).toEqual(['idNumber:ID_UPGRADED']);
    expect(upgraded.issues[0]?.severity).toBe('warning');
    expect(upgraded.record).toMatchObject({ idNumber: '130503196704010016', birthDate: '1967-04-01', gender: 'M' });

    const adjusted = run({ name: '陈七', idType: '港澳台居民居住证', idNumber: '830000198808080033' });
    expect(codes(adjusted)).toEqual(['idType:ID_TYPE_ADJUSTED']);
    expect(adjusted.issues[0]?.message).toBe('证件类型：已按号码前缀把证件类型调整为“台湾居民居住证”');
    expect(adjusted.record.idType).toBe('taiwanResidence');

    const pilot = run({ name: '周八', idNumber: '11010519491231002X', creditCode: '91350203M0001QAY9B' });
    expect(codes(pilot)).toEqual(['creditCode:CREDIT_CODE']);
    expect(pilot.issues[0]?.severity).toBe('warning');
    expect(pilot.record.creditCode).toBe('91350203M0001QAY9B');
    const short = run({ name: '周八', idNumber: '11010519491231002X', creditCode: '9131' });
    expect(short.issues[0]).toMatchObject({ code: 'CREDIT_CODE', severity: 'warning', message: '统一社会信用代码：统一社会信用代码应为 18 位，请核对' });
  });

  it('flags ID numbers that passed through a number cell', () => {
    expect(codes(run({ name: 'A', idNumber: 310101199003071230 }))).toEqual(['idNumber:ID_NUMERIC']);
    expect(codes(run({ name: 'A', idNumber: '3.10101E+17' }))).toEqual(['idNumber:ID_NUMERIC']);
    // A 15-digit first-generation number survives a number cell.
    expect(run({ name: 'A', idNumber: 130503670401001 }).record.idNumber).toBe('130503196704010016');
  });

  it('reads Excel serials only in date-formatted cells', () => {
    const raw = { name: 'A', idNumber: '11010519491231002X', start: 45047 };
    expect(codes(run(raw))).toEqual(['start:DATE_FORMAT']);
    const dated = validateRecord(rosterFields, raw, { today, dateFormattedKeys: new Set(['start']) });
    expect(dated.record.start).toBe('2023-05-01');
  });

  it('warns about the 2023.10 → 2023.1 month quirk', () => {
    const result = run({ name: 'A', idNumber: '11010519491231002X', graduated: 2023.1 });
    expect(codes(result)).toEqual(['graduated:DATE_AMBIGUOUS']);
    expect(result.record.graduated).toBe('2023-01');
  });

  it('checks date ranges and future birth dates', () => {
    expect(codes(run({ name: 'A', idNumber: 'E12345678', idType: '护照', start: '2023-05-02', end: '2023-05-01' }))).toEqual(['end:DATE_RANGE']);
    expect(run({ name: 'A', idNumber: 'E12345678', idType: '护照', start: '2023-05-02', end: '2023-05-01' }).issues[0]?.message).toBe(
      '培训结束日期：不能早于培训开始日期',
    );
    expect(codes(run({ name: 'A', idNumber: 'E12345678', idType: '护照', birthDate: '2027-01-01' }))).toEqual(['birthDate:DATE_RANGE']);
  });

  it('is inert to hostile keys', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "x", "name": "A", "idNumber": "11010519491231002X"}') as Record<string, string>;
    const result = run(hostile);
    expect(result.issues).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(result.record)).not.toContain('constructor');

    const hostileFields: FieldDef[] = [{ key: 'constructor', zh: '构造', en: 'C', type: 'text' }];
    expect(validateRecord(hostileFields, {}, { today }).record).toEqual({});
    expect(validateRecord(hostileFields, { constructor: 'v' }, { today }).record).toEqual({ constructor: 'v' });
  });

  it('can turn identity checks off', () => {
    const result = validateRecord(rosterFields, { name: 'A', idNumber: 'anything' }, { today, identity: null });
    expect(result.issues).toEqual([]);
    expect(result.record.idNumber).toBe('ANYTHING');
  });
});
