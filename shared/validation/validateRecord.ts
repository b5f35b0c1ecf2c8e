/**
 * Generic, field-table-driven validation of one row: every cell is normalised by its FieldDef type
 * and checked, then the identity cross-checks (document number per type, birth date and gender
 * read from the number) and date ranges run. Used by the talent import and form, and by the
 * training-roster import with its own field table.
 */
import type { FieldDef } from '../fields/fieldTypes';
import type { IdDocumentType } from '../talent/talent';
import { booleanOptions, idDocumentTypeOptions } from '../codes/codeLists';
import { matchCode } from '../codes/matchCode';
import { compareYmd, todayYmd } from '../dates/ymd';
import { parseDateCell } from '../dates/parseDateCell';
import { validateCreditCode } from '../identity/creditCode';
import { validatePhone, validateEmail } from '../identity/contact';
import { validateDocumentNumber } from '../identity/documents';
import { normalizeDocumentNumber } from '../identity/normalize';
import { createIssue, type IssueCode, type ValidationIssue } from './issues';

/** What a cell can hold when it reaches validation (spreadsheet cell, form control). */
export type RawCellValue = string | number | boolean | null | undefined | readonly string[];

/** One row keyed by field key (headers already matched). Extra keys are ignored, never iterated. */
export type RawRecord = Readonly<Record<string, RawCellValue>>;

/** A normalised value: text, code value, `YYYY-MM-DD`/`YYYY-MM`, number, boolean or tags. */
export type FieldValue = string | number | boolean | string[];

/** Which fields the identity checks read; keys absent from the field table are skipped. */
export interface IdentityFieldKeys {
  /** The document number field; default: the first field of type `idNumber`. */
  idNumber?: string;
  /** The document type field; default `idType` when the table has it. */
  idType?: string;
  /** Default `birthDate`. */
  birthDate?: string;
  /** Default `gender` (a code field whose values are `M`/`F`). */
  gender?: string;
  /** The type used when there is no type field or it is blank. Default `resident`. */
  defaultIdType?: IdDocumentType;
}

export interface ValidateRecordOptions {
  /** `YYYY-MM-DD` for "not in the future" rules; defaults to today in China. */
  today?: string;
  /** Keys whose cells carried a date number format, so numbers in them are Excel serials. */
  dateFormattedKeys?: ReadonlySet<string>;
  /** Identity checks; `null` turns them off. */
  identity?: IdentityFieldKeys | null;
  /** Pairs of date fields where `to` must not be before `from` (e.g. 入库日期 → 离库日期). */
  dateRanges?: readonly { from: string; to: string }[];
  /** Earliest birth date accepted inside ID numbers (default 1900-01-01). */
  earliestBirthDate?: string;
}

export interface RecordValidation<K extends string> {
  /** Normalised values of the non-blank, valid cells (invalid ID numbers are kept normalised). */
  record: Partial<Record<K, FieldValue>>;
  issues: ValidationIssue[];
}

const TAG_SEPARATORS = /[，,;；、\n\r]+/;

/** Field lookup by key, built once per field table (tables are module constants). */
const fieldIndexCache = new WeakMap<readonly FieldDef[], ReadonlyMap<string, FieldDef>>();

function fieldIndex(fields: readonly FieldDef[]): ReadonlyMap<string, FieldDef> {
  let index = fieldIndexCache.get(fields);
  if (!index) {
    index = new Map(fields.map((field) => [field.key, field]));
    fieldIndexCache.set(fields, index);
  }
  return index;
}

function ownValue(raw: RawRecord, key: string): RawCellValue {
  return Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
}

function isBlank(value: RawCellValue): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.replace(/[\s\u00a0\u3000]+/g, '') === '';
  if (Array.isArray(value)) return value.every((item) => String(item).trim() === '');
  return false;
}

function cellText(value: RawCellValue): string {
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/** `1,234.5` / `－12` / `１２` → number; `undefined` when not a plain decimal. */
function parseNumberText(text: string): number | undefined {
  const compact = text.normalize('NFKC').replace(/[\s,]+/g, '').replace(/^−/, '-');
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(compact)) return undefined;
  const value = Number(compact);
  return Number.isFinite(value) ? value : undefined;
}

