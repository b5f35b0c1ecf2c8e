/**
 * Backups in the browser, kept in the origin-private file system (OPFS) under `backups/`.
 * Written against a minimal directory-handle interface so tests can pass an in-memory fake
 * (happy-dom and Node have no OPFS).
 */
import { ipcArgSchemas } from '../../shared/ipc';
import { err, ok, type AppError, type Result } from '../../shared/result';
import type { BackupFileInfo, PlatformBackups } from './platform';

/** The parts of FileSystemWritableFileStream we use. */
export interface BackupWritable {
  write(data: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** The parts of FileSystemFileHandle we use. */
export interface BackupFileHandle {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<{ size: number; lastModified: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  createWritable(): Promise<BackupWritable>;
}

/** The parts of FileSystemDirectoryHandle we use (`values()` is missing from TypeScript's DOM lib). */
export interface BackupDirectoryHandle {
  values(): AsyncIterable<{ readonly kind: 'file' | 'directory'; readonly name: string }>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<BackupFileHandle>;
  removeEntry(name: string): Promise<void>;
}

/** Where the browser keeps backups, for display. */
export const OPFS_BACKUP_FOLDER = '浏览器私有存储 / backups';

const backupName = ipcArgSchemas.readBackup.shape.name;

function invalidName(name: string): AppError {
  return { code: 'BACKUP_NAME_INVALID', message: `备份文件名无效：${name}`, messageEn: `Invalid backup file name: ${name}` };
}

function failure(error: unknown, name = ''): AppError {
  const domName = error instanceof Error ? error.name : '';
  if (domName === 'NotFoundError') {
    return { code: 'BACKUP_NOT_FOUND', message: `找不到备份文件：${name}`, messageEn: `Backup file not found: ${name}` };
  }
  if (domName === 'QuotaExceededError') {
    return { code: 'BACKUP_NO_SPACE', message: '浏览器存储空间不足，无法写入备份', messageEn: 'Not enough browser storage to write the backup' };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'BACKUP_IO_FAILED', message: `备份读写失败：${detail}`, messageEn: `Backup read/write failed: ${detail}` };
}

/** The OPFS `backups` directory of this origin, or an error when the browser has no OPFS. */
export async function openOpfsBackupDirectory(): Promise<BackupDirectoryHandle> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') {
    throw Object.assign(new Error('OPFS unsupported'), { name: 'NotSupportedError' });
  }
  const root = await navigator.storage.getDirectory();
  const directory = await root.getDirectoryHandle('backups', { create: true });
  // TypeScript's DOM lib lacks the async iterators of FileSystemDirectoryHandle; the object has them.
  return directory as unknown as BackupDirectoryHandle;
}

/** Backup operations over a directory handle (the real OPFS one, or a test fake). */
export function createDirectoryBackups(getDirectory: () => Promise<BackupDirectoryHandle>): PlatformBackups {
  async function directory(): Promise<Result<BackupDirectoryHandle>> {
    try {
      return ok(await getDirectory());
    } catch (error) {
      if (error instanceof Error && error.name === 'NotSupportedError') {
        return err({ code: 'BACKUP_UNSUPPORTED', message: '当前浏览器不支持本地备份存储', messageEn: 'This browser cannot store backups locally' });
      }
      return err(failure(error));
    }
  }

  return {
    async list() {
      const opened = await directory();
      if (!opened.ok) return opened;
      try {
        const files: BackupFileInfo[] = [];
        for await (const entry of opened.value.values()) {
          // Skip folders and anything not ours (e.g. a half-written temp file from a crash).
          if (entry.kind !== 'file' || !backupName.safeParse(entry.name).success) continue;
          const file = await (await opened.value.getFileHandle(entry.name)).getFile();
          files.push({ name: entry.name, size: file.size, modifiedAt: new Date(file.lastModified).toISOString() });
        }
        files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.name.localeCompare(a.name));
        return ok(files);
      } catch (error) {
        return err(failure(error));
      }
    },

    async write(name, bytes) {
      if (!backupName.safeParse(name).success) return err(invalidName(name));
      const opened = await directory();
      if (!opened.ok) return opened;
      let writable: BackupWritable | undefined;
      try {
        const handle = await opened.value.getFileHandle(name, { create: true });
        // Chromium writes to a swap file and swaps it in on close(), so a crash mid-write leaves the
        // previous content, never half a backup.
        writable = await handle.createWritable();
        await writable.write(new Uint8Array(bytes));
        await writable.close();
        return ok({ path: `${OPFS_BACKUP_FOLDER}/${name}` });
      } catch (error) {
        await writable?.abort().catch(() => undefined);
        return err(failure(error, name));
      }
    },

    async read(name) {
      if (!backupName.safeParse(name).success) return err(invalidName(name));
      const opened = await directory();
      if (!opened.ok) return opened;
      try {
        const file = await (await opened.value.getFileHandle(name)).getFile();
        return ok(new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        return err(failure(error, name));
      }
    },

    async delete(name) {
      if (!backupName.safeParse(name).success) return err(invalidName(name));
      const opened = await directory();
      if (!opened.ok) return opened;
      try {
        await opened.value.removeEntry(name);
        return ok({ deleted: true });
      } catch (error) {
        if (error instanceof Error && error.name === 'NotFoundError') return ok({ deleted: false });
        return err(failure(error, name));
      }
    },

    async folder() {
      return ok({ path: OPFS_BACKUP_FOLDER });
    },

    async chooseFolder() {
      return err({
        code: 'UNSUPPORTED',
        message: '浏览器版不能选择备份文件夹，备份保存在浏览器私有存储中；可用“导出”另存到电脑',
        messageEn: 'The browser version cannot choose a backup folder; backups stay in browser storage. Use Export to save a copy.',
      });
    },
  };
}
