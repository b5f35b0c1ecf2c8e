import { describe, expect, it } from 'vitest';
import { ageOn } from '../dates/ymd';
import { generateTalents } from '../demo';
import { ReportColumns } from './columns';
import { computeHeadcountReport, headcountTrend, type HeadcountReport } from './headcount';
import { AGE_BANDS, DIMENSIONS, type ReportTalent, type SkillGrant, type TitleGrant } from './model';
import { columnsChecksum, compareFigures, reportFigures } from './snapshot';
import { computeTrainingFigures } from './training';

function talent(id: string, fields: Partial<ReportTalent>): ReportTalent {
  return {
    id,
    gender: 'M',
    birthDate: '1990-06-01',
    education: 'bachelor',
    district: '310115',
    cluster: 'zhangjiang',
    industrySegment: 'software',
    category: 'engineer',
    overseas: false,
    joinedDate: '2020-01-01',
    leftDate: '',
    titleLevel: 'none',
    skillLevel: 0,
    createdAt: '2020-01-01T00:00:00.000Z',
    ...fields,
  };
}

/** A small registry over 2023–2025 (hand-computed figures below). */
const registry: ReportTalent[] = [
  // Joins on the year-end 2023-12-31: counted for 2023.
  talent('A', { category: 'aiTrainer', birthDate: '1990-12-31', joinedDate: '2023-12-31', gender: 'F', education: 'master' }),
  // Leaves on 2024-12-31: counted for 2023, not 2024.
  talent('B', { category: 'algorithmEngineer', district: '310104', birthDate: '1989-12-31', joinedDate: '2023-03-01', leftDate: '2024-12-31', overseas: true }),
  // Left 2024-06-30 and came back 2025-03-01 (the restore cleared 离库日期).
  talent('C', { category: 'engineer', birthDate: '1979-12-31', joinedDate: '2022-05-05', titleLevel: 'deputySenior', education: 'phd', absences: [{ from: '2024-06-30', until: '2025-03-01' }] }),
  talent('D', { category: 'aiTrainer', district: '310112', birthDate: '1970-12-31', joinedDate: '2021-01-01', titleLevel: 'senior', skillLevel: 2 }),
  // Nothing filled in but the category.
  talent('E', { category: 'manager', district: '', cluster: '', birthDate: '', education: '', gender: '', industrySegment: '', joinedDate: '2025-01-01' }),
  // Joins on 2024-12-31, leaves on 2025-12-31; title from the record (no certificate).
  talent('F', { category: 'algorithmEngineer', district: '310104', birthDate: '1980-06-15', joinedDate: '2024-12-31', leftDate: '2025-12-31', titleLevel: 'deputySenior' }),
  // No 入库日期: counts from the day the record was created.
  talent('G', { category: 'engineer', birthDate: '1995-01-01', joinedDate: '', createdAt: '2024-05-01T08:00:00.000Z' }),
  // Joins after the last year-end.
  talent('H', { category: 'aiTrainer', district: '310112', birthDate: '1985-12-31', joinedDate: '2026-01-01', titleLevel: 'senior' }),
];

const titleGrants: TitleGrant[] = [
  { talentId: 'C', level: 'deputySenior', from: '2023-06-01' },
  { talentId: 'D', level: 'intermediate', from: '2020-01-01' },
  { talentId: 'D', level: 'senior', from: '2025-09-01' },
  { talentId: 'B', level: 'junior', from: '2023-01-01', until: '2023-11-30' },
];
const skillGrants: SkillGrant[] = [
  { talentId: 'A', level: 4, from: '2024-06-01' },
  { talentId: 'A', level: 3, from: '2025-11-01' },
];

const targets = { talents: 300_000 };

function rows(report: HeadcountReport, id: string): Record<string, number> {
  const breakdown = report.breakdowns.find((candidate) => candidate.id === id)!;
  expect(breakdown.total).toBe(report.total);
  return Object.fromEntries(breakdown.rows.filter((row) => row.count !== 0).map((row) => [row.code || 'unknown', row.count]));
}