function codeAllowedParams(field: FieldDef): { allowed: string; allowedEn: string } {
  const options = field.type === 'boolean' ? booleanOptions : (field.options ?? []);
  return { allowed: options.map((option) => option.zh).join('、'), allowedEn: options.map((option) => option.en).join(', ') };
}

/** Normalises one non-blank cell; pushes issues and returns the value to store (or undefined). */
/** Records one cell issue; a module function, not a per-cell closure: this runs for every cell of 300,000-row files. */
function reportIssue(issues: ValidationIssue[], field: FieldDef, text: string, code: IssueCode, context: Parameters<typeof createIssue>[2] = {}): undefined {
  issues.push(createIssue(field, code, context, text));
  return undefined;
}

function normaliseCell(field: FieldDef, value: Exclude<RawCellValue, null | undefined>, opts: ValidateRecordOptions, issues: ValidationIssue[]): FieldValue | undefined {
  const text = cellText(value);
  switch (field.type) {
    case 'text': {
      const trimmed = text.trim();
      if (field.maxLength !== undefined && Array.from(trimmed).length > field.maxLength) return reportIssue(issues, field, text, 'TEXT_TOO_LONG', { params: { max: field.maxLength } });
      return trimmed;
    }
    case 'idNumber':
      // Checked with its document type in the identity step; keep the normalised text meanwhile.
      return typeof value === 'number' ? text : normalizeDocumentNumber(text);
    case 'phone': {
      const phone = validatePhone(typeof value === 'number' ? value : text);
      return phone.ok ? phone.value : reportIssue(issues, field, text, 'PHONE_FORMAT');
    }
    case 'email': {
      const email = validateEmail(text);
      return email.ok ? email.value : reportIssue(issues, field, text, 'EMAIL_FORMAT');
    }
    case 'creditCode': {
      const code = validateCreditCode(text);
      if (code.ok) return code.value;
      const detail =
        code.error.reason === 'length'
          ? { detailZh: '统一社会信用代码应为 18 位，请核对', detailEn: 'a credit code has 18 characters; please verify' }
          : code.error.reason === 'charset'
            ? { detailZh: '含有统一社会信用代码不用的字符（I、O、S、V、Z 或符号），请核对', detailEn: 'contains characters credit codes never use (I, O, S, V, Z, symbols); please verify' }
            : {};
      reportIssue(issues, field, text, 'CREDIT_CODE', detail);
      return code.error.normalized;
    }
    case 'date':
    case 'month': {
      const input = typeof value === 'number' ? value : text;
      const parsed = parseDateCell(input, { precision: field.type === 'date' ? 'day' : 'month', cellIsDateFormatted: opts.dateFormattedKeys?.has(field.key) ?? false });
      if (!parsed.ok) {
        return field.type === 'month'
          ? reportIssue(issues, field, text, 'DATE_FORMAT', { detailZh: '无法识别的年月（示例：2015-07、2015.7、2015年7月）', detailEn: 'is not a recognised month (e.g. 2015-07, 2015.7)' })
          : reportIssue(issues, field, text, 'DATE_FORMAT');
      }
      if (parsed.warning) issues.push(createIssue(field, parsed.warning, {}, text));
      return parsed.value;
    }
    case 'code': {
      const option = matchCode(field.options ?? [], typeof value === 'boolean' ? text : (value as string | number));
      return option ? option.value : reportIssue(issues, field, text, 'CODE_UNKNOWN', { params: codeAllowedParams(field) });
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const option = matchCode(booleanOptions, text);
      return option ? option.value === 'true' : reportIssue(issues, field, text, 'CODE_UNKNOWN', { params: codeAllowedParams(field) });
    }
    case 'integer':
    case 'number': {
      const number = typeof value === 'number' ? (Number.isFinite(value) ? value : undefined) : typeof value === 'string' ? parseNumberText(value) : undefined;
      if (number === undefined) return reportIssue(issues, field, text, 'NUMBER_FORMAT');
      if (field.type === 'integer' && !Number.isInteger(number)) return reportIssue(issues, field, text, 'NUMBER_FORMAT', { detailZh: '应为整数', detailEn: 'must be a whole number' });
      return number;
    }
    case 'tags': {
      const parts = Array.isArray(value) ? value.map(String) : text.split(TAG_SEPARATORS);
      const tags: string[] = [];
      for (const part of parts) {
        const tag = part.trim();
        if (tag !== '' && !tags.includes(tag)) tags.push(tag);
      }
      return tags;
    }
    default: {
      const unknownType: never = field.type;
      throw new Error(`unknown field type ${String(unknownType)}`);
    }
  }
}

