/** Pure lookup and interpolation over the dictionaries; React wiring lives in LanguageProvider.tsx. */
import { en } from './en';
import type { Dictionary, Language, MessageArgs, MessageKey } from './types';
import { zh } from './zh';

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const dictionaries: Record<Language, Dictionary> = { 'zh-CN': zh, en };

const flatCache = new Map<Language, Map<string, string>>();

function flatten(node: Dictionary | Readonly<Record<string, unknown>>, prefix: string, into: Map<string, string>): void {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') into.set(prefix + key, value);
    else flatten(value as Readonly<Record<string, unknown>>, `${prefix}${key}.`, into);
  }
}

function messagesOf(language: Language): Map<string, string> {
  let messages = flatCache.get(language);
  if (!messages) {
    messages = new Map();
    flatten(dictionaries[language], '', messages);
    flatCache.set(language, messages);
  }
  return messages;
}

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a missing parameter is noticed. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Translates a key in the given language (outside React, e.g. in error messages built by helpers). */
export function translate<K extends MessageKey>(language: Language, key: K, ...args: MessageArgs<K>): string {
  const template = messagesOf(language).get(key) ?? messagesOf(DEFAULT_LANGUAGE).get(key) ?? key;
  const params = args[0] as Readonly<Record<string, string | number>> | undefined;
  return interpolate(template, params);
}

/** Narrows an arbitrary stored value to a supported language. */
export function parseLanguage(value: unknown): Language | undefined {
  return value === 'zh-CN' || value === 'en' ? value : undefined;
}
