/** Matching spreadsheet header texts to field keys through the field table's labels and synonyms. */
import type { FieldDef } from '../fields/fieldTypes';
import { normalizeCodeText } from '../codes/matchCode';

/**
 * Header text → comparison key: NFKC, no whitespace (headers often wrap: `证件\n号码`), lower-case,
 * required-markers (`*`, `＊`) dropped.
 */
export function normalizeHeaderText(header: string): string {
  return normalizeCodeText(header).replace(/^[*※]+|[*※]+$/g, '');
}

/** Removes one trailing bracketed remark: `手机号码（必填）` → `手机号码`, `学历(最高)` → `学历`. */
function withoutTrailingRemark(key: string): string {
  return key.replace(/[(（[【][^()（）[\]【】]*[)）\]】]$/, '');
}

/**
 * Builds a matcher from a field table: exact label/synonym/key first, then the same with a
 * trailing bracketed remark removed. Derived fields never match (they are never imported).
 */
export function createHeaderMatcher<K extends string>(fields: readonly FieldDef<K>[]): (header: string) => K | undefined {
  const index = new Map<string, K>();
  for (const field of fields) {
    if (field.derived) continue;
    for (const text of [field.zh, field.en, field.key]) {
      const key = normalizeHeaderText(text);
      if (key !== '' && !index.has(key)) index.set(key, field.key);
    }
  }
  for (const field of fields) {
    if (field.derived) continue;
    for (const text of field.synonyms ?? []) {
      const key = normalizeHeaderText(text);
      if (key !== '' && !index.has(key)) index.set(key, field.key);
    }
  }
  return (header: string): K | undefined => {
    const key = normalizeHeaderText(header);
    if (key === '') return undefined;
    return index.get(key) ?? index.get(withoutTrailingRemark(key));
  };
}
