/**
 * Stable issue codes and their messages. The same text appears in the import preview, the CLI and
 * downloadable error reports because every one of them calls {@link formatIssueMessage}.
 * Messages never contain the offending value (ID numbers, phones): reports may leave the office.
 */

/** Row-level problems that block a record. */
export type RowErrorCode =
  | 'REQUIRED'
  | 'ID_FORMAT'
  | 'ID_CHECKSUM'
  | 'ID_DATE'
  | 'ID_NUMERIC'
  | 'BIRTHDATE_MISMATCH'
  | 'GENDER_MISMATCH'
  | 'PHONE_FORMAT'
  | 'EMAIL_FORMAT'
  | 'DATE_FORMAT'
  | 'DATE_RANGE'
  | 'NUMBER_FORMAT'
  | 'CODE_UNKNOWN'
  | 'DUPLICATE_IN_FILE'
  | 'TEXT_TOO_LONG';

/** Row-level findings that keep the record. */
export type RowWarningCode = 'ID_UPGRADED' | 'CREDIT_CODE' | 'AREA_UNKNOWN' | 'DATE_AMBIGUOUS' | 'ID_TYPE_ADJUSTED' | 'DUPLICATE_IN_DB';

/** Whole-file problems (the import stops). */
export type FileIssueCode = 'FILE_CORRUPT' | 'FILE_ENCRYPTED' | 'FILE_TOO_LARGE' | 'FILE_EMPTY' | 'NO_HEADER' | 'UNSUPPORTED_FORMAT';

export type IssueCode = RowErrorCode | RowWarningCode | FileIssueCode;

export type IssueSeverity = 'error' | 'warning';

/** One problem found in one cell (or the file: `field` is `''` for file-level issues). */
export interface ValidationIssue {
  /** Field key (`idNumber`), `''` for the whole row or file. */
  field: string;
  code: IssueCode;
  severity: IssueSeverity;
  /** Chinese message, including the field's label. */
  message: string;
  messageEn: string;
  /** The cell's text as read, for showing beside the message (mask sensitive fields on screen). */
  value?: string;
}

interface IssueText {
  severity: IssueSeverity;
  zh: string;
  en: string;
}

/**
 * Default texts. `{name}` placeholders are filled from `params`; a missing parameter becomes ''.
 */
export const issueCatalog: Readonly<Record<IssueCode, IssueText>> = {
  REQUIRED: { severity: 'error', zh: '必填，不能为空', en: 'is required' },
  ID_FORMAT: { severity: 'error', zh: '号码格式与证件类型不符', en: 'does not have the format of its document type' },
  ID_CHECKSUM: { severity: 'error', zh: '校验位不正确，请按证件核对号码', en: 'check character is wrong; compare with the document' },
  ID_DATE: { severity: 'error', zh: '号码中的出生日期无效（不存在、早于 1900 年或晚于今天）', en: 'birth date inside the number is not valid (no such day, before 1900 or in the future)' },
  ID_NUMERIC: {
    severity: 'error',
    zh: '号码被 Excel 存成了数字，末几位已丢失、无法恢复；请把该列设为文本格式后按证件重新录入',
    en: 'Excel stored the number as a number and its last digits are lost; format the column as text and re-enter it from the document',
  },
  BIRTHDATE_MISMATCH: { severity: 'error', zh: '与证件号码中的出生日期不一致', en: 'does not match the birth date in the document number' },
  GENDER_MISMATCH: { severity: 'error', zh: '与证件号码中的性别不一致', en: 'does not match the gender in the document number' },
  PHONE_FORMAT: { severity: 'error', zh: '不是有效的手机号码（11 位，以 1 开头）', en: 'is not a valid mainland mobile number (11 digits starting with 1)' },
  EMAIL_FORMAT: { severity: 'error', zh: '不是有效的电子邮箱地址', en: 'is not a valid e-mail address' },
  DATE_FORMAT: { severity: 'error', zh: '无法识别的日期（示例：2023-05-01、2023/5/1、2023年5月1日）', en: 'is not a recognised date (e.g. 2023-05-01, 2023/5/1)' },
  DATE_RANGE: { severity: 'error', zh: '日期超出允许范围', en: 'is out of the allowed range' },
  NUMBER_FORMAT: { severity: 'error', zh: '不是有效的数字', en: 'is not a valid number' },
  CODE_UNKNOWN: { severity: 'error', zh: '不是可选值之一（可选：{allowed}）', en: 'is not one of the allowed values ({allowedEn})' },
  DUPLICATE_IN_FILE: { severity: 'error', zh: '与第 {firstRow} 行是同一人（证件号码重复）', en: 'same person as row {firstRow} (duplicate document number)' },
  TEXT_TOO_LONG: { severity: 'error', zh: '超过 {max} 个字', en: 'is longer than {max} characters' },
  ID_UPGRADED: { severity: 'warning', zh: '15 位旧号码已升级为 18 位', en: '15-digit number upgraded to 18 digits' },
  CREDIT_CODE: { severity: 'warning', zh: '统一社会信用代码校验未通过（早期试点代码也可能如此），请核对', en: 'credit code fails its check (some early pilot codes do); please verify' },
  AREA_UNKNOWN: { severity: 'warning', zh: '号码开头的地区码不在行政区划代码表中，请核对', en: 'area code at the start of the number is unknown; please verify' },
  DATE_AMBIGUOUS: {
    severity: 'warning',
    zh: '数字 “年.1” 已按 1 月读取；若原本填的是 10 月（如 2023.10），Excel 会去掉末尾的 0，请核对',
    en: 'read as January; a typed 2023.10 also becomes 2023.1 in a General cell, please check',
  },
  ID_TYPE_ADJUSTED: { severity: 'warning', zh: '已按号码前缀把证件类型调整为“{type}”', en: 'document type adjusted to "{typeEn}" by the number prefix' },
  DUPLICATE_IN_DB: { severity: 'warning', zh: '此人已在库中', en: 'this person is already in the ledger' },
  FILE_CORRUPT: { severity: 'error', zh: '文件已损坏或不是有效的表格文件', en: 'The file is damaged or is not a spreadsheet' },
  FILE_ENCRYPTED: { severity: 'error', zh: '文件设有打开密码，请在 Excel/WPS 中取消密码后再导入', en: 'The file is password-protected; remove the password in Excel/WPS and import again' },
  FILE_TOO_LARGE: { severity: 'error', zh: '文件过大（上限 {maxMb} MB）', en: 'The file is too large (limit {maxMb} MB)' },
  FILE_EMPTY: { severity: 'error', zh: '文件中没有数据行', en: 'The file has no data rows' },
  NO_HEADER: { severity: 'error', zh: '找不到表头行（应包含“姓名”“证件号码”等列名）', en: 'No header row found (it should contain column names such as 姓名 and 证件号码)' },
  UNSUPPORTED_FORMAT: { severity: 'error', zh: '不支持的文件格式（支持 .xlsx、.xls、.et、.csv）', en: 'Unsupported file format (use .xlsx, .xls, .et or .csv)' },
};

