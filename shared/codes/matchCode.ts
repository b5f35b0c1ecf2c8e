/** Matching free text typed by clerks (or found in spreadsheets) against a code list. */
import type { CodeOption } from '../fields/fieldTypes';

/**
 * The comparison key for code matching: NFKC (full-width → half-width), every kind of
 * whitespace removed, lower-case. `浦东 新区`, `Ｐｕｄｏｎｇ` and `pudong` compare as typed.
 */
export function normalizeCodeText(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '').toLowerCase();
}

/** Built once per option list; the lists are module constants, so a WeakMap keeps it free. */
const indexCache = new WeakMap<readonly CodeOption[], Map<string, CodeOption>>();

function indexFor(options: readonly CodeOption[]): Map<string, CodeOption> {
  const cached = indexCache.get(options);
  if (cached) return cached;
  const index = new Map<string, CodeOption>();
  // Values and labels win over synonyms: add them first and never overwrite an earlier entry.
  for (const option of options) {
    for (const text of [option.value, option.zh, option.en]) {
      const key = normalizeCodeText(text);
      if (key !== '' && !index.has(key)) index.set(key, option);
    }
  }
  for (const option of options) {
    for (const text of option.synonyms ?? []) {
      const key = normalizeCodeText(text);
      if (key !== '' && !index.has(key)) index.set(key, option);
    }
  }
  indexCache.set(options, index);
  return index;
}

/**
 * Finds the option whose value, Chinese label, English label or a synonym equals `raw` after
 * {@link normalizeCodeText}; `undefined` when none does (or `raw` is blank).
 */
export function matchCode<T extends CodeOption>(options: readonly T[], raw: string | number | boolean): T | undefined {
  const key = normalizeCodeText(String(raw));
  if (key === '') return undefined;
  return indexFor(options).get(key) as T | undefined;
}

/** The Chinese label of a stored value, or the value itself when it is not in the list. */
export function codeLabel(options: readonly CodeOption[], value: string, lang: 'zh' | 'en' = 'zh'): string {
  const option = options.find((candidate) => candidate.value === value);
  if (!option) return value;
  return lang === 'zh' ? option.zh : option.en;
}
