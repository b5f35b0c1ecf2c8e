/** How talent fields read on screen: labels and values from the one field table, masking from settings. */
import { codeLabel } from '../../../shared/codes';
import type { FieldDef } from '../../../shared/fields/fieldTypes';
import { maskIdNumber, maskPhone } from '../../../shared/identity/mask';
import { TALENT_INDEX_FIELDS, type TalentSortKey } from '../../../shared/search/talentSearch';
import { talentFieldByKey, talentFields, type TalentFieldKey } from '../../../shared/talent/talentFields';
import type { MaskPattern } from '../../db';
import type { Language } from '../../i18n';

/** The list id under which the chosen columns are saved in settings `listColumns`. */
export const TALENT_LIST_ID = 'talents';

/** Columns shown until the clerk chooses: the field table's `listDefault` ones. */
export const DEFAULT_LIST_COLUMNS: readonly TalentFieldKey[] = talentFields.filter((field) => field.listDefault).map((field) => field.key);

// Every index field but the record key and the change stamp is a list column the index can sort.
const SORTABLE: ReadonlySet<string> = new Set<string>(TALENT_INDEX_FIELDS.filter((field) => field !== 'id' && field !== 'updatedAt'));

/** Whether the search index can sort by this column. */
export function isSortableColumn(key: TalentFieldKey): key is TalentFieldKey & TalentSortKey {
  return SORTABLE.has(key);
}

/** The field definition of a column key (the table is fixed, so a miss is a bug). */
export function fieldOf(key: TalentFieldKey): FieldDef<TalentFieldKey> {
  const field = talentFieldByKey.get(key);
  if (!field) throw new Error(`unknown talent field ${key}`);
  return field;
}

/** The label of a field in the UI language. */
export function fieldLabel(field: FieldDef, language: Language): string {
  return language === 'en' ? field.en : field.zh;
}

/** Saved columns, filtered to known fields; the defaults when none are saved. */
export function visibleColumns(saved: readonly string[] | undefined): TalentFieldKey[] {
  const known = (saved ?? []).filter((key): key is TalentFieldKey => talentFieldByKey.has(key as TalentFieldKey));
  return known.length > 0 ? known : [...DEFAULT_LIST_COLUMNS];
}

/** A stored value as text: code labels, 是/否, tags joined; blanks as ''. */
export function displayValue(field: FieldDef, value: unknown, language: Language): string {
  if (value === undefined || value === null || value === '') return '';
  const lang = language === 'en' ? 'en' : 'zh';
  switch (field.type) {
    case 'code':
      return codeLabel(field.options ?? [], String(value), lang);
    case 'boolean':
      if (typeof value !== 'boolean') return String(value);
      return value ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否';
    case 'tags':
      return Array.isArray(value) ? value.join(lang === 'en' ? ', ' : '、') : String(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** The settings mask as the shared/identity patterns. */
export function maskPatterns(mask: MaskPattern) {
  return {
    idNumber: { keepStart: mask.idNumberKeepStart, keepEnd: mask.idNumberKeepEnd },
    phone: { keepStart: mask.phoneKeepStart, keepEnd: mask.phoneKeepEnd },
  };
}

/** A value as shown with masking: sensitive fields masked unless revealed. */
export function maskedDisplayValue(field: FieldDef, value: unknown, language: Language, mask: MaskPattern): string {
  const text = displayValue(field, value, language);
  if (text === '' || !field.sensitive) return text;
  const patterns = maskPatterns(mask);
  return field.sensitive === 'idNumber' ? maskIdNumber(text, patterns.idNumber) : maskPhone(text, patterns.phone);
}

/** Column width in pixels from the field table's width in characters. */
export function columnWidth(field: FieldDef): number {
  return Math.max(72, Math.min(320, Math.round((field.width ?? 12) * 8 + 24)));
}
