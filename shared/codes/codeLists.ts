/**
 * Code lists of the talent domain. Each `value` is what is stored (and matches the unions in
 * shared/talent/talent.ts); `zh`/`en` are labels; `synonyms` are the spellings met in real files.
 */
import type { CodeOption } from '../fields/fieldTypes';
import type { Cluster, Education, Gender, IdDocumentType, TalentCategory, TalentStatus, TitleLevel } from '../talent/talent';

/** A code option whose value is one member of a domain union. */
export interface TypedCodeOption<V extends string> extends CodeOption {
  value: V;
}

export const genderOptions: readonly TypedCodeOption<Gender>[] = [
  { value: 'M', zh: '男', en: 'Male', synonyms: ['男性', '男士', 'man'] },
  { value: 'F', zh: '女', en: 'Female', synonyms: ['女性', '女士', 'woman'] },
];

/** 最高学历, in the five statistical bands (博士/硕士/本科/专科/其他). */
export const educationOptions: readonly TypedCodeOption<Education>[] = [
  { value: 'phd', zh: '博士', en: 'Doctorate', synonyms: ['博士研究生', '研究生(博士)', '博士研究生毕业', '博士后', 'PhD', 'Doctor'] },
  {
    value: 'master',
    zh: '硕士',
    en: "Master's",
    synonyms: ['硕士研究生', '研究生(硕士)', '研究生', '硕士研究生毕业', '研究生毕业', 'Master'],
  },
  { value: 'bachelor', zh: '本科', en: "Bachelor's", synonyms: ['大学本科', '大学', '本科毕业', '大本', 'Bachelor'] },
  { value: 'associate', zh: '专科', en: 'Associate', synonyms: ['大专', '大学专科', '高职', '高职高专', '专科毕业', '大专毕业'] },
  {
    value: 'other',
    zh: '其他',
    en: 'Other',
    synonyms: ['高中', '中专', '中技', '技校', '职高', '初中', '小学', '高中及以下', '中专及以下', '其它'],
  },
];

/**
 * 证件类型. The umbrella name 港澳台居民居住证 maps to `hkMacauResidence`; validation then
 * moves a number with the Taiwan prefix 830000 to `taiwanResidence` (same document family).
 */
export const idDocumentTypeOptions: readonly TypedCodeOption<IdDocumentType>[] = [
  {
    value: 'resident',
    zh: '居民身份证',
    en: 'Resident ID card',
    synonyms: ['身份证', '二代身份证', '第二代居民身份证', '中华人民共和国居民身份证', '大陆居民身份证', '公民身份证', '身份证号', '居民身份证号码', 'ID card'],
  },
  {
    value: 'hkMacauResidence',
    zh: '港澳居民居住证',
    en: 'Residence permit (Hong Kong/Macao)',
    synonyms: ['港澳台居民居住证', '香港居民居住证', '澳门居民居住证', '港澳居住证'],
  },
  {
    value: 'taiwanResidence',
    zh: '台湾居民居住证',
    en: 'Residence permit (Taiwan)',
    synonyms: ['台湾居住证', '台胞居住证'],
  },
  {
    value: 'hkMacauPermit',
    zh: '港澳居民来往内地通行证',
    en: 'Mainland travel permit (Hong Kong/Macao)',
    synonyms: ['回乡证', '港澳通行证', '港澳居民往来内地通行证', '港澳回乡证', '香港居民来往内地通行证', '澳门居民来往内地通行证'],
  },
  {
    value: 'taiwanPermit',
    zh: '台湾居民来往大陆通行证',
    en: 'Mainland travel permit (Taiwan)',
    synonyms: ['台胞证', '台湾通行证', '台湾居民往来大陆通行证'],
  },
  { value: 'passport', zh: '护照', en: 'Passport', synonyms: ['中国护照', '外国护照', '因私护照', '普通护照'] },
  {
    value: 'foreignPermanent',
    zh: '外国人永久居留身份证',
    en: 'Foreign permanent resident ID card',
    synonyms: ['永居证', '外国人永久居留证', '外国人永久居留身份证件', '中国绿卡', '绿卡', '永久居留身份证'],
  },
];

/** 人才类别. */
export const talentCategoryOptions: readonly TypedCodeOption<TalentCategory>[] = [
  { value: 'topScientist', zh: '顶尖科学家', en: 'Top scientist', synonyms: ['顶尖人才', '战略科学家'] },
  { value: 'leadingTalent', zh: '领军人才', en: 'Leading talent', synonyms: ['领军'] },
  { value: 'algorithmEngineer', zh: '算法研发工程师', en: 'Algorithm R&D engineer', synonyms: ['算法工程师', '算法研发', '算法研发人员'] },
  { value: 'aiTrainer', zh: '人工智能训练师', en: 'AI trainer', synonyms: ['训练师', 'AI训练师'] },
  { value: 'engineer', zh: '工程技术人员', en: 'Engineering technician', synonyms: ['人工智能工程技术人员', '工程师', '技术人员'] },
  { value: 'industryExpert', zh: '行业专家', en: 'Industry expert', synonyms: ['专家'] },
  { value: 'manager', zh: '管理人才', en: 'Manager', synonyms: ['管理人员', '经营管理人才'] },
  { value: 'other', zh: '其他', en: 'Other', synonyms: ['其它'] },
];

