/** Display names of backup reasons and tables in the current language. */
import { isBackupReason } from '../../../shared/backup';
import { TABLE_NAMES, type TableName } from '../../db';
import type { TranslateFunction } from '../../i18n';

/** 每日自动 / 导入前 / … ; "other" for a file this app did not name. */
export function reasonLabel(reason: string | undefined, t: TranslateFunction): string {
  return reason !== undefined && isBackupReason(reason) ? t(`backup.reasons.${reason}`) : t('backup.reasons.other');
}

function isTableName(table: string): table is TableName {
  return (TABLE_NAMES as readonly string[]).includes(table);
}

/** 人才 / 职称申报 / … ; the raw name for a table this app does not know. */
export function tableLabel(table: string, t: TranslateFunction): string {
  return isTableName(table) ? t(`backup.tables.${table}`) : table;
}
