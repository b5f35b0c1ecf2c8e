import { describe, expect, it } from 'vitest';
import { checkImportFile, type ImportCheckResult } from './checkImportFile';
import { formatCheckerOutput, formatCheckerReport } from './checkerReport';
import { TEMPLATE_META_SHEET, templateMetaRows } from './grid';
import { csvText, rosterRow, ROSTER_HEADER, traineeId, utf8Bytes, writeWorkbook, type FixtureCell } from './testing/fixtures';

async function check(bytes: Uint8Array): Promise<ImportCheckResult> {
  const result = await checkImportFile(bytes, 'r.xlsx', 'roster', { today: '2026-11-26' });
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('checker report', () => {
  it('summarises, masks ID numbers and phones, and groups issues by row', async () => {
    const rows: FixtureCell[][] = [
      ['姓名', '身份证号码', '手机号码', '__proto__', '日期'],
      ['甲', '110105194912310021', '1381234567', 'x', ''],
      ['乙', traineeId(2), '13812345678', 'y', ''],
    ];
    const result = await check(writeWorkbook([{ name: '花名册', rows }]));
    expect(result.mapping).toEqual({ name: '姓名', idNumber: '身份证号码', phone: '手机号码' });
    expect(result.unmapped).toEqual([{ column: 3, header: '__proto__' }]);
    expect(result.ambiguous).toEqual([expect.objectContaining({ column: 4, header: '日期' })]);
    const report = formatCheckerReport(result);
    expect(report).toContain('工作表：花名册，表头在第 1 行');
    expect(report).toContain('已识别的列：姓名、证件号码 ← “身份证号码”、手机号码');
    expect(report).toContain('未识别的列（不会导入）：“__proto__”');
    expect(report).toContain('无法确定的列：“日期”可能是');
    expect(report).toContain('数据行：2 行；通过 1 行，有错误 1 行');
    expect(report).toContain('第 2 行：\n  错误 ID_CHECKSUM ［身份证号码］110105********0021 — 证件号码：校验位不正确');
    expect(report).toContain('校验位不正确，请按证件核对号码\n  错误 PHONE_FORMAT ［手机号码］138***4567');
    expect(formatCheckerReport(result, { unmask: true })).toContain('［身份证号码］110105194912310021');
  });

  it('lists at most maxRows rows and says how many more there are', async () => {
    const rows = [ROSTER_HEADER, ...Array.from({ length: 5 }, (_, n) => rosterRow(n).map((cell, column) => (column === 4 ? '123' : cell)))];
    const result = await check(utf8Bytes(csvText(rows)));
    const report = formatCheckerReport(result, { maxRows: 2 });
    expect(report.match(/^第 \d+ 行：$/gm)).toEqual(['第 2 行：', '第 3 行：']);
    expect(report).toContain('……另有 3 行有问题未列出');
  });

  it('names the template and reports refusals', async () => {
    const bytes = writeWorkbook([
      { name: '花名册', rows: [ROSTER_HEADER, rosterRow(1)] },
      { name: TEMPLATE_META_SHEET, rows: templateMetaRows({ kind: 'roster', version: '2' }), hidden: true },
    ]);
    const result = await check(bytes);
    expect(result.template).toEqual({ kind: 'roster', version: '2' });
    expect(formatCheckerReport(result)).toContain('模板：roster 第 2 版');
    const refused = await checkImportFile(new Uint8Array(0), 'empty.xlsx', 'roster');
    expect(formatCheckerOutput('empty.xlsx', refused)).toContain('错误代码：FILE_EMPTY');
  });
});
