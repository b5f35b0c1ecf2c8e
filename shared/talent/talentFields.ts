/**
 * THE field table for talents: import header matching, validation, form labels, list columns,
 * export columns and templates all read it. Adding a column is one edit here (and one in talent.ts).
 */
import type { FieldDef } from '../fields/fieldTypes';
import {
  clusterOptions,
  educationOptions,
  genderOptions,
  idDocumentTypeOptions,
  industrySegmentOptions,
  skillLevelOptions,
  talentCategoryOptions,
  talentStatusOptions,
  titleLevelOptions,
} from '../codes/codeLists';
import { shanghaiDistricts } from '../codes/districts';
import type { Talent } from './talent';

/** Keys of the talent record that appear as columns (bookkeeping fields excluded). */
export type TalentFieldKey = Exclude<keyof Talent, 'id' | 'createdAt' | 'updatedAt' | 'importBatchId'>;

export const talentFields: readonly FieldDef<TalentFieldKey>[] = [
  { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true, listDefault: true, width: 10, maxLength: 50, synonyms: ['名字', '人员姓名', '人才姓名'] },
  { key: 'gender', zh: '性别', en: 'Gender', type: 'code', options: genderOptions, listDefault: true, width: 6, synonyms: ['Sex'], hintZh: '男/女；留空时按身份证号码填写' },
  {
    key: 'idType',
    zh: '证件类型',
    en: 'Document type',
    type: 'code',
    options: idDocumentTypeOptions,
    width: 16,
    synonyms: ['证件种类', '身份证件类型', '证件名称'],
    hintZh: '留空视为居民身份证',
  },
  {
    key: 'idNumber',
    zh: '证件号码',
    en: 'Document number',
    type: 'idNumber',
    required: true,
    sensitive: 'idNumber',
    listDefault: true,
    width: 22,
    maxLength: 32,
    synonyms: ['身份证号', '身份证号码', '公民身份号码', '证件号', '身份证', '证件编号', '身份证件号码', '证件号码（身份证号）', 'ID number', 'ID No.'],
    hintZh: '请设为文本格式，避免 Excel 把号码存成数字',
  },
  { key: 'birthDate', zh: '出生日期', en: 'Date of birth', type: 'date', width: 12, synonyms: ['出生年月', '出生年月日', '生日', 'Birth date'], hintZh: '留空时按身份证号码填写' },
  { key: 'nationality', zh: '国籍/地区', en: 'Nationality/region', type: 'text', width: 12, maxLength: 50, synonyms: ['国籍', '国籍（地区）', '国籍(地区)', '国家/地区', '国家和地区', '国籍地区'] },
  {
    key: 'phone',
    zh: '手机号码',
    en: 'Mobile',
    type: 'phone',
    sensitive: 'phone',
    listDefault: true,
    width: 14,
    synonyms: ['手机', '联系电话', '手机号', '电话', '联系方式', '移动电话', '电话号码', 'Phone'],
  },
  { key: 'email', zh: '邮箱', en: 'E-mail', type: 'email', width: 24, maxLength: 254, synonyms: ['电子邮箱', '电子邮件', 'Email', '邮件', '邮箱地址'] },
  { key: 'education', zh: '最高学历', en: 'Education', type: 'code', options: educationOptions, listDefault: true, width: 10, synonyms: ['学历', '文化程度'] },
  { key: 'degree', zh: '学位', en: 'Degree', type: 'text', width: 10, maxLength: 30, synonyms: ['最高学位'] },
  { key: 'school', zh: '毕业院校', en: 'School', type: 'text', width: 20, maxLength: 100, synonyms: ['毕业学校', '院校', '毕业院校名称', '学校'] },
  { key: 'major', zh: '专业', en: 'Major', type: 'text', width: 16, maxLength: 100, synonyms: ['所学专业', '毕业专业'] },
  { key: 'graduationDate', zh: '毕业时间', en: 'Graduation', type: 'month', width: 10, synonyms: ['毕业日期', '毕业年月'], hintZh: '年月，如 2015-07' },
  {
    key: 'employer',
    zh: '工作单位',
    en: 'Employer',
    type: 'text',
    listDefault: true,
    width: 28,
    maxLength: 200,
    synonyms: ['单位', '工作单位名称', '单位名称', '所在单位', '现工作单位', '就职单位', '公司', '企业名称', '所在企业'],
  },
  {
    key: 'employerCreditCode',
    zh: '统一社会信用代码',
    en: 'Employer credit code',
    type: 'creditCode',
    width: 22,
    synonyms: ['信用代码', '社会信用代码', '单位统一社会信用代码', '统一信用代码', '单位信用代码'],
  },
  { key: 'district', zh: '所在区', en: 'District', type: 'code', options: shanghaiDistricts, listDefault: true, width: 10, synonyms: ['区', '所属区', '所在区县', '区县', '所在区域', '工作所在区'] },
  { key: 'cluster', zh: '集聚区', en: 'Cluster', type: 'code', options: clusterOptions, width: 12, synonyms: ['所在集聚区', '园区', '产业园区', '所属集聚区'] },
  {
    key: 'industrySegment',
    zh: '产业链环节',
    en: 'Industry segment',
    type: 'code',
    options: industrySegmentOptions,
    width: 14,
    synonyms: ['产业链', '产业领域', '行业领域', '所属领域', '细分领域', '产业链环节（领域）'],
  },
  { key: 'category', zh: '人才类别', en: 'Category', type: 'code', options: talentCategoryOptions, listDefault: true, width: 14, synonyms: ['人才类型', '类别'], hintZh: '留空视为“其他”' },
  { key: 'position', zh: '岗位/职务', en: 'Position', type: 'text', width: 14, maxLength: 100, synonyms: ['岗位', '职务', '职位', '岗位职务', '现任职务', '岗位（职务）'] },
  { key: 'overseas', zh: '海外经历', en: 'Overseas experience', type: 'boolean', width: 10, synonyms: ['是否有海外经历', '留学经历', '海外背景', '是否海归', '海外经历（是/否）'] },
  { key: 'joinedDate', zh: '入库日期', en: 'Joined', type: 'date', listDefault: true, width: 12, synonyms: ['入库时间', '登记日期', '纳入日期'] },
  { key: 'leftDate', zh: '离库日期', en: 'Left', type: 'date', width: 12, synonyms: ['离库时间', '迁出日期', '注销日期'] },
  { key: 'leftReason', zh: '离库原因', en: 'Reason for leaving', type: 'text', width: 16, maxLength: 200, synonyms: ['迁出原因', '注销原因'] },
  { key: 'status', zh: '状态', en: 'Status', type: 'code', options: talentStatusOptions, listDefault: true, width: 8, synonyms: ['人才状态', '在库状态'], hintZh: '留空视为在库（填了离库日期则为已迁出）' },
  { key: 'tags', zh: '标签', en: 'Tags', type: 'tags', width: 16, synonyms: ['标记'], hintZh: '多个用逗号或顿号分隔' },
  { key: 'remarks', zh: '备注', en: 'Remarks', type: 'text', width: 24, maxLength: 500, synonyms: ['说明', '其他说明', '备注说明'] },
  { key: 'titleLevel', zh: '职称等级', en: 'Title level', type: 'code', options: titleLevelOptions, derived: true, listDefault: true, width: 10 },
  { key: 'skillLevel', zh: '技能等级', en: 'Skill level', type: 'code', options: skillLevelOptions, derived: true, width: 14 },
];

/** Field definitions by key. */
export const talentFieldByKey: ReadonlyMap<TalentFieldKey, FieldDef<TalentFieldKey>> = new Map(talentFields.map((field) => [field.key, field]));
