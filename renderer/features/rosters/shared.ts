/** Small helpers of the roster screens: masking, labels, the file types a roster comes in, and saving the error workbook. */
import { maskValue } from '../../../shared/identity/mask';
import { ROSTER_STATUS_LABELS, type RosterStatus } from '../../../shared/roster/roster';
import { assessmentResultOptions } from '../../../shared/roster/rosterFields';
import { DEFAULT_MASK_PATTERN } from '../../db/settings';
import type { MaskPattern } from '../../db/types';
import type { Language } from '../../i18n';

/** Files a roster can come in (the pipeline decides by content). */
export const ROSTER_FILE_FILTERS = [{ name: 'Excel / WPS / CSV', extensions: ['xlsx', 'xlsm', 'xls', 'et', 'ods', 'csv'] }];

/** An ID number masked with the user's pattern. */
export function maskId(idNumber: string, pattern: MaskPattern = DEFAULT_MASK_PATTERN): string {
  return idNumber === '' ? '' : maskValue(idNumber, { keepStart: pattern.idNumberKeepStart, keepEnd: pattern.idNumberKeepEnd });
}

export function rosterStatusLabel(status: RosterStatus, language: Language): string {
  const entry = ROSTER_STATUS_LABELS[status];
  return language === 'en' ? entry.en : entry.zh;
}

/** Tag colours: 待审核 blue, 已接收 green, 部分接收 gold, 已退回 red. */
export const ROSTER_STATUS_COLORS: Readonly<Record<RosterStatus, string>> = { pending: 'blue', accepted: 'green', partial: 'gold', returned: 'red' };

export function resultLabel(result: string, language: Language): string {
  const option = assessmentResultOptions.find((candidate) => candidate.value === result);
  if (!option) return '';
  return language === 'en' ? option.en : option.zh;
}

/** Today as `YYYY-MM-DD` in Shanghai time. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The app version written into submission files. */
export function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
}