function resolveIdentityKeys(fields: readonly FieldDef[], identity: IdentityFieldKeys): Required<Omit<IdentityFieldKeys, 'defaultIdType'>> & { defaultIdType: IdDocumentType } {
  const index = fieldIndex(fields);
  const has = (key: string | undefined): key is string => key !== undefined && index.has(key);
  const idNumber = identity.idNumber ?? fields.find((field) => field.type === 'idNumber')?.key ?? '';
  return {
    idNumber: has(idNumber) ? idNumber : '',
    idType: has(identity.idType ?? 'idType') ? (identity.idType ?? 'idType') : '',
    birthDate: has(identity.birthDate ?? 'birthDate') ? (identity.birthDate ?? 'birthDate') : '',
    gender: has(identity.gender ?? 'gender') ? (identity.gender ?? 'gender') : '',
    defaultIdType: identity.defaultIdType ?? 'resident',
  };
}

function removeIssue(issues: ValidationIssue[], field: string, code: IssueCode): void {
  const index = issues.findIndex((issue) => issue.field === field && issue.code === code);
  if (index >= 0) issues.splice(index, 1);
}

/**
 * Checks the document number against its type, then compares the birth date and gender the
 * number encodes with the entered ones (filling them when blank). Cross-checks are skipped when
 * the number or the type is already wrong: one root cause, one message.
 */
function checkIdentity(
  fields: readonly FieldDef[],
  raw: RawRecord,
  record: Record<string, FieldValue>,
  issues: ValidationIssue[],
  identity: IdentityFieldKeys,
  opts: ValidateRecordOptions,
): void {
  const keys = resolveIdentityKeys(fields, identity);
  if (keys.idNumber === '') return;
  const index = fieldIndex(fields);
  const idField = index.get(keys.idNumber);
  const rawId = ownValue(raw, keys.idNumber);
  if (!idField || isBlank(rawId) || typeof rawId === 'boolean' || Array.isArray(rawId)) return;
  const typeField = index.get(keys.idType);
  if (keys.idType !== '' && !isBlank(ownValue(raw, keys.idType)) && record[keys.idType] === undefined) return; // CODE_UNKNOWN already reported
  const idType = (keys.idType !== '' ? (record[keys.idType] as IdDocumentType | undefined) : undefined) ?? keys.defaultIdType;
  if (typeField && record[keys.idType] === undefined) record[keys.idType] = idType;
  const checked = validateDocumentNumber(idType, rawId as string | number, { today: opts.today, earliestBirthDate: opts.earliestBirthDate });
  const idText = cellText(rawId);
  if (!checked.ok) {
    issues.push(createIssue(idField, checked.error.code, {}, idText));
    return;
  }
  const info = checked.value;
  record[keys.idNumber] = info.idNumber;
  for (const warning of info.warnings) issues.push(createIssue(idField, warning, {}, idText));
  if (typeField && info.idType !== idType) {
    record[keys.idType] = info.idType;
    const option = idDocumentTypeOptions.find((candidate) => candidate.value === info.idType);
    issues.push(createIssue(typeField, 'ID_TYPE_ADJUSTED', { params: { type: option?.zh ?? info.idType, typeEn: option?.en ?? info.idType } }));
  }

  const birthField = index.get(keys.birthDate);
  if (birthField && info.birthDate) {
    const rawBirth = ownValue(raw, birthField.key);
    const entered = record[birthField.key];
    if (isBlank(rawBirth)) {
      record[birthField.key] = info.birthDate;
    } else if (typeof entered === 'string') {
      // A month-precision field (出生年月) compares by month.
      const comparable = entered.length === 7 ? info.birthDate.slice(0, 7) : info.birthDate;
      if (entered !== comparable) issues.push(createIssue(birthField, 'BIRTHDATE_MISMATCH', {}, cellText(rawBirth)));
    } else if (birthField.type === 'date' && rawBirth !== null && rawBirth !== undefined && typeof rawBirth !== 'boolean' && !Array.isArray(rawBirth)) {
      // 出生年月 typed as 1990.05 in a day field: fine when the number agrees on the month.
      const month = parseDateCell(rawBirth as string | number, { precision: 'month', cellIsDateFormatted: opts.dateFormattedKeys?.has(birthField.key) ?? false });
      if (month.ok && month.value === info.birthDate.slice(0, 7)) {
        removeIssue(issues, birthField.key, 'DATE_FORMAT');
        removeIssue(issues, birthField.key, 'DATE_AMBIGUOUS');
        record[birthField.key] = info.birthDate;
      }
    }
  }

  const genderField = index.get(keys.gender);
  if (genderField && info.gender) {
    const rawGender = ownValue(raw, genderField.key);
    const entered = record[genderField.key];
    if (isBlank(rawGender)) record[genderField.key] = info.gender;
    else if (typeof entered === 'string' && entered !== info.gender) issues.push(createIssue(genderField, 'GENDER_MISMATCH', {}, cellText(rawGender)));
  }
}

