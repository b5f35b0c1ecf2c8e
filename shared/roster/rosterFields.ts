/**
 * The training roster (培训花名册) field table: what a training base sends for each trainee of a
 * class. It drives roster import header matching, validation, the file checker and roster templates.
 */
import type { FieldDef } from '../fields/fieldTypes';
import type { TypedCodeOption } from '../codes/codeLists';
import { educationOptions, genderOptions, idDocumentTypeOptions } from '../codes/codeLists';

/** 考核结果 of one trainee. */
export type AssessmentResult = 'passed' | 'failed' | 'absent';

/** 考核结果 code list: 合格 / 不合格 / 缺考. */
export const assessmentResultOptions: readonly TypedCodeOption<AssessmentResult>[] = [
  { value: 'passed', zh: '合格', en: 'Passed', synonyms: ['通过', '考核合格', '已通过', 'pass'] },
  { value: 'failed', zh: '不合格', en: 'Failed', synonyms: ['未通过', '考核不合格', '不通过', 'fail'] },
  { value: 'absent', zh: '缺考', en: 'Absent', synonyms: ['未参加', '未考', '缺席'] },
];

/** Keys of the roster field table. */
export type RosterFieldKey =
  | 'name'
  | 'idType'
  | 'idNumber'
  | 'gender'
  | 'birthDate'
  | 'phone'
  | 'education'
  | 'employer'
  | 'occupation'
  | 'level'
  | 'trainingStartDate'
  | 'trainingEndDate'
  | 'hours'
  | 'attendance'
  | 'assessmentResult'
  | 'theoryScore'
  | 'practicalScore'
  | 'certificateNumber'
  | 'remarks';

/** The roster columns, in the order a roster template lists them. */
export const rosterFields: readonly FieldDef<RosterFieldKey>[] = [
  { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true, synonyms: ['学员姓名', '学员', '姓 名', '名字'], width: 10, maxLength: 50 },
  {
    key: 'idType',
    zh: '证件类型',
    en: 'Document type',
    type: 'code',
    options: idDocumentTypeOptions,
    synonyms: ['证件种类', '身份证件类型', '证件名称'],
    width: 14,
    hintZh: '不填为居民身份证',
  },
  {
    key: 'idNumber',
    zh: '证件号码',
    en: 'Document number',
    type: 'idNumber',
    required: true,
    sensitive: 'idNumber',
    synonyms: ['身份证号码', '身份证号', '身份证', '公民身份号码', '身份证件号码', '证件号', '身份证件号', '居民身份证号码', 'ID number'],
    width: 22,
    hintZh: '请将本列设置为文本格式',
  },
  { key: 'gender', zh: '性别', en: 'Gender', type: 'code', options: genderOptions, width: 6 },
  { key: 'birthDate', zh: '出生日期', en: 'Date of birth', type: 'date', synonyms: ['出生年月日', '生日', '出生年月'], width: 12 },
  { key: 'phone', zh: '手机号码', en: 'Mobile', type: 'phone', sensitive: 'phone', synonyms: ['手机', '手机号', '联系电话', '联系方式', '电话'], width: 14 },
  { key: 'education', zh: '学历', en: 'Education', type: 'code', options: educationOptions, synonyms: ['文化程度', '最高学历'], width: 10 },
  { key: 'employer', zh: '工作单位', en: 'Employer', type: 'text', synonyms: ['单位', '单位名称', '所在单位', '工作单位名称'], width: 24, maxLength: 200 },
  { key: 'occupation', zh: '职业/工种', en: 'Occupation', type: 'text', synonyms: ['职业', '工种', '职业工种', '职业(工种)', '培训职业', '培训工种'], width: 18, maxLength: 100 },
  { key: 'level', zh: '等级', en: 'Level', type: 'text', synonyms: ['培训等级', '技能等级', '级别', '鉴定等级'], width: 10, maxLength: 50 },
  { key: 'trainingStartDate', zh: '培训开始日期', en: 'Training start', type: 'date', synonyms: ['开始日期', '培训开始时间', '开班日期', '培训起始日期'], width: 12 },
  { key: 'trainingEndDate', zh: '培训结束日期', en: 'Training end', type: 'date', synonyms: ['结束日期', '培训结束时间', '结业日期', '培训截止日期'], width: 12 },
  { key: 'hours', zh: '学时', en: 'Hours', type: 'number', synonyms: ['培训学时', '课时', '总学时'], width: 8, hintZh: '不小于 0 的数字' },
  { key: 'attendance', zh: '出勤率', en: 'Attendance', type: 'number', synonyms: ['出勤', '出勤率(%)', '出勤情况', '考勤'], width: 8, hintZh: '0–100（百分比）' },
  { key: 'assessmentResult', zh: '考核结果', en: 'Assessment result', type: 'code', options: assessmentResultOptions, synonyms: ['考核情况', '鉴定结果', '考试结果', '结果'], width: 10 },
  { key: 'theoryScore', zh: '理论成绩', en: 'Theory score', type: 'number', synonyms: ['理论', '理论考试成绩', '理论知识成绩', '理论分数'], width: 8, hintZh: '0–100' },
  { key: 'practicalScore', zh: '实操成绩', en: 'Practical score', type: 'number', synonyms: ['实操', '实操考试成绩', '操作技能成绩', '技能成绩', '实操分数'], width: 8, hintZh: '0–100' },
  { key: 'certificateNumber', zh: '证书编号', en: 'Certificate number', type: 'text', synonyms: ['证书号', '证书号码', '证书编码'], width: 24, maxLength: 50 },
  { key: 'remarks', zh: '备注', en: 'Remarks', type: 'text', synonyms: ['说明'], width: 20, maxLength: 500 },
];

/** Score fields: numbers from 0 to 100. */
export const ROSTER_SCORE_FIELDS: readonly RosterFieldKey[] = ['attendance', 'theoryScore', 'practicalScore'];
