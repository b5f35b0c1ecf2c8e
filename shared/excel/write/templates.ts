/**
 * Downloadable templates (人才信息采集表, 培训花名册, 职称申报汇总表), built from the field tables:
 * bold frozen header, text-formatted ID/phone/month columns, date columns, a dropdown for every
 * coded field, one example row, a 填表说明 sheet, and the hidden `_tl_meta` sheet the importer
 * reads to recognise the template's kind and version.
 */
import { applicationFields } from '../../certification/applicationFields';
import { booleanOptions } from '../../codes/codeLists';
import type { FieldDef } from '../../fields/fieldTypes';
import { rosterFields } from '../../roster/rosterFields';
import { talentFields } from '../../talent/talentFields';
import { TEMPLATE_META_SHEET, templateMetaRows } from '../grid';
import { cellConverter, displayWidth, isTextColumn } from './cellValues';
import { columnLetters, writeXlsx, type CellStyleName, type CellValue, type ListValidation, type SheetColumn, type XlsxSheet } from './xlsxWriter';

export type TemplateKind = 'talents' | 'roster' | 'applications';

export const TEMPLATE_KINDS: readonly TemplateKind[] = ['talents', 'roster', 'applications'];

/** Version written into `_tl_meta`; raise it when a template's columns change incompatibly. */
export const TEMPLATE_VERSION = '1';

/** Name of the hidden sheet holding long dropdown lists. */
export const TEMPLATE_LISTS_SHEET = '_lists';

/** Sheet row (1-based) of the example row in every template; also written to `_tl_meta` as `exampleRows`. */
export const TEMPLATE_EXAMPLE_ROW = 2;

/** Excel refuses an inline list longer than this (the joined text between the quotes). */
const INLINE_LIST_LIMIT = 255;
/** Longer lists go to `_lists` even under the limit: easier to read and to extend. */
const INLINE_LIST_MAX_OPTIONS = 10;
const LAST_ROW = 1_048_576;

type ExampleValue = string | number | boolean | readonly string[];

interface TemplateSpec {
  kind: TemplateKind;
  /** Sheet and file name. */
  title: string;
  fields: readonly FieldDef[];
  example: Readonly<Record<string, ExampleValue>>;
  notes: readonly string[];
}

const COMMON_NOTES = [
  '第 1 行为表头，请勿修改列名、不要合并单元格；可以删除不需要的列。',
  `第 ${TEMPLATE_EXAMPLE_ROW} 行为示例，填写时请覆盖或删除。`,
  '证件号码、手机号码列已设为文本格式，请直接输入或粘贴为“值”，不要改成数字格式（18 位号码会丢失末几位）。',
  '日期请按 2024-03-01 的形式填写；“年月”列按 2015-07 的形式填写。',
  '带下拉箭头的列请从列表中选择。',
];

