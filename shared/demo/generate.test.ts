import { describe, expect, it } from 'vitest';
import { validateCreditCode } from '../identity/creditCode';
import { validateDocumentNumber } from '../identity/documents';
import { validateTalentInput } from '../validation/validateTalent';
import { talentFields } from '../talent/talentFields';
import { createRandom } from './random';
import { DEMO_EMPLOYERS, DEMO_REFERENCE_DATE } from './people';
import { generateRosterRows, ROSTER_HEADERS } from './generateRoster';
import { generateTalents } from './generateTalents';
import { ageOn } from '../dates/ymd';
import type { Talent } from '../talent/talent';

function take<T>(iterable: Iterable<T>): T[] {
  return Array.from(iterable);
}

describe('createRandom (mulberry32)', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const drawsA = Array.from({ length: 1000 }, () => a.next());
    const drawsB = Array.from({ length: 1000 }, () => b.next());
    expect(drawsA).toEqual(drawsB);
    expect(drawsA.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(createRandom(43).next()).not.toBe(drawsA[0]);
  });
});

describe('generateTalents', () => {
  const talents = take(generateTalents(5000, 20260630));

  it('is deterministic: same seed, same records; other seed, other records', () => {
    expect(take(generateTalents(50, 20260630))).toEqual(talents.slice(0, 50));
    const other = take(generateTalents(50, 7));
    expect(other[0]?.idNumber).not.toBe(talents[0]?.idNumber);
  });

  it('pins the first record of seed 1 so accidental changes to the generator show up', () => {
    const [first] = take(generateTalents(1, 1));
    expect(first).toBeDefined();
    expect(first?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect({ name: first?.name, idNumber: first?.idNumber, employer: first?.employer }).toMatchInlineSnapshot(`
      {
        "employer": "临港智行自动驾驶科技有限公司",
        "idNumber": "310103199101149452",
        "name": "梁文子",
      }
    `);
  });

  it('produces only IDs that pass validation, all unique, with matching gender and ages 22–65', () => {
    const seen = new Set<string>();
    for (const talent of talents) {
      const checked = validateDocumentNumber('resident', talent.idNumber, { today: DEMO_REFERENCE_DATE });
      expect(checked.ok, talent.idNumber).toBe(true);
      if (checked.ok) {
        expect(checked.value.gender).toBe(talent.gender);
        expect(checked.value.birthDate).toBe(talent.birthDate);
      }
      const age = ageOn(talent.birthDate, DEMO_REFERENCE_DATE);
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(65);
      seen.add(talent.idNumber);
    }
    expect(seen.size).toBe(talents.length);
  });

  it('gives every employer a valid credit code', () => {
    for (const employer of DEMO_EMPLOYERS) expect(validateCreditCode(employer.creditCode), employer.name).toEqual({ ok: true, value: employer.creditCode });
    for (const talent of talents) expect(validateCreditCode(talent.employerCreditCode).ok).toBe(true);
  });

  it('passes its own row validation without errors when written out as the clerk would type it', () => {
    for (const talent of talents.slice(0, 500)) {
      const raw: Record<string, string> = {};
      for (const field of talentFields) {
        const value = talent[field.key];
        if (field.derived) continue;
        raw[field.key] = Array.isArray(value) ? value.join('、') : typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
      }
      const { issues, record } = validateTalentInput(raw, { today: DEMO_REFERENCE_DATE });
      expect(issues, talent.idNumber).toEqual([]);
      expect(record.idNumber).toBe(talent.idNumber);
    }
  });

  it('has plausible proportions and consistent dates', () => {
    const share = (predicate: (talent: Talent) => boolean): number => talents.filter(predicate).length / talents.length;
    expect(share((talent) => talent.district === '310115')).toBeGreaterThan(0.3);
    expect(share((talent) => talent.status === 'movedOut')).toBeGreaterThan(0.04);
    expect(share((talent) => talent.status === 'movedOut')).toBeLessThan(0.12);
    expect(share((talent) => talent.titleLevel === 'none')).toBeGreaterThan(0.5);
    expect(share((talent) => talent.education === 'master')).toBeGreaterThan(0.25);
    for (const talent of talents) {
      expect(talent.joinedDate >= '2019-01-01' && talent.joinedDate <= DEMO_REFERENCE_DATE).toBe(true);
      if (talent.status === 'active') expect(talent.leftDate).toBe('');
      else expect(talent.leftDate > talent.joinedDate && talent.leftReason !== '').toBe(true);
      if (talent.cluster === 'zhangjiang' || talent.cluster === 'lingang') expect(talent.district).toBe('310115');
      if (talent.cluster === 'xuhuiBinjiang') expect(talent.district).toBe('310104');
      if (talent.cluster === 'minhangMaqiao') expect(talent.district).toBe('310112');
      if (talent.education === 'phd') expect(ageOn(talent.birthDate, DEMO_REFERENCE_DATE)).toBeGreaterThanOrEqual(28);
    }
  });

  it('streams 300,000 records quickly', () => {
    const started = performance.now();
    let count = 0;
    for (const talent of generateTalents(300_000, 99)) if (talent.idNumber) count += 1;
    expect(count).toBe(300_000);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('generateRosterRows', () => {
  it('yields rows in roster column order, deterministic, matching talents with the same seed', () => {
    const rows = take(generateRosterRows(200, 5, { talentCount: 1000 }));
    expect(rows).toHaveLength(200);
    expect(take(generateRosterRows(200, 5, { talentCount: 1000 }))).toEqual(rows);
    expect(rows.every((row) => row.length === ROSTER_HEADERS.length)).toBe(true);
    expect(rows.map((row) => row[0])).toEqual(Array.from({ length: 200 }, (_, i) => String(i + 1)));

    const talentIds = new Set(take(generateTalents(1000, 5)).map((talent) => talent.idNumber));
    const matched = rows.filter((row) => talentIds.has(row[4] ?? ''));
    expect(matched).toHaveLength(180); // 10 % outsiders
    const outsiders = rows.slice(180);
    expect(outsiders.every((row) => !talentIds.has(row[4] ?? ''))).toBe(true);
  });

  it('fills results, scores and certificates consistently', () => {
    for (const row of generateRosterRows(500, 11)) {
      const [, , gender, idType, idNumber, , , , , occupation, , start, end, hours, result, theory, practice, certificate] = row;
      expect(['男', '女']).toContain(gender);
      expect(idType).toBe('居民身份证');
      expect(validateDocumentNumber('resident', idNumber ?? '', { today: DEMO_REFERENCE_DATE }).ok).toBe(true);
      expect((end ?? '') > (start ?? '')).toBe(true);
      expect(Number(hours) % 8).toBe(0);
      if (result === '缺考') expect([theory, practice, certificate]).toEqual(['', '', '']);
      if (result === '合格') {
        expect(Number(theory)).toBeGreaterThanOrEqual(60);
        expect(Number(practice)).toBeGreaterThanOrEqual(60);
        if (occupation?.startsWith('人工智能训练师')) expect(certificate).toMatch(/^[YS]\d{4}31\d{6}\d{2}[1-5]\d{6}$/);
      }
      if (result === '不合格') expect(Math.min(Number(theory), Number(practice))).toBeLessThan(60);
    }
  });
});
