import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../crypto/sha256';
import { writeWorkbook } from '../excel/testing/fixtures';
import type { BackupErrorCode } from './errors';
import type { BackupRecord } from './format';
import type { BackupSchemaUpgrade } from './migrations';
import { readBackup, verifyBackup, type BackupRestoreHandlers, type BackupSource } from './reader';
import { inChunks, sampleTables, TEST_META, writeTestBackup } from './testing';
import { createBackupWriter, createMemorySink, writeBackup } from './writer';

const CURRENT_SCHEMA = 2;
const utf8 = new TextEncoder();
const text = new TextDecoder();

/** Reads every record of a backup into memory (small test files only). */
async function readAll(source: BackupSource, extra: Partial<BackupRestoreHandlers> = {}) {
  const tables: Record<string, BackupRecord[]> = {};
  const events: string[] = [];
  const result = await readBackup(source, {
    currentSchemaVersion: CURRENT_SCHEMA,
    onStart: (start) => void events.push(`start v${start.formatVersion} s${start.schemaVersion}`),
    onTableStart: (table) => {
      events.push(`begin ${table}`);
      tables[table] = [];
    },
    onRecords: (table, records) => {
      events.push(`records ${table} ${records.length}`);
      tables[table]!.push(...records);
    },
    onTableEnd: (table, rows) => void events.push(`end ${table} ${rows}`),
    ...extra,
  });
  return { result, tables, events };
}

async function refusal(source: BackupSource, currentSchemaVersion = CURRENT_SCHEMA): Promise<BackupErrorCode | 'accepted'> {
  const result = await verifyBackup(source, { currentSchemaVersion });
  return result.ok ? 'accepted' : result.error.code;
}

