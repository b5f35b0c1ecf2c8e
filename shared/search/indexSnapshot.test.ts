import { describe, expect, it } from 'vitest';
import { decodeIndexSnapshot, encodeIndexSnapshot, encodeIndexSnapshotParts, INDEX_SNAPSHOT_VERSION, type IndexSnapshot } from './indexSnapshot';
import { listRecordOf, TALENT_LIST_RECORD_FIELDS, type TalentListRecord } from './talentListRecord';

function source(id: string, name: string, updatedAt: string): TalentListRecord {
  return listRecordOf({
    id,
    name,
    gender: 'M',
    idType: 'resident',
    idNumber: `3101011990030712${id.padStart(2, '0')}`,
    birthDate: '1990-03-07',
    phone: `138000000${id.padStart(2, '0')}`,
    education: 'master',
    employer: '上海某公司',
    district: 'pudong',
    cluster: 'zhangjiang',
    category: 'engineer',
    titleLevel: 'none',
    skillLevel: 3,
    status: 'active',
    overseas: id === '2',
    joinedDate: '2024-01-02',
    updatedAt,
    email: `user${id}@example.com`,
    school: '复旦大学',
    employerCreditCode: '91310000MA1FL8LQ3E',
    tags: id === '3' ? ['重点', '海归'] : [],
    remarks: id === '5' ? '含,逗号与"引号"' : '',
  });
}

describe('index snapshot', () => {
  it('round-trips sources, pinyin keys and the newest record', () => {
    const snapshot: IndexSnapshot = {
      sources: Array.from({ length: 40 }, (_, i) => source(String(i), i % 2 === 0 ? '张三' : '李四', `2025-01-01T00:00:${String(i).padStart(2, '0')}.000Z`)),
      pinyin: [
        ['张三', 'zhangsan', 'zs'],
        ['李四', 'lisi', 'ls'],
      ],
      latest: { id: '39', updatedAt: '2025-01-01T00:00:39.000Z' },
    };
    const text = encodeIndexSnapshot(snapshot);
    const decoded = decodeIndexSnapshot(text);
    expect(decoded).toEqual(snapshot);
    // Every column of the list is kept, not only the searchable ones: the export writes from it.
    expect(Object.keys(decoded?.sources[3] ?? {}).sort()).toEqual([...TALENT_LIST_RECORD_FIELDS].sort());
    expect(decoded?.sources[3]).toMatchObject({ email: 'user3@example.com', school: '复旦大学', tags: ['重点', '海归'], nationality: '' });
    expect(decoded?.sources[5]?.remarks).toBe('含,逗号与"引号"');
    // Repeated values are dictionary-coded: the two names are stored once each.
    expect(text.split('张三').length - 1).toBe(2);
  });

  it('writes a large snapshot in small pieces that join to the same snapshot', () => {
    // 45,000 sources: every column spans three pieces of at most 20,000 values.
    const count = 45_000;
    const snapshot: IndexSnapshot = {
      sources: Array.from({ length: count }, (_, i) => source(String(i), `张${i % 7}`, `2025-01-01T00:00:00.${String(i).padStart(6, '0')}Z`)),
      pinyin: Array.from({ length: 7 }, (_, i) => [`张${i}`, `zhang${i}`, `z${i}`] as [string, string, string]),
      latest: { id: String(count - 1), updatedAt: `2025-01-01T00:00:00.${String(count - 1).padStart(6, '0')}Z` },
    };
    const parts = [...encodeIndexSnapshotParts(snapshot)];
    const text = parts.join('');
    expect(decodeIndexSnapshot(text)).toEqual(snapshot);
    // A column of 45,000 values comes in three pieces: the longest piece (20,000 ID numbers or
    // timestamps, ≈ 600,000 characters) is a small share of the whole text.
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThan(text.length / 6);
    expect(parts.filter((part) => part.startsWith(',"20000"')).length).toBe(1);
    // The dictionary coding runs in pieces too (5,000 values each), an empty part after each: a
    // column is coded whole (9 pieces) or until its distinct values pass half the count (5 pieces).
    expect(parts.filter((part) => part === '').length).toBeGreaterThanOrEqual(TALENT_LIST_RECORD_FIELDS.length * 5);
    // The id column is written plainly (every value distinct), the names as a 7-entry dictionary.
    const file = JSON.parse(text) as { columns: Record<string, { values?: unknown[]; dictionary?: unknown[]; codes?: number[] }> };
    expect(file.columns.id?.values).toHaveLength(count);
    expect(file.columns.name?.dictionary).toHaveLength(7);
    expect(file.columns.name?.codes?.slice(0, 9)).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 1]);
  });

  it('rejects text that is not a snapshot of this version', () => {
    expect(decodeIndexSnapshot('not json')).toBeNull();
    expect(decodeIndexSnapshot(JSON.stringify({ version: 0 }))).toBeNull();
    const text = encodeIndexSnapshot({ sources: [source('1', '王五', '2025-01-01')], pinyin: [], latest: null });
    expect(decodeIndexSnapshot(text.replace(`"version":${INDEX_SNAPSHOT_VERSION}`, '"version":99'))).toBeNull();
    // A snapshot of the first layout held only the search fields: it is read from the database again.
    expect(decodeIndexSnapshot(text.replace(`"version":${INDEX_SNAPSHOT_VERSION}`, '"version":1'))).toBeNull();
  });
});
