/**
 * The roster's own checks on a validated row, on top of the field checks of validateRosterRow:
 * training inside the base's accreditation period, 学时 against the programme's plan for 合格, a
 * certificate number only for 合格, and the 职业技能等级证书 structure with its level digit.
 * The same rules run on the base's desk (pre-check) and the bureau's (receipt).
 */
import { isWithinAccreditation, type ProgrammeLevel, type TrainingBaseData } from '../bases/trainingBase';
import type { RosterRecord } from './validateRosterRow';
import { parseSkillCertificateNumber, parseSkillLevel } from './skillLevels';

/** Stable codes of the roster rules. */
export type RosterRuleCode =
  | 'OUTSIDE_ACCREDITATION'
  | 'HOURS_BELOW_PLAN'
  | 'CERTIFICATE_NOT_PASSED'
  | 'CERTIFICATE_MISSING'
  | 'CERTIFICATE_FORMAT'
  | 'CERTIFICATE_LEVEL'
  | 'LEVEL_MISMATCH';

/** One finding of a roster rule (same shape as a validation issue). */
export interface RosterRuleIssue {
  field: string;
  code: RosterRuleCode;
  severity: 'error' | 'warning';
  message: string;
  messageEn: string;
}

/** What the rules check a row against. */
export interface RosterRuleContext {
  base: Pick<TrainingBaseData, 'accreditedOn' | 'validUntil'>;
  /** The roster's programme; without one, plan and level checks are skipped. */
  programme?: { plannedHours: number; level: ProgrammeLevel };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The level a row enrols at: its own 等级 cell when readable, else the programme's. */
export function enrolledLevel(record: RosterRecord, programme?: { level: ProgrammeLevel }): ProgrammeLevel | undefined {
  return parseSkillLevel(text(record.level)) ?? programme?.level;
}

/**
 * The rule findings of one row. Errors: OUTSIDE_ACCREDITATION (培训开始/结束日期 outside 认定日期 …
 * 有效期至), CERTIFICATE_NOT_PASSED (a 证书编号 on a row not 合格). Warnings: HOURS_BELOW_PLAN (合格
 * with 学时 below the plan), CERTIFICATE_MISSING (合格 without number), CERTIFICATE_FORMAT (not the
 * 22-character structure), CERTIFICATE_LEVEL (its level digit differs from the enrolled level),
 * LEVEL_MISMATCH (the row's 等级 differs from the programme's).
 */
export function checkRosterRules(record: RosterRecord, context: RosterRuleContext): RosterRuleIssue[] {
  const issues: RosterRuleIssue[] = [];
  const start = text(record.trainingStartDate);
  const end = text(record.trainingEndDate);
  for (const [field, day, zh, en] of [
    ['trainingStartDate', start, '培训开始日期', 'Training start'],
    ['trainingEndDate', end, '培训结束日期', 'Training end'],
  ] as const) {
    if (day !== '' && !isWithinAccreditation(context.base, day)) {
      issues.push({
        field,
        code: 'OUTSIDE_ACCREDITATION',
        severity: 'error',
        message: `${zh}：不在基地认定有效期内（${context.base.accreditedOn || '—'} 至 ${context.base.validUntil || '—'}）`,
        messageEn: `${en}: outside the base's accreditation period (${context.base.accreditedOn || '—'} to ${context.base.validUntil || '—'})`,
      });
    }
  }
  const result = text(record.assessmentResult);
  const certificate = text(record.certificateNumber);
  const hours = typeof record.hours === 'number' ? record.hours : undefined;
  const level = enrolledLevel(record, context.programme);
  const rowLevel = parseSkillLevel(text(record.level));
  if (context.programme && rowLevel !== undefined && rowLevel !== context.programme.level) {
    issues.push({ field: 'level', code: 'LEVEL_MISMATCH', severity: 'warning', message: `等级：与培训项目的等级（${context.programme.level} 级）不一致`, messageEn: `Level: differs from the programme's level (${context.programme.level})` });
  }
  if (result === 'passed' && context.programme && hours !== undefined && hours < context.programme.plannedHours) {
    issues.push({
      field: 'hours',
      code: 'HOURS_BELOW_PLAN',
      severity: 'warning',
      message: `学时：考核合格但学时 ${hours} 低于计划学时 ${context.programme.plannedHours}`,
      messageEn: `Hours: passed with ${hours} hours, below the planned ${context.programme.plannedHours}`,
    });
  }
  if (certificate !== '' && result !== 'passed') {
    issues.push({ field: 'certificateNumber', code: 'CERTIFICATE_NOT_PASSED', severity: 'error', message: '证书编号：只有考核合格的学员才有证书编号', messageEn: 'Certificate number: only trainees who passed have one' });
  } else if (certificate === '' && result === 'passed') {
    issues.push({ field: 'certificateNumber', code: 'CERTIFICATE_MISSING', severity: 'warning', message: '证书编号：考核合格，请填写证书编号', messageEn: 'Certificate number: passed, please fill in the certificate number' });
  } else if (certificate !== '') {
    const parsed = parseSkillCertificateNumber(certificate);
    if (!parsed.ok) {
      issues.push({
        field: 'certificateNumber',
        code: 'CERTIFICATE_FORMAT',
        severity: 'warning',
        message: '证书编号：不符合职业技能等级证书 22 位编码结构（Y/S + 评价机构 4 位 + 省份 2 位 + 考点 6 位 + 年份 2 位 + 等级 1 位 + 序号 6 位），请核对',
        messageEn: 'Certificate number: not the 22-character skill certificate structure; please verify',
      });
    } else if (level !== undefined && parsed.value.level !== level) {
      issues.push({
        field: 'certificateNumber',
        code: 'CERTIFICATE_LEVEL',
        severity: 'warning',
        message: `证书编号：第 16 位等级为 ${parsed.value.level}，与培训等级 ${level} 不一致`,
        messageEn: `Certificate number: level digit ${parsed.value.level} differs from the enrolled level ${level}`,
      });
    }
  }
  return issues;
}
