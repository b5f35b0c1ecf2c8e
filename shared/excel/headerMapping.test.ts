import { describe, expect, it } from 'vitest';
import { rosterFields } from '../roster/rosterFields';
import { headerSimilarity, mapColumns, matchHeader, normalizeHeaderText } from './headerMapping';
import { dataRowIndexes, findDataSheet, findHeaderRow, isFooterRow } from './sheetLayout';
import type { GridCell, SheetGrid, WorkbookGrid } from './grid';

function sheet(name: string, rows: Array<Array<string | null>>, hidden = false): SheetGrid {
  return {
    name,
    hidden,
    rows: rows.map((row) => row.map((text): GridCell | undefined => (text === null ? undefined : { t: 's', v: text }))),
  };
}

function mappedKeys(headers: string[]): Record<string, string> {
  const mapping = mapColumns(headers, rosterFields);
  return Object.fromEntries([...mapping.fields].map(([key, column]) => [key, column.header]));
}

describe('header matching', () => {
  it('normalises marks, brackets, spaces and width', () => {
    expect(normalizeHeaderText('*身份证号码（18位）')).toBe('身份证号码');
    expect(normalizeHeaderText(' 姓　名 ')).toBe('姓名');
    expect(normalizeHeaderText('ＩＤ Number')).toBe('idnumber');
  });

  it('scores containment by length and otherwise by bigrams', () => {
    // 开始日期 (4) inside 培训开始日期 (6): 2·4 / 10.
    expect(headerSimilarity('开始日期', '培训开始日期')).toBeCloseTo(0.8);
    // 开始日期 vs 培训结束日期: bigrams {开始, 始日, 日期} and {培训, 训结, 结束, 束日, 日期} share 日期: 2·1 / 8.
    expect(headerSimilarity('开始日期', '培训结束日期')).toBeCloseTo(0.25);
  });

  it('maps exact names, synonyms and a clear fuzzy winner', () => {
    expect(matchHeader('身份证号码', rosterFields)).toEqual({ kind: 'exact', key: 'idNumber' });
    expect(matchHeader('学员姓名', rosterFields)).toEqual({ kind: 'exact', key: 'name' });
    expect(matchHeader('公民身份证号码', rosterFields)).toEqual({ kind: 'fuzzy', key: 'idNumber' });
    expect(matchHeader('日期', rosterFields).kind).toBe('ambiguous');
    expect(matchHeader('身份证号码请设置为文本格式，否则会丢失末尾数字', rosterFields)).toEqual({ kind: 'none' });
  });

  it('maps the standard roster header and leaves unknown and hostile names unmapped', () => {
    const headers = ['序号', '姓名', '__proto__', '身份证号码', 'constructor', '考核结果', '自定义列', '培训开始日期', '培训结束日期'];
    const mapping = mapColumns(headers, rosterFields);
    expect(mapping.serialColumn).toBe(0);
    expect(mappedKeys(headers)).toEqual({
      name: '姓名',
      idNumber: '身份证号码',
      assessmentResult: '考核结果',
      trainingStartDate: '培训开始日期',
      trainingEndDate: '培训结束日期',
    });
    expect(mapping.unmapped.map((column) => column.header)).toEqual(['__proto__', 'constructor', '自定义列']);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'idNumber')).toBe(false);
  });

  it('gives a field to one column only, exact before fuzzy, and applies manual overrides', () => {
    expect(mappedKeys(['姓名', '公民身份证号码', '身份证号码'])).toEqual({ name: '姓名', idNumber: '身份证号码' });
    const mapping = mapColumns(['姓名', '号码', '自定义列'], rosterFields, [
      { column: 1, field: 'idNumber' },
      { column: 2, field: '__proto__' },
    ]);
    expect(mapping.fields.get('idNumber')).toEqual({ column: 1, header: '号码', how: 'manual' });
    expect(mapping.unmapped.map((column) => column.header)).toEqual(['自定义列']);
  });
});

describe('sheet layout', () => {
  const roster = sheet('花名册', [
    ['2023年培训花名册', null, null],
    ['填报单位：某某学校', null, '填报日期：2023-07-01'],
    [],
    ['序号', '姓名', '身份证号码'],
    ['1', '张三', '11010519491231002X'],
    ['2', null, null],
    [],
    ['3', '李四', 'abc'],
    ['合计', '2人', null],
    ['制表人：王', null, '审核人：李'],
    ['备注：以上信息属实', null, null],
  ]);

  it('finds the header below banner rows', () => {
    expect(findHeaderRow(roster, rosterFields, ['name', 'idNumber'])?.rowIndex).toBe(3);
  });

  it('skips instruction and hidden sheets to find the data sheet', () => {
    const grid: WorkbookGrid = {
      format: 'xlsx',
      sheets: [
        sheet('说明', [['身份证号码请设置为文本格式，否则会丢失末尾数字'], ['姓名请填写全名']]),
        sheet('旧', [['姓名', '身份证号码']], true),
        roster,
      ],
    };
    const found = findDataSheet(grid, rosterFields, ['name', 'idNumber']);
    expect(found?.sheetIndex).toBe(2);
    expect(found?.rowIndex).toBe(3);
  });

  it('reads a two-row header: group titles above their parts', () => {
    const twoRow = sheet('花名册', [
      ['序号', '姓名', '身份证号码', '培训时间', null, '考核成绩', null, '备注'],
      [null, null, null, '开始', '结束', '理论', '实操', null],
      ['1', '张三', '11010519491231002X', '2023-05-01', '2023-06-30', '80', '90', null],
    ]);
    const header = findHeaderRow(twoRow, rosterFields, ['name', 'idNumber']);
    expect(header?.rowIndex).toBe(0);
    expect(header?.dataStartIndex).toBe(2);
    expect(Object.fromEntries([...(header?.mapping.fields ?? [])].map(([key, column]) => [key, column.column]))).toEqual({
      name: 1,
      idNumber: 2,
      trainingStartDate: 3,
      trainingEndDate: 4,
      theoryScore: 5,
      practicalScore: 6,
      remarks: 7,
    });
    // A data row right below the header is never taken for a sub-header.
    const plain = sheet('S', [['姓名', '身份证号码', '开始日期'], ['张三', '11010519491231002X', '开始']]);
    expect(findHeaderRow(plain, rosterFields, ['name', 'idNumber'])?.dataStartIndex).toBe(1);
  });

  it('counts data rows: not blank, not only 序号, not footers', () => {
    expect(dataRowIndexes(roster, 4, 0)).toEqual([4, 7]);
    expect(isFooterRow([{ t: 's', v: ' 合 计' }])).toBe(true);
    expect(isFooterRow([undefined, { t: 's', v: '备注:无' }])).toBe(true);
    expect(isFooterRow([{ t: 's', v: '备注' }])).toBe(false);
  });
});