/** The severity a code always has. */
export function issueSeverity(code: IssueCode): IssueSeverity {
  return issueCatalog[code].severity;
}

/** What to put into a message besides the code. */
export interface IssueMessageContext {
  /** The field's labels; the message then reads `证件号码：…` / `Document number: …`. */
  fieldZh?: string;
  fieldEn?: string;
  /** Replaces the default text (e.g. `不能早于入库日期`). */
  detailZh?: string;
  detailEn?: string;
  /** Placeholder values: `allowed`, `allowedEn`, `firstRow`, `max`, `maxMb`, `type`, `typeEn`. */
  params?: Readonly<Record<string, string | number>>;
}

function fill(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!params || !Object.prototype.hasOwnProperty.call(params, name)) return '';
    return String(params[name]);
  });
}

/** The Chinese and English message for a code, prefixed by the field label when given. */
export function formatIssueMessage(code: IssueCode, context: IssueMessageContext = {}): { message: string; messageEn: string } {
  const text = issueCatalog[code];
  const zh = fill(context.detailZh ?? text.zh, context.params);
  const en = fill(context.detailEn ?? text.en, context.params);
  return {
    message: context.fieldZh ? `${context.fieldZh}：${zh}` : zh,
    messageEn: context.fieldEn ? `${context.fieldEn}: ${en}` : en.charAt(0).toUpperCase() + en.slice(1),
  };
}

/** A field (or anything with its key and labels) an issue is about. */
export interface IssueField {
  key: string;
  zh: string;
  en: string;
}

/** Builds a complete issue for a field; file-level issues pass `undefined`. */
export function createIssue(field: IssueField | undefined, code: IssueCode, context: Omit<IssueMessageContext, 'fieldZh' | 'fieldEn'> = {}, value?: string): ValidationIssue {
  const { message, messageEn } = formatIssueMessage(code, { ...context, fieldZh: field?.zh, fieldEn: field?.en });
  const issue: ValidationIssue = { field: field?.key ?? '', code, severity: issueSeverity(code), message, messageEn };
  if (value !== undefined) issue.value = value;
  return issue;
}

/** One line for an error report or the CLI: `第 5 行 · 证件号码：校验位不正确…`. */
export function formatIssueLine(issue: ValidationIssue, rowNumber?: number, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') return rowNumber === undefined ? issue.messageEn : `Row ${rowNumber} · ${issue.messageEn}`;
  return rowNumber === undefined ? issue.message : `第 ${rowNumber} 行 · ${issue.message}`;
}

/** True when any issue blocks the record. */
export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