describe('backup round trip', () => {
  it.each(['none', 'gzip'] as const)('gives back identical records and a full summary (%s)', async (compression) => {
    const tables = sampleTables();
    const { bytes, result } = await writeTestBackup(tables, { compression });
    expect(result.compression).toBe(compression);
    expect(result.fileBytes).toBe(bytes.length);

    const verified = await verifyBackup(bytes, { currentSchemaVersion: CURRENT_SCHEMA });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.value.compressed).toBe(compression === 'gzip');
    expect(verified.value.formatVersion).toBe(1);
    expect(verified.value.textBytes).toBe(result.textBytes);
    expect(verified.value.sourceBytes).toBe(bytes.length);
    expect(verified.value.manifest).toEqual(result.manifest);
    const { manifest } = verified.value;
    expect(manifest).toMatchObject({ ...TEST_META, newestChange: '2026-11-26T14:00:00.000Z' });
    expect(Object.keys(manifest.tables)).toEqual(['talents', 'certificationApplications', 'trainingBases', 'auditLog', 'settings']);
    expect(manifest.tables.talents).toMatchObject({ rows: 3, newestChange: '2026-11-25T09:30:00.000Z' });
    expect(manifest.tables.trainingBases).toEqual({ rows: 0, sha256: sha256Hex(new Uint8Array(0)) });
    expect(manifest.tables.settings).toEqual({ rows: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const read = await readAll(bytes);
    expect(read.result).toEqual(verified);
    expect(read.tables).toEqual(tables);
    expect(read.tables.talents![2]!.photo).toBeInstanceOf(Uint8Array);
    expect(read.events).toEqual([
      'start v1 s2',
      'begin talents',
      'records talents 3',
      'end talents 3',
      'begin certificationApplications',
      'records certificationApplications 1',
      'end certificationApplications 1',
      'begin trainingBases',
      'end trainingBases 0',
      'begin auditLog',
      'records auditLog 1',
      'end auditLog 1',
      'begin settings',
      'records settings 1',
      'end settings 1',
    ]);
  });

  it('writes readable NDJSON whose table hash is the SHA-256 of the record lines', async () => {
    const { bytes } = await writeTestBackup({ settings: [{ key: 'a', value: 1 }, { key: 'b', value: '乙' }] });
    const lines = text.decode(bytes).split('\n');
    expect(lines[0]).toBe('{"tlbak":"header","format":"talentledger-backup","formatVersion":1,"appVersion":"0.1.0","schemaVersion":2,"createdAt":"2026-11-26T15:05:01.123Z"}');
    expect(lines[1]).toBe('{"tlbak":"begin","table":"settings"}');
    expect(lines[2]).toBe('{"key":"a","value":1}');
    expect(lines[3]).toBe('{"key":"b","value":"乙"}');
    const tableHash = sha256Hex(utf8.encode('{"key":"a","value":1}\n{"key":"b","value":"乙"}\n'));
    expect(lines[4]).toBe(`{"tlbak":"end","table":"settings","rows":2,"sha256":"${tableHash}"}`);
    expect(lines[5]).toMatch(/^\{"tlbak":"manifest","manifest":\{"appVersion":"0\.1\.0",.*\},"sha256":"[0-9a-f]{64}"\}$/);
    // The manifest hash covers the structural lines and the manifest itself.
    const manifestJson = lines[5]!.slice('{"tlbak":"manifest","manifest":'.length, -',"sha256":"'.length - 64 - 2);
    const covered = `${lines[0]}\n${lines[1]}\n${lines[4]}\n${manifestJson}`;
    expect(lines[5]!.slice(-66, -2)).toBe(sha256Hex(utf8.encode(covered)));
    expect(lines[6]).toBe('');
    expect(lines).toHaveLength(7);
  });

  it('reads the same whatever the chunking, including splits inside multi-byte characters', async () => {
    const tables = sampleTables();
    for (const compression of ['none', 'gzip'] as const) {
      const { bytes } = await writeTestBackup(tables, { compression });
      for (const size of [1, 2, 3, 5, 64, 1000]) {
        const read = await readAll(inChunks(bytes, size));
        expect(read.result.ok, `${compression} chunk ${size}`).toBe(true);
        expect(read.tables).toEqual(tables);
      }
    }
    // Explicitly: a chunk ending after the first byte of '张' (E5 BC A0).
    const { bytes } = await writeTestBackup({ talents: [{ name: '张' }] });
    const at = bytes.indexOf(0xe5);
    const read = await readAll([bytes.slice(0, at + 1), bytes.slice(at + 1, at + 2), bytes.slice(at + 2)]);
    expect(read.tables.talents).toEqual([{ name: '张' }]);
  });

  it('reads from a ReadableStream and from async iterables', async () => {
    const tables = sampleTables();
    const { bytes } = await writeTestBackup(tables, { compression: 'gzip' });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of inChunks(bytes, 100)) controller.enqueue(chunk);
        controller.close();
      },
    });
    expect((await readAll(stream)).tables).toEqual(tables);
    async function* slowly() {
      for (const chunk of inChunks(bytes, 50)) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        yield chunk;
      }
    }
    expect((await readAll(slowly())).tables).toEqual(tables);
  });

  it('hands records over in batches of the requested size', async () => {
    const settings = Array.from({ length: 7 }, (_, i) => ({ key: `k${i}`, value: i }));
    const { bytes } = await writeTestBackup({ settings });
    const read = await readAll(bytes, { batchSize: 3 });
    expect(read.events).toEqual(['start v1 s2', 'begin settings', 'records settings 3', 'records settings 3', 'records settings 1', 'end settings 7']);
    expect(read.tables.settings).toEqual(settings);
  });

  it('writes an empty backup and records longer than a chunk', async () => {
    const empty = await writeTestBackup({});
    const verified = await verifyBackup(empty.bytes, { currentSchemaVersion: CURRENT_SCHEMA });
    expect(verified.ok && verified.value.manifest.tables).toEqual({});

    const long = { id: 'x', remarks: '长'.repeat(20_000), photo: new Uint8Array(10_000).fill(7) };
    const tables = { talents: [{ id: 'a' }, long, { id: 'b' }] };
    for (const compression of ['none', 'gzip'] as const) {
      const { bytes } = await writeTestBackup(tables, { compression, chunkBytes: 4096 });
      expect((await readAll(bytes)).tables).toEqual(tables);
    }
  });

  it('upgrades records of an older schema with the functions the caller passes', async () => {
    const { bytes } = await writeTestBackup({ talents: [{ id: 't1' }, { id: 't2', status: 'movedOut' }], auditLog: [{ id: 1 }] }, { meta: { schemaVersion: 1 } });
    const toV2: BackupSchemaUpgrade = {
      toVersion: 2,
      upgradeRecord(table, record) {
        if (table === 'talents' && typeof record.status !== 'string') record.status = 'active';
        if (table === 'auditLog' && typeof record.entityId !== 'string') record.entityId = '';
        return record;
      },
    };
    const toV3: BackupSchemaUpgrade = { toVersion: 3, upgradeRecord: () => ({ wrong: true }) };
    const read = await readAll(bytes, { schemaUpgrades: [toV3, toV2] });
    expect(read.tables).toEqual({ talents: [{ id: 't1', status: 'active' }, { id: 't2', status: 'movedOut' }], auditLog: [{ id: 1, entityId: '' }] });
  });

  it('reports progress and can be cancelled', async () => {
    const settings = Array.from({ length: 2000 }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(100) }));
    const { bytes } = await writeTestBackup({ settings });
    const seen: number[] = [];
    const ok = await verifyBackup(inChunks(bytes, 10_000), { currentSchemaVersion: 2, onProgress: (progress) => void seen.push(progress.sourceBytes) });
    expect(ok.ok).toBe(true);
    expect(seen.at(-1)).toBe(bytes.length);
    expect(seen.length).toBeGreaterThan(5);

    const controller = new AbortController();
    const cancelled = await verifyBackup(inChunks(bytes, 10_000), {
      currentSchemaVersion: 2,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.sourceBytes > 50_000) controller.abort();
      },
    });
    expect(cancelled).toEqual({ ok: false, error: expect.objectContaining({ code: 'BACKUP_CANCELED' }) });
  });

  it('lets exceptions of the caller’s handlers propagate', async () => {
    const { bytes } = await writeTestBackup(sampleTables());
    await expect(readAll(bytes, { onRecords: () => Promise.reject(new Error('quota exceeded')) })).rejects.toThrow('quota exceeded');
  });

  it('writes a whole backup from per-table batch readers, and aborts on a reader error', async () => {
    const tables = sampleTables();
    const memory = createMemorySink();
    async function* batchesOf(table: string) {
      const records = tables[table]!;
      for (let start = 0; start < records.length; start += 2) yield records.slice(start, start + 2);
    }
    const written = await writeBackup({ ...TEST_META, sink: memory.sink }, Object.keys(tables), batchesOf);
    expect(written.compression).toBe('gzip');
    expect((await readAll(memory.bytes())).tables).toEqual(tables);

    const failing = writeBackup({ ...TEST_META, sink: () => undefined }, ['talents'], () => {
      throw new Error('database closed');
    });
    await expect(failing).rejects.toThrow('database closed');
  });

  it('refuses misuse of the writer (bugs throw)', async () => {
    const writer = createBackupWriter({ ...TEST_META, sink: createMemorySink().sink, compression: 'none' });
    await expect(writer.writeRecords([{}])).rejects.toThrow();
    await expect(writer.beginTable('bad name')).rejects.toThrow();
    await writer.beginTable('talents');
    await expect(writer.finish()).rejects.toThrow();
    await expect(writer.writeRecords([[] as unknown as BackupRecord])).rejects.toThrow();
    await writer.endTable();
    await expect(writer.beginTable('talents')).rejects.toThrow();
    expect(() => createBackupWriter({ ...TEST_META, createdAt: 'yesterday', sink: () => undefined })).toThrow();
    expect(() => createBackupWriter({ ...TEST_META, reason: 'whim' as never, sink: () => undefined })).toThrow();
  });

  it('propagates a failing sink, compressed or not', async () => {
    for (const compression of ['none', 'gzip'] as const) {
      const writer = createBackupWriter({
        ...TEST_META,
        compression,
        chunkBytes: 4096,
        sink: () => Promise.reject(new Error('disk full')),
      });
      const attempt = (async () => {
        await writer.beginTable('settings');
        for (let i = 0; i < 200; i++) await writer.writeRecords([{ key: `k${i}`, value: sha256Hex(utf8.encode(String(i))).repeat(20) }]);
        await writer.endTable();
        await writer.finish();
      })();
      await expect(attempt).rejects.toThrow('disk full');
    }
  });
});

