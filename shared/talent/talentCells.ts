/**
 * A talent as spreadsheet cells, the way a clerk's sheet shows it (Chinese labels, 是/否, tags joined
 * by 、): the bench's import fixture and its raw-writer baseline both use it. Pure, runs in Node too.
 */
import type { CodeOption, FieldDef } from '../fields/fieldTypes';
import type { Talent } from './talent';
import { talentFields, type TalentFieldKey } from './talentFields';

/** The columns a clerk fills in: the talent field table without derived fields (职称等级, 技能等级). */
export const IMPORT_COLUMNS: readonly FieldDef<TalentFieldKey>[] = talentFields.filter((field) => !field.derived);

function label(options: readonly CodeOption[] | undefined, value: string): string {
  return options?.find((option) => option.value === value)?.zh ?? value;
}

/** A talent's cell as a clerk's spreadsheet shows it: Chinese labels, 是/否, tags joined by 、. */
export function talentCellText(field: FieldDef<TalentFieldKey>, talent: Talent): string {
  const value = talent[field.key];
  if (field.type === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('、');
  if (field.type === 'code') return value === '' ? '' : label(field.options, String(value));
  return String(value);
}

/** One row of text cells for `talent`, in the order of `columns` (default: every field of the table). */
export function talentCells(talent: Talent, columns: readonly FieldDef<TalentFieldKey>[] = talentFields): string[] {
  return columns.map((field) => talentCellText(field, talent));
}
