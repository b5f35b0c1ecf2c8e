import { describe, expect, it } from 'vitest';
import { createDirectoryBackups, type BackupDirectoryHandle, type BackupFileHandle } from './opfsBackups';

function domError(name: string): Error {
  return Object.assign(new Error(name), { name });
}

/** An in-memory stand-in for an OPFS directory; `commit on close` like Chromium's swap file. */
function fakeDirectory(options: { failWrites?: boolean } = {}) {
  const files = new Map<string, { bytes: Uint8Array; lastModified: number }>();
  let clock = Date.UTC(2025, 0, 1, 8, 0, 0);
  const directory: BackupDirectoryHandle = {
    async *values() {
      for (const name of files.keys()) yield { kind: 'file' as const, name };
      yield { kind: 'directory' as const, name: 'nested.tlbak' };
    },
    async getFileHandle(name, { create = false } = {}) {
      if (!files.has(name) && !create) throw domError('NotFoundError');
      const handle: BackupFileHandle = {
        kind: 'file',
        name,
        async getFile() {
          const file = files.get(name);
          if (!file) throw domError('NotFoundError');
          return { size: file.bytes.length, lastModified: file.lastModified, arrayBuffer: async () => file.bytes.slice().buffer };
        },
        async createWritable() {
          const chunks: Uint8Array[] = [];
          return {
            async write(data) {
              if (options.failWrites) throw domError('QuotaExceededError');
              chunks.push(data.slice());
            },
            async close() {
              clock += 60_000;
              files.set(name, { bytes: new Uint8Array(chunks.flatMap((chunk) => [...chunk])), lastModified: clock });
            },
            async abort() {
              chunks.length = 0;
            },
          };
        },
      };
      if (create && !files.has(name)) files.set(name, { bytes: new Uint8Array(), lastModified: clock });
      return handle;
    },
    async removeEntry(name) {
      if (!files.delete(name)) throw domError('NotFoundError');
    },
  };
  return { directory, files };
}

describe('browser backups over a directory handle', () => {
  it('writes, lists newest first, reads back and deletes', async () => {
    const { directory, files } = fakeDirectory();
    const backups = createDirectoryBackups(async () => directory);
    expect(await backups.write('人才台账-20250101.tlbak', new Uint8Array([1, 2, 3]))).toEqual({
      ok: true,
      value: { path: '浏览器私有存储 / backups/人才台账-20250101.tlbak' },
    });
    await backups.write('人才台账-20250102.tlbak', new Uint8Array([4, 5]));
    files.set('notes.txt', { bytes: new Uint8Array([9]), lastModified: 0 });

    const listed = await backups.list();
    expect(listed).toEqual({
      ok: true,
      value: [
        { name: '人才台账-20250102.tlbak', size: 2, modifiedAt: '2025-01-01T08:02:00.000Z' },
        { name: '人才台账-20250101.tlbak', size: 3, modifiedAt: '2025-01-01T08:01:00.000Z' },
      ],
    });

    const read = await backups.read('人才台账-20250101.tlbak');
    expect(read.ok && [...read.value]).toEqual([1, 2, 3]);

    expect(await backups.delete('人才台账-20250101.tlbak')).toEqual({ ok: true, value: { deleted: true } });
    expect(await backups.delete('人才台账-20250101.tlbak')).toEqual({ ok: true, value: { deleted: false } });
    expect(files.has('人才台账-20250101.tlbak')).toBe(false);
  });

  it('refuses names with folders or foreign extensions', async () => {
    const { directory } = fakeDirectory();
    const backups = createDirectoryBackups(async () => directory);
    for (const name of ['../x.tlbak', 'a/b.tlbak', 'x.exe', '']) {
      const result = await backups.write(name, new Uint8Array([1]));
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('BACKUP_NAME_INVALID');
    }
  });

  it('reports a missing backup and a full disk as coded errors', async () => {
    const missing = await createDirectoryBackups(async () => fakeDirectory().directory).read('none.tlbak');
    expect(!missing.ok && missing.error.code).toBe('BACKUP_NOT_FOUND');

    const { directory } = fakeDirectory({ failWrites: true });
    const full = await createDirectoryBackups(async () => directory).write('a.tlbak', new Uint8Array([1]));
    expect(!full.ok && full.error.code).toBe('BACKUP_NO_SPACE');
  });

  it('answers BACKUP_UNSUPPORTED when the browser has no OPFS', async () => {
    const backups = createDirectoryBackups(async () => {
      throw domError('NotSupportedError');
    });
    const listed = await backups.list();
    expect(!listed.ok && listed.error.code).toBe('BACKUP_UNSUPPORTED');
    const chosen = await backups.chooseFolder();
    expect(!chosen.ok && chosen.error.code).toBe('UNSUPPORTED');
  });
});
