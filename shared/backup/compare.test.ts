import { describe, expect, it } from 'vitest';
import { compareBackupWithDatabase, sameBackupContent } from './compare';
import type { BackupManifest } from './format';
import { sampleTables, writeTestBackup } from './testing';

const manifest: BackupManifest = {
  appVersion: '0.1.0',
  schemaVersion: 2,
  createdAt: '2026-11-20T02:00:00.000Z',
  operator: '张三',
  reason: 'daily',
  tables: {
    talents: { rows: 3, sha256: 'a'.repeat(64), newestChange: '2026-11-19T09:00:00.000Z' },
    trainingBases: { rows: 0, sha256: 'b'.repeat(64) },
  },
  newestChange: '2026-11-19T09:00:00.000Z',
};

describe('sameBackupContent', () => {
  it('is true for backups of unchanged data, whatever their metadata', async () => {
    const first = await writeTestBackup(sampleTables());
    const second = await writeTestBackup(sampleTables(), { meta: { createdAt: '2026-11-27T01:00:00.000Z', reason: 'daily' }, compression: 'gzip' });
    expect(sameBackupContent(first.result.manifest, second.result.manifest)).toBe(true);
    const changed = sampleTables();
    changed.settings![0]!.value = '李四';
    const third = await writeTestBackup(changed);
    expect(sameBackupContent(first.result.manifest, third.result.manifest)).toBe(false);
  });

  it('is false when a table is added or removed', () => {
    expect(sameBackupContent(manifest, { ...manifest, tables: { talents: manifest.tables.talents! } })).toBe(false);
    expect(sameBackupContent(manifest, { ...manifest, tables: { ...manifest.tables, rosters: { rows: 0, sha256: 'c'.repeat(64) } } })).toBe(false);
  });
});

describe('compareBackupWithDatabase', () => {
  it('lines up tables of both sides and flags newer changes in the database', () => {
    const comparison = compareBackupWithDatabase(manifest, {
      talents: { rows: 5, newestChange: '2026-11-25T10:00:00.000Z' },
      rosters: { rows: 2, newestChange: '2026-11-01T00:00:00.000Z' },
    });
    expect(comparison).toEqual({
      tables: [
        { table: 'talents', backupRows: 3, databaseRows: 5, backupNewestChange: '2026-11-19T09:00:00.000Z', databaseNewestChange: '2026-11-25T10:00:00.000Z' },
        { table: 'trainingBases', backupRows: 0, databaseRows: undefined },
        { table: 'rosters', backupRows: undefined, databaseRows: 2, databaseNewestChange: '2026-11-01T00:00:00.000Z' },
      ],
      backupNewestChange: '2026-11-19T09:00:00.000Z',
      databaseNewestChange: '2026-11-25T10:00:00.000Z',
      databaseHasNewerChanges: true,
    });
  });

  it('does not flag a database with nothing newer than the backup', () => {
    expect(compareBackupWithDatabase(manifest, { talents: { rows: 3, newestChange: '2026-11-19T09:00:00.000Z' } }).databaseHasNewerChanges).toBe(false);
    expect(compareBackupWithDatabase(manifest, {}).databaseHasNewerChanges).toBe(false);
  });
});
