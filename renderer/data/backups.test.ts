import { describe, expect, it } from 'vitest';
import { createMemorySink, writeBackup, type BackupRecord } from '../../shared/backup';
import { generateTalents } from '../../shared/demo';
import { ok, err, type Result } from '../../shared/result';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, schemaVersions, type TalentLedgerDB } from '../db';
import { createMemoryIndexedDB, createTestDatabase, makeTestTalent } from '../db/testing';
import type { BackupFileInfo, PlatformBackups } from '../platform';
import {
  backupBeforeImport,
  backupBeforeSchemaUpgrade,
  checkSpaceForImport,
  createBackup,
  deleteBackup,
  exportDatabase,
  inspectBackup,
  listBackups,
  pruneAuditLog,
  readAuditRetentionYears,
  restoreBackup,
  setAuditRetentionYears,
  restoreNamedBackup,
  runStartupSafetyChecks,
  runDailyBackup,
  getStartupReport,
  encodeDatabase,
  setImportMarker,
  type BackupContext,
  type KeyValueStore,
} from './backups';

function asRecord(value: object): BackupRecord {
  return value as BackupRecord;
}

function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return { getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value), removeItem: (key) => void map.delete(key) };
}

/** The platform's backup folder, in memory. */
function memoryBackups(): PlatformBackups & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const notFound = (name: string) => err({ code: 'BACKUP_NOT_FOUND', message: `找不到备份文件：${name}` });
  return {
    files,
    async list(): Promise<Result<BackupFileInfo[]>> {
      return ok([...files].map(([name, bytes]) => ({ name, size: bytes.length, modifiedAt: '2026-11-27T00:00:00.000Z' })).sort((a, b) => b.name.localeCompare(a.name)));
    },
    async write(name, bytes) {
      files.set(name, bytes.slice());
      return ok({ path: `mem/${name}` });
    },
    async read(name) {
      const bytes = files.get(name);
      return bytes ? ok(bytes.slice()) : notFound(name);
    },
    async delete(name) {
      return ok({ deleted: files.delete(name) });
    },
    async folder() {
      return ok({ path: 'mem' });
    },
    async chooseFolder() {
      return ok({ canceled: true as const });
    },
  };
}

/** A clock that advances one second per call, starting at a fixed Shanghai afternoon. */
function steppingClock(start = Date.parse('2026-11-27T06:00:00.000Z')): () => string {
  let at = start;
  return () => {
    at += 1000;
    return new Date(at).toISOString();
  };
}

function context(db: TalentLedgerDB, backups = memoryBackups()): BackupContext & { backups: ReturnType<typeof memoryBackups> } {
  return { db, backups, now: steppingClock(), storage: memoryStore() };
}

/** Every table, each in primary-key order. */
async function snapshot(db: TalentLedgerDB): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLE_NAMES) tables[table] = await db.table(table).toArray();
  return tables;
}

async function seed(db: TalentLedgerDB, talents: number): Promise<void> {
  await db.settings.put({ key: 'operatorName', value: '王五' });
  const batch = [];
  for (const talent of generateTalents(talents, 7)) {
    batch.push(talent);
    if (batch.length === 5000) await db.talents.bulkAdd(batch.splice(0));
  }
  if (batch.length > 0) await db.talents.bulkAdd(batch);
  await db.auditLog.bulkAdd([
    { at: '2026-11-26T01:00:00.000Z', operator: '王五', action: 'create', entity: 'talent', entityId: 'x', changes: [{ field: 'name', before: undefined, after: '张三' }], note: '' },
    { at: '2026-11-26T02:00:00.000Z', operator: '王五', action: 'reveal', entity: 'talent', entityId: 'x', changes: [], note: '查看证件号码' },
  ] as never[]);
}

async function wipe(db: TalentLedgerDB): Promise<void> {
  await db.transaction('rw', [...TABLE_NAMES], async () => {
    for (const table of TABLE_NAMES) await db.table(table).clear();
  });
}

