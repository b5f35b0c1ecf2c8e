import { describe, expect, it } from 'vitest';
import { decodeIndexSnapshot, encodeIndexSnapshot, type IndexSnapshot } from './indexSnapshot';
import type { TalentIndexSource } from './talentSearch';

function source(id: string, name: string, updatedAt: string): TalentIndexSource {
  return {
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
  };
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
    expect(decodeIndexSnapshot(text)).toEqual(snapshot);
    // Repeated values are dictionary-coded: the two names are stored once each.
    expect(text.split('张三').length - 1).toBe(2);
  });

  it('rejects text that is not a snapshot of this version', () => {
    expect(decodeIndexSnapshot('not json')).toBeNull();
    expect(decodeIndexSnapshot(JSON.stringify({ version: 0 }))).toBeNull();
    const text = encodeIndexSnapshot({ sources: [source('1', '王五', '2025-01-01')], pinyin: [], latest: null });
    expect(decodeIndexSnapshot(text.replace('"version":1', '"version":99'))).toBeNull();
  });
});
