/** 统计口径: the definitions printed on the report, the workbook's cover and docs/statistics.md. */

/** Version of the definitions; a snapshot records the version it was computed with. */
export const DEFINITIONS_VERSION = 1;

/** One definition: a short name and its text, in Chinese and English. */
export interface ReportDefinition {
  zh: string;
  en: string;
}

/** The definitions, in report order. */
export const REPORT_DEFINITIONS: readonly ReportDefinition[] = [
  {
    zh: '统计时点：统计年度 Y 的 12 月 31 日（年末）。',
    en: 'Reference day: 31 December of the report year Y (year-end).',
  },
  {
    zh: '在库人数：入库日期不晚于 12 月 31 日，且离库日期为空或晚于 12 月 31 日的人才（当天离库者不计入；当天入库者计入）。未填入库日期的记录以建档日期为入库日期。',
    en: 'Headcount: talents with a joined date on or before 31 December and no left date on or before it (leaving on 31 December is not counted; joining on it is). A record without a joined date counts from the day it was created.',
  },
  {
    zh: '离库后恢复在库：人才记录只保存最近一次的离库日期，恢复在库时清空离库日期、保留原入库日期；离开期间（原离库日期至恢复当日前一天）据操作日志中的状态变更还原，不计入在库。',
    en: 'Left and came back: the record keeps only the latest left date; restoring clears it and keeps the original joined date. The time away (old left date up to the day before the return, from the audit log of status changes) is not counted.',
  },
  {
    zh: '年龄：按 12 月 31 日计算的周岁（统计年度减出生年份）。年龄段：35岁及以下、36–45岁、46–54岁、55岁及以上（可选五岁分段）；未填出生日期计入“未填写”。',
    en: 'Age: whole years on 31 December (report year minus year of birth). Bands: ≤35, 36–45, 46–54, ≥55 (five-year bands optional); no birth date counts as "not given".',
  },
  {
    zh: '职称等级：12 月 31 日持有的最高职称（证书取得日期不晚于当日且未在当日或之前撤销）。没有证书记录的人才，按记录上的当前职称、自入库日期起持有计算。',
    en: 'Title level: the highest title held on 31 December (certificate issued on or before it and not revoked on or before it). Talents without certificate records count with the current title on the record, held from the joined date.',
  },
  {
    zh: '技能等级：12 月 31 日前考核合格的最高等级（花名册中已接收、考核结果为合格的记录，以考核日期计）。没有考核记录的人才，按记录上的当前技能等级、自入库日期起持有计算。',
    en: 'Skill level: the highest level passed by 31 December (accepted roster rows with result passed, dated by the assessment date). Talents without such rows count with the current skill level on the record, held from the joined date.',
  },
  {
    zh: '新增：上年末不在库、本年末在库的人数；减少：上年末在库、本年末不在库的人数；净增 = 本年末 − 上年末 = 新增 − 减少（按人才类别统计，类别取记录上的当前类别）。',
    en: 'New: not counted at the previous year-end but counted at this year-end; left: the reverse; net = this year-end − previous year-end = new − left (by the category on the record).',
  },
  {
    zh: '同比增长率 = （本年末 − 上年末）÷ 上年末；目标完成率 = 本年末在库人数 ÷ 目标人数（默认 300,000 人，可在设置中修改）。',
    en: 'Year-on-year = (this year-end − previous year-end) ÷ previous year-end; progress = headcount ÷ target (300,000 by default, editable in settings).',
  },
  {
    zh: '职称：本年取得 = 取得日期在本年内的职称证书数（按级别）；累计高级职称 = 12 月 31 日持有正高级或副高级职称的人数（含已离库者，另列其中在库人数）。',
    en: 'Titles: granted in the year = certificates issued in the year, by level; senior holders = people holding a full or associate senior title on 31 December (including those who left; those in the registry shown separately).',
  },
  {
    zh: '培训基地：认定日期不晚于 12 月 31 日的基地，按类型和 12 月 31 日的状态（有效期至已过为“已到期”）统计。培训人次：考核日期在本年内、已接收的花名册记录；合格率 = 合格 ÷（合格 + 不合格 + 缺考）；学时为各人次学时之和。',
    en: 'Bases: bases accredited on or before 31 December, by type and by status on that day (past the valid-until date = expired). Trainees: accepted roster rows assessed in the year; pass rate = passed ÷ (passed + failed + absent); hours = sum over trainees.',
  },
  {
    zh: '分类项目（区、集聚区、人才类别、学历、产业链环节、性别、海外经历）取人才记录上的当前值；空白或无法识别的值计入“未填写”。',
    en: 'Dimensions (district, cluster, category, education, industry segment, gender, overseas) use the current value on the record; blank or unknown values count as "not given".',
  },
];

/** The definitions as one text block (for the cover sheet and snapshots). */
export function definitionsText(language: 'zh' | 'en' = 'zh'): string {
  return REPORT_DEFINITIONS.map((definition, index) => `${index + 1}. ${definition[language]}`).join('\n');
}
