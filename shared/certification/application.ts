/**
 * 职称申报 (DOMAIN.md §2): one application of one talent for one level of the engineering series,
 * AI specialty. The record keeps a snapshot of the applicant taken when the application was made,
 * so later edits to the talent do not rewrite what the committee saw.
 */
import type { TypedCodeOption } from '../codes/codeLists';
import type { Education, Gender, TitleLevel } from '../talent/talent';
import { ageOn, compareYmd, isValidYmd } from '../dates/ymd';
import type { AnnualAssessment, ApplicationRoute, ResidenceBasis } from './applicationFields';
import type { ApplicationStatus } from './stateMachine';

export type { ApplicationStatus } from './stateMachine';

export type { AnnualAssessment, ApplicationRoute, ResidenceBasis } from './applicationFields';

/** The level applied for: 助理工程师 / 工程师 / 高级工程师 / 正高级工程师 (TitleLevel without `none`). */
export type AppliedLevel = Exclude<TitleLevel, 'none'>;

/** Levels from lowest to highest. */
export const APPLIED_LEVELS: readonly AppliedLevel[] = ['junior', 'intermediate', 'deputySenior', 'senior'];

export const appliedLevelOptions: readonly TypedCodeOption<AppliedLevel>[] = [
  { value: 'junior', zh: '助理工程师', en: 'Assistant Engineer', synonyms: ['助工', '初级'] },
  { value: 'intermediate', zh: '工程师', en: 'Engineer', synonyms: ['中级'] },
  { value: 'deputySenior', zh: '高级工程师', en: 'Senior Engineer', synonyms: ['高工', '副高级', '副高'] },
  { value: 'senior', zh: '正高级工程师', en: 'Professor-level Senior Engineer', synonyms: ['正高', '正高级'] },
];

/** Rank of a title level (none 0 … senior 4), for "at least" comparisons. */
export function titleRank(level: TitleLevel): number {
  return level === 'none' ? 0 : APPLIED_LEVELS.indexOf(level) + 1;
}

/** 系列: only the engineering series is handled. */
export type TitleSeries = 'engineering';
/** 专业: only the AI specialty. */
export type TitleSpecialty = 'ai';

export const seriesLabel = { engineering: { zh: '工程系列', en: 'Engineering series' } } as const;
export const specialtyLabel = { ai: { zh: '人工智能', en: 'Artificial intelligence' } } as const;

/** 人工智能专业的子专业 (data; a new one is a new row). */
export const aiSubSpecialtyOptions: readonly TypedCodeOption<string>[] = [
  { value: 'ml', zh: '机器学习', en: 'Machine learning' },
  { value: 'cv', zh: '计算机视觉', en: 'Computer vision' },
  { value: 'nlp', zh: '自然语言处理', en: 'Natural language processing' },
  { value: 'speech', zh: '智能语音', en: 'Speech' },
  { value: 'robotics', zh: '智能机器人', en: 'Intelligent robotics' },
  { value: 'autonomousDriving', zh: '自动驾驶', en: 'Autonomous driving' },
  { value: 'chips', zh: '智能芯片', en: 'AI chips' },
  { value: 'sensors', zh: '智能传感器', en: 'Intelligent sensors' },
  { value: 'aiSoftware', zh: '人工智能基础软件', en: 'AI foundation software' },
  { value: 'aiApplications', zh: '人工智能应用', en: 'AI applications' },
];

/** 材料清单: the documents an application needs. */
export type MaterialKey =
  | 'applicationForm'
  | 'idCopy'
  | 'educationCertificate'
  | 'currentTitleCertificate'
  | 'assessmentRecords'
  | 'continuingEducationProof'
  | 'achievementEvidence'
  | 'unitPublicityProof'
  | 'residenceProof'
  | 'recommendationLetters';

export const materialOptions: readonly TypedCodeOption<MaterialKey>[] = [
  { value: 'applicationForm', zh: '专业技术职务任职资格评审申报表', en: 'Application form' },
  { value: 'idCopy', zh: '身份证复印件', en: 'ID copy' },
  { value: 'educationCertificate', zh: '学历学位证书', en: 'Education certificates' },
  { value: 'currentTitleCertificate', zh: '现职称证书', en: 'Current title certificate' },
  { value: 'assessmentRecords', zh: '近三年年度考核表', en: 'Annual assessment records' },
  { value: 'continuingEducationProof', zh: '继续教育学时证明', en: 'Continuing education proof' },
  { value: 'achievementEvidence', zh: '业绩成果证明材料', en: 'Achievement evidence' },
  { value: 'unitPublicityProof', zh: '单位内公示情况说明', en: 'Unit publicity statement' },
  { value: 'residenceProof', zh: '户籍/居住证/社保证明', en: 'Residence or social insurance proof' },
  { value: 'recommendationLetters', zh: '专家推荐信（破格/直通车）', en: 'Recommendation letters (exceptional routes)' },
];

