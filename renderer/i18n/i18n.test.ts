import { describe, expect, it } from 'vitest';
import { en } from './en';
import { interpolate, parseLanguage, translate } from './translate';
import { zh } from './zh';

function keysOf(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keysOf(value as object, `${prefix}${key}.`),
  );
}

describe('i18n dictionary', () => {
  it('has the same keys in zh and en (the type already enforces it; this guards casts)', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });

  it('has no empty strings', () => {
    for (const dictionary of [zh, en]) {
      for (const key of keysOf(dictionary)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionary);
        expect(value, key).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keysOf(zh)) {
      const read = (dictionary: object) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionary) as string;
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(names(read(en)), key).toEqual(names(read(zh)));
    }
  });

  it('translates nested keys and interpolates parameters', () => {
    expect(translate('zh-CN', 'nav.talents')).toBe('人才库');
    expect(translate('en', 'nav.talents')).toBe('Talents');
    expect(translate('zh-CN', 'sections.audit.count', { count: 12 })).toBe('共 12 条记录');
    expect(translate('en', 'settings.usageOfQuota', { usage: '1 MB', quota: '2 MB', percent: 50 })).toBe('1 MB / 2 MB (50%)');
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('{a}-{b}', { a: 1 })).toBe('1-{b}');
  });

  it('rejects parameters of the wrong shape at compile time', () => {
    // @ts-expect-error — `count` is required by the message.
    expect(translate('zh-CN', 'sections.audit.count')).toBe('共 {count} 条记录');
    // @ts-expect-error — the key does not exist.
    expect(translate('zh-CN', 'nav.nothing')).toBe('nav.nothing');
  });

  it('parses stored language values', () => {
    expect(parseLanguage('en')).toBe('en');
    expect(parseLanguage('zh-CN')).toBe('zh-CN');
    expect(parseLanguage('fr')).toBeUndefined();
    expect(parseLanguage(null)).toBeUndefined();
  });
});
