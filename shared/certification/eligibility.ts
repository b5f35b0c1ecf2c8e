/**
 * 申报资格 (DOMAIN.md §2): a rule table, editable in 设置, evaluated against the application's
 * snapshot. Each rule answers met / not met / unknown (data missing), with a Chinese reason.
 * 破格 and 直通车 replace the years-in-level rule by a justification plus two recommenders.
 */
import type { Education, TitleLevel } from '../talent/talent';
import type { ApplicationData, AppliedLevel } from './application';
import { appliedLevelOptions, titleRank, wholeYearsBetween } from './application';

/** Education bands the table distinguishes ('other' is never eligible on the regular route). */
export type RuleEducation = Exclude<Education, 'other'>;

/** Years required in a prior level (or since graduation) for one target level and education. */
export interface YearsRequirement {
  /** `graduation`: years since graduating; otherwise the title held. */
  after: 'graduation' | AppliedLevel;
  years: number;
}

/** The editable rule table. */
export interface TitleRuleTable {
  /** null: this education cannot apply for this level on the regular route. */
  yearsByEducation: Record<AppliedLevel, Record<RuleEducation, YearsRequirement | null>>;
  /** 继续教育: minimum 学时 per year. */
  continuingEducationHours: number;
  /** 专业科目 share of the year's total, in percent (two-thirds = 66.67). */
  professionalSharePercent: number;
  /** How many years before the application year are checked. */
  continuingEducationYears: number;
  /** Shanghai residence or social insurance condition on/off. */
  residenceRequired: boolean;
  /** Months of Shanghai social insurance in the last 24 that satisfy it. */
  socialInsuranceMonths: number;
  /** Recommenders needed on 破格 / 直通车. */
  recommendersRequired: number;
}

/** The national baseline of DOMAIN.md §2. */
export const DEFAULT_TITLE_RULES: TitleRuleTable = {
  yearsByEducation: {
    junior: {
      phd: { after: 'graduation', years: 0 },
      master: { after: 'graduation', years: 0 },
      bachelor: { after: 'graduation', years: 1 },
      associate: { after: 'graduation', years: 3 },
    },
    intermediate: {
      phd: { after: 'graduation', years: 0 },
      master: { after: 'junior', years: 2 },
      bachelor: { after: 'junior', years: 4 },
      associate: { after: 'junior', years: 4 },
    },
    deputySenior: {
      phd: { after: 'intermediate', years: 2 },
      master: { after: 'intermediate', years: 5 },
      bachelor: { after: 'intermediate', years: 5 },
      associate: null,
    },
    senior: {
      phd: { after: 'deputySenior', years: 5 },
      master: { after: 'deputySenior', years: 5 },
      bachelor: { after: 'deputySenior', years: 5 },
      associate: null,
    },
  },
  continuingEducationHours: 90,
  professionalSharePercent: 66.67,
  continuingEducationYears: 3,
  residenceRequired: true,
  socialInsuranceMonths: 12,
  recommendersRequired: 2,
};

export type EligibilityRuleKey = 'education' | 'yearsInLevel' | 'exceptionalRoute' | 'skillBridge' | 'continuingEducation' | 'annualAssessment' | 'residence';

export type RuleOutcome = 'met' | 'notMet' | 'unknown';

export interface RuleResult {
  rule: EligibilityRuleKey;
  outcome: RuleOutcome;
  message: string;
  messageEn: string;
}

export const eligibilityRuleLabels: Readonly<Record<EligibilityRuleKey, { zh: string; en: string }>> = {
  education: { zh: '学历', en: 'Education' },
  yearsInLevel: { zh: '任职年限', en: 'Years in level' },
  exceptionalRoute: { zh: '破格/直通车条件', en: 'Exceptional route' },
  skillBridge: { zh: '技能贯通条件', en: 'Skill bridge' },
  continuingEducation: { zh: '继续教育', en: 'Continuing education' },
  annualAssessment: { zh: '年度考核', en: 'Annual assessment' },
  residence: { zh: '户籍/居住证/社保', en: 'Residence' },
};

function levelName(level: TitleLevel): string {
  return level === 'none' ? '无职称' : (appliedLevelOptions.find((option) => option.value === level)?.zh ?? level);
}

function result(rule: EligibilityRuleKey, outcome: RuleOutcome, message: string, messageEn: string): RuleResult {
  return { rule, outcome, message, messageEn };
}

/** The date the years are counted to: 12-31 of the application year. */
export function eligibilityReferenceDate(year: number): string {
  return `${year}-12-31`;
}

