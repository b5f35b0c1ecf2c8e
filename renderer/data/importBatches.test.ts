import { describe, expect, it } from 'vitest';
import { emptyTalentDraft, type TalentDraft } from '../../shared/talent/talentDraft';
import { createTestDatabase, makeTestTalent } from '../db/testing';
import type { ImportBeforeImage } from '../db/types';
import {
  beforeImageChunkId,
  beforeImageEntries,
  classifyCandidate,
  commitImport,
  countPlan,
  findExistingTalents,
  findCommittedBatchesByFile,
  findMappingPreset,
  headerSignature,
  overridesForHeaders,
  planImport,
  rosterRecordToTalentDraft,
  saveMappingPreset,
  sha256Hex,
  undoImportBatch,
  type CommitImportInput,
  type ImportCandidate,
  type PlanEntry,
} from './importBatches';

function draft(overrides: Partial<TalentDraft>): TalentDraft {
  return { ...emptyTalentDraft(), ...overrides };
}

const ZHANG = { name: '张三', idNumber: '11010519491231002X', gender: 'M' as const, birthDate: '1949-12-31' };
const LI = { name: '李四', idNumber: '440524188001010014', gender: 'M' as const, birthDate: '1880-01-01' };

function commitInput(entries: readonly PlanEntry[], overrides: Partial<CommitImportInput> = {}): CommitImportInput {
  return {
    kind: 'talents',
    fileName: '名单.xlsx',
    fileSha256: 'ab'.repeat(32),
    fileSize: 1234,
    sheet: 'Sheet1',
    headerRow: 3,
    mode: 'validOnly',
    rows: entries.length,
    invalid: 0,
    entries,
    resolutions: new Map(),
    operator: '王小明',
    now: '2026-11-27T01:00:00.000Z',
    ...overrides,
  };
}

async function seededDatabase() {
  const db = createTestDatabase();
  await db.open();
  const stored = makeTestTalent({ id: 'zhang', ...ZHANG, employer: '甲公司', phone: '13800138000', updatedAt: '2025-01-01T00:00:00.000Z' });
  await db.talents.add(stored);
  return { db, stored };
}

describe('classifyCandidate', () => {
  const stored = makeTestTalent({ id: 'zhang', ...ZHANG, employer: '甲公司', phone: '13800138000', category: 'algorithmEngineer' });
  const provided = new Set(['name', 'idNumber', 'employer', 'phone', 'category', 'status']);

  it('is new without a stored record', () => {
    expect(classifyCandidate({ row: 4, draft: draft(ZHANG) }, undefined, provided).kind).toBe('new');
  });

  it('lists only provided, non-blank fields that differ', () => {
    // category 'other' and status 'active' are what blank cells become: they never overwrite.
    const entry = classifyCandidate({ row: 4, draft: draft({ ...ZHANG, employer: '乙公司', phone: '', school: '复旦大学' }) }, stored, provided);
    expect(entry).toEqual({ kind: 'updated', row: 4, talentId: 'zhang', changes: [{ field: 'employer', before: '甲公司', after: '乙公司' }] });
  });

  it('is unchanged when every provided value equals the stored one', () => {
    expect(classifyCandidate({ row: 5, draft: draft({ ...ZHANG, employer: '甲公司' }) }, stored, provided).kind).toBe('unchanged');
  });

  it('reports a different name as a conflict, ignoring white space', () => {
    expect(classifyCandidate({ row: 6, draft: draft({ ...ZHANG, name: '张 三' }) }, stored, provided).kind).toBe('unchanged');
    const entry = classifyCandidate({ row: 6, draft: draft({ ...ZHANG, name: '张叁', employer: '乙公司' }) }, stored, provided);
    expect(entry).toMatchObject({ kind: 'conflict', registryName: '张三', fileName: '张叁', changes: [{ field: 'employer', after: '乙公司' }] });
  });
});

describe('roster rows', () => {
  it('become aiTrainer talents with the personal columns only', () => {
    const talent = rosterRecordToTalentDraft({ ...ZHANG, idType: 'resident', employer: '某基地', occupation: '人工智能训练师', hours: 64 });
    expect(talent).toMatchObject({ ...ZHANG, employer: '某基地', category: 'aiTrainer', status: 'active' });
    expect(talent).not.toHaveProperty('occupation');
  });
});