/** Materials the route needs: recommendation letters only for 破格 and 直通车. */
export function requiredMaterials(route: ApplicationRoute): MaterialKey[] {
  return materialOptions
    .map((option) => option.value)
    .filter((key) => key !== 'recommendationLetters' || route === 'exceptional' || route === 'directTrack');
}

/** What the applicant looked like when applying. */
export interface ApplicantSnapshot {
  name: string;
  gender: Gender | '';
  idNumber: string;
  birthDate: string;
  employer: string;
  employerCreditCode: string;
  education: Education | '';
  degree: string;
  school: string;
  major: string;
  /** `YYYY-MM`. */
  graduationDate: string;
  currentTitle: TitleLevel;
  /** Date the current title was obtained, `YYYY-MM-DD` ('' when none or unknown). */
  currentTitleObtainedOn: string;
  /** 职业技能等级 1–5 (1 highest), 0 none; for the skill-to-title bridge. */
  skillLevel: number;
  /** Date the skill level was obtained ('' unknown). */
  skillLevelObtainedOn: string;
  residence: ResidenceBasis | '';
  /** Months of Shanghai social insurance in the last 24 (null unknown). */
  socialInsuranceMonths: number | null;
}

/** 继续教育学时 of one year. */
export interface ContinuingEducationYear {
  year: number;
  totalHours: number;
  /** 专业科目学时. */
  professionalHours: number;
}

/** 年度考核 of one year. */
export interface AnnualAssessmentRecord {
  year: number;
  result: AnnualAssessment;
}

/** 业绩摘要: counts and free text. */
export interface AchievementSummary {
  papers: number;
  patents: number;
  projects: number;
  awards: number;
  text: string;
}

/** A recommender for 破格 / 直通车. */
export interface Recommender {
  name: string;
  /** The recommender's title, e.g. 正高级工程师. */
  title: string;
  employer: string;
}

/** A date range, both ends inclusive. */
export interface DateRange {
  startsOn: string;
  endsOn: string;
}

/** The committee's vote on one application. */
export interface CommitteeVote {
  votesFor: number;
  votesTotal: number;
  passed: boolean;
}

/** Everything an application holds apart from storage ids and timestamps. */
export interface ApplicationData {
  talentId: string;
  /** 申报年度. */
  year: number;
  /** 批次, e.g. `2026年第一批`. */
  batch: string;
  /** The review batch (评审批次) it is assigned to; '' none yet. */
  reviewBatchId: string;
  series: TitleSeries;
  specialty: TitleSpecialty;
  /** One of aiSubSpecialtyOptions ('' not given). */
  subSpecialty: string;
  level: AppliedLevel;
  route: ApplicationRoute;
  status: ApplicationStatus;
  snapshot: ApplicantSnapshot;
  /** The last three years before the application year, any order. */
  continuingEducation: ContinuingEducationYear[];
  annualAssessments: AnnualAssessmentRecord[];
  achievements: AchievementSummary;
  /** Materials received so far. */
  materialsReceived: MaterialKey[];
  /** 破格 / 直通车: why, and the recommenders. */
  justification: string;
  recommenders: Recommender[];
  reviewerNotes: string;
  /** 单位内公示. */
  unitPublicity: DateRange | null;
  /** 评审结果公示. */
  publicity: DateRange | null;
  /** 评审编号 / document number the committee's result sheet uses. */
  documentNumber: string;
  committeeVote: CommitteeVote | null;
  /** The certificate issued on 已发证 (titleCertificates id), '' none. */
  certificateId: string;
}

/** The fields a new application starts with before anything is filled in or happens to it. */
export type BlankApplicationFields = Omit<ApplicationData, 'talentId' | 'year' | 'level' | 'status' | 'snapshot'>;

/** A new application's starting values: 工程系列 / 人工智能, regular route, nothing received, no workflow dates. */
export function blankApplicationFields(): BlankApplicationFields {
  return {
    batch: '',
    reviewBatchId: '',
    series: 'engineering',
    specialty: 'ai',
    subSpecialty: '',
    route: 'regular',
    continuingEducation: [],
    annualAssessments: [],
    achievements: { papers: 0, patents: 0, projects: 0, awards: 0, text: '' },
    materialsReceived: [],
    justification: '',
    recommenders: [],
    reviewerNotes: '',
    unitPublicity: null,
    publicity: null,
    documentNumber: '',
    committeeVote: null,
    certificateId: '',
  };
}

/** Whole years from `from` to `on` (a `YYYY-MM-DD` anniversary counts: 2021-12-31 → 2026-12-31 is 5). */
export function wholeYearsBetween(from: string, on: string): number {
  if (!isValidYmd(from) || !isValidYmd(on) || compareYmd(on, from) < 0) return 0;
  return ageOn(from, on);
}

/** Missing materials for the route, in checklist order. */
export function missingMaterials(application: Pick<ApplicationData, 'route' | 'materialsReceived'>): MaterialKey[] {
  const received = new Set(application.materialsReceived);
  return requiredMaterials(application.route).filter((key) => !received.has(key));
}
