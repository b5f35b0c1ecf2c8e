/**
 * Validation of one training-roster row: the generic field-table checks (identity cross-checks,
 * dates, codes) plus the roster's own rules — 培训结束日期 not before 培训开始日期, 学时 not
 * negative, 理论/实操成绩 between 0 and 100.
 */
import { createIssue, type ValidationIssue } from '../validation/issues';
import { validateRecord, type FieldValue, type RawRecord, type ValidateRecordOptions } from '../validation/validateRecord';
import { rosterFields, ROSTER_SCORE_FIELDS, type RosterFieldKey } from './rosterFields';

/** Normalised values of one roster row (only the non-blank, valid cells). */
export type RosterRecord = Partial<Record<RosterFieldKey, FieldValue>>;

/** A roster row's normalised record and its issues. */
export interface RosterRowValidation {
  record: RosterRecord;
  issues: ValidationIssue[];
}

/** Options passed through to {@link validateRecord}. */
export type ValidateRosterOptions = Pick<ValidateRecordOptions, 'today' | 'dateFormattedKeys' | 'earliestBirthDate'>;

const fieldByKey = new Map(rosterFields.map((field) => [field.key, field]));

/** Maximum of a score field. */
export const MAX_SCORE = 100;

/**
 * Validates one roster row (cells keyed by roster field key). 证件类型 defaults to 居民身份证; birth
 * date and gender are checked against (or filled from) the ID number; errors `DATE_RANGE` (end
 * before start), `NUMBER_FORMAT` (negative 学时, score outside 0–100) come on top of
 * {@link validateRecord}'s codes.
 */
export function validateRosterRow(raw: RawRecord, opts: ValidateRosterOptions = {}): RosterRowValidation {
  const { record, issues } = validateRecord(rosterFields, raw, {
    ...opts,
    identity: { idNumber: 'idNumber', idType: 'idType', birthDate: 'birthDate', gender: 'gender', defaultIdType: 'resident' },
    dateRanges: [{ from: 'trainingStartDate', to: 'trainingEndDate' }],
  });
  const hours = record.hours;
  const hoursField = fieldByKey.get('hours');
  if (typeof hours === 'number' && hours < 0 && hoursField) {
    issues.push(createIssue(hoursField, 'NUMBER_FORMAT', { detailZh: '不能为负数', detailEn: 'cannot be negative' }, String(hours)));
    delete record.hours;
  }
  for (const key of ROSTER_SCORE_FIELDS) {
    const score = record[key];
    const field = fieldByKey.get(key);
    if (typeof score === 'number' && (score < 0 || score > MAX_SCORE) && field) {
      issues.push(createIssue(field, 'NUMBER_FORMAT', { detailZh: `应在 0–${MAX_SCORE} 之间`, detailEn: `must be between 0 and ${MAX_SCORE}` }, String(score)));
      delete record[key];
    }
  }
  return { record, issues };
}