describe('commit and undo', () => {
  it('writes new and updated talents, the batch, before-images and one audit entry; undo restores exactly', async () => {
    const { db, stored } = await seededDatabase();
    const candidates: ImportCandidate[] = [
      { row: 4, draft: draft({ ...ZHANG, employer: '乙公司' }) },
      { row: 5, draft: draft(LI) },
    ];
    const entries = await planImport(db, candidates, new Set(['name', 'idNumber', 'employer']));
    expect(countPlan(entries)).toEqual({ new: 1, updated: 1, unchanged: 0, conflicts: 0 });

    const progress: number[] = [];
    const result = await commitImport(db, commitInput(entries, { rows: 3, invalid: 1 }), { onProgress: (value) => progress.push(value.done) });
    if (!result.ok) throw new Error(result.error.message);
    const { batch } = result.value;
    expect(batch.counts).toMatchObject({ rows: 3, created: 1, updated: 1, unchanged: 0, invalid: 1 });
    expect(progress).toEqual([1, 2]);
    expect(await db.talents.count()).toBe(2);
    expect((await db.talents.get('zhang'))?.employer).toBe('乙公司');
    const li = await db.talents.where('[idType+idNumber]').equals(['resident', LI.idNumber]).first();
    expect(li).toMatchObject({ name: '李四', importBatchId: batch.id, createdAt: batch.committedAt });
    expect(await db.importBeforeImages.count()).toBe(1);
    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'import', entity: 'talent', operator: '王小明' });
    expect(audit[0]?.note).toBe(`导入 名单.xlsx：新增 1，更新 1，未变 0，有错未导入 1（批次 ${batch.id}）`);
    expect(await findCommittedBatchesByFile(db, 'ab'.repeat(32))).toHaveLength(1);

    // The same rows again: nothing to write.
    const again = await planImport(db, candidates, new Set(['name', 'idNumber', 'employer']));
    expect(countPlan(again)).toEqual({ new: 0, updated: 0, unchanged: 2, conflicts: 0 });
    const second = await commitImport(db, commitInput(again));
    expect(second.ok ? 'ok' : second.error.code).toBe('IMPORT_NOTHING');

    const undone = await undoImportBatch(db, batch.id, { operator: '王小明', now: '2026-11-27T02:00:00.000Z' });
    if (!undone.ok) throw new Error(undone.error.message);
    expect(undone.value).toMatchObject({ removed: 1, restored: 1 });
    expect(await db.talents.toArray()).toEqual([stored]);
    expect(await db.importBeforeImages.count()).toBe(0);
    expect(await db.importBatches.get(batch.id)).toMatchObject({ status: 'undone', undoneBy: '王小明' });
    expect(await findCommittedBatchesByFile(db, 'ab'.repeat(32))).toHaveLength(0);
    const undoneAgain = await undoImportBatch(db, batch.id);
    expect(undoneAgain.ok ? 'ok' : undoneAgain.error.code).toBe('IMPORT_UNDO_DONE');
  });

  it('keeps before-images one row per commit chunk and reads the stored records by key range; undo restores every record', async () => {
    const db = createTestDatabase();
    const stored = Array.from({ length: 3_000 }, (_, index) =>
      makeTestTalent({ id: `t${String(index).padStart(5, '0')}`, name: `人员${index}`, idType: 'passport', idNumber: `E${String(index).padStart(8, '0')}`, employer: '甲公司', updatedAt: '2025-01-01T00:00:00.000Z' }),
    );
    await db.talents.bulkAdd(stored);
    // Every sixth person is not in the file: the range reads must leave them out.
    const candidates: ImportCandidate[] = stored
      .filter((_, index) => index % 6 !== 0)
      .map((talent, index) => ({ row: index + 2, draft: draft({ name: talent.name, idType: 'passport', idNumber: talent.idNumber, employer: '乙公司' }) }));
    const entries = await planImport(db, candidates, new Set(['name', 'idNumber', 'employer']));
    expect(countPlan(entries)).toEqual({ new: 0, updated: 2_500, unchanged: 0, conflicts: 0 });
    const result = await commitImport(db, commitInput(entries));
    if (!result.ok) throw new Error(result.error.message);
    const { batch } = result.value;
    const rows = await db.importBeforeImages.orderBy('id').toArray();
    expect(rows.map((row) => row.id)).toEqual([beforeImageChunkId(batch.id, 0), beforeImageChunkId(batch.id, 1)]);
    expect(rows.map((row) => beforeImageEntries(row).length)).toEqual([2_000, 500]);
    expect(beforeImageEntries(rows[0] as ImportBeforeImage)[0]).toEqual({ talentId: 't00001', fields: { updatedAt: '2025-01-01T00:00:00.000Z', employer: '甲公司' }, missing: [] });
    const after = await db.talents.toArray();
    expect(after.filter((talent) => talent.employer === '乙公司')).toHaveLength(2_500);
    expect(after.filter((_, index) => index % 6 === 0)).toEqual(stored.filter((_, index) => index % 6 === 0));

    const undone = await undoImportBatch(db, batch.id);
    if (!undone.ok) throw new Error(undone.error.message);
    expect(undone.value).toMatchObject({ removed: 0, restored: 2_500 });
    expect(await db.talents.toArray()).toEqual(stored);
    expect(await db.importBeforeImages.count()).toBe(0);
  });

  it('undoes a batch whose before-images are stored one row per talent (databases and backups from before the chunks)', async () => {
    const { db, stored } = await seededDatabase();
    const entries = await planImport(db, [{ row: 4, draft: draft({ ...ZHANG, employer: '乙公司', email: 'z@example.com' }) }], new Set(['name', 'idNumber', 'employer', 'email']));
    const result = await commitImport(db, commitInput(entries));
    if (!result.ok) throw new Error(result.error.message);
    const batchId = result.value.batch.id;
    // As an import wrote it until the chunks: `${batchId}|${talentId}`, the image's fields at the top level.
    await db.importBeforeImages.clear();
    await db.importBeforeImages.add({ id: `${batchId}|zhang`, batchId, talentId: 'zhang', fields: { updatedAt: stored.updatedAt, employer: '甲公司', email: stored.email }, missing: [] });
    const undone = await undoImportBatch(db, batchId);
    if (!undone.ok) throw new Error(undone.error.message);
    expect(undone.value).toMatchObject({ removed: 0, restored: 1, changedIds: ['zhang'] });
    expect(await db.talents.toArray()).toEqual([stored]);
    expect(await db.importBeforeImages.count()).toBe(0);
  });

  it('refuses to undo a batch whose records changed afterwards', async () => {
    const { db } = await seededDatabase();
    const entries = await planImport(db, [{ row: 4, draft: draft(LI) }], new Set(['name', 'idNumber']));
    const result = await commitImport(db, commitInput(entries));
    if (!result.ok) throw new Error(result.error.message);
    const [id] = result.value.changedIds;
    await db.talents.update(id ?? '', { phone: '13900139000', updatedAt: '2026-11-28T00:00:00.000Z' });
    const undone = await undoImportBatch(db, result.value.batch.id);
    expect(undone.ok ? 'ok' : undone.error.code).toBe('IMPORT_UNDO_CHANGED');
    expect(await db.talents.count()).toBe(2);
  });

  it('leaves the database unchanged when canceled midway', async () => {
    const { db } = await seededDatabase();
    const candidates: ImportCandidate[] = Array.from({ length: 5_000 }, (_, index) => ({
      row: index + 2,
      draft: draft({ name: `人员${index}`, idType: 'passport', idNumber: `E${String(index).padStart(8, '0')}` }),
    }));
    const entries = await planImport(db, candidates, new Set(['name', 'idNumber']));
    const controller = new AbortController();
    const commit = commitImport(db, commitInput(entries), {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done >= 2_000) controller.abort();
      },
    });
    await expect(commit).rejects.toMatchObject({ name: 'AbortError' });
    expect(await db.talents.count()).toBe(1);
    expect(await db.importBatches.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('needs every conflict settled, and applies the choice', async () => {
    const { db } = await seededDatabase();
    const entries = await planImport(db, [{ row: 4, draft: draft({ ...ZHANG, name: '张叁' }) }], new Set(['name', 'idNumber']));
    expect(countPlan(entries).conflicts).toBe(1);
    const open = await commitImport(db, commitInput(entries));
    expect(open.ok ? 'ok' : open.error.code).toBe('IMPORT_CONFLICTS_OPEN');
    const taken = await commitImport(db, commitInput(entries, { resolutions: new Map([[4, 'takeFile']]) }));
    if (!taken.ok) throw new Error(taken.error.message);
    expect(taken.value.batch.counts).toMatchObject({ updated: 1, tookFileName: 1 });
    expect((await db.talents.get('zhang'))?.name).toBe('张叁');
  });

  it('imports nothing in all-or-nothing mode when a row has errors', async () => {
    const { db } = await seededDatabase();
    const entries = await planImport(db, [{ row: 4, draft: draft(LI) }], new Set(['name', 'idNumber']));
    const refused = await commitImport(db, commitInput(entries, { mode: 'allOrNothing', invalid: 2 }));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('IMPORT_HAS_INVALID');
    expect(await db.talents.count()).toBe(1);
  });

  it('refuses the whole batch when a document appeared after the dry run', async () => {
    const { db } = await seededDatabase();
    const entries = await planImport(db, [{ row: 4, draft: draft(LI) }], new Set(['name', 'idNumber']));
    await db.talents.add(makeTestTalent({ id: 'li', ...LI }));
    const refused = await commitImport(db, commitInput(entries));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('IMPORT_DATA_CHANGED');
    expect(await db.importBatches.count()).toBe(0);
  });
});

