import { describe, expect, it } from 'vitest';
import type { RuleOutcome } from './eligibility';
import { DEFAULT_TITLE_RULES, evaluateEligibility, overallEligibility, unmetRules } from './eligibility';
import type { ApplicantSnapshot, ApplicationData } from './application';
import { sampleApplication } from './sampleApplication';

function outcomeOf(application: ApplicationData, rule: string): RuleOutcome | undefined {
  return evaluateEligibility(application).find((entry) => entry.rule === rule)?.outcome;
}

function years(level: ApplicationData['level'], snapshot: Partial<ApplicantSnapshot>): RuleOutcome | undefined {
  return outcomeOf(sampleApplication({ level }, snapshot), 'yearsInLevel');
}

describe('years in the previous level, counted to 12-31 of the application year (2026)', () => {
  it('高级工程师, 硕士/本科: 工程师 + 5 — exactly 5 years on 2026-12-31 is met, one day short is not', () => {
    expect(years('deputySenior', { education: 'master', currentTitleObtainedOn: '2021-12-31' })).toBe('met');
    expect(years('deputySenior', { education: 'master', currentTitleObtainedOn: '2022-01-01' })).toBe('notMet');
    expect(years('deputySenior', { education: 'bachelor', currentTitleObtainedOn: '2021-12-31' })).toBe('met');
    expect(years('deputySenior', { education: 'bachelor', currentTitleObtainedOn: '2022-01-01' })).toBe('notMet');
  });

  it('高级工程师, 博士: 工程师 + 2', () => {
    expect(years('deputySenior', { education: 'phd', currentTitleObtainedOn: '2024-12-31' })).toBe('met');
    expect(years('deputySenior', { education: 'phd', currentTitleObtainedOn: '2025-01-01' })).toBe('notMet');
  });

  it('高级工程师 needs 工程师 first; 专科 is refused on the regular route', () => {
    expect(years('deputySenior', { currentTitle: 'junior', currentTitleObtainedOn: '2010-01-01' })).toBe('notMet');
    const associate = sampleApplication({}, { education: 'associate' });
    expect(outcomeOf(associate, 'education')).toBe('notMet');
    expect(outcomeOf(associate, 'yearsInLevel')).toBeUndefined();
  });

  it('正高级工程师: 高工 + 5 for 本科 and above', () => {
    expect(years('senior', { education: 'bachelor', currentTitle: 'deputySenior', currentTitleObtainedOn: '2021-12-31' })).toBe('met');
    expect(years('senior', { education: 'phd', currentTitle: 'deputySenior', currentTitleObtainedOn: '2022-06-30' })).toBe('notMet');
    expect(outcomeOf(sampleApplication({ level: 'senior' }, { education: 'associate', currentTitle: 'deputySenior' }), 'education')).toBe('notMet');
  });

  it('工程师: 博士 at once, 硕士 助工 + 2, 本科/专科 助工 + 4', () => {
    expect(years('intermediate', { education: 'phd', currentTitle: 'none', currentTitleObtainedOn: '' })).toBe('met');
    expect(years('intermediate', { education: 'master', currentTitle: 'junior', currentTitleObtainedOn: '2024-12-31' })).toBe('met');
    expect(years('intermediate', { education: 'master', currentTitle: 'junior', currentTitleObtainedOn: '2025-01-01' })).toBe('notMet');
    expect(years('intermediate', { education: 'bachelor', currentTitle: 'junior', currentTitleObtainedOn: '2022-12-31' })).toBe('met');
    expect(years('intermediate', { education: 'associate', currentTitle: 'junior', currentTitleObtainedOn: '2023-01-01' })).toBe('notMet');
    expect(years('intermediate', { education: 'master', currentTitle: 'none', currentTitleObtainedOn: '' })).toBe('notMet');
    expect(years('intermediate', { education: 'master', currentTitle: 'junior', currentTitleObtainedOn: '' })).toBe('unknown');
  });

  it('助理工程师: 硕士 at once, 本科 1 year and 专科 3 years after graduation (from the 1st of the month)', () => {
    expect(years('junior', { education: 'master', currentTitle: 'none', graduationDate: '2026-07' })).toBe('met');
    expect(years('junior', { education: 'bachelor', currentTitle: 'none', graduationDate: '2025-12' })).toBe('met');
    expect(years('junior', { education: 'bachelor', currentTitle: 'none', graduationDate: '2026-07' })).toBe('notMet');
    expect(years('junior', { education: 'associate', currentTitle: 'none', graduationDate: '2023-12' })).toBe('met');
    expect(years('junior', { education: 'associate', currentTitle: 'none', graduationDate: '2024-01' })).toBe('notMet');
    expect(years('junior', { education: 'bachelor', currentTitle: 'none', graduationDate: '' })).toBe('unknown');
  });
});

