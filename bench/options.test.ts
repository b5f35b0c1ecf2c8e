import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, parseBenchOptions } from './options';

describe('bench options', () => {
  it('defaults to 30,000 and 300,000 talents, three repeats, every measurement', () => {
    const options = parseBenchOptions([]);
    expect(options.sizes).toEqual(DEFAULT_SIZES);
    expect(options.sizes).toEqual([30_000, 300_000]);
    expect(options.repeat).toBe(3);
    expect(options.only).toContain('coldStart');
  });

  it('reads sizes, repeat and only, with or without =', () => {
    const options = parseBenchOptions(['--sizes', '1000,30_000', '--repeat=1', '--only', 'import,search']);
    expect(options).toMatchObject({ sizes: [1000, 30_000], repeat: 1, only: ['import', 'search'] });
  });

  it('refuses unknown measurements and arguments with the usage', () => {
    expect(() => parseBenchOptions(['--only', 'import,speed'])).toThrow(/unknown measurement speed[\s\S]*usage/);
    expect(() => parseBenchOptions(['--fast'])).toThrow(/unknown argument --fast/);
    expect(() => parseBenchOptions(['--repeat', '0'])).toThrow(/--repeat needs a whole number from 1 to 50/);
  });

  it('reads the heavy sections\' runs and the section time limit', () => {
    expect(parseBenchOptions([])).toMatchObject({ heavyRepeat: 1, sectionTimeoutMinutes: null, largeRestore: false });
    expect(parseBenchOptions(['--large-restore'])).toMatchObject({ largeRestore: true });
    expect(parseBenchOptions(['--heavy-repeat', '3', '--section-timeout=20'])).toMatchObject({ heavyRepeat: 3, sectionTimeoutMinutes: 20 });
    expect(() => parseBenchOptions(['--section-timeout', '0'])).toThrow(/--section-timeout needs a whole number/);
  });
});