describe('backup refusals', () => {
  it('refuses a file with any single byte changed, plain or compressed', async () => {
    for (const compression of ['none', 'gzip'] as const) {
      const { bytes } = await writeTestBackup(sampleTables(), { compression });
      const accepted: string[] = [];
      for (let position = 0; position < bytes.length; position++) {
        for (const mask of [0x01, 0x80, 0xff]) {
          const damaged = bytes.slice();
          damaged[position]! ^= mask;
          if ((await refusal(damaged)) === 'accepted') accepted.push(`${position}^${mask}`);
        }
      }
      expect(accepted, compression).toEqual([]);
    }
  }, 120_000);

  it('names the table and line of a damaged record, and refuses it when restoring too', async () => {
    const { bytes } = await writeTestBackup(sampleTables());
    const damaged = bytes.slice();
    const at = text.decode(bytes).indexOf('李四');
    damaged[utf8.encode(text.decode(bytes).slice(0, at)).length + 3]! ^= 0x01;
    const verified = await verifyBackup(damaged, { currentSchemaVersion: 2 });
    expect(verified).toEqual({ ok: false, error: expect.objectContaining({ code: 'BACKUP_CORRUPT', table: 'talents', line: 6 }) });
    if (!verified.ok) expect(verified.error.message).toBe('备份文件已损坏：第 6 行，表 talents：内容校验和不符（内容被改动或已损坏）');

    const broken = text.decode(bytes).replace('"name":"张三"', '"name":张三"');
    const restored = await readAll(utf8.encode(broken));
    expect(restored.result).toEqual({ ok: false, error: expect.objectContaining({ code: 'BACKUP_CORRUPT', table: 'talents', line: 3 }) });
    if (!restored.result.ok) expect(restored.result.error.message).toBe('备份文件已损坏：第 3 行，表 talents：数据行无法解析');
  });

  it('refuses a row count that disagrees, extra content and duplicated tables', async () => {
    const source = text.decode((await writeTestBackup({ settings: [{ key: 'a' }] })).bytes);
    const lines = source.split('\n');
    const extraRecord = [...lines.slice(0, 3), '{"key":"a"}', ...lines.slice(3)].join('\n');
    expect(await refusal(utf8.encode(extraRecord))).toBe('BACKUP_CORRUPT');
    expect(await refusal(utf8.encode(`${source}{"more":1}\n`))).toBe('BACKUP_CORRUPT');
    expect(await refusal(utf8.encode(`${source}\n`))).toBe('BACKUP_CORRUPT');
    const twice = [...lines.slice(0, 4), ...lines.slice(1, 4), ...lines.slice(4)].join('\n');
    expect(await refusal(utf8.encode(twice))).toBe('BACKUP_CORRUPT');
    const crlf = source.replaceAll('\n', '\r\n');
    expect(await refusal(utf8.encode(crlf))).toBe('BACKUP_CORRUPT');
  });

  it('refuses a file cut short at any point, plain or compressed', async () => {
    for (const compression of ['none', 'gzip'] as const) {
      const { bytes } = await writeTestBackup(sampleTables(), { compression });
      const codes = new Map<string, number[]>();
      for (let length = 0; length < bytes.length; length++) {
        const code = await refusal(bytes.subarray(0, length));
        codes.set(code, [...(codes.get(code) ?? []), length]);
      }
      expect([...codes.keys()], compression).toEqual(['BACKUP_TRUNCATED']);
    }
  }, 120_000);

  it('says where a plain file was cut', async () => {
    const { bytes } = await writeTestBackup(sampleTables());
    const lines = text.decode(bytes).split('\n');
    const afterLine5 = utf8.encode(`${lines.slice(0, 5).join('\n')}\n`);
    const result = await verifyBackup(afterLine5, { currentSchemaVersion: 2 });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'BACKUP_TRUNCATED', table: 'talents', line: 5 }) });
    if (!result.ok) expect(result.error.message).toBe('备份文件不完整（可能在写入或复制时中断）：第 5 行，表 talents：文件在此行后结束，该表没有结束标记');
    expect(await verifyBackup(new Uint8Array(0), { currentSchemaVersion: 2 })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BACKUP_TRUNCATED', message: '备份文件不完整（可能在写入或复制时中断）：文件是空的' }),
    });
  });

  it('refuses files that are not backups', async () => {
    const xlsx = writeWorkbook([{ name: '花名册', rows: [['姓名', '身份证号码'], ['张三', '11010519491231002X']] }]);
    let seed = 12345;
    const random = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    const gzipOf = async (bytes: Uint8Array) => new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    const ourGzipOf = async (bytes: Uint8Array) => {
      const compressed = await gzipOf(bytes);
      compressed.set([0, 0, 0, 0, 0, 0xff], 4);
      return compressed;
    };
    const foreign: [string, Uint8Array][] = [
      ['xlsx', xlsx],
      ['random bytes', random],
      ['JSON', utf8.encode('{"tables":{"talents":[]}}')],
      ['CSV', utf8.encode('姓名,身份证号码\n张三,11010519491231002X\n')],
      ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
      ['gzip of a CSV', await ourGzipOf(utf8.encode('姓名,身份证号码\n'))],
      ['a backup with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...(await writeTestBackup({})).bytes])],
    ];
    for (const [label, bytes] of foreign) {
      const result = await verifyBackup(bytes, { currentSchemaVersion: 2 });
      expect(result.ok ? 'accepted' : result.error.code, label).toBe('BACKUP_FOREIGN');
    }
    const result = await verifyBackup(xlsx, { currentSchemaVersion: 2 });
    expect(!result.ok && result.error.message).toBe('这不是人才台账的备份文件');
    // A gzip file compressed by another tool (file name, mtime in its header) is refused, not guessed at.
    expect(await refusal(await gzipOf((await writeTestBackup({})).bytes).then((bytes) => (bytes.set([1, 2, 3, 4], 4), bytes)))).toBe('BACKUP_CORRUPT');
  });

  it('refuses a newer file format before reading any record', async () => {
    const source = text.decode((await writeTestBackup(sampleTables())).bytes).replace('"formatVersion":1', '"formatVersion":2');
    let handed = 0;
    const read = await readAll(utf8.encode(source), { onStart: () => void handed++, onRecords: () => void handed++ });
    expect(read.result).toEqual({ ok: false, error: expect.objectContaining({ code: 'BACKUP_NEWER_FORMAT' }) });
    if (!read.result.ok) expect(read.result.error.message).toBe('备份文件由更新版本的程序生成，请先升级程序：文件格式版本为 2，本程序只能读取到版本 1');
    expect(handed).toBe(0);
  });

  it('refuses a backup of a newer schema before reading any record', async () => {
    const { bytes } = await writeTestBackup(sampleTables(), { meta: { schemaVersion: 3, appVersion: '0.3.0' }, compression: 'gzip' });
    let handed = 0;
    const read = await readAll(bytes, { onStart: () => void handed++, onRecords: () => void handed++ });
    expect(read.result).toEqual({ ok: false, error: expect.objectContaining({ code: 'BACKUP_NEWER_SCHEMA' }) });
    if (!read.result.ok) expect(read.result.error.message).toBe('备份中的数据结构比本程序新，请先升级程序：备份的数据库版本为 3，本程序为 2（备份由程序 0.3.0 于 2026-11-26T15:05:01.123Z 生成）');
    expect(handed).toBe(0);
    expect(await refusal(bytes, 3)).toBe('accepted');
  });
});