function flows(report: HeadcountReport): Record<string, [number, number, number, number, number]> {
  return Object.fromEntries(report.flows.filter((row) => row.start || row.end || row.added || row.left).map((row) => [row.code, [row.start, row.added, row.left, row.end, row.net]]));
}

describe('annual headcount report over a hand-computed registry', () => {
  const columns = ReportColumns.from(registry, titleGrants, skillGrants);

  it('counts 在库 on 31 December with the boundary days', () => {
    // 2022: C, D · 2023: A (joined 12-31), B, C, D · 2024: A, D, F (joined 12-31), G (created 05-01); B left 12-31, C away
    // 2025: A, C (back), D, E, G; F left 12-31.
    expect(headcountTrend(columns, [2022, 2023, 2024, 2025, 2026])).toEqual([
      { year: 2022, total: 2 },
      { year: 2023, total: 4 },
      { year: 2024, total: 4 },
      { year: 2025, total: 5 },
      { year: 2026, total: 6 },
    ]);
  });

  it('2025: totals, year-on-year, progress and every breakdown', () => {
    const report = computeHeadcountReport(columns, 2025, targets);
    expect(report.asOf).toBe('2025-12-31');
    expect(report.previousAsOf).toBe('2024-12-31');
    expect([report.total, report.previousTotal, report.change, report.changeRate]).toEqual([5, 4, 1, 0.25]);
    expect(report.progress).toBeCloseTo(5 / 300_000, 12);
    expect(rows(report, 'district')).toEqual({ '310115': 3, '310112': 1, unknown: 1 });
    expect(rows(report, 'category')).toEqual({ aiTrainer: 2, engineer: 2, manager: 1 });
    expect(rows(report, 'education')).toEqual({ master: 1, phd: 1, bachelor: 2, unknown: 1 });
    // A 35, G 30, C 46, D 55 (each on the birthday or after), E no birth date.
    expect(rows(report, 'ageBand')).toEqual({ le35: 2, '46to54': 1, ge55: 1, unknown: 1 });
    expect(rows(report, 'ageBand5')).toEqual({ '26to30': 1, '31to35': 1, '46to50': 1, '51to55': 1, unknown: 1 });
    // D's 正高 certificate from 2025-09-01; C's 副高 from 2023-06-01.
    expect(rows(report, 'titleLevel')).toEqual({ senior: 1, deputySenior: 1, none: 3 });
    // A passed 四级 in 2024 and 三级 in 2025-11; D has no roster row, level 2 from the record.
    expect(rows(report, 'skillLevel')).toEqual({ '2': 1, '3': 1, '0': 3 });
    expect(rows(report, 'gender')).toEqual({ M: 3, F: 1, unknown: 1 });
    expect(rows(report, 'overseas')).toEqual({ false: 5 });
    expect(rows(report, 'cluster')).toEqual({ zhangjiang: 4, unknown: 1 });
    expect(rows(report, 'industrySegment')).toEqual({ software: 4, unknown: 1 });
    // start, added, left, end, net
    expect(flows(report)).toEqual({
      aiTrainer: [2, 0, 0, 2, 0],
      algorithmEngineer: [1, 0, 1, 0, -1],
      engineer: [1, 1, 0, 2, 1],
      manager: [0, 1, 0, 1, 1],
    });
    expect(report.flowTotal).toEqual({ start: 4, added: 2, left: 1, end: 5, net: 1 });
    expect(report.titles.grantedInYear.map((row) => row.count)).toEqual([1, 0, 0, 0]);
    // C and D in the registry; F left on 12-31 but still holds 副高 (from the record).
    expect([report.titles.seniorHolders, report.titles.seniorHoldersInRegistry]).toEqual([3, 2]);
  });

  it('2025: the 区 × 人才类别 cross table sums to the breakdowns', () => {
    const report = computeHeadcountReport(columns, 2025, targets);
    const districtIndex = report.cross.rows.findIndex((row) => row.code === '310115');
    const engineerIndex = report.cross.columns.findIndex((column) => column.code === 'engineer');
    expect(report.cross.counts[districtIndex]![engineerIndex]).toBe(2);
    const all = report.cross.counts.flat().reduce((sum, value) => sum + value, 0);
    expect(all).toBe(5);
    report.cross.rows.forEach((row, index) => expect(report.cross.counts[index]!.reduce((a, b) => a + b, 0)).toBe(rows(report, 'district')[row.code || 'unknown'] ?? 0));
  });

  it('2024: people who left (B on 12-31, C away) and joined (F on 12-31, G without a date)', () => {
    const report = computeHeadcountReport(columns, 2024, targets);
    expect([report.total, report.previousTotal, report.change, report.changeRate]).toEqual([4, 4, 0, 0]);
    expect(rows(report, 'ageBand')).toEqual({ le35: 2, '36to45': 1, '46to54': 1 });
    expect(rows(report, 'titleLevel')).toEqual({ deputySenior: 1, intermediate: 1, none: 2 });
    expect(rows(report, 'skillLevel')).toEqual({ '2': 1, '4': 1, '0': 2 });
    expect(flows(report)).toEqual({
      aiTrainer: [2, 0, 0, 2, 0],
      algorithmEngineer: [1, 1, 1, 1, 0],
      engineer: [1, 1, 1, 1, 0],
    });
    expect(report.titles.grantedInYearTotal).toBe(0);
    // C (away, still holds 副高) and F.
    expect([report.titles.seniorHolders, report.titles.seniorHoldersInRegistry]).toEqual([2, 1]);
  });

  it('2023: a revoked title no longer counts; titles granted in the year', () => {
    const report = computeHeadcountReport(columns, 2023, targets);
    expect([report.total, report.previousTotal, report.change, report.changeRate]).toEqual([4, 2, 2, 1]);
    expect(rows(report, 'ageBand')).toEqual({ le35: 2, '36to45': 1, '46to54': 1 });
    expect(rows(report, 'titleLevel')).toEqual({ deputySenior: 1, intermediate: 1, none: 2 });
    expect(rows(report, 'skillLevel')).toEqual({ '2': 1, '0': 3 });
    expect(report.titles.grantedInYear.map((row) => [row.code, row.count])).toEqual([
      ['senior', 0],
      ['deputySenior', 1],
      ['intermediate', 0],
      ['junior', 1],
    ]);
    expect(flows(report)).toEqual({ aiTrainer: [1, 1, 0, 2, 1], algorithmEngineer: [0, 1, 0, 1, 1], engineer: [1, 0, 0, 1, 0] });
  });

  it('a year with nobody the year before has no year-on-year rate', () => {
    const report = computeHeadcountReport(columns, 2021, targets);
    expect([report.total, report.previousTotal, report.changeRate]).toEqual([1, 0, null]);
    expect(computeHeadcountReport(columns, 2021, { talents: 0 }).progress).toBeNull();
  });
});

