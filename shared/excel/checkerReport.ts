/**
 * The file checker's human-readable Chinese report: a summary (file, format, sheet, header row,
 * column mapping, counts) and the issues grouped by row. Pure, so the command line and tests share it.
 */
import type { Result } from '../result';
import { maskIdNumber, maskPhone } from '../identity/mask';
import type { ImportCheckResult } from './checkImportFile';
import type { ImportFileError } from './importErrors';
import { importKindSpec } from './importKinds';
import type { ImportIssue } from './validateRows';

/** Options of the human-readable report. */
export interface CheckerReportOptions {
  /** Show ID numbers and phones in full (masked by default, as everywhere on screen). */
  unmask?: boolean;
  /** Rows with issues listed before the report says how many more there are. Default 200. */
  maxRows?: number;
}

const FORMAT_NAMES: Record<ImportCheckResult['format'], string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: 'Excel 97-2003 / WPS 工作簿（.xls/.et）',
  ods: 'OpenDocument 表格（.ods）',
  html: '网页表格（另存为 .xls 的 HTML）',
  csv: 'CSV 文本',
};

const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', gb18030: 'GBK/GB18030', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

function shownValue(issue: ImportIssue, result: ImportCheckResult, unmask: boolean): string {
  if (issue.value === '') return '（空）';
  if (unmask || issue.code === 'ID_NUMERIC') return issue.value;
  const field = importKindSpec(result.kind).fields.find((candidate) => candidate.key === issue.field);
  if (field?.sensitive === 'idNumber') return maskIdNumber(issue.value);
  if (field?.sensitive === 'phone') return maskPhone(issue.value);
  return issue.value;
}

/** The report for a file that could not be read. */
export function formatCheckerFailure(fileName: string, error: ImportFileError): string {
  return [`文件：${fileName}`, `无法检查：${error.message}`, `错误代码：${error.code}`, ''].join('\n');
}

/** The Chinese report for a checked file. */
export function formatCheckerReport(result: ImportCheckResult, opts: CheckerReportOptions = {}): string {
  const spec = importKindSpec(result.kind);
  const lines: string[] = [];
  lines.push(`文件：${result.file}`);
  lines.push(`类型：${spec.labelZh}（${result.kind}）`);
  lines.push(`格式：${FORMAT_NAMES[result.format]}${result.encoding ? `，编码 ${ENCODING_NAMES[result.encoding] ?? result.encoding}` : ''}`);
  if (result.template) lines.push(`模板：${result.template.kind} 第 ${result.template.version || '?'} 版`);
  lines.push(`工作表：${result.sheet}，表头在第 ${result.headerRow} 行`);
  const mapped = spec.fields
    .filter((field) => result.mapping[field.key] !== undefined)
    .map((field) => (result.mapping[field.key] === field.zh ? field.zh : `${field.zh} ← “${result.mapping[field.key]}”`));
  lines.push(`已识别的列：${mapped.join('、')}`);
  const missing = spec.fields.filter((field) => !field.derived && result.mapping[field.key] === undefined).map((field) => field.zh);
  if (missing.length > 0) lines.push(`未提供的列：${missing.join('、')}`);
  if (result.unmapped.length > 0) lines.push(`未识别的列（不会导入）：${result.unmapped.map((column) => `“${column.header}”`).join('、')}`);
  for (const column of result.ambiguous) {
    const names = column.candidates.map((key) => spec.fields.find((field) => field.key === key)?.zh ?? key);
    lines.push(`无法确定的列：“${column.header}”可能是 ${names.join(' 或 ')}，请改用标准列名`);
  }
  const warnings = result.issues.filter((issue) => issue.severity === 'warning').length;
  lines.push(`数据行：${result.rows} 行；通过 ${result.valid} 行，有错误 ${result.invalid} 行${warnings > 0 ? `；提示 ${warnings} 条` : ''}`);
  lines.push(result.invalid === 0 ? '结论：全部数据行通过检查。' : '结论：有数据行未通过检查，请按下列问题修改后重新检查。');

  if (result.issues.length > 0) {
    lines.push('', '问题明细（按行）：');
    const maxRows = opts.maxRows ?? 200;
    let shownRows = 0;
    let index = 0;
    const issues = result.issues;
    while (index < issues.length) {
      const row = (issues[index] as ImportIssue).row;
      let end = index;
      while (end < issues.length && (issues[end] as ImportIssue).row === row) end += 1;
      if (shownRows >= maxRows) {
        const remainingRows = new Set(issues.slice(index).map((issue) => issue.row)).size;
        lines.push(`……另有 ${remainingRows} 行有问题未列出（使用 --json 查看全部）`);
        break;
      }
      lines.push(`第 ${row} 行：`);
      for (const issue of issues.slice(index, end)) {
        const level = issue.severity === 'error' ? '错误' : '提示';
        const where = issue.column ? `［${issue.column}］` : '';
        lines.push(`  ${level} ${issue.code} ${where}${shownValue(issue, result, opts.unmask ?? false)} — ${issue.message}`);
      }
      shownRows += 1;
      index = end;
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** The human-readable report for either outcome. */
export function formatCheckerOutput(fileName: string, result: Result<ImportCheckResult, ImportFileError>, opts: CheckerReportOptions = {}): string {
  return result.ok ? formatCheckerReport(result.value, opts) : formatCheckerFailure(fileName, result.error);
}
