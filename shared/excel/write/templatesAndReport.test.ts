import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { applicationFields } from '../../certification/applicationFields';
import { checkImportFile } from '../checkImportFile';
import { readWorkbook } from '../readWorkbook';
import { errorReportFileName, writeErrorReport, type ErrorReportInput } from './errorReport';
import { TEMPLATE_KINDS, TEMPLATE_VERSION, templateFields, templateFileName, writeTemplate } from './templates';
import { readBack, unzipText } from './testing';

describe('templates', () => {
  it('names the files as the forms are named', () => {
    expect(TEMPLATE_KINDS.map(templateFileName)).toEqual(['人才信息采集表.xlsx', '培训花名册.xlsx', '职称申报汇总表.xlsx']);
  });

  it.each(TEMPLATE_KINDS)('%s: recognised by the importer from its hidden _tl_meta sheet', async (kind) => {
    const bytes = await writeTemplate(kind);
    const grid = await readWorkbook(bytes, templateFileName(kind));
    expect(grid.ok).toBe(true);
    if (!grid.ok) return;
    expect(grid.value.template).toEqual({ kind, version: TEMPLATE_VERSION });
    const meta = grid.value.sheets.find((sheet) => sheet.name === '_tl_meta');
    expect(meta?.hidden).toBe(true);
    expect(grid.value.sheets[0]?.hidden).toBe(false);
    expect(grid.value.sheets.map((sheet) => sheet.name)).toContain('填表说明');
  });

  it.each(TEMPLATE_KINDS)('%s: bold frozen header, text ID column, a dropdown per coded field, an example row', async (kind) => {
    const bytes = await writeTemplate(kind);
    const fields = templateFields(kind);
    const xml = unzipText(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const idColumn = fields.findIndex((field) => field.type === 'idNumber') + 1;
    expect(xml).toMatch(new RegExp(`<col min="${idColumn}" max="${idColumn}" width="[\\d.]+" customWidth="1" style="2"/>`));
    const coded = fields.filter((field) => field.type === 'code' || field.type === 'boolean').length;
    expect(xml).toContain(`<dataValidations count="${coded}">`);
    expect(xml.match(/<dataValidation /g)?.length).toBe(coded);
    const { workbook } = readBack(bytes);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[workbook.SheetNames[0] as string] as XLSX.WorkSheet, { header: 1, raw: false });
    expect(rows[0]).toEqual(fields.map((field) => field.zh));
    expect(rows).toHaveLength(2);
    expect(unzipText(bytes, 'xl/comments1.xml')).toContain('示例行');
  });

  it('puts the 16 districts in the hidden _lists sheet and refers to them by range', async () => {
    const bytes = await writeTemplate('talents');
    const xml = unzipText(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<formula1>'_lists'!\$A\$1:\$A\$16<\/formula1>/);
    expect(xml).toContain('<formula1>&quot;男,女&quot;</formula1>');
    const { workbook } = readBack(bytes);
    const lists = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['_lists'] as XLSX.WorkSheet, { header: 1 });
    expect(lists.map((row) => row[0])).toContain('浦东新区');
    expect(lists).toHaveLength(16);
    expect(workbook.Workbook?.Sheets?.find((sheet) => sheet.name === '_lists')?.Hidden).toBe(1);
  });

  it.each(['talents', 'roster'] as const)('%s: the example row passes the import checks', async (kind) => {
    const bytes = await writeTemplate(kind);
    const result = await checkImportFile(bytes, templateFileName(kind), kind, { today: '2025-06-01' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rows).toBe(1);
    expect(result.value.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.value.unmapped).toEqual([]);
  });

  it('writes the 职称申报汇总表 columns of DOMAIN.md §9 in order', async () => {
    expect(applicationFields.map((field) => field.zh)).toEqual([
      '序号', '姓名', '性别', '出生年月', '身份证号', '工作单位', '统一社会信用代码', '现从事专业', '学历/学位', '毕业院校及专业',
      '毕业时间', '现职称及取得时间', '申报系列/专业/级别', '申报途径', '年度考核', '继续教育学时', '社保/居住证', '业绩摘要', '单位公示起止', '审核意见',
    ]);
    const { workbook } = readBack(await writeTemplate('applications'));
    expect(workbook.SheetNames[0]).toBe('职称申报汇总表');
  });
});

describe('error report', () => {
  const input: ErrorReportInput = {
    fileName: '浦东基地-3月花名册.xlsx',
    sheetName: '花名册',
    headerRow: 3,
    headers: ['姓名', '身份证号码', '学时'],
    rows: [
      {
        sheetRow: 5,
        cells: ['张三', '310115199003071230', -4],
        issues: [
          { column: 1, code: 'ID_CHECKSUM', message: '身份证号码校验码错误' },
          { column: 2, code: 'NUMBER_RANGE', message: '学时不能小于 0' },
          { column: null, code: 'DUPLICATE_IN_FILE', message: '与第 9 行证件号码重复' },
        ],
      },
      { sheetRow: 7, cells: ['=李四', null], issues: [{ column: 1, code: 'REQUIRED', message: '缺少证件号码' }] },
    ],
  };

  it('names the file after the base and batch, else after the original file', () => {
    expect(errorReportFileName({ ...input, baseName: '浦东基地', batch: '2025年第1批' })).toBe('浦东基地_2025年第1批_错误报告.xlsx');
    expect(errorReportFileName({ fileName: '浦东基地-3月花名册.xlsx' })).toBe('浦东基地-3月花名册_错误报告.xlsx');
    expect(errorReportFileName({ fileName: 'x.xlsx', baseName: 'a/b:c' })).toBe('a_b_c_错误报告.xlsx');
  });

  it('writes the original rows plus 错误说明, red bad cells with their messages as comments', async () => {
    const bytes = await writeErrorReport(input);
    const { workbook } = readBack(bytes);
    expect(workbook.SheetNames).toEqual(['花名册']);
    const sheet = workbook.Sheets['花名册'] as XLSX.WorkSheet;
    expect(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null })).toEqual([
      ['姓名', '身份证号码', '学时', '错误说明', '原表行号'],
      ['张三', '310115199003071230', -4, '身份证号码校验码错误；学时不能小于 0；与第 9 行证件号码重复', 5],
      ['=李四', null, null, '缺少证件号码', 7],
    ]);
    const xml = unzipText(bytes, 'xl/worksheets/sheet1.xml');
    // Text cell red with text format (5), number cell red (4), an empty bad cell still red.
    expect(xml).toContain('<c s="5" t="inlineStr"><is><t>310115199003071230</t></is></c><c s="4"><v>-4</v></c>');
    expect(xml).toContain('<row r="3"><c t="inlineStr"><is><t>=李四</t></is></c><c s="5"/>');
    expect(xml).toContain('state="frozen"');
    const comments = unzipText(bytes, 'xl/comments1.xml');
    expect(comments).toContain('<comment ref="B2" authorId="0">');
    expect(comments).toContain('身份证号码校验码错误');
    expect(comments).toContain('<comment ref="C2" authorId="0">');
    expect(comments).toContain('<comment ref="B3" authorId="0">');
    expect(comments).not.toContain('重复');
    expect((sheet['B2'] as XLSX.CellObject & { c?: { t: string }[] }).c?.[0]?.t).toBe('身份证号码校验码错误');
    // The original cell stays as the base sent it: a string, never a formula.
    expect(xml).not.toContain('<f>');
  });
});
