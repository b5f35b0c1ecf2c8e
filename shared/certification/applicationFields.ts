/**
 * The 职称申报人员汇总表 field table (DOMAIN.md §9): the summary sheet a unit sends with its title
 * applications. It drives the applications template now; the application import and the
 * application record of a later issue extend it.
 */
import type { FieldDef } from '../fields/fieldTypes';
import type { TypedCodeOption } from '../codes/codeLists';
import { genderOptions } from '../codes/codeLists';

/** 申报途径 (DOMAIN.md §2). */
export type ApplicationRoute = 'regular' | 'exceptional' | 'directTrack' | 'skillBridge';

export const applicationRouteOptions: readonly TypedCodeOption<ApplicationRoute>[] = [
  { value: 'regular', zh: '正常晋升', en: 'Regular promotion', synonyms: ['正常申报', '正常', '晋升'] },
  { value: 'exceptional', zh: '破格', en: 'Exceptional', synonyms: ['破格申报', '破格晋升'] },
  { value: 'directTrack', zh: '直通车/考核认定', en: 'Direct track', synonyms: ['直通车', '考核认定', '绿色通道'] },
  { value: 'skillBridge', zh: '技能人才贯通', en: 'Skill-to-title bridge', synonyms: ['贯通', '技能贯通', '职业技能贯通'] },
];

/** 年度考核 result of the latest year. */
export type AnnualAssessment = 'excellent' | 'competent' | 'basicallyCompetent' | 'incompetent';

export const annualAssessmentOptions: readonly TypedCodeOption<AnnualAssessment>[] = [
  { value: 'excellent', zh: '优秀', en: 'Excellent' },
  { value: 'competent', zh: '合格', en: 'Competent', synonyms: ['称职', '良好'] },
  { value: 'basicallyCompetent', zh: '基本合格', en: 'Basically competent', synonyms: ['基本称职'] },
  { value: 'incompetent', zh: '不合格', en: 'Incompetent', synonyms: ['不称职'] },
];

/** 社保/居住证: how the applicant meets Shanghai's residence condition (DOMAIN.md §2). */
export type ResidenceBasis = 'hukou' | 'residencePermit' | 'socialInsurance' | 'other';

export const residenceBasisOptions: readonly TypedCodeOption<ResidenceBasis>[] = [
  { value: 'hukou', zh: '上海户籍', en: 'Shanghai hukou', synonyms: ['户籍', '本市户籍', '沪籍'] },
  { value: 'residencePermit', zh: '上海居住证', en: 'Shanghai residence permit', synonyms: ['居住证', '居住证积分'] },
  { value: 'socialInsurance', zh: '社保（近24个月缴满12个月）', en: 'Social insurance (12 of 24 months)', synonyms: ['社保', '社会保险', '本市社保'] },
  { value: 'other', zh: '其他', en: 'Other', synonyms: ['其它'] },
];

export type ApplicationFieldKey =
  | 'serialNumber'
  | 'name'
  | 'gender'
  | 'birthMonth'
  | 'idNumber'
  | 'employer'
  | 'employerCreditCode'
  | 'currentSpecialty'
  | 'educationDegree'
  | 'schoolAndMajor'
  | 'graduationDate'
  | 'currentTitle'
  | 'appliedTitle'
  | 'route'
  | 'annualAssessment'
  | 'continuingEducationHours'
  | 'residenceBasis'
  | 'achievements'
  | 'publicityPeriod'
  | 'reviewOpinion';

