import { describe, expect, it } from 'vitest';
import { err } from '../result';
import { BACKUP_FORMAT_VERSION } from './format';
import { backupMigrations, formatMigrationsFrom, migrateInMemoryBackup, parseLegacyV0Backup, schemaUpgradesBetween, type BackupSchemaUpgrade } from './migrations';
import { readBackup, verifyBackup } from './reader';
import type { BackupRecord } from './format';

const utf8 = new TextEncoder();

/** A file as the v0 prototype exporter wrote it (JSON.stringify of the whole database). */
const V0_FILE = JSON.stringify({
  format: 'talentledger-backup',
  formatVersion: 0,
  exportedAt: '2025-03-01T02:00:00.000Z',
  appVersion: '0.0.9',
  schemaVersion: 1,
  tables: {
    talents: [
      { id: 't1', name: '张三', photo: { __base64: 'AQID' }, updatedAt: '2025-02-27T08:00:00.000Z' },
      { id: 't2', name: '李四', updatedAt: '2025-02-28T08:00:00.000Z' },
    ],
    certifications: [{ id: 'c1', talentId: 't1', status: 'submitted', updatedAt: '2025-02-20T00:00:00.000Z' }],
    settings: [{ key: 'operatorName', value: '王五' }],
  },
});

describe('format migrations', () => {
  it('form one unbroken chain up to the current version', () => {
    expect(formatMigrationsFrom(0).map((step) => [step.fromVersion, step.toVersion])).toEqual([[0, 1]]);
    expect(formatMigrationsFrom(BACKUP_FORMAT_VERSION)).toEqual([]);
    backupMigrations.forEach((step) => expect(step.toVersion).toBe(step.fromVersion + 1));
    expect(() => formatMigrationsFrom(0, [])).toThrow();
  });

  it('lift a v0 document to v1 metadata, table names and record values', () => {
    const parsed = parseLegacyV0Backup(V0_FILE);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.formatVersion).toBe(0);
    const migrated = migrateInMemoryBackup(parsed.value);
    expect(migrated.ok).toBe(true);
    if (!migrated.ok) return;
    expect(migrated.value.meta).toEqual({ appVersion: '0.0.9', schemaVersion: 1, createdAt: '2025-03-01T02:00:00.000Z', operator: '', reason: 'export' });
    expect(migrated.value.tables.map((table) => table.name)).toEqual(['talents', 'certificationApplications', 'settings']);
    expect(migrated.value.tables[0]!.records[0]!.photo).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuse broken v0 documents', () => {
    expect(parseLegacyV0Backup(V0_FILE.slice(0, 200))).toEqual(err(expect.objectContaining({ code: 'BACKUP_TRUNCATED' })));
    expect(parseLegacyV0Backup(`${V0_FILE.slice(0, 50)}#${V0_FILE.slice(51)}`)).toEqual(err(expect.objectContaining({ code: 'BACKUP_CORRUPT' })));
    expect(parseLegacyV0Backup('{"format":"talentledger-backup","formatVersion":0,"tables":{"talents":{}}}')).toEqual(
      err(expect.objectContaining({ code: 'BACKUP_CORRUPT', table: 'talents' })),
    );
    const noDate = parseLegacyV0Backup('{"format":"talentledger-backup","formatVersion":0,"appVersion":"0.0.9","schemaVersion":1,"tables":{}}');
    expect(noDate.ok && migrateInMemoryBackup(noDate.value)).toEqual(err(expect.objectContaining({ code: 'BACKUP_CORRUPT' })));
  });
});

describe('reading a v0 file', () => {
  it('verifies it and summarises it like a v1 file', async () => {
    const result = await verifyBackup(utf8.encode(V0_FILE), { currentSchemaVersion: 2 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.formatVersion).toBe(0);
    expect(result.value.manifest).toMatchObject({
      appVersion: '0.0.9',
      schemaVersion: 1,
      createdAt: '2025-03-01T02:00:00.000Z',
      operator: '',
      reason: 'export',
      newestChange: '2025-02-28T08:00:00.000Z',
      tables: {
        talents: { rows: 2, newestChange: '2025-02-28T08:00:00.000Z' },
        certificationApplications: { rows: 1 },
        settings: { rows: 1 },
      },
    });
  });

  it('restores it into the current schema through the caller’s upgrades', async () => {
    const toV2: BackupSchemaUpgrade = {
      toVersion: 2,
      upgradeRecord(table, record) {
        if (table === 'talents') record.status ??= 'active';
        return record;
      },
    };
    const tables: Record<string, BackupRecord[]> = {};
    const result = await readBackup(utf8.encode(V0_FILE), {
      currentSchemaVersion: 2,
      schemaUpgrades: [toV2],
      onRecords: (table, records) => void (tables[table] ??= []).push(...records),
    });
    expect(result.ok).toBe(true);
    expect(tables).toEqual({
      talents: [
        { id: 't1', name: '张三', photo: new Uint8Array([1, 2, 3]), updatedAt: '2025-02-27T08:00:00.000Z', status: 'active' },
        { id: 't2', name: '李四', updatedAt: '2025-02-28T08:00:00.000Z', status: 'active' },
      ],
      certificationApplications: [{ id: 'c1', talentId: 't1', status: 'submitted', updatedAt: '2025-02-20T00:00:00.000Z' }],
      settings: [{ key: 'operatorName', value: '王五' }],
    });
  });

  it('refuses a truncated or newer-schema v0 file', async () => {
    expect(await verifyBackup(utf8.encode(V0_FILE.slice(0, -10)), { currentSchemaVersion: 2 })).toEqual(err(expect.objectContaining({ code: 'BACKUP_TRUNCATED' })));
    expect(await verifyBackup(utf8.encode(V0_FILE), { currentSchemaVersion: 0 })).toEqual(err(expect.objectContaining({ code: 'BACKUP_NEWER_SCHEMA' })));
  });
});

describe('schema upgrades', () => {
  it('picks the upgrades between the backup’s schema and the current one, in order', () => {
    const upgrade = (toVersion: number): BackupSchemaUpgrade => ({ toVersion, upgradeRecord: (_table, record) => record });
    const all = [upgrade(4), upgrade(2), upgrade(3), upgrade(5)];
    expect(schemaUpgradesBetween(2, 4, all).map((step) => step.toVersion)).toEqual([3, 4]);
    expect(schemaUpgradesBetween(4, 4, all)).toEqual([]);
    expect(schemaUpgradesBetween(1, 5, undefined)).toEqual([]);
  });
});
