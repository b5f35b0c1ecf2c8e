/** Labels and small display helpers of the bases and rosters screens (language-aware, from the shared label tables). */
import { BASE_STATUS_LABELS, BASE_TYPE_LABELS, PROGRAMME_LEVEL_LABELS, type BaseStatus, type BaseType, type ProgrammeLevel } from '../../../shared/bases/trainingBase';
import { shanghaiDistricts } from '../../../shared/codes/districts';
import type { Language } from '../../i18n';

/** Picks the label of the UI language. */
export function label(entry: { zh: string; en: string } | undefined, language: Language): string {
  if (!entry) return '';
  return language === 'en' ? entry.en : entry.zh;
}

export function baseTypeLabel(type: BaseType, language: Language): string {
  return label(BASE_TYPE_LABELS[type], language);
}

export function baseStatusLabel(status: BaseStatus, language: Language): string {
  return label(BASE_STATUS_LABELS[status], language);
}

export function levelLabel(level: ProgrammeLevel, language: Language): string {
  return label(PROGRAMME_LEVEL_LABELS[level], language);
}

export function districtLabel(code: string, language: Language): string {
  const option = shanghaiDistricts.find((district) => district.value === code);
  return option ? label(option, language) : code;
}

/** Colour of a status tag: green 有效, orange 暂停, default 撤销, red 已到期. */
export const STATUS_COLORS: Readonly<Record<BaseStatus, string>> = { active: 'green', suspended: 'orange', revoked: 'default', expired: 'red' };

/** Today as `YYYY-MM-DD` in Shanghai time. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
