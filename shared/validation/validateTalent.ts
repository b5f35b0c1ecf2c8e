/** Talent-specific validation on top of the generic field-table validation. */
import type { Cluster, Education, Gender, IdDocumentType, TalentCategory, TalentStatus } from '../talent/talent';
import { emptyTalentDraft, type TalentDraft } from '../talent/talentDraft';
import { talentFieldByKey, talentFields, type TalentFieldKey } from '../talent/talentFields';
import { createIssue, type ValidationIssue } from './issues';
import { validateRecord, type RawRecord, type ValidateRecordOptions } from './validateRecord';

export interface TalentValidation {
  /** A complete draft: entered values normalised, blanks at their defaults. Save only without errors. */
  record: TalentDraft;
  issues: ValidationIssue[];
}

/** Options passed through to {@link validateRecord} (identity and date ranges are fixed here). */
export type ValidateTalentOptions = Pick<ValidateRecordOptions, 'today' | 'dateFormattedKeys' | 'earliestBirthDate'>;

function field(key: TalentFieldKey) {
  const definition = talentFieldByKey.get(key);
  if (!definition) throw new Error(`talent field ${key} missing from the field table`);
  return definition;
}

/**
 * Validates one talent row or form. On top of {@link validateRecord}: 证件类型 defaults to 居民身份证;
 * birth date and gender come from resident/residence-permit numbers (filled when blank,
 * `BIRTHDATE_MISMATCH`/`GENDER_MISMATCH` when different); 离库日期 ≥ 入库日期 (`DATE_RANGE`);
 * status defaults to 在库, or 已迁出 when a 离库日期 is given; 已迁出/已注销 need 离库日期 and 离库原因
 * (`REQUIRED`); 人才类别 defaults to 其他. Derived fields (职称等级, 技能等级) are never read.
 */
export function validateTalentInput(raw: RawRecord, opts: ValidateTalentOptions = {}): TalentValidation {
  const { record: values, issues } = validateRecord(talentFields, raw, {
    ...opts,
    identity: { idNumber: 'idNumber', idType: 'idType', birthDate: 'birthDate', gender: 'gender', defaultIdType: 'resident' },
    dateRanges: [{ from: 'joinedDate', to: 'leftDate' }],
  });
  const draft = emptyTalentDraft();
  const text = (key: TalentFieldKey): string => {
    const value = values[key];
    return typeof value === 'string' ? value : '';
  };
  draft.name = text('name');
  draft.gender = text('gender') as Gender | '';
  draft.idType = (text('idType') || 'resident') as IdDocumentType;
  draft.idNumber = text('idNumber');
  draft.birthDate = text('birthDate');
  draft.nationality = text('nationality');
  draft.phone = text('phone');
  draft.email = text('email');
  draft.education = text('education') as Education | '';
  draft.degree = text('degree');
  draft.school = text('school');
  draft.major = text('major');
  draft.graduationDate = text('graduationDate');
  draft.employer = text('employer');
  draft.employerCreditCode = text('employerCreditCode');
  draft.district = text('district');
  draft.cluster = text('cluster') as Cluster | '';
  draft.industrySegment = text('industrySegment');
  draft.category = (text('category') || 'other') as TalentCategory;
  draft.position = text('position');
  draft.overseas = values.overseas === true;
  draft.joinedDate = text('joinedDate');
  draft.leftDate = text('leftDate');
  draft.leftReason = text('leftReason');
  draft.tags = Array.isArray(values.tags) ? values.tags : [];
  draft.remarks = text('remarks');

  const statusEntered = text('status') as TalentStatus | '';
  const statusCellBlank = values.status === undefined && !issues.some((issue) => issue.field === 'status');
  draft.status = statusEntered || (statusCellBlank && draft.leftDate !== '' ? 'movedOut' : 'active');
  if (draft.status !== 'active') {
    const detail = { detailZh: '状态为“已迁出”或“已注销”时必填', detailEn: 'is required when the status is moved out or cancelled' };
    if (draft.leftDate === '' && !issues.some((issue) => issue.field === 'leftDate')) issues.push(createIssue(field('leftDate'), 'REQUIRED', detail));
    if (draft.leftReason === '' && !issues.some((issue) => issue.field === 'leftReason')) issues.push(createIssue(field('leftReason'), 'REQUIRED', detail));
  }
  return { record: draft, issues };
}
