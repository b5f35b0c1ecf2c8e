import { describe, expect, it } from 'vitest';
import { TalentSearchIndex, ageBandOf, hasTalentFilters, isWholeListQuery, namePinyinKeys, type TalentIndexSource } from './talentSearch';

function talent(id: string, name: string, extra: Partial<TalentIndexSource> = {}): TalentIndexSource {
  return {
    id,
    name,
    gender: 'M',
    idType: 'resident',
    idNumber: '',
    birthDate: '1990-01-01',
    phone: '',
    education: 'bachelor',
    employer: '',
    district: '310115',
    cluster: 'zhangjiang',
    category: 'engineer',
    titleLevel: 'none',
    skillLevel: 0,
    status: 'active',
    overseas: false,
    joinedDate: '2024-01-01',
    updatedAt: `2026-01-0${id}T00:00:00.000Z`,
    ...extra,
  };
}

const today = '2026-06-30';

function build(): TalentSearchIndex {
  const index = new TalentSearchIndex();
  index.upsertMany([
    talent('1', '张三', { idNumber: '11010519491231002X', phone: '13812345678', employer: '上海人工智能实验室' }),
    talent('2', '张珊珊', { idNumber: '440524188001010014', birthDate: '1980-06-30', district: '310104' }),
    talent('3', '李四', { employer: 'SenseTime 商汤科技', birthDate: '1971-07-01', category: 'manager' }),
    talent('4', '单雄信', { overseas: true, birthDate: '1990-07-01' }),
  ]);
  return index;
}

