/**
 * Backup file names: `talentledger-2026-11-26T230501.123-daily.tlbak`. The time is Shanghai wall-clock
 * time (UTC+08:00), so names sort by time and read naturally to the clerk; milliseconds keep two
 * backups of the same second apart. Only `[A-Za-z0-9-.]` appear, which `backupNameSchema` in
 * shared/ipc.ts accepts (it has no `+`, so the offset is implied rather than written).
 */
import { chinaParts, instantOf, instantOfChinaTime } from './chinaTime';
import { BACKUP_FILE_EXTENSION, BACKUP_REASONS, isBackupReason, type BackupReason } from './format';

const FILE_NAME_PREFIX = 'talentledger-';
const FILE_NAME_PATTERN = new RegExp(
  `^${FILE_NAME_PREFIX}(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(?:\\.(\\d{3}))?-(${BACKUP_REASONS.join('|')})\\${BACKUP_FILE_EXTENSION}$`,
);

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The file name of a backup made at `createdAt` (ISO timestamp) for `reason`. Throws on a malformed timestamp (a bug). */
export function backupFileName(createdAt: string, reason: BackupReason): string {
  const ms = instantOf(createdAt);
  if (ms === undefined) throw new TypeError(`backupFileName: not an ISO timestamp: ${createdAt}`);
  if (!isBackupReason(reason)) throw new TypeError(`backupFileName: unknown reason ${String(reason)}`);
  const t = chinaParts(ms);
  return `${FILE_NAME_PREFIX}${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}.${pad(t.millisecond, 3)}-${reason}${BACKUP_FILE_EXTENSION}`;
}

/** What a backup's file name says. */
export interface ParsedBackupFileName {
  /** ISO timestamp in UTC (`…Z`). */
  createdAt: string;
  reason: BackupReason;
}

/**
 * Reads a name made by {@link backupFileName}; undefined for anything else (a user's own file, a
 * `.tlbak.tmp` write in progress). Callers never prune files whose names they cannot read.
 */
export function parseBackupFileName(name: string): ParsedBackupFileName | undefined {
  const match = FILE_NAME_PATTERN.exec(name);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millisecond = match[7] === undefined ? 0 : Number(match[7]);
  const reason = match[8];
  if (!isBackupReason(reason)) return undefined;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = instantOfChinaTime(year, month, day, hour, minute, second, millisecond);
  // Date.UTC rolls 2026-02-30 over into March; such a name is not one we wrote.
  const back = chinaParts(ms);
  if (back.day !== day || back.month !== month) return undefined;
  return { createdAt: new Date(ms).toISOString(), reason };
}