describe('age bands on the birthday', () => {
  const births = ['1990-12-31', '1990-01-01', '1989-12-31', '1989-01-01', '1980-12-31', '1979-12-31', '1971-12-31', '1970-12-31'];
  const columns = ReportColumns.from(births.map((birthDate, index) => talent(`P${index}`, { birthDate })));

  it('35/36, 45/46, 54/55 fall where ageOn puts them on 31 December', () => {
    expect(births.map((birth) => ageOn(birth, '2025-12-31'))).toEqual([35, 35, 36, 36, 45, 46, 54, 55]);
    const report = computeHeadcountReport(columns, 2025, targets);
    expect(rows(report, 'ageBand')).toEqual({ le35: 2, '36to45': 3, '46to54': 2, ge55: 1 });
    expect(AGE_BANDS.map((band) => band.max)).toEqual([35, 45, 54, Number.POSITIVE_INFINITY]);
  });
});

/** The report computed the slow, obvious way from the records (strings, ageOn): the reference. */
function naiveTotals(talents: readonly ReportTalent[], year: number) {
  const day = `${year}-12-31`;
  const present = (person: ReportTalent, on: string) => {
    const joined = person.joinedDate || person.createdAt.slice(0, 10);
    if (joined > on || (person.leftDate !== '' && person.leftDate <= on)) return false;
    return !(person.absences ?? []).some((absence) => absence.from <= on && on < absence.until);
  };
  const counted = talents.filter((person) => present(person, day));
  const byCategory: Record<string, number> = {};
  const byAge: Record<string, number> = {};
  for (const person of counted) {
    byCategory[person.category] = (byCategory[person.category] ?? 0) + 1;
    const age = person.birthDate ? ageOn(person.birthDate, day) : -1;
    const band = age < 0 ? 'unknown' : (AGE_BANDS.find((candidate) => age <= candidate.max)?.code ?? 'unknown');
    byAge[band] = (byAge[band] ?? 0) + 1;
  }
  const left = talents.filter((person) => present(person, `${year - 1}-12-31`) && !present(person, day)).length;
  return { total: counted.length, byCategory, byAge, left };
}