describe('namePinyinKeys', () => {
  it('reads surnames with their surname pronunciation', () => {
    expect(namePinyinKeys('张三')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(namePinyinKeys('单雄信')).toEqual({ full: 'shanxiongxin', initials: 'sxx' });
    expect(namePinyinKeys('Anna Lee')).toEqual({ full: 'annalee', initials: 'annalee' });
  });
});

describe('TalentSearchIndex', () => {
  it('matches pinyin initials and full-pinyin prefixes', () => {
    const index = build();
    expect(index.query({ text: 'zs', today }).ids.sort()).toEqual(['1', '2']);
    expect(index.query({ text: 'zhangs', today }).ids.sort()).toEqual(['1', '2']);
    expect(index.query({ text: 'zhangsh', today }).ids).toEqual(['2']);
    expect(index.query({ text: 'sxx', today }).ids).toEqual(['4']);
  });

  it('matches name characters, ID tails, phone tails and employers', () => {
    const index = build();
    expect(index.query({ text: '张', today }).total).toBe(2);
    expect(index.query({ text: '002x', today }).ids).toEqual(['1']);
    expect(index.query({ text: '0014', today }).ids).toEqual(['2']);
    expect(index.query({ text: '5678', today }).ids).toEqual(['1']);
    expect(index.query({ text: '商汤', today }).ids).toEqual(['3']);
    expect(index.query({ text: 'sensetime', today }).ids).toEqual(['3']);
    // Three digits are too short to be an ID tail.
    expect(index.query({ text: '002', today }).total).toBe(0);
  });

  it('matches ID tails of any length from four characters, and follows edits', () => {
    const index = build();
    // 11010519491231002X and 440524188001010014: the tails 002X / 0014 share no bucket.
    expect(index.query({ text: '1231002x', today }).ids).toEqual(['1']);
    expect(index.query({ text: '11010519491231002X', today }).ids).toEqual(['1']);
    expect(index.query({ text: '01010014', today }).ids).toEqual(['2']);
    expect(index.query({ text: '9991231002X', today }).total).toBe(0);
    index.upsert(talent('3', '李四', { idNumber: '310101199001011234', phone: '13900000014', updatedAt: '2026-01-03T00:00:00.000Z' }));
    // '0014' now ends talent 2's ID number and talent 3's phone.
    expect(index.query({ text: '0014', today }).ids.sort()).toEqual(['2', '3']);
    expect(index.query({ text: '1234', today }).ids.sort()).toEqual(['3']);
  });

  it('finds every person of an employer many people share, and only them', () => {
    const index = new TalentSearchIndex();
    index.upsertMany([
      talent('a', '王一', { employer: '浦东张江实验室' }),
      talent('b', '王二', { employer: '徐汇滨江公司' }),
      talent('c', '王三', { employer: '浦东张江实验室' }),
      talent('d', '王四', { employer: '' }),
      talent('e', '王五', { employer: '浦东张江实验室' }),
    ]);
    expect(index.query({ text: '张江', today }).ids.sort()).toEqual(['a', 'c', 'e']);
    expect(index.query({ text: '滨江', today }).ids).toEqual(['b']);
    expect(index.query({ text: '江', today }).total).toBe(4);
    index.upsert(talent('c', '王三', { employer: '徐汇滨江公司' }));
    expect(index.query({ text: '张江', today }).ids.sort()).toEqual(['a', 'e']);
    expect(index.query({ text: '滨江', today }).ids.sort()).toEqual(['b', 'c']);
  });

  it('filters by code fields and age band on the given day', () => {
    const index = build();
    expect(index.query({ filters: { district: ['310104'] }, today }).ids).toEqual(['2']);
    expect(index.query({ filters: { overseas: true }, today }).ids).toEqual(['4']);
    // On 2026-06-30: born 1980-06-30 → 46 (46–54); born 1971-07-01 → 54 (46–54, birthday tomorrow);
    // born 1990-07-01 → 35 (≤35); born 1990-01-01 → 36; born 1949-12-31 is not in this index.
    expect(index.query({ filters: { ageBand: ['46to54'] }, today }).ids.sort()).toEqual(['2', '3']);
    expect(index.query({ filters: { ageBand: ['le35'] }, today }).ids).toEqual(['4']);
    expect(index.query({ filters: { ageBand: ['36to45'] }, today }).ids).toEqual(['1']);
    expect(ageBandOf(35)).toBe('le35');
    expect(ageBandOf(36)).toBe('36to45');
    expect(ageBandOf(54)).toBe('46to54');
    expect(ageBandOf(55)).toBe('ge55');
  });

  it('lists the most recently changed first and pages', () => {
    const index = build();
    expect(index.query({ today, limit: 2 })).toEqual({ total: 4, ids: ['4', '3'] });
    expect(index.query({ today, offset: 2, limit: 2 }).ids).toEqual(['2', '1']);
    index.upsert(talent('1', '张三', { updatedAt: '2026-02-01T00:00:00.000Z' }));
    expect(index.query({ today, limit: 1 }).ids).toEqual(['1']);
    expect(index.size).toBe(4);
  });

  it('sorts by a column and names by pinyin', () => {
    const index = build();
    expect(index.query({ today, sort: { key: 'name', direction: 'asc' } }).ids).toEqual(['3', '4', '1', '2']);
    expect(index.query({ today, sort: { key: 'birthDate', direction: 'desc' } }).ids).toEqual(['4', '1', '2', '3']);
  });

  it('removes records and compacts without losing any', () => {
    const index = new TalentSearchIndex();
    for (let i = 0; i < 5000; i += 1) index.upsert(talent(String(i), '王五', { updatedAt: String(i).padStart(6, '0') }));
    for (let i = 0; i < 3000; i += 1) index.remove(String(i));
    expect(index.size).toBe(2000);
    const all = index.query({ today, limit: 5000 });
    expect(all.total).toBe(2000);
    expect(all.ids[0]).toBe('4999');
    expect(all.ids.at(-1)).toBe('3000');
  });
});

describe('whole-list query', () => {
  it('is no text, no filter and no sort; an empty filter list is no filter, overseas: false is one', () => {
    expect(isWholeListQuery({})).toBe(true);
    expect(isWholeListQuery({ text: ' \u3000 ', filters: { district: [], category: undefined } })).toBe(true);
    expect(isWholeListQuery({ text: 'zs' })).toBe(false);
    expect(isWholeListQuery({ filters: { district: ['310115'] } })).toBe(false);
    expect(isWholeListQuery({ filters: { overseas: false } })).toBe(false);
    expect(isWholeListQuery({ sort: { key: 'updatedAt', direction: 'desc' } })).toBe(false);
    expect(hasTalentFilters(undefined)).toBe(false);
    expect(hasTalentFilters({ overseas: true })).toBe(true);
  });
});
