/**
 * File-level refusals of the import pipeline: when one of these comes back, nothing in the file is
 * imported. Codes are stable (the file checker prints them); messages are for the clerk.
 */
import type { AppError } from '../result';
import type { FileIssueCode } from '../validation/issues';

/** The file-level codes of the issue catalogue (shared/validation/issues.ts). */
export type ImportFileErrorCode = FileIssueCode;

/** A file-level refusal: an {@link AppError} whose code is one of {@link ImportFileErrorCode}. */
export interface ImportFileError extends AppError {
  code: ImportFileErrorCode;
}

/** Builds a refusal; `detail` (Chinese) is appended to the standard message when the cause is known. */
export function importFileError(code: ImportFileErrorCode, detail?: string, detailEn?: string): ImportFileError {
  const base = FILE_ERROR_MESSAGES[code];
  return {
    code,
    message: detail ? `${base.zh}：${detail}` : base.zh,
    messageEn: detailEn ? `${base.en}: ${detailEn}` : base.en,
  };
}

const FILE_ERROR_MESSAGES: Record<ImportFileErrorCode, { zh: string; en: string }> = {
  FILE_CORRUPT: { zh: '文件已损坏或不完整，无法读取', en: 'The file is corrupt or truncated and cannot be read' },
  FILE_ENCRYPTED: {
    zh: '文件设置了打开密码，请在 Excel 中取消密码后另存再导入',
    en: 'The workbook is password-protected; remove the password in Excel, save, and import again',
  },
  FILE_TOO_LARGE: { zh: '文件超出导入上限', en: 'The file exceeds the import limits' },
  FILE_EMPTY: { zh: '文件中没有任何数据', en: 'The file contains no data' },
  NO_HEADER: {
    zh: '未找到表头：没有哪一行同时包含“姓名”和证件号码列',
    en: 'No header row found: no row has both a name column and a document-number column',
  },
  UNSUPPORTED_FORMAT: {
    zh: '不支持的文件格式，请使用 Excel（.xlsx/.xls）、WPS（.et）、ODS 或 CSV 文件',
    en: 'Unsupported file format; use Excel (.xlsx/.xls), WPS (.et), ODS or CSV',
  },
};
