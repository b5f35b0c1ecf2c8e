import { describe, expect, it } from 'vitest';
import { generateTalents } from '../demo/generateTalents';
import { TALENT_INDEX_FIELDS, TalentSearchIndex, type TalentIndexSource, type TalentQuery } from './talentSearch';

/** The index fields of demo talents (realistic names, IDs, phones, employers). */
function demoSources(count: number, seed: number): TalentIndexSource[] {
  const sources: TalentIndexSource[] = [];
  let stamp = 0;
  for (const talent of generateTalents(count, seed)) {
    const source: Record<string, unknown> = {};
    for (const field of TALENT_INDEX_FIELDS) source[field] = talent[field];
    // Distinct, ascending stamps: the load order the worker uses (oldest change first).
    source.updatedAt = `2026-01-01T00:00:${String(stamp++).padStart(6, '0')}Z`;
    sources.push(source as TalentIndexSource);
  }
  return sources;
}

type Operation = { kind: 'upsert'; source: TalentIndexSource } | { kind: 'remove'; id: string };

function apply(index: TalentSearchIndex, operations: readonly Operation[]): void {
  for (const operation of operations) {
    if (operation.kind === 'upsert') index.upsert(operation.source);
    else index.remove(operation.id);
  }
}

const today = '2026-06-30';

/** Searches of each kind, filters and sorts, first pages and a later page. */
const QUERIES: readonly TalentQuery[] = [
  { today, limit: 50 },
  { today, offset: 40, limit: 30 },
  { today, limit: 100_000 },
  { text: '张', today, limit: 50 },
  { text: '王', today, offset: 5, limit: 10 },
  { text: 'zs', today, limit: 50 },
  { text: 'wang', today, limit: 50 },
  { text: 'l', today, limit: 100_000 },
  { text: '1234', today, limit: 50 },
  { text: '0011', today, limit: 50 },
  { text: '2', today, limit: 100_000 },
  { text: '科技', today, limit: 50 },
  { text: '上海', today, limit: 100_000 },
  { today, limit: 100_000, filters: { district: ['310115', '310104'] } },
  { today, limit: 100_000, filters: { category: ['engineer', 'algorithm'], overseas: true } },
  { today, limit: 100_000, filters: { ageBand: ['le35', 'ge55'] } },
  { text: 'z', today, limit: 100_000, filters: { education: ['doctor', 'master'] } },
  { today, limit: 100_000, sort: { key: 'name', direction: 'asc' } },
  { today, limit: 100_000, sort: { key: 'name', direction: 'desc' } },
  { today, offset: 17, limit: 40, sort: { key: 'district', direction: 'asc' } },
  { today, limit: 100_000, sort: { key: 'birthDate', direction: 'desc' } },
  { today, limit: 100_000, sort: { key: 'skillLevel', direction: 'asc' } },
  { text: 'l', today, limit: 100_000, sort: { key: 'district', direction: 'desc' }, filters: { status: ['active'] } },
];

/** The same operations replayed into a new index, whose columns are built once, from scratch. */
function expectSameAsFresh(updated: TalentSearchIndex, initial: readonly TalentIndexSource[], operations: readonly Operation[]): void {
  const fresh = new TalentSearchIndex();
  fresh.upsertMany(initial);
  apply(fresh, operations);
  expect(updated.size).toBe(fresh.size);
  for (const query of QUERIES) expect(updated.query(query), JSON.stringify(query)).toEqual(fresh.query(query));
}

