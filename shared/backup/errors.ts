/**
 * Why a backup file is refused. Codes are stable (the UI and tests match on them); messages name
 * what is wrong and where (line, table) so a clerk can tell a damaged file from a wrong one.
 */
import type { AppError } from '../result';

export type BackupErrorCode =
  /** Not a TalentLedger backup (an Excel file, an image, random bytes …). */
  | 'BACKUP_FOREIGN'
  /** The file ends early: interrupted write or copy. */
  | 'BACKUP_TRUNCATED'
  /** Checksum mismatch, unreadable line, counts that disagree, damaged compression. */
  | 'BACKUP_CORRUPT'
  /** Written by a newer app with a file format this app cannot read. */
  | 'BACKUP_NEWER_FORMAT'
  /** Holds data of a newer database schema than this app's: restoring it would lose fields. */
  | 'BACKUP_NEWER_SCHEMA'
  /** Compressed, but this runtime has no DecompressionStream. */
  | 'BACKUP_UNSUPPORTED'
  /** The caller's AbortSignal fired. */
  | 'BACKUP_CANCELED';

/** A refusal of a backup file. `line` is 1-based in the uncompressed text; `table` names the table concerned. */
export interface BackupError extends AppError {
  code: BackupErrorCode;
  line?: number;
  table?: string;
}

const TITLES: Record<BackupErrorCode, { zh: string; en: string }> = {
  BACKUP_FOREIGN: { zh: '这不是人才台账的备份文件', en: 'This is not a TalentLedger backup file' },
  BACKUP_TRUNCATED: { zh: '备份文件不完整（可能在写入或复制时中断）', en: 'The backup file is incomplete (the write or copy was interrupted)' },
  BACKUP_CORRUPT: { zh: '备份文件已损坏', en: 'The backup file is damaged' },
  BACKUP_NEWER_FORMAT: { zh: '备份文件由更新版本的程序生成，请先升级程序', en: 'The backup was written by a newer version of the app; update the app first' },
  BACKUP_NEWER_SCHEMA: { zh: '备份中的数据结构比本程序新，请先升级程序', en: 'The backup holds data from a newer database version; update the app first' },
  BACKUP_UNSUPPORTED: { zh: '当前环境无法解压此备份文件', en: 'This environment cannot decompress the backup file' },
  BACKUP_CANCELED: { zh: '已取消', en: 'Canceled' },
};

/** Where a problem was found, for the message. */
export interface BackupErrorPlace {
  line?: number;
  table?: string;
}

/**
 * Builds a refusal. `detail` / `detailEn` say what exactly is wrong; the place (line, table) is
 * prefixed to the detail so every message reads "标题：第 N 行（表 talents）：detail".
 */
export function backupError(code: BackupErrorCode, detail?: string, detailEn?: string, place: BackupErrorPlace = {}): BackupError {
  const title = TITLES[code];
  const whereZh = [place.line !== undefined ? `第 ${place.line} 行` : '', place.table !== undefined ? `表 ${place.table}` : ''].filter(Boolean).join('，');
  const whereEn = [place.line !== undefined ? `line ${place.line}` : '', place.table !== undefined ? `table ${place.table}` : ''].filter(Boolean).join(', ');
  const zhParts = [whereZh, detail].filter(Boolean).join('：');
  const enParts = [whereEn, detailEn].filter(Boolean).join(': ');
  const error: BackupError = {
    code,
    message: zhParts ? `${title.zh}：${zhParts}` : title.zh,
    messageEn: enParts ? `${title.en}: ${enParts}` : title.en,
  };
  if (place.line !== undefined) error.line = place.line;
  if (place.table !== undefined) error.table = place.table;
  return error;
}