describe('backup → wipe → restore', () => {
  it('gives identical data in every table at 30,000 talents', async () => {
    const db = createTestDatabase();
    await seed(db, 30_000);
    const ctx = context(db);
    const before = await snapshot(db);

    const t0 = performance.now();
    const written = await createBackup('manual', ctx);
    const backupMs = performance.now() - t0;
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(written.value.manifest.tables.talents?.rows).toBe(30_000);

    await wipe(db);
    expect(await db.talents.count()).toBe(0);

    const t1 = performance.now();
    const restored = await restoreNamedBackup(written.value.name, ctx);
    const restoreMs = performance.now() - t1;
    expect(restored.ok, restored.ok ? '' : restored.error.message).toBe(true);
    if (!restored.ok) return;

    const after = await snapshot(db);
    for (const table of TABLE_NAMES) {
      if (table === 'auditLog') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    // The log is the backup's log, then what happened since (kept across the restore): the
    // pre-restore backup's entry, and this restore naming the undo backup.
    const log = after.auditLog as Array<{ action: string; note: string }>;
    expect(log.slice(0, before.auditLog?.length)).toEqual(before.auditLog);
    expect(log.slice(before.auditLog?.length).map((entry) => entry.action)).toEqual(['create', 'restore']);
    expect(log.at(-2)?.note).toContain('恢复前备份');
    expect(log.at(-1)?.note).toContain(restored.value.preRestore.name);
    console.info(
      `30k talents: backup ${Math.round(backupMs)} ms (${Math.round(written.value.fileBytes / 1024)} KB gzip, ${Math.round(written.value.textBytes / 1024 / 1024)} MB text); restore ${Math.round(restoreMs)} ms`,
      restored.value.millis,
    );
  }, 240_000);

  it('undoes a restore by restoring its preRestore backup', async () => {
    const db = createTestDatabase();
    const ctx = context(db);
    await db.settings.put({ key: 'operatorName', value: '王五' });
    await db.talents.add(makeTestTalent({ id: 'a', name: '原名' }));
    const first = await createBackup('manual', ctx);
    if (!first.ok) throw new Error(first.error.message);
    await db.talents.update('a', { name: '改名' });

    const restored = await restoreNamedBackup(first.value.name, ctx);
    if (!restored.ok) throw new Error(restored.error.message);
    expect((await db.talents.get('a'))?.name).toBe('原名');

    const undone = await restoreNamedBackup(restored.value.preRestore.name, ctx, first.value.name);
    if (!undone.ok) throw new Error(undone.error.message);
    expect((await db.talents.get('a'))?.name).toBe('改名');
    const notes = (await db.auditLog.toArray()).map((entry) => `${entry.action}:${entry.note}`);
    expect(notes.some((note) => note.startsWith('restore:撤销恢复'))).toBe(true);
    // The log keeps the restore the undo reverted: history is appended, never rolled back.
    expect(notes.filter((note) => note.startsWith('restore:从备份'))).toHaveLength(1);
    expect(notes.filter((note) => note.startsWith('create:恢复前备份'))).toHaveLength(2);
  });
});

describe('refused files leave the database untouched', () => {
  async function prepared() {
    const db = createTestDatabase();
    await seed(db, 200);
    const ctx = context(db);
    const written = await createBackup('manual', ctx);
    if (!written.ok) throw new Error(written.error.message);
    const bytes = ctx.backups.files.get(written.value.name);
    if (!bytes) throw new Error('no file');
    await db.talents.update((await db.talents.toCollection().first())?.id ?? '', { name: '之后改的' });
    return { db, ctx, bytes, before: await snapshot(db), filesBefore: [...ctx.backups.files.keys()] };
  }

  it('refuses a backup with one byte flipped', async () => {
    const { db, ctx, bytes, before, filesBefore } = await prepared();
    for (const position of [20, Math.floor(bytes.length / 2), bytes.length - 12]) {
      const damaged = bytes.slice();
      damaged[position] = (damaged[position] ?? 0) ^ 0x01;
      const result = await restoreBackup(damaged, { label: 'damaged.tlbak' }, ctx);
      expect(result.ok, `byte ${position}`).toBe(false);
      if (!result.ok) expect(['BACKUP_CORRUPT', 'BACKUP_TRUNCATED']).toContain(result.error.code);
    }
    expect(await snapshot(db)).toEqual(before);
    // Refused before the preRestore backup: nothing written anywhere.
    expect([...ctx.backups.files.keys()]).toEqual(filesBefore);
  });

  it('refuses a truncated and a foreign file', async () => {
    const { db, ctx, bytes, before } = await prepared();
    const truncated = await restoreBackup(bytes.slice(0, Math.floor(bytes.length * 0.7)), { label: 't.tlbak' }, ctx);
    expect(!truncated.ok && truncated.error.code).toMatch(/BACKUP_(TRUNCATED|CORRUPT)/);
    const foreign = await restoreBackup(new TextEncoder().encode('姓名,证件号码\n张三,110\n'), { label: 'x.csv' }, ctx);
    expect(!foreign.ok && foreign.error.code).toBe('BACKUP_FOREIGN');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a backup from a newer schema', async () => {
    const { db, ctx, before } = await prepared();
    const memory = createMemorySink();
    await writeBackup(
      { appVersion: '9.0.0', schemaVersion: CURRENT_SCHEMA_VERSION + 1, createdAt: '2027-01-01T00:00:00.000Z', operator: '未来', reason: 'manual', sink: memory.sink },
      ['talents'],
      () => [[asRecord(makeTestTalent({ id: 'future' }))]],
    );
    const result = await restoreBackup(memory.bytes(), { label: 'future.tlbak' }, ctx);
    expect(!result.ok && result.error.code).toBe('BACKUP_NEWER_SCHEMA');
    if (!result.ok) expect(result.error.message).toContain('请先升级程序');
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls the whole restore back when a write fails half-way', async () => {
    const { db, ctx, before } = await prepared();
    // Two talents with the same document: the unique index refuses the second, late in the file.
    const memory = createMemorySink();
    const twin = makeTestTalent({ id: 'z2' });
    await writeBackup(
      { appVersion: '0.1.0', schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: '2026-11-27T00:00:00.000Z', operator: '', reason: 'manual', sink: memory.sink },
      ['settings', 'talents'],
      (table) => (table === 'settings' ? [[{ key: 'operatorName', value: '别人' }]] : [[asRecord(makeTestTalent({ id: 'z1' })), asRecord(twin)]]),
    );
    const result = await restoreBackup(memory.bytes(), { label: 'twins.tlbak' }, ctx);
    expect(!result.ok && result.error.code).toBe('RESTORE_FAILED');
    const now = await snapshot(db);
    expect(now.talents).toEqual(before.talents);
    expect(now.settings).toEqual(before.settings);
    // Only the preRestore backup's audit entry was added.
    expect((now.auditLog as unknown[]).length).toBe((before.auditLog as unknown[]).length + 1);
  });
});

describe('inspectBackup', () => {
  it('puts the backup next to the database and notices newer changes', async () => {
    const db = createTestDatabase();
    const ctx = context(db);
    await db.talents.add(makeTestTalent({ id: 'a', updatedAt: '2026-11-01T00:00:00.000Z' }));
    const written = await createBackup('manual', ctx);
    if (!written.ok) throw new Error(written.error.message);
    await db.talents.add(makeTestTalent({ id: 'b', idNumber: '110105194912310037', updatedAt: '2026-11-20T00:00:00.000Z' }));
    const inspected = await inspectBackup(ctx.backups.files.get(written.value.name) ?? new Uint8Array(), ctx);
    if (!inspected.ok) throw new Error(inspected.error.message);
    const talents = inspected.value.comparison.tables.find((row) => row.table === 'talents');
    expect(talents).toMatchObject({ backupRows: 1, databaseRows: 2, backupNewestChange: '2026-11-01T00:00:00.000Z', databaseNewestChange: '2026-11-20T00:00:00.000Z' });
    expect(inspected.value.comparison.databaseHasNewerChanges).toBe(true);
  });
});

describe('backups in the folder', () => {
  it('marks a backup without data changes, lists newest first, deletes with an audit entry', async () => {
    const db = createTestDatabase();
    const ctx = context(db);
    await db.talents.add(makeTestTalent({ id: 'a' }));
    const first = await createBackup('manual', ctx);
    const second = await createBackup('manual', ctx);
    expect(first.ok && first.value.hadChanges).toBe(true);
    // Only the first backup's audit entry differs: the data did not change.
    expect(second.ok && second.value.hadChanges).toBe(false);
    const listed = await listBackups(ctx);
    if (!listed.ok || !second.ok || !first.ok) throw new Error('list failed');
    expect(listed.value.map((item) => item.name)).toEqual([second.value.name, first.value.name]);
    expect(listed.value[0]?.manifest?.tables.talents?.rows).toBe(1);
    await deleteBackup(first.value.name, ctx);
    expect(ctx.backups.files.has(first.value.name)).toBe(false);
    const log = await db.auditLog.toArray();
    expect(log.map((entry) => `${entry.action}/${entry.entity}`)).toEqual(['create/backup', 'create/backup', 'delete/backup']);
  });

  it('exports the whole database as a portable file that restores elsewhere', async () => {
    const db = createTestDatabase();
    await seed(db, 50);
    const exported = await exportDatabase(context(db));
    expect(exported.name).toMatch(/-export\.tlbak$/);
    const other = createTestDatabase(undefined, createMemoryIndexedDB(), 'other');
    const result = await restoreBackup(exported.bytes, { label: exported.name, imported: true }, context(other));
    if (!result.ok) throw new Error(result.error.message);
    expect(await other.talents.toArray()).toEqual(await db.talents.toArray());
  });
});

describe('before a schema upgrade', () => {
  it('backs up the old database as it is, and that backup restores into the current schema', async () => {
    const world = createMemoryIndexedDB();
    const old = createTestDatabase(schemaVersions.slice(0, 1), world, 'talentledger');
    const legacy = makeTestTalent({ id: 'old' }) as unknown as Record<string, unknown>;
    delete legacy.status;
    await old.table('talents').add(legacy);
    await old.table('auditLog').add({ at: '2025-01-01T00:00:00.000Z', operator: '甲', action: 'create', entity: 'talent', changes: [], note: '' });
    old.close();

    const backups = memoryBackups();
    const storage = memoryStore();
    const result = await backupBeforeSchemaUpgrade({ backups, storage, now: steppingClock() }, { ...world, name: 'talentledger' });
    if (!result.ok || !result.value) throw new Error('no pre-upgrade backup');
    expect(result.value.fromVersion).toBe(1);
    expect(result.value.name).toMatch(/-preUpgrade\.tlbak$/);

    const current = createTestDatabase(undefined, world, 'talentledger');
    await current.open();
    expect(await current.talents.get('old')).toMatchObject({ status: 'active' });
    // Nothing pending any more.
    const again = await backupBeforeSchemaUpgrade({ backups, storage }, { ...world, name: 'talentledger' });
    expect(again.ok && again.value).toBeUndefined();

    // The v1 backup restores into the v3 database through the record upgrades.
    const fresh = createTestDatabase(undefined, createMemoryIndexedDB(), 'fresh');
    const restored = await restoreBackup(backups.files.get(result.value.name) ?? new Uint8Array(), { label: result.value.name }, { db: fresh, backups, storage, now: steppingClock() });
    if (!restored.ok) throw new Error(restored.error.message);
    expect(await fresh.talents.get('old')).toMatchObject({ status: 'active' });
    expect((await fresh.auditLog.toArray())[0]).toMatchObject({ entityId: '' });
  });
});

describe('runStartupSafetyChecks', () => {
  it('offers the newest backup when the database is empty but backups exist', async () => {
    const db = createTestDatabase();
    const ctx = context(db);
    await db.talents.add(makeTestTalent({ id: 'a' }));
    const written = await createBackup('manual', ctx);
    await wipe(db);
    const report = await runStartupSafetyChecks(ctx);
    expect(written.ok && report.emptyWithBackups?.newest.name).toBe(written.ok ? written.value.name : '');
  });

  it('says whether an import killed during its commit is in the database in full or not at all', async () => {
    const db = createTestDatabase();
    const ctx = context(db);
    await db.talents.add(makeTestTalent({ id: 'a' }));
    const before = await backupBeforeImport('名单.xlsx', ctx);
    expect(before.ok).toBe(true);
    let report = await runStartupSafetyChecks(ctx);
    expect(report.interruptedImport).toMatchObject({ fileName: '名单.xlsx', complete: false });
    // The marker is read once.
    report = await runStartupSafetyChecks(ctx);
    expect(report.interruptedImport).toBeUndefined();

    setImportMarker({ fileName: '名单.xlsx', startedAt: '2026-11-27T07:00:00.000Z', backupName: '' }, ctx);
    await db.importBatches.add({
      id: 'b1', kind: 'talents', fileName: '名单.xlsx', fileSha256: '0'.repeat(64), fileSize: 1, sheet: 'S', headerRow: 1, mode: 'validOnly',
      committedAt: '2026-11-27T07:00:01.000Z', operator: '王五', status: 'committed',
      counts: { rows: 1, created: 1, updated: 0, unchanged: 0, invalid: 0, keptRegistryName: 0, tookFileName: 0, skipped: 0 },
    });
    report = await runStartupSafetyChecks(ctx);
    expect(report.interruptedImport).toMatchObject({ complete: true });
  });

  it('finds the first-start-of-the-day backup due, and writes it once when asked (after start-up)', async () => {
    const db = createTestDatabase();
    const ctx = context(db);
    await db.talents.add(makeTestTalent({ id: 'a' }));
    const report = await runStartupSafetyChecks(ctx);
    // The checks only say it is due: start-up never waits for it.
    expect(report.daily).toEqual({ due: true });
    expect([...ctx.backups.files.keys()]).toHaveLength(0);
    const progress: number[] = [];
    const written = await runDailyBackup(ctx, {
      encode: (meta) => encodeDatabase(db, { ...meta, onProgress: (step) => progress.push(step.done) }),
    });
    expect(written?.ok).toBe(true);
    expect(getStartupReport().daily).toEqual({ name: written?.ok ? written.value.name : '' });
    expect(progress.at(-1)).toBeGreaterThan(0);
    // A second call after it ran does nothing; the next start finds today's backup.
    expect(await runDailyBackup(ctx)).toBeUndefined();
    const again = await runStartupSafetyChecks(ctx);
    expect(again.daily).toBeUndefined();
    expect([...ctx.backups.files.keys()].filter((name) => name.endsWith('-daily.tlbak'))).toHaveLength(1);
  });
});

describe('audit retention', () => {
  it('keeps everything by default and removes entries past the chosen years, logging it', async () => {
    const db = createTestDatabase();
    await db.auditLog.bulkAdd([
      { at: '2020-01-01T00:00:00.000Z', operator: '甲', action: 'create', entity: 'talent', entityId: 'a', changes: [], note: '' },
      { at: '2026-01-01T00:00:00.000Z', operator: '甲', action: 'create', entity: 'talent', entityId: 'b', changes: [], note: '' },
    ] as never[]);
    expect(await pruneAuditLog(db, '2026-11-27T00:00:00.000Z')).toBe(0);
    expect(await readAuditRetentionYears(db)).toBe(0);
    await setAuditRetentionYears(db, 3);
    expect(await readAuditRetentionYears(db)).toBe(3);
    expect(await pruneAuditLog(db, '2026-11-27T00:00:00.000Z')).toBe(1);
    const notes = (await db.auditLog.toArray()).map((entry) => entry.note);
    expect(notes).toHaveLength(3);
    expect(notes.at(-1)).toContain('清理 2023-11-27 之前的操作日志 1 条');
    // The typed settings never see the row.
    expect(await db.settings.count()).toBe(1);
  });
});

describe('space before an import', () => {
  it('refuses an import when local storage is short, before writing anything', async () => {
    const db = createTestDatabase();
    const ctx = { ...context(db), storageStatus: async () => ({ persisted: true, usage: 990 * 1024 * 1024, quota: 1024 * 1024 * 1024 }) };
    const refused = await backupBeforeImport('大文件.xlsx', ctx, { fileBytes: 10 * 1024 * 1024 });
    expect(!refused.ok && refused.error.code).toBe('STORAGE_LOW');
    if (!refused.ok) expect(refused.error.message).toBe('存储空间不足：剩余约 34.0 MB，本次导入预计需要 80.0 MB。请先清理磁盘空间，或导出备份后删除旧备份。');
    expect(ctx.backups.files.size).toBe(0);
    const unknown = await checkSpaceForImport(1e9, { storageStatus: async () => ({ persisted: null, usage: null, quota: null }) });
    expect(unknown.ok).toBe(true);
  });
});
