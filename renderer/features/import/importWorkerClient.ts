/** Starting the import worker (one per wizard) and small helpers shared by the wizard's steps. */
import type { FieldDef } from '../../../shared/fields/fieldTypes';
import { importKindSpec, type ImportKind } from '../../../shared/excel/importKinds';
import { maskValue } from '../../../shared/identity/mask';
import type { MaskPattern } from '../../db/types';
import { wrapWorker, type WrappedWorker } from '../../workers/rpc';
import type { ImportWorkerApi } from '../../workers/import.worker';

export type ImportWorker = WrappedWorker<ImportWorkerApi>;

/** A fresh import worker; the caller closes it. */
export function startImportWorker(): ImportWorker {
  return wrapWorker<ImportWorkerApi>(new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' }));
}

/** The file types the import reads (by extension; the worker decides by content). */
export const IMPORT_FILE_FILTERS = [{ name: 'Excel / WPS / CSV', extensions: ['xlsx', 'xlsm', 'xlsb', 'xls', 'et', 'ods', 'csv', 'txt'] }];

/** The import kind named in the URL (`?kind=roster`), talents otherwise. */
export function importKindFromParam(value: string | null): ImportKind {
  return value === 'roster' ? 'roster' : 'talents';
}

/** The fields of a kind that can be mapped to a column (derived ones excluded). */
export function mappableFields(kind: ImportKind): readonly FieldDef[] {
  return importKindSpec(kind).fields.filter((field) => !field.derived);
}

/** A field's label in the UI language. */
export function fieldLabel(field: Pick<FieldDef, 'zh' | 'en'> | undefined, language: string, fallback = ''): string {
  if (!field) return fallback;
  return language === 'en' ? field.en : field.zh;
}

/** Masks an ID number or phone for the screen with the user's pattern (cells with problems stay readable). */
export function maskCell(field: FieldDef | undefined, text: string, pattern: MaskPattern): string {
  if (!field?.sensitive || text === '') return text;
  return field.sensitive === 'idNumber'
    ? maskValue(text, { keepStart: pattern.idNumberKeepStart, keepEnd: pattern.idNumberKeepEnd })
    : maskValue(text, { keepStart: pattern.phoneKeepStart, keepEnd: pattern.phoneKeepEnd });
}

/** True for the AbortError a canceled worker call rejects with. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

const ID_LIKE = /^(?:\d{15}|\d{17}[\dXx])$/;
const PHONE_LIKE = /^1\d{10}$/;

/**
 * Masks raw sheet text that looks like a resident ID or a mainland mobile number (the sheet and
 * column previews show cells before any column is known to hold them).
 */
export function maskLooksSensitive(text: string, pattern: MaskPattern): string {
  const compact = text.trim();
  if (ID_LIKE.test(compact)) return maskValue(compact, { keepStart: pattern.idNumberKeepStart, keepEnd: pattern.idNumberKeepEnd });
  if (PHONE_LIKE.test(compact)) return maskValue(compact, { keepStart: pattern.phoneKeepStart, keepEnd: pattern.phoneKeepEnd });
  return text;
}