const specs: Readonly<Record<TemplateKind, TemplateSpec>> = {
  talents: {
    kind: 'talents',
    title: '人才信息采集表',
    fields: talentFields.filter((field) => !field.derived),
    example: {
      name: '张伟',
      gender: 'M',
      idType: 'resident',
      idNumber: '310115199003071239',
      birthDate: '1990-03-07',
      nationality: '中国',
      phone: '13800138000',
      email: 'zhangwei@example.com',
      education: 'master',
      degree: '工学硕士',
      school: '上海交通大学',
      major: '计算机科学与技术',
      graduationDate: '2015-07',
      employer: '上海示例智能科技有限公司',
      employerCreditCode: '91310115MA1K4XYR0P',
      district: '310115',
      cluster: 'zhangjiang',
      industrySegment: 'software',
      category: 'algorithmEngineer',
      position: '算法工程师',
      overseas: false,
      joinedDate: '2024-03-01',
      status: 'active',
      tags: ['大模型', '计算机视觉'],
      remarks: '示例行，请覆盖或删除',
    },
    notes: [...COMMON_NOTES, '姓名、证件号码为必填；性别、出生日期留空时按身份证号码填写。'],
  },
  roster: {
    kind: 'roster',
    title: '培训花名册',
    fields: rosterFields,
    example: {
      name: '张伟',
      idType: 'resident',
      idNumber: '310115199003071239',
      gender: 'M',
      birthDate: '1990-03-07',
      phone: '13800138000',
      education: 'bachelor',
      employer: '上海示例智能科技有限公司',
      occupation: '人工智能训练师',
      level: '四级/中级工',
      trainingStartDate: '2025-03-03',
      trainingEndDate: '2025-04-25',
      hours: 120,
      assessmentResult: 'passed',
      theoryScore: 86,
      practicalScore: 90,
      certificateNumber: 'Y000031000001254000001',
      remarks: '示例行，请覆盖或删除',
    },
    notes: [...COMMON_NOTES, '考核结果为“合格”时请填写证书编号（22 位）；成绩为 0–100 的数字。'],
  },
  applications: {
    kind: 'applications',
    title: '职称申报汇总表',
    fields: applicationFields,
    example: {
      serialNumber: 1,
      name: '张伟',
      gender: 'M',
      birthMonth: '1990-03',
      idNumber: '310115199003071239',
      employer: '上海示例智能科技有限公司',
      employerCreditCode: '91310115MA1K4XYR0P',
      currentSpecialty: '人工智能',
      educationDegree: '硕士/工学硕士',
      schoolAndMajor: '上海交通大学 计算机科学与技术',
      graduationDate: '2015-07',
      currentTitle: '工程师 2019-12',
      appliedTitle: '工程系列/人工智能/高级工程师',
      route: 'regular',
      annualAssessment: 'excellent',
      continuingEducationHours: 96,
      residenceBasis: 'hukou',
      achievements: '主持大模型推理平台研发（示例）',
      publicityPeriod: '2025-03-03至2025-03-07',
      reviewOpinion: '',
    },
    notes: [...COMMON_NOTES, '单位公示不少于 5 个工作日；继续教育学时为申报前一年度的学时。'],
  },
};

/** The title of a template (its sheet name and file name without extension). */
export function templateTitle(kind: TemplateKind): string {
  return specs[kind].title;
}

/** `人才信息采集表.xlsx`, `培训花名册.xlsx`, `职称申报汇总表.xlsx`. */
export function templateFileName(kind: TemplateKind): string {
  return `${specs[kind].title}.xlsx`;
}

/** The fields (columns) of a template, in order. */
export function templateFields(kind: TemplateKind): readonly FieldDef[] {
  return specs[kind].fields;
}

function dropdownLabels(field: FieldDef): readonly string[] | undefined {
  if (field.type === 'boolean') return booleanOptions.map((option) => option.zh);
  if (field.type === 'code' && field.options && field.options.length > 0) return field.options.map((option) => option.zh);
  return undefined;
}

function typeRequirement(field: FieldDef): string {
  const labels = dropdownLabels(field);
  switch (field.type) {
    case 'idNumber':
      return '文本；18 位居民身份证号码末位可为 X，其他证件按证件填写';
    case 'phone':
      return '文本；11 位手机号码';
    case 'email':
      return '电子邮箱地址';
    case 'creditCode':
      return '文本；18 位统一社会信用代码';
    case 'date':
      return '日期，如 2024-03-01';
    case 'month':
      return '年月，如 2015-07';
    case 'integer':
      return '整数';
    case 'number':
      return '数字';
    case 'tags':
      return '多个用逗号或顿号分隔';
    case 'boolean':
    case 'code':
      return `从下拉列表选择：${(labels ?? []).join('、')}`;
    default:
      return field.maxLength ? `文字，不超过 ${field.maxLength} 字` : '文字';
  }
}

function columnStyle(field: FieldDef): CellStyleName | undefined {
  if (isTextColumn(field)) return 'text';
  if (field.type === 'date') return 'date';
  return undefined;
}