function yearsRule(application: ApplicationData, requirement: YearsRequirement, on: string): RuleResult {
  const { snapshot } = application;
  if (requirement.after === 'graduation') {
    if (requirement.years === 0) return result('yearsInLevel', 'met', '毕业即可申报。', 'Eligible on graduation.');
    if (snapshot.graduationDate === '') return result('yearsInLevel', 'unknown', '缺少毕业时间。', 'Graduation date missing.');
    // Graduation is a month; count from its first day.
    const years = wholeYearsBetween(`${snapshot.graduationDate}-01`, on);
    return years >= requirement.years
      ? result('yearsInLevel', 'met', `毕业满 ${years} 年（要求 ${requirement.years} 年）。`, `${years} years since graduation (needs ${requirement.years}).`)
      : result('yearsInLevel', 'notMet', `毕业 ${years} 年，不足 ${requirement.years} 年。`, `${years} years since graduation, needs ${requirement.years}.`);
  }
  if (titleRank(snapshot.currentTitle) < titleRank(requirement.after)) {
    return result('yearsInLevel', 'notMet', `须先取得${levelName(requirement.after)}，现为${levelName(snapshot.currentTitle)}。`, `Needs the ${requirement.after} title first.`);
  }
  if (snapshot.currentTitleObtainedOn === '') return result('yearsInLevel', 'unknown', '缺少现职称取得时间。', 'Date of the current title missing.');
  const years = wholeYearsBetween(snapshot.currentTitleObtainedOn, on);
  return years >= requirement.years
    ? result('yearsInLevel', 'met', `取得${levelName(snapshot.currentTitle)}满 ${years} 年（要求 ${requirement.years} 年，计至 ${on}）。`, `${years} years in level (needs ${requirement.years}, to ${on}).`)
    : result('yearsInLevel', 'notMet', `取得${levelName(snapshot.currentTitle)} ${years} 年，不足 ${requirement.years} 年（计至 ${on}）。`, `${years} years in level, needs ${requirement.years} (to ${on}).`);
}

function exceptionalRule(application: ApplicationData, rules: TitleRuleTable): RuleResult {
  const recommenders = application.recommenders.filter((recommender) => recommender.name.trim() !== '');
  if (application.justification.trim() === '') return result('exceptionalRoute', 'notMet', '破格/直通车须填写申报理由。', 'A justification is required.');
  if (recommenders.length < rules.recommendersRequired) {
    return result('exceptionalRoute', 'notMet', `须 ${rules.recommendersRequired} 名专家推荐，现有 ${recommenders.length} 名。`, `Needs ${rules.recommendersRequired} recommenders, has ${recommenders.length}.`);
  }
  return result('exceptionalRoute', 'met', `有申报理由和 ${recommenders.length} 名推荐人。`, `Justification and ${recommenders.length} recommenders given.`);
}

/** 技能贯通: 高级工(三级) + 2 years → 助理工程师; 技师(二级) + 3 years → 工程师 (DOMAIN.md §2, regional). */
function skillBridgeRule(application: ApplicationData, on: string): RuleResult {
  const need = application.level === 'junior' ? { level: 3, years: 2, name: '高级工' } : application.level === 'intermediate' ? { level: 2, years: 3, name: '技师' } : undefined;
  if (need === undefined) return result('skillBridge', 'notMet', '技能贯通只适用于助理工程师和工程师。', 'The skill bridge leads only to assistant engineer or engineer.');
  const { skillLevel, skillLevelObtainedOn } = application.snapshot;
  if (skillLevel === 0 || skillLevel > need.level) return result('skillBridge', 'notMet', `须取得${need.name}及以上职业技能等级。`, `Needs skill level ${need.level} or higher.`);
  if (skillLevelObtainedOn === '') return result('skillBridge', 'unknown', '缺少技能等级取得时间。', 'Date of the skill level missing.');
  const years = wholeYearsBetween(skillLevelObtainedOn, on);
  return years >= need.years
    ? result('skillBridge', 'met', `取得${need.name}满 ${years} 年（要求 ${need.years} 年）。`, `${years} years at the skill level (needs ${need.years}).`)
    : result('skillBridge', 'notMet', `取得${need.name} ${years} 年，不足 ${need.years} 年。`, `${years} years at the skill level, needs ${need.years}.`);
}

function continuingEducationRule(application: ApplicationData, rules: TitleRuleTable): RuleResult {
  const problems: string[] = [];
  const missing: number[] = [];
  for (let offset = 1; offset <= rules.continuingEducationYears; offset += 1) {
    const year = application.year - offset;
    const record = application.continuingEducation.find((entry) => entry.year === year);
    if (record === undefined) {
      missing.push(year);
      continue;
    }
    if (record.totalHours < rules.continuingEducationHours) problems.push(`${year} 年 ${record.totalHours} 学时，不足 ${rules.continuingEducationHours}`);
    // Half a hundredth of tolerance so two-thirds exactly (60/90, 80/120 = 66.666… %) meets 66.67 %.
    else if (record.totalHours > 0 && (record.professionalHours * 100) / record.totalHours + 0.005 < rules.professionalSharePercent) {
      problems.push(`${year} 年专业科目 ${record.professionalHours}/${record.totalHours} 学时，不足 ${rules.professionalSharePercent}%`);
    }
  }
  if (problems.length > 0) return result('continuingEducation', 'notMet', `${problems.join('；')}。`, 'Continuing education hours are short.');
  if (missing.length > 0) return result('continuingEducation', 'unknown', `缺少 ${missing.join('、')} 年的继续教育学时。`, `Hours missing for ${missing.join(', ')}.`);
  return result('continuingEducation', 'met', `近 ${rules.continuingEducationYears} 年每年不少于 ${rules.continuingEducationHours} 学时，专业科目达标。`, 'Hours and professional share met in every year.');
}

