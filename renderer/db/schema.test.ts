import { describe, expect, it } from 'vitest';
import { createMemoryIndexedDB, createTestDatabase, makeTestTalent } from './testing';
import { applySchema, CURRENT_SCHEMA_VERSION, schemaVersions, upgradeAuditEntryToV2, upgradeTalentToV2 } from './schema';
import type { TitleCertificate, TrainingBase } from './types';

describe('schema versions', () => {
  it('are increasing whole numbers starting at 1', () => {
    expect(schemaVersions.map((entry) => entry.version)).toEqual(schemaVersions.map((_, index) => index + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(schemaVersions.length);
  });

  it('refuses a list that goes backwards', () => {
    const calls: number[] = [];
    const fake = {
      version(versionNumber: number) {
        calls.push(versionNumber);
        return { stores: () => ({ upgrade: () => undefined }) };
      },
    };
    expect(() => applySchema(fake, [...schemaVersions].reverse())).toThrow(/increasing/);
  });
});

describe('v2 record upgrades', () => {
  it('backfills a missing talent status as active and keeps an existing one', () => {
    const old: Record<string, unknown> = { id: 'a', name: '李四' };
    upgradeTalentToV2(old);
    expect(old.status).toBe('active');
    const movedOut: Record<string, unknown> = { id: 'b', status: 'movedOut' };
    upgradeTalentToV2(movedOut);
    expect(movedOut.status).toBe('movedOut');
  });

  it('gives audit entries a string entityId', () => {
    const none: Record<string, unknown> = { id: 1 };
    upgradeAuditEntryToV2(none);
    expect(none.entityId).toBe('');
    const numeric: Record<string, unknown> = { id: 2, entityId: 42 };
    upgradeAuditEntryToV2(numeric);
    expect(numeric.entityId).toBe('42');
    const kept: Record<string, unknown> = { id: 3, entityId: 'uuid-1' };
    upgradeAuditEntryToV2(kept);
    expect(kept.entityId).toBe('uuid-1');
  });
});

describe('upgrading a filled version-1 database to the current schema', () => {
  it('keeps every record and backfills the new fields', async () => {
    const world = createMemoryIndexedDB();
    const v1 = createTestDatabase(schemaVersions.slice(0, 1), world);
    await v1.open();
    expect(v1.verno).toBe(1);

    // Version-1 data as an early build wrote it: some talents without `status`, audit entries without entityId.
    const withoutStatus = Array.from({ length: 50 }, (_, index) => {
      const { status: _status, ...rest } = makeTestTalent({
        id: `t-${index}`,
        name: `人员${index}`,
        idNumber: `31010119900101${String(index).padStart(4, '0')}`,
      });
      return rest;
    });
    const movedOut = makeTestTalent({ id: 't-moved', status: 'movedOut', idNumber: '440524188001010014' });
    await v1.table('talents').bulkAdd([...withoutStatus, movedOut]);
    await v1.table('auditLog').bulkAdd([
      { at: '2024-01-02T08:00:00.000Z', operator: '王五', action: 'settings', entity: 'settings', changes: [], note: '' },
      { at: '2024-01-02T08:01:00.000Z', operator: '王五', action: 'create', entity: 'talent', entityId: 't-1', changes: [], note: '' },
    ]);
    await v1.table('trainingBases').add({ id: 'b-1', name: '张江人工智能实训基地', createdAt: 'x', updatedAt: 'x' });
    await v1.table('rosters').add({ id: 'r-1', baseId: 'b-1', name: '2024 第一期', createdAt: 'x', updatedAt: 'x' });
    await v1.table('enrollments').add({ id: 'e-1', rosterId: 'r-1', talentId: 't-1', createdAt: 'x', updatedAt: 'x' });
    await v1.table('certificationApplications').add({ id: 'c-1', talentId: 't-2', status: 'draft', createdAt: 'x', updatedAt: 'x' });
    await v1.table('settings').add({ key: 'operatorName', value: '王五' });
    v1.close();

    const current = createTestDatabase(undefined, world);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);

    const talents = await current.talents.toArray();
    expect(talents).toHaveLength(51);
    for (const talent of talents) {
      const original = talent.id === 't-moved' ? movedOut : withoutStatus.find((candidate) => candidate.id === talent.id);
      expect(original, talent.id).toBeDefined();
      // Every field survives unchanged; only `status` was filled in where it was missing.
      expect(talent).toEqual({ ...original, status: talent.id === 't-moved' ? 'movedOut' : 'active' });
    }
    // The new index sees every talent.
    expect(await current.talents.where('status').equals('active').count()).toBe(50);
    expect(await current.talents.where('status').equals('movedOut').count()).toBe(1);

    const audit = await current.auditLog.orderBy('id').toArray();
    expect(audit.map((entry) => entry.entityId)).toEqual(['', 't-1']);
    expect(await current.auditLog.where('[entity+entityId]').equals(['settings', '']).count()).toBe(1);
    expect(await current.auditLog.where('[entity+entityId]').equals(['talent', 't-1']).count()).toBe(1);

    expect(await current.trainingBases.get('b-1')).toMatchObject({ name: '张江人工智能实训基地' });
    expect(await current.rosters.where('baseId').equals('b-1').count()).toBe(1);
    expect(await current.enrollments.where('talentId').equals('t-1').count()).toBe(1);
    expect(await current.certificationApplications.where('talentId').equals('t-2').count()).toBe(1);
    expect(await current.settings.get('operatorName')).toEqual({ key: 'operatorName', value: '王五' });
    current.close();
  });

  it('still refuses a duplicate document after the upgrade', async () => {
    const database = createTestDatabase();
    await database.talents.add(makeTestTalent({ id: 'one' }));
    await expect(database.talents.add(makeTestTalent({ id: 'two' }))).rejects.toThrow();
    // Same number, other document type: a different person.
    await database.talents.add(makeTestTalent({ id: 'three', idType: 'passport' }));
    expect(await database.talents.count()).toBe(2);
    database.close();
  });
});

describe('upgrading a filled version-2 database to version 3', () => {
  it('keeps every record, adds the import tables, and serves their indexes', async () => {
    const world = createMemoryIndexedDB();
    const v2 = createTestDatabase(schemaVersions.slice(0, 2), world);
    await v2.open();
    expect(v2.verno).toBe(2);
    const imported = makeTestTalent({ id: 't-imported', importBatchId: 'batch-1' });
    const typed = makeTestTalent({ id: 't-typed', idNumber: '440524188001010014' });
    await v2.table('talents').bulkAdd([imported, typed]);
    await v2.table('auditLog').add({ at: '2026-01-01T00:00:00.000Z', operator: '王五', action: 'import', entity: 'talent', entityId: '', changes: [], note: '导入' });
    v2.close();

    const v3 = createTestDatabase(schemaVersions.slice(0, 3), world);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.talents.toArray()).toEqual([imported, typed]);
    expect(await v3.talents.where('importBatchId').equals('batch-1').count()).toBe(1);
    expect(await v3.auditLog.count()).toBe(1);
    expect(await v3.importBatches.count()).toBe(0);

    await v3.importBatches.add({
      id: 'batch-2',
      kind: 'roster',
      fileName: '花名册.xlsx',
      fileSha256: 'f'.repeat(64),
      fileSize: 10,
      sheet: 'Sheet1',
      headerRow: 2,
      mode: 'validOnly',
      committedAt: '2026-11-27T00:00:00.000Z',
      operator: '王五',
      counts: { rows: 1, created: 1, updated: 0, unchanged: 0, invalid: 0, keptRegistryName: 0, tookFileName: 0, skipped: 0 },
      status: 'committed',
    });
    await v3.importBeforeImages.add({ id: 'batch-2|t-typed', batchId: 'batch-2', talentId: 't-typed', fields: { employer: typed.employer, updatedAt: typed.updatedAt }, missing: [] });
    await v3.importMappings.add({ id: 'roster|姓名|身份号', kind: 'roster', headerSignature: '姓名|身份号', source: '基地', overrides: [{ header: '身份号', field: 'idNumber' }], updatedAt: 'x' });
    expect(await v3.importBatches.where('fileSha256').equals('f'.repeat(64)).count()).toBe(1);
    expect(await v3.importBatches.orderBy('committedAt').first()).toMatchObject({ id: 'batch-2' });
    expect(await v3.importBeforeImages.where('batchId').equals('batch-2').count()).toBe(1);
    expect(await v3.importMappings.where('kind').equals('roster').count()).toBe(1);
    v3.close();
  });
});