function instructionsSheet(spec: TemplateSpec): XlsxSheet {
  const rows: CellValue[][] = [[`${spec.title} 填表说明`], []];
  const rowHeights = new Map<number, number>();
  for (const note of spec.notes) rows.push([`· ${note}`]);
  rows.push([]);
  const tableHeader = rows.length;
  rows.push(['列名', '是否必填', '填写要求']);
  for (const field of spec.fields) {
    const requirement = [typeRequirement(field), field.hintZh].filter(Boolean).join('；');
    rows.push([field.zh, field.required ? '必填' : '', requirement]);
  }
  const cellStyles = new Map<number, Map<number, CellStyleName>>([
    [0, new Map([[0, 'bold']])],
    [tableHeader, new Map<number, CellStyleName>([[0, 'header'], [1, 'header'], [2, 'header']])],
  ]);
  rowHeights.set(0, 22);
  return {
    name: '填表说明',
    columns: [{ width: 22, style: 'wrap' }, { width: 10 }, { width: 70, style: 'wrap' }],
    rows,
    cellStyles,
    rowHeights,
  };
}

/** Writes the template workbook of `kind`. */
export async function writeTemplate(kind: TemplateKind): Promise<Uint8Array> {
  const spec = specs[kind];
  const { fields } = spec;
  const columns: SheetColumn[] = fields.map((field) => {
    const style = columnStyle(field);
    return { width: Math.max(field.width ?? 10, displayWidth(field.zh) + 2), ...(style ? { style } : {}) };
  });
  // The example shows ID numbers and phones in full: it is made up, and it shows the expected form.
  const example = fields.map((field) => {
    const value = spec.example[field.key];
    return value === undefined ? null : cellConverter(field, { format: 'xlsx' })(value);
  });

  const validations: ListValidation[] = [];
  const longLists: string[][] = [];
  fields.forEach((field, index) => {
    const labels = dropdownLabels(field);
    if (!labels) return;
    const letter = columnLetters(index);
    const base = {
      ref: `${letter}2:${letter}${LAST_ROW}`,
      errorStyle: 'warning' as const,
      errorTitle: field.zh,
      error: `请从下拉列表中选择${field.zh}`,
    };
    const inlineLength = labels.join(',').length;
    if (inlineLength <= INLINE_LIST_LIMIT && labels.length <= INLINE_LIST_MAX_OPTIONS) {
      validations.push({ ...base, options: labels });
    } else {
      const listColumn = columnLetters(longLists.length);
      longLists.push([...labels]);
      validations.push({ ...base, source: `'${TEMPLATE_LISTS_SHEET}'!$${listColumn}$1:$${listColumn}$${labels.length}` });
    }
  });

  const sheets: XlsxSheet[] = [
    {
      name: spec.title,
      columns,
      rows: [fields.map((field) => field.zh), example],
      headerRows: 1,
      freezeRows: 1,
      validations,
      comments: [{ row: TEMPLATE_EXAMPLE_ROW - 1, column: 0, text: '示例行：填写时请覆盖或删除本行。' }],
      rowHeights: new Map([[0, 20]]),
    },
    instructionsSheet(spec),
  ];
  if (longLists.length > 0) {
    const height = Math.max(...longLists.map((list) => list.length));
    const rows: CellValue[][] = [];
    for (let row = 0; row < height; row += 1) rows.push(longLists.map((list) => list[row] ?? null));
    sheets.push({ name: TEMPLATE_LISTS_SHEET, state: 'hidden', rows });
  }
  sheets.push({
    name: TEMPLATE_META_SHEET,
    state: 'hidden',
    rows: [...templateMetaRows({ kind, version: TEMPLATE_VERSION }), ['exampleRows', String(TEMPLATE_EXAMPLE_ROW)]],
  });
  return writeXlsx({ sheets });
}