describe('破格 and 直通车', () => {
  const twoRecommenders = [
    { name: '王教授', title: '正高级工程师', employer: '上海人工智能实验室' },
    { name: '陈研究员', title: '正高级工程师', employer: '复旦大学' },
  ];

  it('replace the years rule by a justification and two recommenders', () => {
    const exceptional = sampleApplication({ route: 'exceptional', justification: '主持国家级项目', recommenders: twoRecommenders }, { education: 'associate', currentTitleObtainedOn: '2025-01-01' });
    const results = evaluateEligibility(exceptional);
    expect(results.find((entry) => entry.rule === 'yearsInLevel')).toBeUndefined();
    expect(results.find((entry) => entry.rule === 'exceptionalRoute')?.outcome).toBe('met');
    expect(results.find((entry) => entry.rule === 'education')?.outcome).toBe('met');
    expect(overallEligibility(results)).toBe('met');
  });

  it('fail with one recommender or no justification', () => {
    expect(outcomeOf(sampleApplication({ route: 'directTrack', justification: '海外引进', recommenders: twoRecommenders.slice(0, 1) }), 'exceptionalRoute')).toBe('notMet');
    expect(outcomeOf(sampleApplication({ route: 'exceptional', justification: ' ', recommenders: twoRecommenders }), 'exceptionalRoute')).toBe('notMet');
  });
});

describe('技能贯通', () => {
  it('高级工 + 2 years → 助理工程师; 技师 + 3 years → 工程师', () => {
    expect(outcomeOf(sampleApplication({ route: 'skillBridge', level: 'junior' }, { skillLevel: 3, skillLevelObtainedOn: '2024-12-31' }), 'skillBridge')).toBe('met');
    expect(outcomeOf(sampleApplication({ route: 'skillBridge', level: 'junior' }, { skillLevel: 4, skillLevelObtainedOn: '2020-01-01' }), 'skillBridge')).toBe('notMet');
    expect(outcomeOf(sampleApplication({ route: 'skillBridge', level: 'intermediate' }, { skillLevel: 2, skillLevelObtainedOn: '2024-01-01' }), 'skillBridge')).toBe('notMet');
    expect(outcomeOf(sampleApplication({ route: 'skillBridge', level: 'intermediate' }, { skillLevel: 1, skillLevelObtainedOn: '2023-12-31' }), 'skillBridge')).toBe('met');
  });
});

describe('继续教育: ≥ 90 学时 a year, 专业科目 ≥ two-thirds, 2023–2025 for a 2026 application', () => {
  function withHours(hours: Array<[number, number, number]>): RuleOutcome | undefined {
    return outcomeOf(sampleApplication({ continuingEducation: hours.map(([year, totalHours, professionalHours]) => ({ year, totalHours, professionalHours })) }), 'continuingEducation');
  }

  it('accepts 90/60 and 120/80 (two-thirds exactly)', () => {
    expect(withHours([[2023, 90, 60], [2024, 120, 80], [2025, 95, 70]])).toBe('met');
  });

  it('refuses 89 hours or 59 professional hours of 90', () => {
    expect(withHours([[2023, 89, 80], [2024, 120, 80], [2025, 95, 70]])).toBe('notMet');
    expect(withHours([[2023, 90, 59], [2024, 120, 80], [2025, 95, 70]])).toBe('notMet');
  });

  it('is unknown when a year is missing (older years do not count)', () => {
    expect(withHours([[2022, 90, 60], [2024, 120, 80], [2025, 95, 70]])).toBe('unknown');
  });
});

describe('年度考核 and residence', () => {
  it('an 不合格 in the last three years fails; a missing last year is unknown', () => {
    expect(outcomeOf(sampleApplication({ annualAssessments: [{ year: 2024, result: 'incompetent' }, { year: 2025, result: 'competent' }] }), 'annualAssessment')).toBe('notMet');
    expect(outcomeOf(sampleApplication({ annualAssessments: [{ year: 2024, result: 'competent' }] }), 'annualAssessment')).toBe('unknown');
  });

  it('户籍 or 居住证 meet it; social insurance needs 12 of the last 24 months', () => {
    expect(outcomeOf(sampleApplication({}, { residence: 'residencePermit' }), 'residence')).toBe('met');
    expect(outcomeOf(sampleApplication({}, { residence: 'socialInsurance', socialInsuranceMonths: 12 }), 'residence')).toBe('met');
    expect(outcomeOf(sampleApplication({}, { residence: 'socialInsurance', socialInsuranceMonths: 11 }), 'residence')).toBe('notMet');
    expect(outcomeOf(sampleApplication({}, { residence: 'socialInsurance', socialInsuranceMonths: null }), 'residence')).toBe('unknown');
    expect(outcomeOf(sampleApplication({}, { residence: '' }), 'residence')).toBe('unknown');
    const noResidenceRule = evaluateEligibility(sampleApplication({}, { residence: 'other' }), { ...DEFAULT_TITLE_RULES, residenceRequired: false });
    expect(noResidenceRule.some((entry) => entry.rule === 'residence')).toBe(false);
  });

  it('the sample is eligible and unmetRules names what blocks', () => {
    expect(overallEligibility(evaluateEligibility(sampleApplication()))).toBe('met');
    const blocked = unmetRules(evaluateEligibility(sampleApplication({}, { currentTitleObtainedOn: '2023-01-01' })));
    expect(blocked).toEqual(['任职年限：取得工程师 3 年，不足 5 年（计至 2026-12-31）']);
  });
});
