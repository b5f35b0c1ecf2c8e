import { describe, expect, it } from 'vitest';
import { normalizeHeaderText } from '../validation/headers';
import { emptyTalentDraft } from './talentDraft';
import { talentFields } from './talentFields';

describe('talentFields', () => {
  it('has one column per talent key and nothing else', () => {
    const keys = talentFields.map((field) => field.key).sort();
    expect(keys).toEqual(Object.keys(emptyTalentDraft()).sort());
  });
  it('requires only 姓名 and 证件号码', () => {
    expect(talentFields.filter((field) => field.required).map((field) => field.key)).toEqual(['name', 'idNumber']);
  });
  it('marks the derived and sensitive fields', () => {
    expect(talentFields.filter((field) => field.derived).map((field) => field.key)).toEqual(['titleLevel', 'skillLevel']);
    expect(talentFields.filter((field) => field.sensitive).map((field) => [field.key, field.sensitive])).toEqual([
      ['idNumber', 'idNumber'],
      ['phone', 'phone'],
    ]);
  });
  it('gives code fields their options and every field a width', () => {
    for (const field of talentFields) {
      expect(field.width, field.key).toBeGreaterThan(0);
      if (field.type === 'code') expect(field.options?.length, field.key).toBeGreaterThan(0);
    }
  });
  it('never uses one header text for two fields', () => {
    const owner = new Map<string, string>();
    for (const field of talentFields) {
      for (const text of [field.zh, field.en, field.key, ...(field.synonyms ?? [])]) {
        const key = normalizeHeaderText(text);
        const previous = owner.get(key);
        expect(previous === undefined || previous === field.key, `${text}: ${previous} and ${field.key}`).toBe(true);
        owner.set(key, field.key);
      }
    }
  });
});