describe('findExistingTalents', () => {
  it('finds exactly the stored documents, reading key ranges or single keys', async () => {
    const db = createTestDatabase();
    const types = ['passport', 'resident', 'hkMacauPermit'] as const;
    await db.talents.bulkAdd(
      Array.from({ length: 60 }, (_, index) => makeTestTalent({ id: `t${index}`, idType: types[index % 3], idNumber: `N${String(index).padStart(4, '0')}` })),
    );
    const candidate = (idType: (typeof types)[number], index: number): ImportCandidate => ({ row: index, draft: draft({ idType, idNumber: `N${String(index).padStart(4, '0')}` }) });
    // Few documents against many stored: single keys. Every third index is stored with that type only.
    const few = await findExistingTalents(db, [candidate('passport', 0), candidate('resident', 0), candidate('resident', 4), candidate('passport', 999)]);
    expect([...few.values()].map((talent) => talent.id).sort()).toEqual(['t0', 't4']);
    // Many documents: key ranges; stored talents between the keys but not asked for are left out.
    const many = Array.from({ length: 40 }, (_, index) => candidate(types[(index + 1) % 3] ?? 'resident', index));
    const found = await findExistingTalents(db, many);
    expect(found.size).toBe(0);
    const matching = Array.from({ length: 40 }, (_, index) => candidate(types[index % 3] ?? 'resident', index)).filter((_, index) => index % 2 === 0);
    const matched = await findExistingTalents(db, matching);
    expect([...matched.values()].map((talent) => talent.id).sort()).toEqual(matching.map((entry) => `t${entry.row}`).sort());
  });
});

describe('mapping presets', () => {
  it('are remembered per kind and header layout, by header text', async () => {
    const db = createTestDatabase();
    const headers = ['序号', '学员', '身份号', ' 单位 '];
    const signature = headerSignature(headers);
    expect(signature).toBe('序号|学员|身份号|单位');
    await saveMappingPreset(db, { kind: 'roster', signature, source: '浦东基地', overrides: [{ header: '身份号', field: 'idNumber' }, { header: '单位', field: null }] });
    const preset = await findMappingPreset(db, 'roster', signature);
    expect(preset?.source).toBe('浦东基地');
    expect(overridesForHeaders(preset ?? { overrides: [] }, ['学员', '单位', '身份号'])).toEqual([
      { column: 1, field: null },
      { column: 2, field: 'idNumber' },
    ]);
    expect(await findMappingPreset(db, 'talents', signature)).toBeUndefined();
  });
});

describe('sha256Hex', () => {
  it('matches the NIST vector for "abc"', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