describe('upgrading a filled version-3 database to version 4', () => {
  it('keeps every record and serves the new indexes and tables', async () => {
    const world = createMemoryIndexedDB();
    const v3 = createTestDatabase(schemaVersions.slice(0, 3), world);
    await v3.open();
    const talent = makeTestTalent({ id: 't-1' });
    await v3.table('talents').add(talent);
    // Version-3 builds never wrote these tables from the UI, but a hand-made record must survive the index change.
    const base = { id: 'b-1', name: '上海人工智能实训基地', createdAt: 'x', updatedAt: 'x' };
    await v3.table('trainingBases').add(base);
    await v3.table('certificationApplications').add({ id: 'a-1', talentId: 't-1', status: 'draft', createdAt: 'x', updatedAt: 'x' });
    v3.close();

    const v4 = createTestDatabase(schemaVersions.slice(0, 4), world);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(await v4.talents.toArray()).toEqual([talent]);
    expect(await v4.trainingBases.toArray()).toEqual([base]);
    expect(await v4.certificationApplications.where('status').equals('draft').count()).toBe(1);

    await v4.trainingBases.add({ id: 'b-2', name: '甲', code: 'JD001', createdAt: 'x', updatedAt: 'x' } as TrainingBase);
    await expect(v4.trainingBases.add({ id: 'b-3', name: '乙', code: 'JD001', createdAt: 'x', updatedAt: 'x' } as TrainingBase)).rejects.toThrow();
    await v4.titleCertificates.add({ id: 'c-1', talentId: 't-1', applicationId: 'a-1', numberKey: '2026|0001', createdAt: 'x', updatedAt: 'x' } as TitleCertificate);
    await expect(v4.titleCertificates.add({ id: 'c-2', talentId: 't-1', applicationId: 'a-1', numberKey: '2026|0001', createdAt: 'x', updatedAt: 'x' } as TitleCertificate)).rejects.toThrow();
    await v4.holidayCalendars.put({ year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'imported', updatedAt: 'x' });
    expect(await v4.holidayCalendars.get(2027)).toMatchObject({ holidays: ['2027-01-01'] });
    v4.close();
  });
});