function assessmentRule(application: ApplicationData): RuleResult {
  const lastYear = application.year - 1;
  const failing = application.annualAssessments.filter((entry) => entry.result === 'incompetent' && entry.year >= application.year - 3);
  if (failing.length > 0) return result('annualAssessment', 'notMet', `${failing.map((entry) => entry.year).join('、')} 年度考核不合格。`, 'An annual assessment was incompetent.');
  if (!application.annualAssessments.some((entry) => entry.year === lastYear)) {
    return result('annualAssessment', 'unknown', `缺少 ${lastYear} 年度考核结果。`, `Assessment for ${lastYear} missing.`);
  }
  return result('annualAssessment', 'met', '近年度考核合格以上。', 'Annual assessments competent or better.');
}

function residenceRule(application: ApplicationData, rules: TitleRuleTable): RuleResult {
  const { residence, socialInsuranceMonths } = application.snapshot;
  if (residence === 'hukou') return result('residence', 'met', '上海户籍。', 'Shanghai hukou.');
  if (residence === 'residencePermit') return result('residence', 'met', '持上海居住证。', 'Shanghai residence permit.');
  if (residence === 'socialInsurance') {
    if (socialInsuranceMonths === null) return result('residence', 'unknown', '缺少社保缴纳月数。', 'Social insurance months missing.');
    return socialInsuranceMonths >= rules.socialInsuranceMonths
      ? result('residence', 'met', `近 24 个月缴纳社保 ${socialInsuranceMonths} 个月。`, `${socialInsuranceMonths} months of social insurance.`)
      : result('residence', 'notMet', `近 24 个月社保 ${socialInsuranceMonths} 个月，不足 ${rules.socialInsuranceMonths} 个月。`, `Only ${socialInsuranceMonths} months of social insurance.`);
  }
  if (residence === 'other') return result('residence', 'notMet', '不符合上海户籍、居住证或社保条件。', 'No Shanghai residence basis.');
  return result('residence', 'unknown', '缺少户籍/居住证/社保情况。', 'Residence basis missing.');
}

/**
 * Evaluates every applicable rule. `on` is the date years are counted to (default 12-31 of the
 * application year).
 */
export function evaluateEligibility(application: ApplicationData, rules: TitleRuleTable = DEFAULT_TITLE_RULES, on = eligibilityReferenceDate(application.year)): RuleResult[] {
  const results: RuleResult[] = [];
  const { education } = application.snapshot;
  const exceptional = application.route === 'exceptional' || application.route === 'directTrack';
  if (application.route === 'skillBridge') {
    results.push(skillBridgeRule(application, on));
  } else if (education === '') {
    results.push(result('education', 'unknown', '缺少学历。', 'Education missing.'));
    if (exceptional) results.push(exceptionalRule(application, rules));
  } else {
    const requirement = education === 'other' ? null : rules.yearsByEducation[application.level][education];
    if (requirement === null && !exceptional) {
      results.push(result('education', 'notMet', `该学历不能按正常途径申报${levelName(application.level)}（可走破格）。`, 'This education cannot apply for this level on the regular route.'));
    } else {
      results.push(result('education', 'met', '学历符合。', 'Education accepted.'));
      if (exceptional) results.push(exceptionalRule(application, rules));
      else if (requirement !== null) results.push(yearsRule(application, requirement, on));
    }
  }
  results.push(continuingEducationRule(application, rules));
  results.push(assessmentRule(application));
  if (rules.residenceRequired) results.push(residenceRule(application, rules));
  return results;
}

/** Labels of the rules that are not met (what blocks 形式审查通过). */
export function unmetRules(results: readonly RuleResult[]): string[] {
  return results.filter((entry) => entry.outcome === 'notMet').map((entry) => `${eligibilityRuleLabels[entry.rule].zh}：${entry.message.replace(/。$/u, '')}`);
}

/** Overall: notMet if any rule fails, unknown if any is unknown, else met. */
export function overallEligibility(results: readonly RuleResult[]): RuleOutcome {
  if (results.some((entry) => entry.outcome === 'notMet')) return 'notMet';
  if (results.some((entry) => entry.outcome === 'unknown')) return 'unknown';
  return 'met';
}
