import { describe, expect, it } from 'vitest';
import type { Talent } from '../talent/talent';
import { talentFields } from '../talent/talentFields';
import { createListRecordInterner, listRecordOf, TALENT_LIST_EXTRA_FIELDS, TALENT_LIST_RECORD_FIELDS } from './talentListRecord';
import { TALENT_INDEX_FIELDS } from './talentSearch';

const stored: Talent = {
  id: 't1',
  name: '王小明',
  gender: 'M',
  idType: 'resident',
  idNumber: '310115199003071239',
  birthDate: '1990-03-07',
  nationality: '中国',
  phone: '13912345678',
  email: 'wxm@example.com',
  education: 'phd',
  degree: '工学博士',
  school: '复旦大学',
  major: '计算机科学与技术',
  graduationDate: '2018-07',
  employer: '上海智算科技有限公司',
  employerCreditCode: '91310000MA1FL8LQ3E',
  district: '310115',
  cluster: 'zhangjiang',
  industrySegment: '智能芯片',
  category: 'algorithmEngineer',
  position: '首席科学家',
  overseas: true,
  joinedDate: '2024-01-02',
  leftDate: '',
  leftReason: '',
  status: 'active',
  tags: ['重点'],
  remarks: '备注',
  titleLevel: 'deputySenior',
  skillLevel: 2,
  createdAt: '2024-01-02T08:00:00.000Z',
  updatedAt: '2025-03-01T08:00:00.000Z',
  importBatchId: 'batch-1',
};

describe('talent list record', () => {
  it('holds every column of the field table plus id and updatedAt, and nothing of the bookkeeping', () => {
    const record = listRecordOf(stored);
    for (const field of talentFields) expect(record[field.key], field.key).toEqual(stored[field.key]);
    expect(record.id).toBe('t1');
    expect(record.updatedAt).toBe('2025-03-01T08:00:00.000Z');
    expect(Object.keys(record).sort()).toEqual([...TALENT_LIST_RECORD_FIELDS].sort());
    expect(record).not.toHaveProperty('createdAt');
    expect(record).not.toHaveProperty('importBatchId');
  });

  it('lists the index fields first, then the other columns in field-table order, each once', () => {
    expect(TALENT_LIST_RECORD_FIELDS.slice(0, TALENT_INDEX_FIELDS.length)).toEqual([...TALENT_INDEX_FIELDS]);
    expect(TALENT_LIST_EXTRA_FIELDS).toEqual(['nationality', 'email', 'degree', 'school', 'major', 'graduationDate', 'employerCreditCode', 'industrySegment', 'position', 'leftDate', 'leftReason', 'tags', 'remarks']);
    expect(new Set(TALENT_LIST_RECORD_FIELDS).size).toBe(TALENT_LIST_RECORD_FIELDS.length);
  });

  it('gives a record from an older version empty values for the fields it lacks', () => {
    const record = listRecordOf({ id: 'old', name: '李四' });
    expect(record).toMatchObject({ id: 'old', name: '李四', idType: 'resident', category: 'other', status: 'active', titleLevel: 'none', skillLevel: 0, overseas: false, email: '', tags: [], remarks: '' });
  });
});

describe('createListRecordInterner', () => {
  // Two people read from IndexedDB: equal values, but each record with its own copies.
  const read = (id: string, name: string, tags: string[]) =>
    listRecordOf(
      structuredClone({ id, name, idNumber: `31011519900101${id}`, district: 'pudong', employer: '上海智能科技有限公司', joinedDate: '2024-03-01', tags, updatedAt: '2026-11-27T08:00:00.000Z' }),
    );

  it('keeps every value as it was', () => {
    const intern = createListRecordInterner();
    const before = read('0011', '张三', ['海外引进']);
    expect(intern(read('0011', '张三', ['海外引进']))).toEqual(before);
  });

  it('makes two records share one tags list, frozen, and one empty list when there are none', () => {
    const intern = createListRecordInterner();
    const first = intern(read('0011', '张三', ['海外引进', '重点人才']));
    const second = intern(read('0027', '李四', ['海外引进', '重点人才']));
    expect(second.tags).toBe(first.tags);
    expect(Object.isFrozen(first.tags)).toBe(true);
    const untagged = [intern(read('0035', '王五', [])), intern(read('0043', '赵六', []))];
    expect(untagged[1]?.tags).toBe(untagged[0]?.tags);
    expect(() => (untagged[0]?.tags as string[]).push('x')).toThrow();
    // Another list is another shared list.
    expect(intern(read('0051', '钱七', ['博士后'])).tags).toEqual(['博士后']);
  });

  it('leaves the fields that are one person\'s own alone and records nothing else', () => {
    const intern = createListRecordInterner();
    const record = intern(read('0011', '张三', []));
    expect(Object.keys(record)).toEqual(TALENT_LIST_RECORD_FIELDS);
  });
});