describe('columns against a full recomputation', () => {
  const demo: ReportTalent[] = [...generateTalents(3_000, 7)];

  it('match the obvious computation on 3,000 generated talents', () => {
    const columns = ReportColumns.from(demo);
    for (const year of [2020, 2023, 2025, 2026]) {
      const report = computeHeadcountReport(columns, year, targets);
      const expected = naiveTotals(demo, year);
      expect(report.total).toBe(expected.total);
      expect(rows(report, 'category')).toEqual(expected.byCategory);
      expect(rows(report, 'ageBand')).toEqual(expected.byAge);
      expect(report.flowTotal.left).toBe(expected.left);
    }
  });

  it('kept up to date by upserts and removals equals a fresh build (same checksum, same report)', () => {
    const columns = ReportColumns.from(demo.slice(0, 2_000));
    // Changes: 500 new, 300 edited (left, moved district), 200 removed.
    for (const person of demo.slice(2_000, 2_500)) columns.upsert(person);
    const edited = demo.slice(0, 300).map((person, index) => ({ ...person, leftDate: index % 2 ? '2024-12-31' : '', district: '310104' }));
    for (const person of edited) columns.upsert(person);
    const removed = new Set(demo.slice(300, 500).map((person) => person.id));
    for (const id of removed) columns.remove(id);
    for (const person of demo.slice(2_500)) columns.upsert(person);
    const finalRecords = [...edited, ...demo.slice(500)];
    const fresh = ReportColumns.from(finalRecords);
    expect(columns.count).toBe(fresh.count);
    expect(columnsChecksum(columns)).toBe(columnsChecksum(fresh));
    for (const year of [2022, 2025]) expect(computeHeadcountReport(columns, year, targets)).toEqual(computeHeadcountReport(fresh, year, targets));
  });
});

describe('snapshots', () => {
  it('the checksum ignores load order and changes with the data', () => {
    const forward = ReportColumns.from(registry, titleGrants, skillGrants);
    const backward = ReportColumns.from([...registry].reverse(), [...titleGrants].reverse(), skillGrants);
    expect(columnsChecksum(forward)).toBe(columnsChecksum(backward));
    expect(columnsChecksum(forward)).toMatch(/^[0-9a-f]{64}$/);
    backward.upsert({ ...registry[0]!, district: '310104' });
    expect(columnsChecksum(backward)).not.toBe(columnsChecksum(forward));
  });

  it('compares frozen figures with a recomputation', () => {
    const training = computeTrainingFigures([], [], 2025);
    const frozen = reportFigures({ headcount: computeHeadcountReport(ReportColumns.from(registry, titleGrants, skillGrants), 2025, targets), training });
    // After the freeze, E's district is filled in and G turns out to have left on 2025-06-30.
    const corrected = registry.map((person) => (person.id === 'E' ? { ...person, district: '310104' } : person.id === 'G' ? { ...person, leftDate: '2025-06-30' } : person));
    const current = reportFigures({ headcount: computeHeadcountReport(ReportColumns.from(corrected, titleGrants, skillGrants), 2025, targets), training });
    const differences = Object.fromEntries(compareFigures(frozen, current).map((difference) => [difference.key, [difference.frozen, difference.current, difference.difference]]));
    expect(differences.total).toEqual([5, 4, -1]);
    expect(differences['district.310104']).toEqual([0, 1, 1]);
    expect(differences['district.unknown']).toEqual([1, 0, -1]);
    expect(differences['district.310115']).toEqual([3, 2, -1]);
    expect(differences['category.engineer']).toEqual([2, 1, -1]);
    expect(differences['flows.engineer.left']).toEqual([0, 1, 1]);
    expect(differences['previousTotal']).toBeUndefined();
  });
});