/** The 职称申报人员汇总表 columns, in the order of the bureau's form. */
export const applicationFields: readonly FieldDef<ApplicationFieldKey>[] = [
  { key: 'serialNumber', zh: '序号', en: 'No.', type: 'integer', width: 6, synonyms: ['编号', '序'] },
  { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true, width: 10, maxLength: 50, synonyms: ['申报人', '申报人姓名'] },
  { key: 'gender', zh: '性别', en: 'Gender', type: 'code', options: genderOptions, width: 6 },
  { key: 'birthMonth', zh: '出生年月', en: 'Born', type: 'month', width: 10, synonyms: ['出生日期', '出生年月日'], hintZh: '年月，如 1988-05' },
  {
    key: 'idNumber',
    zh: '身份证号',
    en: 'ID number',
    type: 'idNumber',
    required: true,
    sensitive: 'idNumber',
    width: 22,
    maxLength: 32,
    synonyms: ['身份证号码', '证件号码', '公民身份号码', '身份证件号码', '证件号'],
    hintZh: '本列已设为文本格式，请勿改为数字',
  },
  { key: 'employer', zh: '工作单位', en: 'Employer', type: 'text', required: true, width: 28, maxLength: 200, synonyms: ['单位', '单位名称', '申报单位'] },
  { key: 'employerCreditCode', zh: '统一社会信用代码', en: 'Employer credit code', type: 'creditCode', width: 22, synonyms: ['信用代码', '单位统一社会信用代码'] },
  { key: 'currentSpecialty', zh: '现从事专业', en: 'Current specialty', type: 'text', width: 16, maxLength: 100, synonyms: ['从事专业', '现从事专业技术工作'] },
  { key: 'educationDegree', zh: '学历/学位', en: 'Education/degree', type: 'text', width: 14, maxLength: 50, synonyms: ['学历学位', '最高学历/学位', '学历'], hintZh: '如 硕士/工学硕士' },
  { key: 'schoolAndMajor', zh: '毕业院校及专业', en: 'School and major', type: 'text', width: 24, maxLength: 200, synonyms: ['毕业院校', '毕业院校、专业'] },
  { key: 'graduationDate', zh: '毕业时间', en: 'Graduation', type: 'month', width: 10, synonyms: ['毕业年月', '毕业日期'], hintZh: '年月，如 2012-07' },
  {
    key: 'currentTitle',
    zh: '现职称及取得时间',
    en: 'Current title and date',
    type: 'text',
    width: 22,
    maxLength: 100,
    synonyms: ['现职称', '现有职称及取得时间', '现专业技术职务及取得时间'],
    hintZh: '如 工程师 2018-12；无职称填“无”',
  },
  {
    key: 'appliedTitle',
    zh: '申报系列/专业/级别',
    en: 'Applied series/specialty/level',
    type: 'text',
    required: true,
    width: 26,
    maxLength: 100,
    synonyms: ['申报系列', '申报职称', '申报专业及级别', '申报资格'],
    hintZh: '如 工程系列/人工智能/高级工程师',
  },
  { key: 'route', zh: '申报途径', en: 'Route', type: 'code', options: applicationRouteOptions, width: 16, synonyms: ['申报方式', '申报类型'] },
  { key: 'annualAssessment', zh: '年度考核', en: 'Annual assessment', type: 'code', options: annualAssessmentOptions, width: 10, synonyms: ['近年度考核', '年度考核结果'] },
  { key: 'continuingEducationHours', zh: '继续教育学时', en: 'Continuing education hours', type: 'number', width: 10, synonyms: ['继续教育', '学时'], hintZh: '申报前一年度的学时，每年不少于 90' },
  { key: 'residenceBasis', zh: '社保/居住证', en: 'Residence basis', type: 'code', options: residenceBasisOptions, width: 18, synonyms: ['社保或居住证', '户籍/居住证/社保'] },
  { key: 'achievements', zh: '业绩摘要', en: 'Achievements', type: 'text', width: 40, maxLength: 2000, synonyms: ['主要业绩', '业绩', '专业技术工作业绩'] },
  { key: 'publicityPeriod', zh: '单位公示起止', en: 'Unit publicity period', type: 'text', width: 24, maxLength: 50, synonyms: ['公示起止时间', '单位公示时间', '公示时间'], hintZh: '如 2025-03-03至2025-03-07（不少于 5 个工作日）' },
  { key: 'reviewOpinion', zh: '审核意见', en: 'Review opinion', type: 'text', width: 20, maxLength: 500, synonyms: ['单位审核意见', '意见'] },
];
