/**
 * 培训基地 (talent training and practical-training base): the stored entity, its field labels, and the
 * pure rules on it — accreditation state (amber within 90 days of 有效期至, red once expired), the
 * effective 状态 (有效 turns 已到期 by the date, never by hand), and the checks of a base form.
 */
import { validateCreditCode } from '../identity/creditCode';
import { isValidYmd } from '../dates/ymd';

/** 类型: 高校 / 科研院所 / 龙头企业 / 其他. */
export type BaseType = 'university' | 'institute' | 'enterprise' | 'other';

/** 状态 as stored: what the bureau decided. 已到期 is never stored; it follows from 有效期至. */
export type StoredBaseStatus = 'active' | 'suspended' | 'revoked';

/** 状态 as shown: 有效 / 暂停 / 撤销 / 已到期. */
export type BaseStatus = StoredBaseStatus | 'expired';

/** 技能等级 of a programme: 1 (一级/高级技师) … 5 (五级/初级工). */
export type ProgrammeLevel = 1 | 2 | 3 | 4 | 5;

/** One programme a base offers: 职业 + 工种 at a level, with its planned 学时. */
export interface BaseProgramme {
  /** Stable within the base (a UUID or short key). */
  id: string;
  /** 职业, e.g. 人工智能训练师. */
  occupation: string;
  /** 工种, e.g. 数据标注员; '' when the occupation has none. */
  workType: string;
  level: ProgrammeLevel;
  /** Planned 学时 of the course. */
  plannedHours: number;
}

/** The base's own data (everything but id and timestamps). */
export interface TrainingBaseData {
  /** 基地编号, unique. */
  code: string;
  name: string;
  type: BaseType;
  /** 统一社会信用代码 ('' when unknown). */
  creditCode: string;
  /** GB/T 2260 code of a Shanghai district ('' when unknown). */
  district: string;
  address: string;
  contact: string;
  phone: string;
  /** 认定日期, `YYYY-MM-DD`. */
  accreditedOn: string;
  /** 有效期至, `YYYY-MM-DD` (last valid day). */
  validUntil: string;
  status: StoredBaseStatus;
  /** 年度培训计划人数. */
  annualPlan: number;
  programmes: BaseProgramme[];
}

/** Base type labels. */
export const BASE_TYPE_LABELS: Readonly<Record<BaseType, { zh: string; en: string }>> = {
  university: { zh: '高校', en: 'University' },
  institute: { zh: '科研院所', en: 'Research institute' },
  enterprise: { zh: '龙头企业', en: 'Leading company' },
  other: { zh: '其他', en: 'Other' },
};

/** Status labels. */
export const BASE_STATUS_LABELS: Readonly<Record<BaseStatus, { zh: string; en: string }>> = {
  active: { zh: '有效', en: 'Active' },
  suspended: { zh: '暂停', en: 'Suspended' },
  revoked: { zh: '撤销', en: 'Revoked' },
  expired: { zh: '已到期', en: 'Expired' },
};

/** Level labels (职业技能等级). */
export const PROGRAMME_LEVEL_LABELS: Readonly<Record<ProgrammeLevel, { zh: string; en: string }>> = {
  1: { zh: '一级/高级技师', en: 'Level 1 (senior technician)' },
  2: { zh: '二级/技师', en: 'Level 2 (technician)' },
  3: { zh: '三级/高级工', en: 'Level 3 (senior worker)' },
  4: { zh: '四级/中级工', en: 'Level 4 (intermediate worker)' },
  5: { zh: '五级/初级工', en: 'Level 5 (junior worker)' },
};

/** Days before 有效期至 from which a base is flagged amber. */
export const EXPIRY_WARNING_DAYS = 90;

/** Accreditation state on a day: `ok`, `expiringSoon` (amber) or `expired` (red). */
export type AccreditationState = 'ok' | 'expiringSoon' | 'expired';

/** The accreditation state with the days left (negative once expired). */
export interface AccreditationInfo {
  state: AccreditationState;
  /** Days from `today` to 有效期至: 0 on the last valid day, -1 the day after. */
  daysLeft: number;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10))) - Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  return Math.round(ms / 86_400_000);
}

/**
 * The base's accreditation on `today`: expired after 有效期至 (red), expiring soon when 有效期至 is
 * at most {@link EXPIRY_WARNING_DAYS} days away (amber), ok otherwise. A base without a valid
 * 有效期至 counts as ok (nothing to warn about yet).
 */
export function baseAccreditationState(base: Pick<TrainingBaseData, 'validUntil'>, today: string): AccreditationInfo {
  if (!isValidYmd(base.validUntil)) return { state: 'ok', daysLeft: Number.POSITIVE_INFINITY };
  const daysLeft = daysBetween(today, base.validUntil);
  if (daysLeft < 0) return { state: 'expired', daysLeft };
  if (daysLeft <= EXPIRY_WARNING_DAYS) return { state: 'expiringSoon', daysLeft };
  return { state: 'ok', daysLeft };
}