describe('bases and training', () => {
  it('counts bases by type and status on 31 December and the year’s trainees', () => {
    const bases = [
      { type: 'university' as const, status: 'active' as const, accreditedOn: '2021-03-01', validUntil: '2026-02-28' },
      { type: 'enterprise' as const, status: 'active' as const, accreditedOn: '2020-01-01', validUntil: '2025-12-30' }, // expired on 12-31
      { type: 'enterprise' as const, status: 'suspended' as const, accreditedOn: '2022-01-01', validUntil: '2027-01-01' },
      { type: 'institute' as const, status: 'active' as const, accreditedOn: '2026-01-01', validUntil: '2030-01-01' }, // not yet
    ];
    const enrollments = [
      { decision: 'accepted' as const, result: 'passed' as const, assessedOn: '2025-01-01', hours: 80 },
      { decision: 'accepted' as const, result: 'passed' as const, assessedOn: '2025-12-31', hours: 40 },
      { decision: 'accepted' as const, result: 'failed' as const, assessedOn: '2025-06-01', hours: 80 },
      { decision: 'accepted' as const, result: 'absent' as const, assessedOn: '2025-06-01', hours: null },
      { decision: 'rejected' as const, result: 'passed' as const, assessedOn: '2025-06-01', hours: 80 },
      { decision: 'accepted' as const, result: 'passed' as const, assessedOn: '2024-12-31', hours: 80 },
    ];
    const figures = computeTrainingFigures(bases, enrollments, 2025);
    expect(figures.basesTotal).toBe(3);
    expect(figures.basesByType.map((row) => row.count)).toEqual([1, 0, 2, 0]);
    expect(Object.fromEntries(figures.basesByStatus.map((row) => [row.code, row.count]))).toEqual({ active: 1, expired: 1, suspended: 1, revoked: 0 });
    expect(figures.basesActive).toBe(1);
    expect([figures.trainees, figures.passed, figures.failed, figures.absent, figures.hours]).toEqual([4, 2, 1, 1, 200]);
    expect(figures.passRate).toBe(0.5);
    expect(computeTrainingFigures([], [], 2025).passRate).toBeNull();
  });
});

describe('dimensions', () => {
  it('every dimension lists its members once', () => {
    for (const dimension of Object.values(DIMENSIONS)) expect(new Set(dimension.members.map((member) => member.code)).size).toBe(dimension.members.length);
  });
});

describe('re-entry from the audit log', () => {
  it('turns a restore into an absence from the old 离库日期 to the restore day (China time)', async () => {
    const { absencesFromAudit } = await import('./absences');
    const restore = (at: string, before: string, leftDate: unknown) => ({
      at,
      changes: [
        { field: 'status', before, after: 'active' },
        { field: 'leftDate', before: leftDate, after: '' },
      ],
    });
    expect(
      absencesFromAudit([
        restore('2025-02-28T16:30:00.000Z', 'movedOut', '2024-06-30'), // 2025-03-01 00:30 in Shanghai
        restore('2023-05-01T02:00:00.000Z', 'cancelled', '2022-01-10'),
        restore('2025-01-01T02:00:00.000Z', 'movedOut', undefined), // no date: nothing to rebuild
        { at: '2024-06-30T02:00:00.000Z', changes: [{ field: 'status', before: 'active', after: 'movedOut' }] }, // leaving, not a restore
      ]),
    ).toEqual([
      { from: '2022-01-10', until: '2023-05-01' },
      { from: '2024-06-30', until: '2025-03-01' },
    ]);
  });
});
