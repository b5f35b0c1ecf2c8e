/**
 * Row validation of a 职称申报汇总表 (the title-application summary sheet a unit sends), for the file
 * checker's `--kind certifications` and any import of it. The columns are helper C's field table
 * (shared/certification/applicationFields.ts); this adds only what a sheet reader must check per row.
 */
import { applicationFields, type ApplicationFieldKey } from '../certification/applicationFields';
import { createIssue, type ValidationIssue } from '../validation/issues';
import { validateRecord, type FieldValue, type RawRecord, type ValidateRecordOptions } from '../validation/validateRecord';

/** Normalised values of one application row (only the non-blank, valid cells). */
export type ApplicationRowRecord = Partial<Record<ApplicationFieldKey, FieldValue>>;

const hoursField = applicationFields.find((field) => field.key === 'continuingEducationHours');

/**
 * Validates one row keyed by application field key: the field-table checks (required 姓名, 身份证号,
 * 工作单位, 申报系列/专业/级别; month fields; code lists 申报途径, 年度考核, 社保/居住证; credit code),
 * the ID number as a 居民身份证 (the form has no document-type column) cross-checked with 性别, and
 * `NUMBER_FORMAT` for a negative 继续教育学时.
 */
export function validateApplicationRow(raw: RawRecord, opts: Pick<ValidateRecordOptions, 'today' | 'dateFormattedKeys'> = {}): { record: ApplicationRowRecord; issues: ValidationIssue[] } {
  const { record, issues } = validateRecord(applicationFields, raw, {
    ...opts,
    // 出生年月 is a month: the birth date inside the ID cannot be compared with it day by day.
    identity: { idNumber: 'idNumber', gender: 'gender', defaultIdType: 'resident' },
  });
  const hours = record.continuingEducationHours;
  if (typeof hours === 'number' && hours < 0 && hoursField) {
    issues.push(createIssue(hoursField, 'NUMBER_FORMAT', { detailZh: '不能为负数', detailEn: 'cannot be negative' }, String(hours)));
    delete record.continuingEducationHours;
  }
  return { record, issues };
}