/**
 * Validates one row against a field table. Each non-derived field's cell is read by key (own
 * properties only, so `__proto__`/`constructor` keys in the input are inert), blank cells are
 * skipped (or reported `REQUIRED`), and the rest is normalised by type:
 * text (trim, `TEXT_TOO_LONG`), idNumber (by document type), phone, email, creditCode (warning
 * only), date/month ({@link parseDateCell}), code ({@link matchCode} → option value,
 * `CODE_UNKNOWN`), boolean (是/否/有/无 → true/false), integer/number (incl. negative and
 * `1,234`; `NUMBER_FORMAT`), tags (split on `，,;；、`, trimmed, de-duplicated).
 * Then identity cross-checks ({@link ValidateRecordOptions.identity}) and date ranges.
 */
export function validateRecord<K extends string>(fields: readonly FieldDef<K>[], raw: RawRecord, opts: ValidateRecordOptions = {}): RecordValidation<K> {
  const issues: ValidationIssue[] = [];
  // Keys come only from the field table, never from the input, so a plain object is safe here.
  const record: Record<string, FieldValue> = {};
  for (const field of fields) {
    if (field.derived) continue;
    const value = ownValue(raw, field.key);
    if (value === null || value === undefined || isBlank(value)) {
      if (field.required) issues.push(createIssue(field, 'REQUIRED'));
      continue;
    }
    const normalised = normaliseCell(field, value, opts, issues);
    if (normalised !== undefined) record[field.key] = normalised;
  }

  if (opts.identity !== null) checkIdentity(fields, raw, record, issues, opts.identity ?? {}, opts);

  const today = opts.today ?? todayYmd();
  const birthKey = opts.identity === null ? undefined : (opts.identity?.birthDate ?? 'birthDate');
  const index = fieldIndex(fields);
  const birthCandidate = birthKey === undefined ? undefined : index.get(birthKey);
  const birthField = birthCandidate?.type === 'date' ? birthCandidate : undefined;
  const birth = birthField ? record[birthField.key] : undefined;
  if (birthField && typeof birth === 'string' && (compareYmd(birth, today) > 0 || compareYmd(birth, '1900-01-01') < 0)) {
    issues.push(createIssue(birthField, 'DATE_RANGE', { detailZh: '出生日期不能晚于今天或早于 1900 年', detailEn: 'cannot be in the future or before 1900' }, birth));
  }

  for (const range of opts.dateRanges ?? []) {
    const from = record[range.from];
    const to = record[range.to];
    const fromField = index.get(range.from);
    const toField = index.get(range.to);
    if (typeof from === 'string' && typeof to === 'string' && fromField && toField && compareYmd(to, from) < 0) {
      issues.push(createIssue(toField, 'DATE_RANGE', { detailZh: `不能早于${fromField.zh}`, detailEn: `cannot be before ${fromField.en}` }, to));
    }
  }
  return { record: record as Partial<Record<K, FieldValue>>, issues };
}
