import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { generateTalents } from '../demo';
import { unzipText } from '../excel/write/testing';
import { ReportColumns } from './columns';
import { definitionsText } from './definitions';
import { computeHeadcountReport } from './headcount';
import { computeTrainingFigures } from './training';
import { chinaDateTime, COVER_SHEET, REPORT_TITLE, writeReportWorkbook } from './workbook';

describe('report workbook', () => {
  const columns = ReportColumns.from(generateTalents(2_000, 3));
  const report = {
    headcount: computeHeadcountReport(columns, 2025, { talents: 300_000 }),
    training: computeTrainingFigures(
      [{ type: 'university', status: 'active', accreditedOn: '2021-01-01', validUntil: '2027-01-01' }],
      [{ decision: 'accepted', result: 'passed', assessedOn: '2025-05-01', hours: 64 }],
      2025,
    ),
  };

  it('has a cover with the office fields and one sheet per table whose 合计 is the sum of its rows', async () => {
    const bytes = await writeReportWorkbook(report, { unit: '上海市人力资源和社会保障局', operator: '王小明', generatedAt: '2026-01-05T02:30:00.000Z', checksum: 'ab'.repeat(32) });
    const workbook = XLSX.read(bytes, { type: 'array' });
    expect(workbook.SheetNames).toEqual([
      COVER_SHEET,
      '总体情况',
      '按区',
      '按集聚区',
      '按人才类别',
      '按最高学历',
      '按年龄段',
      '按职称等级',
      '按技能等级',
      '按产业链环节',
      '按性别',
      '按海外经历',
      '区×人才类别',
      '增减情况',
      '职称取得',
      '基地类型',
      '基地状态',
      '培训考核',
    ]);
    const cover = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets[COVER_SHEET]!, { header: 1 });
    const fields = Object.fromEntries(cover.slice(1).map((row) => [row[0], row[1]]));
    expect(fields['报表名称']).toBe(REPORT_TITLE);
    expect(fields['统计年度']).toBe('2025年');
    expect(fields['填报单位']).toBe('上海市人力资源和社会保障局');
    expect(fields['统计口径']).toBe(definitionsText('zh'));
    expect(fields['生成时间']).toBe('2026-01-05 10:30');
    expect(fields['制表人']).toBe('王小明');

    for (const name of workbook.SheetNames.slice(2)) {
      const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name]!, { header: 1 });
      const totalIndex = rows.findIndex((row) => row[0] === '合计');
      expect(totalIndex, name).toBeGreaterThan(2);
      const body = rows.slice(2, totalIndex);
      const total = rows[totalIndex]!;
      // Every number column of the 合计 row equals the sum of its body (shares sum to 100%).
      for (let column = 1; column < total.length; column += 1) {
        const sum = body.reduce((acc, row) => acc + Number(row[column] ?? 0), 0);
        expect(sum, `${name} column ${column}`).toBeCloseTo(Number(total[column]), 9);
      }
    }
    const byDistrict = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['按区']!, { header: 1 });
    expect(byDistrict.find((row) => row[0] === '合计')?.[1]).toBe(report.headcount.total);
    expect(workbook.Sheets['按区']!['!merges']).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }]);
    expect(unzipText(bytes, 'xl/worksheets/sheet3.xml')).toContain('orientation="landscape"');
    expect(unzipText(bytes, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'按区'!$1:$2</definedName>`);
  });

  it('adds the five-year bands on request', async () => {
    const bytes = await writeReportWorkbook(report, { unit: '', operator: '', generatedAt: '2026-01-05T02:30:00.000Z', fiveYearBands: true });
    expect(XLSX.read(bytes, { type: 'array' }).SheetNames).toContain('按年龄段（五岁）');
  });

  it('formats China time', () => {
    expect(chinaDateTime('2025-12-31T16:05:00.000Z')).toBe('2026-01-01 00:05');
  });
});
