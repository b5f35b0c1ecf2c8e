/** The typed UI dictionary. See zh.ts for how to add a string. */
export { LanguageProvider, useT, useLanguage, readStoredLanguage, LANGUAGE_STORAGE_KEY } from './LanguageProvider';
export { translate, interpolate, parseLanguage, DEFAULT_LANGUAGE } from './translate';
export type { Language, MessageKey, PlainMessageKey, MessageParams, TranslateFunction, Dictionary } from './types';
