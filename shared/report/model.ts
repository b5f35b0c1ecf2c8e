/**
 * Inputs of the annual report (统计口径 in docs/statistics.md): the talent fields the report reads,
 * dated title and skill grants, and the dimension tables (code → label, in report order).
 */
import { clusterOptions, educationOptions, genderOptions, industrySegmentOptions, skillLevelOptions, talentCategoryOptions, titleLevelOptions } from '../codes/codeLists';
import { shanghaiDistricts } from '../codes/districts';
import type { Talent, TitleLevel } from '../talent/talent';

/** The talent fields the report reads (a stored Talent satisfies it). */
export type ReportTalent = Pick<
  Talent,
  | 'id'
  | 'gender'
  | 'birthDate'
  | 'education'
  | 'district'
  | 'cluster'
  | 'industrySegment'
  | 'category'
  | 'overseas'
  | 'joinedDate'
  | 'leftDate'
  | 'titleLevel'
  | 'skillLevel'
  | 'createdAt'
> & {
  /**
   * Earlier absences of a person who left and came back (恢复在库 clears 离库日期 on the record):
   * away from `from` (the old 离库日期, inclusive) until the day before `until` (the day of the
   * return). Reconstructed from the audit log of status changes.
   */
  absences?: readonly Absence[];
};

/** One absence of a returned talent: not 在库 on days `from` ≤ d < `until`. */
export interface Absence {
  from: string;
  until: string;
}

/** A dated grant of a level: held on days `from` ≤ d < `until` (no `until`: still held). */
export interface DatedGrant<Level> {
  talentId: string;
  level: Level;
  /** 取得日期 (certificate issue date, or assessment date of a passed enrollment). */
  from: string;
  /** 撤销日期, when revoked. */
  until?: string;
}

/** A title certificate as the report reads it. */
export type TitleGrant = DatedGrant<Exclude<TitleLevel, 'none'>>;

/** A passed skill assessment as the report reads it (1 = 一级 … 5 = 五级). */
export type SkillGrant = DatedGrant<1 | 2 | 3 | 4 | 5>;

/** One row label of a breakdown. */
export interface DimensionMember {
  code: string;
  zh: string;
  en: string;
}

/** Stands for an empty or unrecognised value in every dimension (未填写). */
export const UNKNOWN_CODE = '';

const UNKNOWN: DimensionMember = { code: UNKNOWN_CODE, zh: '未填写', en: 'Not given' };

function members(options: ReadonlyArray<{ value: string; zh: string; en: string }>, withUnknown = true): DimensionMember[] {
  const list = options.map((option) => ({ code: option.value, zh: option.zh, en: option.en }));
  return withUnknown ? [...list, UNKNOWN] : list;
}

/** The breakdowns of the report, in report order. */
export type DimensionId =
  | 'district'
  | 'cluster'
  | 'category'
  | 'education'
  | 'ageBand'
  | 'ageBand5'
  | 'titleLevel'
  | 'skillLevel'
  | 'industrySegment'
  | 'gender'
  | 'overseas';

/** Age bands of the statistics (年龄段): upper bounds inclusive; the last band is open. */
export const AGE_BANDS: ReadonlyArray<{ code: string; max: number; zh: string; en: string }> = [
  { code: 'le35', max: 35, zh: '35岁及以下', en: '35 and under' },
  { code: '36to45', max: 45, zh: '36–45岁', en: '36–45' },
  { code: '46to54', max: 54, zh: '46–54岁', en: '46–54' },
  { code: 'ge55', max: Number.POSITIVE_INFINITY, zh: '55岁及以上', en: '55 and over' },
];

/** Finer five-year bands (optional in the report). */
export const AGE_BANDS_5: ReadonlyArray<{ code: string; max: number; zh: string; en: string }> = [
  { code: 'le25', max: 25, zh: '25岁及以下', en: '25 and under' },
  { code: '26to30', max: 30, zh: '26–30岁', en: '26–30' },
  { code: '31to35', max: 35, zh: '31–35岁', en: '31–35' },
  { code: '36to40', max: 40, zh: '36–40岁', en: '36–40' },
  { code: '41to45', max: 45, zh: '41–45岁', en: '41–45' },
  { code: '46to50', max: 50, zh: '46–50岁', en: '46–50' },
  { code: '51to55', max: 55, zh: '51–55岁', en: '51–55' },
  { code: '56to60', max: 60, zh: '56–60岁', en: '56–60' },
  { code: 'ge61', max: Number.POSITIVE_INFINITY, zh: '61岁及以上', en: '61 and over' },
];

/** Every dimension: its title and members in report order (the last member is 未填写 where a value can be missing). */
export const DIMENSIONS: Readonly<Record<DimensionId, { zh: string; en: string; members: readonly DimensionMember[] }>> = {
  district: { zh: '区', en: 'District', members: members(shanghaiDistricts) },
  cluster: { zh: '集聚区', en: 'Cluster', members: members(clusterOptions) },
  category: { zh: '人才类别', en: 'Category', members: members(talentCategoryOptions, false) },
  education: { zh: '最高学历', en: 'Education', members: members(educationOptions) },
  ageBand: { zh: '年龄段', en: 'Age band', members: members(AGE_BANDS.map((band) => ({ value: band.code, zh: band.zh, en: band.en }))) },
  ageBand5: { zh: '年龄段（五岁）', en: 'Age (five-year bands)', members: members(AGE_BANDS_5.map((band) => ({ value: band.code, zh: band.zh, en: band.en }))) },
  titleLevel: { zh: '职称等级', en: 'Title level', members: members(titleLevelOptions, false) },
  skillLevel: { zh: '技能等级', en: 'Skill level', members: members(skillLevelOptions, false) },
  industrySegment: { zh: '产业链环节', en: 'Industry segment', members: members(industrySegmentOptions) },
  gender: { zh: '性别', en: 'Gender', members: members(genderOptions) },
  overseas: {
    zh: '海外经历',
    en: 'Overseas experience',
    members: [
      { code: 'true', zh: '有', en: 'Yes' },
      { code: 'false', zh: '无', en: 'No' },
    ],
  },
};

/** Report order of the breakdowns (the five-year bands are optional). */
export const DIMENSION_ORDER: readonly DimensionId[] = [
  'district',
  'cluster',
  'category',
  'education',
  'ageBand',
  'ageBand5',
  'titleLevel',
  'skillLevel',
  'industrySegment',
  'gender',
  'overseas',
];

/** Title levels that count as 高级职称 (正高 + 副高). */
export const SENIOR_TITLE_LEVELS: ReadonlySet<TitleLevel> = new Set<TitleLevel>(['senior', 'deputySenior']);

/** Programme targets the report measures against (editable settings; defaults from the city plan). */
export interface ReportTargets {
  /** AI talent scale (人才规模). */
  talents: number;
  /** 人才培养与实训基地. */
  bases: number;
  /** 高级职称 (正高 + 副高) holders; 0 = no target set (the plan names none). */
  seniorTitles: number;
}

/** The city plan's targets (DOMAIN §1): 300,000 talents, about 20 bases. */
export const DEFAULT_REPORT_TARGETS: ReportTargets = { talents: 300_000, bases: 20, seniorTitles: 0 };
