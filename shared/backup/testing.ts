/** Test helpers for backups: write a backup of given tables into memory, and feed bytes back in chosen chunks. */
import type { BackupMeta, BackupRecord } from './format';
import { createBackupWriter, createMemorySink, type BackupCompression, type BackupWriteResult } from './writer';

export const TEST_META: BackupMeta = {
  appVersion: '0.1.0',
  schemaVersion: 2,
  createdAt: '2026-11-26T15:05:01.123Z',
  operator: '张三',
  reason: 'manual',
};

/** Writes `tables` (name → records) as one backup in memory. */
export async function writeTestBackup(
  tables: Record<string, readonly BackupRecord[]>,
  options: { compression?: BackupCompression; meta?: Partial<BackupMeta>; chunkBytes?: number } = {},
): Promise<{ bytes: Uint8Array; result: BackupWriteResult }> {
  const memory = createMemorySink();
  const writer = createBackupWriter({ ...TEST_META, ...options.meta, sink: memory.sink, compression: options.compression ?? 'none', ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}) });
  for (const [name, records] of Object.entries(tables)) {
    await writer.beginTable(name);
    await writer.writeRecords(records);
    await writer.endTable();
  }
  const result = await writer.finish();
  return { bytes: memory.bytes(), result };
}

/** The bytes as chunks of `size` (the last one shorter). */
export function* inChunks(bytes: Uint8Array, size: number): Generator<Uint8Array, void, undefined> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.slice(offset, offset + size);
}

/** Small tables covering the value kinds a record may hold. */
export function sampleTables(): Record<string, BackupRecord[]> {
  return {
    talents: [
      { id: 't1', name: '张三', idNumber: '11010519491231002X', tags: ['算法', '大模型'], skillLevel: 3, overseas: false, leftDate: '', updatedAt: '2026-11-20T01:00:00.000Z' },
      { id: 't2', name: '李四😀', remarks: '第一行\n第二行\t"引号"\u2028', nested: { a: [1, 2, { b: null }] }, updatedAt: '2026-11-25T09:30:00.000Z' },
      { id: 't3', name: 'Ōno', photo: new Uint8Array([0, 1, 2, 250, 255]), updatedAt: '2026-10-01T00:00:00.000Z' },
    ],
    certificationApplications: [{ id: 'c1', talentId: 't1', status: 'submitted', updatedAt: '2026-11-24T00:00:00.000Z' }],
    trainingBases: [],
    auditLog: [
      { id: 1, at: '2026-11-26T14:00:00.000Z', operator: '张三', action: 'update', entity: 'talent', entityId: 't1', changes: [{ field: 'name', before: '张3', after: '张三' }], note: '' },
    ],
    settings: [{ key: 'operatorName', value: '张三' }],
  };
}
