/** Turns Node file-system exceptions into `AppError` values with stable codes and clerk-readable messages. */
import type { AppError } from '../shared/result';

/** Formats a byte count for messages: `512 MB`, `1.5 GB`, `900 KB`, `12 字节`. */
export function formatBytes(bytes: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'] as const;
  if (bytes < 1024) return `${bytes} 字节`;
  let value = bytes;
  let unit: string = units[0];
  for (const candidate of units) {
    value /= 1024;
    unit = candidate;
    if (value < 1024) break;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${text} ${unit}`;
}

/**
 * Maps a file-system error to an `AppError`. `action` says what was being done in Chinese
 * (e.g. `写入备份`), `actionEn` in English; `filePath` names the file for the clerk.
 */
export function fileSystemError(error: unknown, filePath: string, action: string, actionEn: string): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { code: 'FILE_NOT_FOUND', message: `${action}失败：找不到“${filePath}”。`, messageEn: `${actionEn} failed: "${filePath}" was not found.` };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { code: 'FILE_ACCESS_DENIED', message: `${action}失败：没有权限访问“${filePath}”。`, messageEn: `${actionEn} failed: no permission for "${filePath}".` };
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'DISK_FULL', message: `${action}失败：磁盘空间不足（${filePath}）。`, messageEn: `${actionEn} failed: the disk is full (${filePath}).` };
    case 'EBUSY':
      return { code: 'FILE_BUSY', message: `${action}失败：“${filePath}”正被其他程序占用，请关闭后重试。`, messageEn: `${actionEn} failed: "${filePath}" is in use by another program.` };
    case 'EISDIR':
    case 'ENOTDIR':
      return { code: 'FILE_WRONG_KIND', message: `${action}失败：“${filePath}”不是普通文件。`, messageEn: `${actionEn} failed: "${filePath}" is not a regular file.` };
    default:
      return { code: 'FILE_IO_ERROR', message: `${action}失败：读写“${filePath}”时出错${code ? `（${code}）` : ''}。`, messageEn: `${actionEn} failed: an I/O error occurred on "${filePath}"${code ? ` (${code})` : ''}.` };
  }
}