describe('TalentSearchIndex updated in place', () => {
  const initial = demoSources(600, 7);
  const extra = demoSources(200, 8).map((source, position) => ({ ...source, id: `new-${position}` }));

  it('answers like a fresh index after edits that move talents to the front, same-stamp rewrites, additions and removals', () => {
    const index = new TalentSearchIndex();
    index.upsertMany(initial);
    index.query({ today, limit: 0 }); // columns built: from here on changes are applied in place
    const operations: Operation[] = [];
    let stamp = 0;
    const later = () => `2026-02-01T00:00:${String(stamp++).padStart(6, '0')}Z`;
    const stampOf11 = '2026-01-31T00:00:00.000Z';
    const steps: Operation[][] = [
      // An edit stamps the record: it becomes the most recently changed.
      [{ kind: 'upsert', source: { ...(initial[10] as TalentIndexSource), name: '张三丰', updatedAt: later() } }],
      // A rewrite with the same stamp keeps its place (a derived field, a new district).
      [{ kind: 'upsert', source: { ...(initial[300] as TalentIndexSource), district: '310104', skillLevel: 5 } }],
      // New talents, one removal of an old one and of a new one.
      [
        { kind: 'upsert', source: { ...(extra[0] as TalentIndexSource), updatedAt: later() } },
        { kind: 'upsert', source: { ...(extra[1] as TalentIndexSource), updatedAt: later() } },
        { kind: 'remove', id: (initial[20] as TalentIndexSource).id },
        { kind: 'remove', id: 'new-0' },
      ],
      // The same talent edited twice, then rewritten with its latest stamp; a changed talent removed.
      [
        { kind: 'upsert', source: { ...(initial[10] as TalentIndexSource), name: '王小明', phone: '13900001234', updatedAt: later() } },
        { kind: 'upsert', source: { ...(initial[11] as TalentIndexSource), overseas: true, updatedAt: stampOf11 } },
        { kind: 'remove', id: (initial[300] as TalentIndexSource).id },
      ],
      // A removed talent comes back (a restore of one record); a changed talent rewritten with its new stamp keeps its new place.
      [
        { kind: 'upsert', source: { ...(initial[20] as TalentIndexSource), updatedAt: later() } },
        { kind: 'upsert', source: { ...(initial[11] as TalentIndexSource), overseas: false, district: '310115', updatedAt: stampOf11 } },
      ],
    ];
    for (const step of steps) {
      apply(index, step);
      operations.push(...step);
      expectSameAsFresh(index, initial, operations);
    }
    // Most recently changed first: 20 (restored), then extra 1, 10, 11 … as a fresh index orders them.
    expect(index.query({ today, limit: 1 }).ids).toEqual([(initial[20] as TalentIndexSource).id]);
    expect(index.query({ text: '王小明', today, limit: 5 }).ids).toContain((initial[10] as TalentIndexSource).id);
  });

  it('puts a changed talent first in the default order and out of searches it no longer matches', () => {
    const index = new TalentSearchIndex();
    index.upsertMany(initial);
    const target = initial[5] as TalentIndexSource;
    expect(index.query({ text: target.idNumber.slice(-6), today, limit: 50 }).ids).toContain(target.id);
    index.upsert({ ...target, idNumber: '110105194912310029', name: '欧阳娜娜', updatedAt: '2026-03-01T00:00:00.000Z' });
    expect(index.query({ today, limit: 1 }).ids).toEqual([target.id]);
    expect(index.query({ text: 'oyn', today, limit: 50 }).ids).toContain(target.id);
    expect(index.query({ text: '0029', today, limit: 50 }).ids).toContain(target.id);
    expect(index.query({ text: target.idNumber.slice(-6), today, limit: 50 }).ids).not.toContain(target.id);
  });

  it('answers like a fresh index after every talent changed eight times', () => {
    const index = new TalentSearchIndex();
    index.upsertMany(initial);
    index.query({ today, limit: 0 });
    const operations: Operation[] = [];
    for (let round = 0; round < 8; round += 1) {
      for (const [position, source] of initial.entries()) {
        operations.push({ kind: 'upsert', source: { ...source, skillLevel: ((position + round) % 6) as TalentIndexSource['skillLevel'], updatedAt: `2026-04-0${round + 1}T00:00:${String(position).padStart(6, '0')}Z` } });
      }
    }
    apply(index, operations);
    expectSameAsFresh(index, initial, operations);
  });
});