/** 状态 as shown on `today`: a stored 有效 past 有效期至 reads 已到期; 暂停/撤销 stay what they are. */
export function effectiveBaseStatus(base: Pick<TrainingBaseData, 'status' | 'validUntil'>, today: string): BaseStatus {
  if (base.status !== 'active') return base.status;
  return baseAccreditationState(base, today).state === 'expired' ? 'expired' : 'active';
}

/** True when a day lies inside the accreditation period (认定日期 … 有效期至, both inclusive). */
export function isWithinAccreditation(base: Pick<TrainingBaseData, 'accreditedOn' | 'validUntil'>, day: string): boolean {
  if (isValidYmd(base.accreditedOn) && day < base.accreditedOn) return false;
  if (isValidYmd(base.validUntil) && day > base.validUntil) return false;
  return true;
}

/** One problem of a base form. */
export interface BaseIssue {
  field: keyof TrainingBaseData | `programmes.${number}`;
  severity: 'error' | 'warning';
  code: 'REQUIRED' | 'DATE_FORMAT' | 'DATE_RANGE' | 'NUMBER_FORMAT' | 'CREDIT_CODE' | 'CODE_DUPLICATE' | 'PROGRAMME';
  message: string;
  messageEn: string;
}

function issue(field: BaseIssue['field'], severity: BaseIssue['severity'], code: BaseIssue['code'], message: string, messageEn: string): BaseIssue {
  return { field, severity, code, message, messageEn };
}

/**
 * Checks a base form: 基地编号 and 名称 required, dates valid with 有效期至 not before 认定日期,
 * 年度培训计划人数 a whole number ≥ 0, each programme named with a level and 学时 > 0. The
 * 统一社会信用代码 check only warns (some early pilot codes fail it legitimately, DOMAIN.md §4).
 * Uniqueness of the code is the store's check (it needs the other bases).
 */
export function validateBase(base: TrainingBaseData): BaseIssue[] {
  const issues: BaseIssue[] = [];
  if (base.code.trim() === '') issues.push(issue('code', 'error', 'REQUIRED', '基地编号：必填', 'Base code is required'));
  if (base.name.trim() === '') issues.push(issue('name', 'error', 'REQUIRED', '名称：必填', 'Name is required'));
  if (base.accreditedOn !== '' && !isValidYmd(base.accreditedOn)) issues.push(issue('accreditedOn', 'error', 'DATE_FORMAT', '认定日期：不是有效日期', 'Accreditation date is not a valid date'));
  if (!isValidYmd(base.validUntil)) issues.push(issue('validUntil', 'error', 'DATE_FORMAT', '有效期至：必填的有效日期', 'Valid until must be a valid date'));
  if (isValidYmd(base.accreditedOn) && isValidYmd(base.validUntil) && base.validUntil < base.accreditedOn) {
    issues.push(issue('validUntil', 'error', 'DATE_RANGE', '有效期至：不能早于认定日期', 'Valid until cannot be before the accreditation date'));
  }
  if (!Number.isInteger(base.annualPlan) || base.annualPlan < 0) issues.push(issue('annualPlan', 'error', 'NUMBER_FORMAT', '年度培训计划人数：应为不小于 0 的整数', 'Annual plan must be a whole number ≥ 0'));
  if (base.creditCode.trim() !== '' && !validateCreditCode(base.creditCode).ok) {
    issues.push(issue('creditCode', 'warning', 'CREDIT_CODE', '统一社会信用代码：校验未通过（早期试点代码也可能如此），请核对', 'Credit code fails its check (some early pilot codes do); please verify'));
  }
  base.programmes.forEach((programme, index) => {
    if (programme.occupation.trim() === '' || !(programme.plannedHours > 0) || ![1, 2, 3, 4, 5].includes(programme.level)) {
      issues.push(issue(`programmes.${index}`, 'error', 'PROGRAMME', `培训项目 ${index + 1}：职业、等级、计划学时（大于 0）均须填写`, `Programme ${index + 1}: occupation, level and planned hours (> 0) are required`));
    }
  });
  return issues;
}

/** `人工智能训练师/数据标注员 四级/中级工`: how a programme reads in lists. */
export function programmeLabel(programme: Pick<BaseProgramme, 'occupation' | 'workType' | 'level'>, language: 'zh' | 'en' = 'zh'): string {
  const name = programme.workType ? `${programme.occupation}/${programme.workType}` : programme.occupation;
  return `${name} ${PROGRAMME_LEVEL_LABELS[programme.level][language]}`;
}