/** 集聚区 of the "4+X" layout. */
export const clusterOptions: readonly TypedCodeOption<Cluster>[] = [
  { value: 'zhangjiang', zh: '浦东张江', en: 'Zhangjiang (Pudong)', synonyms: ['张江', '张江科学城', '张江人工智能岛'] },
  { value: 'xuhuiBinjiang', zh: '徐汇滨江', en: 'Xuhui Riverside', synonyms: ['滨江', '西岸', '徐汇西岸'] },
  { value: 'minhangMaqiao', zh: '闵行马桥', en: 'Maqiao (Minhang)', synonyms: ['马桥', '马桥人工智能创新试验区'] },
  { value: 'lingang', zh: '临港新片区', en: 'Lingang Special Area', synonyms: ['临港', '临港新城', '自贸区临港新片区'] },
  { value: 'other', zh: '其他', en: 'Other', synonyms: ['其它', '市北高新', '长阳创谷', '虹桥智谷'] },
];

/** Values of {@link industrySegmentOptions}; stored in `Talent.industrySegment`. */
export type IndustrySegment = 'chip' | 'sensor' | 'software' | 'autonomousDriving' | 'robot' | 'terminal' | 'application' | 'other';

/** 产业链环节 named in the city plan. */
export const industrySegmentOptions: readonly TypedCodeOption<IndustrySegment>[] = [
  { value: 'chip', zh: '智能芯片', en: 'AI chips', synonyms: ['芯片', '人工智能芯片'] },
  { value: 'sensor', zh: '智能传感器', en: 'Smart sensors', synonyms: ['传感器'] },
  { value: 'software', zh: '智能软件/框架', en: 'AI software/frameworks', synonyms: ['智能软件', '软件', '框架', '智能软件框架', '基础软件'] },
  { value: 'autonomousDriving', zh: '智能驾驶', en: 'Autonomous driving', synonyms: ['自动驾驶', '智能网联汽车'] },
  { value: 'robot', zh: '智能机器人', en: 'Robots', synonyms: ['机器人'] },
  { value: 'terminal', zh: '智能终端', en: 'Smart devices', synonyms: ['终端', '智能硬件'] },
  { value: 'application', zh: '行业应用', en: 'Industry applications', synonyms: ['应用', '智能制造', '智慧医疗', '智能金融', '智慧交通', '智慧教育'] },
  { value: 'other', zh: '其他', en: 'Other', synonyms: ['其它'] },
];

/** 状态. */
export const talentStatusOptions: readonly TypedCodeOption<TalentStatus>[] = [
  { value: 'active', zh: '在库', en: 'Active', synonyms: ['正常', '在册'] },
  { value: 'movedOut', zh: '已迁出', en: 'Moved out', synonyms: ['迁出', '离库', '已离库', '调出'] },
  { value: 'cancelled', zh: '已注销', en: 'Cancelled', synonyms: ['注销'] },
];

/** 职称等级 (derived from certifications). */
export const titleLevelOptions: readonly TypedCodeOption<TitleLevel>[] = [
  { value: 'senior', zh: '正高级', en: 'Senior (full)', synonyms: ['正高', '正高级工程师'] },
  { value: 'deputySenior', zh: '副高级', en: 'Senior (associate)', synonyms: ['副高', '高级', '高级工程师'] },
  { value: 'intermediate', zh: '中级', en: 'Intermediate', synonyms: ['工程师'] },
  { value: 'junior', zh: '初级', en: 'Junior', synonyms: ['助理工程师', '技术员', '员级', '助理级'] },
  { value: 'none', zh: '无', en: 'None', synonyms: ['无职称'] },
];

/** 技能等级; the value is the level digit as text (`Talent.skillLevel` holds the number, 0 = none). */
export const skillLevelOptions: readonly TypedCodeOption<'0' | '1' | '2' | '3' | '4' | '5'>[] = [
  { value: '1', zh: '一级/高级技师', en: 'Level 1 (senior technician)', synonyms: ['一级', '高级技师', '1级'] },
  { value: '2', zh: '二级/技师', en: 'Level 2 (technician)', synonyms: ['二级', '技师', '2级'] },
  { value: '3', zh: '三级/高级工', en: 'Level 3 (senior worker)', synonyms: ['三级', '高级工', '3级'] },
  { value: '4', zh: '四级/中级工', en: 'Level 4 (intermediate worker)', synonyms: ['四级', '中级工', '4级'] },
  { value: '5', zh: '五级/初级工', en: 'Level 5 (junior worker)', synonyms: ['五级', '初级工', '5级'] },
  { value: '0', zh: '无', en: 'None', synonyms: ['无等级'] },
];

/** 是/否 columns; values are `'true'`/`'false'` and validation turns them into booleans. */
export const booleanOptions: readonly TypedCodeOption<'true' | 'false'>[] = [
  { value: 'true', zh: '是', en: 'Yes', synonyms: ['有', 'Y', '1', '√', '✓', 'T'] },
  { value: 'false', zh: '否', en: 'No', synonyms: ['无', '没有', 'N', '0', '×', '✗', 'F'] },
];
