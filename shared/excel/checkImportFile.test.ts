import { describe, expect, it } from 'vitest';
import { checkerExitCode, checkerJson, checkImportFile, checkWorkbookGrid, type ImportCheckResult } from './checkImportFile';
import { readWorkbook } from './readWorkbook';
import type { ImportKind } from './importKinds';
import { findDuplicatesInFile, recomputeDuplicatesInFile, revalidateRow, type RowOutcome } from './validateRows';
import { importKindSpec } from './importKinds';
import type { GridCell } from './grid';
import {
  citizenId,
  csvText,
  encodeGbk,
  htmlTable,
  realisticRosterSheets,
  rosterRow,
  ROSTER_HEADER,
  traineeId,
  utf8Bytes,
  writeWorkbook,
  type FixtureCell,
} from './testing/fixtures';

const TODAY = '2026-11-26';
/** Female, born 1949-12-31 (sequence 002 is even). */
const ID_F = '11010519491231002X';

async function check(bytes: Uint8Array, kind: ImportKind = 'roster', opts = {}): Promise<ImportCheckResult> {
  const result = await checkImportFile(bytes, 'roster.xlsx', kind, { today: TODAY, ...opts });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function codesByRow(result: ImportCheckResult): Record<number, string[]> {
  const byRow: Record<number, string[]> = {};
  for (const issue of result.issues) (byRow[issue.row] ??= []).push(issue.code);
  return byRow;
}

/** A roster row with only the given columns filled (by header text). */
function row(values: Partial<Record<string, FixtureCell>>): FixtureCell[] {
  return ROSTER_HEADER.map((header) => values[header] ?? null);
}

describe('checkImportFile: a realistic roster', () => {
  const data = [rosterRow(1), rosterRow(2), rosterRow(3), rosterRow(4)];

  it.each(['xlsx', 'biff8', 'ods'] as const)('finds sheet, header and data rows in %s', async (bookType) => {
    const result = await check(writeWorkbook(realisticRosterSheets(data), bookType));
    expect(result.sheet).toBe('花名册');
    expect(result.headerRow).toBe(4);
    expect(result.rows).toBe(4);
    expect(result.valid).toBe(4);
    expect(result.invalid).toBe(0);
    expect(result.issues).toEqual([]);
    expect(result.mapping).toMatchObject({ name: '姓名', idNumber: '身份证号码', trainingStartDate: '培训开始日期', assessmentResult: '考核结果' });
    expect(Object.keys(result.mapping)).toHaveLength(ROSTER_HEADER.length - 1);
  });

  it('reads HTML saved as .xls and CSV in three encodings the same way', async () => {
    const rows = [['培训花名册'], ROSTER_HEADER, ...data];
    const results = await Promise.all([
      check(utf8Bytes(htmlTable(rows))),
      check(utf8Bytes(csvText(rows), true)),
      check(utf8Bytes(csvText(rows))),
      check(encodeGbk(csvText(rows))),
    ]);
    expect(results.map((result) => [result.format, result.encoding, result.headerRow, result.rows, result.valid])).toEqual([
      ['html', undefined, 2, 4, 4],
      ['csv', 'utf-8', 2, 4, 4],
      ['csv', 'utf-8', 2, 4, 4],
      ['csv', 'gb18030', 2, 4, 4],
    ]);
  });

  it('keeps normalised records when asked', async () => {
    const result = await check(writeWorkbook(realisticRosterSheets(data)), 'roster', { keepRecords: true });
    expect(result.records?.map((record) => record.row)).toEqual([5, 6, 8, 9]);
    expect(result.records?.[0]?.record).toMatchObject({ name: '学员1', idType: 'resident', gender: 'F', education: 'bachelor', assessmentResult: 'passed', hours: 64 });
  });
});

describe('checkImportFile: issue codes', () => {
  const rows: FixtureCell[][] = [
    ['序号', '姓名', '证件类型', '身份证号码', '性别', '出生日期', '手机号码', '学历', '培训开始日期', '培训结束日期', '学时', '考核结果', '理论成绩'],
    /* 2 */ [1, '', null, ID_F],
    /* 3 */ [2, '格式', null, '12345'],
    /* 4 */ [3, '校验', null, '110105194912310021'],
    /* 5 */ [4, '日期', null, citizenId('11010519491331002')],
    /* 6 */ [5, '数字', null, Number('310101199001011236')],
    /* 7 */ [6, '生日', null, ID_F, '女', '1990-01-02'],
    /* 8 */ [7, '性别', null, ID_F, '男'],
    /* 9 */ [8, '手机', null, traineeId(8), null, null, '12345'],
    /* 10 */ [9, '坏日期', null, traineeId(9), null, null, null, null, '2023-02-30'],
    /* 11 */ [10, '倒序', null, traineeId(10), null, null, null, null, '2023-06-30', '2023-05-01'],
    /* 12 */ [11, '学时', null, traineeId(11), null, null, null, null, null, null, '-5', null, '120'],
    /* 13 */ [12, '代码', '驾驶证', traineeId(12), null, null, null, '学前', null, null, null, '优秀'],
    /* 14 */ [13, '重复', null, ID_F],
    /* 15 */ [14, '旧号', null, '110105491231002'],
    /* 16 */ [15, '数字2', null, Number('310101199001011236')],
  ];

  it('reports every row-level code with row, column and displayed value', async () => {
    const result = await check(writeWorkbook([{ name: '花名册', rows }]));
    expect(codesByRow(result)).toEqual({
      2: ['REQUIRED'],
      3: ['ID_FORMAT'],
      4: ['ID_CHECKSUM'],
      5: ['ID_DATE'],
      6: ['ID_NUMERIC'],
      7: ['DUPLICATE_IN_FILE', 'BIRTHDATE_MISMATCH'],
      8: ['DUPLICATE_IN_FILE', 'GENDER_MISMATCH'],
      9: ['PHONE_FORMAT'],
      10: ['DATE_FORMAT'],
      11: ['DATE_RANGE'],
      12: ['NUMBER_FORMAT', 'NUMBER_FORMAT'],
      13: ['CODE_UNKNOWN', 'CODE_UNKNOWN', 'CODE_UNKNOWN'],
      14: ['DUPLICATE_IN_FILE'],
      15: ['ID_UPGRADED', 'DUPLICATE_IN_FILE'],
      16: ['ID_NUMERIC'],
    });
    expect(result.rows).toBe(15);
    expect(result.valid).toBe(0);
    expect(result.invalid).toBe(15);
    const numeric = result.issues.find((issue) => issue.code === 'ID_NUMERIC');
    expect(numeric).toMatchObject({ row: 6, field: 'idNumber', column: '身份证号码', severity: 'error', value: '3.10101E+17' });
    const duplicate = result.issues.find((issue) => issue.row === 15 && issue.code === 'DUPLICATE_IN_FILE');
    expect(duplicate?.message).toContain('第 2 行');
    expect(result.issues.find((issue) => issue.code === 'ID_UPGRADED')).toMatchObject({ severity: 'warning', value: '110105491231002' });
    expect(result.issues.find((issue) => issue.code === 'DATE_RANGE')).toMatchObject({ field: 'trainingEndDate', column: '培训结束日期', value: '2023-05-01' });
  });

  it('accepts every documented date form and real date cells', async () => {
    const dateRows: FixtureCell[][] = [
      ['姓名', '身份证号码', '培训开始日期', '培训结束日期'],
      ['甲', traineeId(1), { t: 'n', v: 45047, z: 'yyyy-mm-dd' }, '2023/5/1'],
      ['乙', traineeId(2), '2023.5.1', '2023年5月1日'],
      ['丙', traineeId(3), 20230501, '20230501'],
      ['丁', traineeId(4), 45047, '2023.5'],
    ];
    const result = await check(writeWorkbook([{ name: 'S', rows: dateRows }]), 'roster', { keepRecords: true });
    expect(result.records?.slice(0, 3).map((record) => record.record)).toEqual([
      expect.objectContaining({ trainingStartDate: '2023-05-01', trainingEndDate: '2023-05-01' }),
      expect.objectContaining({ trainingStartDate: '2023-05-01', trainingEndDate: '2023-05-01' }),
      expect.objectContaining({ trainingStartDate: '2023-05-01', trainingEndDate: '2023-05-01' }),
    ]);
    // A plain number without a date format is not a date; a month is not a full date.
    expect(codesByRow(result)).toEqual({ 5: ['DATE_FORMAT', 'DATE_FORMAT'] });
  });

  it.each(['xlsx', 'biff8'] as const)('reads date cells of a 1904-system workbook (%s)', async (bookType) => {
    // 43585 in the 1904 system is 2023-05-01 (45047 in the 1900 system).
    const rows: FixtureCell[][] = [['姓名', '身份证号码', '培训开始日期'], ['甲', traineeId(1), { t: 'n', v: 43585, z: 'yyyy-mm-dd' }]];
    const result = await check(writeWorkbook([{ name: 'S', rows }], bookType, true), 'roster', { keepRecords: true });
    expect(result.records?.[0]?.record).toMatchObject({ trainingStartDate: '2023-05-01' });
  });

  it('checks talents with the talent field table (EMAIL_FORMAT, CREDIT_CODE)', async () => {
    const talentRows: FixtureCell[][] = [
      ['姓名', '证件号码', '邮箱', '统一社会信用代码', '毕业时间'],
      ['甲', traineeId(1), 'a@b', '91350203M0001QAY9B', '2015.7'],
      ['乙', traineeId(2), 'ok@example.com', '', '2015年7月'],
    ];
    const result = await check(writeWorkbook([{ name: '人才', rows: talentRows }]), 'talents', { keepRecords: true });
    expect(codesByRow(result)).toEqual({ 2: ['EMAIL_FORMAT', 'CREDIT_CODE'] });
    expect(result.valid).toBe(1);
    expect(result.records?.[1]?.record).toMatchObject({ graduationDate: '2015-07', email: 'ok@example.com' });
  });

  it('finds duplicates by document type and upgraded number', () => {
    expect(
      findDuplicatesInFile([
        { row: 2, idType: 'resident', idNumber: ID_F },
        { row: 3, idType: 'passport', idNumber: 'E12345678' },
        { row: 4, idType: 'resident', idNumber: '110105491231002' },
        { row: 5, idType: 'passport', idNumber: 'E12345678' },
      ]),
    ).toEqual([
      { row: 4, firstRow: 2 },
      { row: 5, firstRow: 3 },
    ]);
  });
});

describe('checkImportFile: file-level refusals and output', () => {
  it('refuses a workbook without a recognisable header', async () => {
    const result = await checkImportFile(writeWorkbook([{ name: 'S', rows: [['名称', '编号'], ['a', 'b']] }]), 'x.xlsx', 'roster');
    expect(result.ok ? 'ok' : result.error.code).toBe('NO_HEADER');
    expect(checkerExitCode(result)).toBe(2);
    expect(checkerJson('x.xlsx', result)).toEqual({ file: 'x.xlsx', error: { code: 'NO_HEADER', message: expect.any(String) } });
  });

  it('refuses more data rows than the limit, counting only data rows', async () => {
    const rows = [ROSTER_HEADER, ...Array.from({ length: 12 }, (_, n) => rosterRow(n)), [], ['合计', '12']];
    const bytes = writeWorkbook([{ name: 'S', rows }]);
    const refused = await checkImportFile(bytes, 'x.xlsx', 'roster', { maxDataRows: 11 });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FILE_TOO_LARGE');
    expect((await check(bytes, 'roster', { maxDataRows: 12 })).rows).toBe(12);
  });

  it('a header with no data below is an empty file', async () => {
    const result = await checkImportFile(writeWorkbook([{ name: 'S', rows: [ROSTER_HEADER] }]), 'x.xlsx', 'roster');
    expect(result.ok ? 'ok' : result.error.code).toBe('FILE_EMPTY');
  });

  it('produces the documented JSON shape and exit codes', async () => {
    const bytes = utf8Bytes(csvText([ROSTER_HEADER, rosterRow(1), row({ 序号: 2, 姓名: '坏', 身份证号码: '110105194912310021' })]));
    const result = await checkImportFile(bytes, 'a.csv', 'roster', { today: TODAY });
    expect(checkerExitCode(result)).toBe(1);
    const json = checkerJson('a.csv', result);
    expect(Object.keys(json)).toEqual(['file', 'kind', 'format', 'encoding', 'sheet', 'headerRow', 'mapping', 'rows', 'valid', 'invalid', 'issues']);
    expect(json).toMatchObject({ file: 'a.csv', kind: 'roster', format: 'csv', encoding: 'utf-8', headerRow: 1, rows: 2, valid: 1, invalid: 1 });
    expect('issues' in json && json.issues[0]).toEqual({
      row: 3,
      field: 'idNumber',
      column: '身份证号码',
      code: 'ID_CHECKSUM',
      severity: 'error',
      value: '110105194912310021',
      message: expect.stringContaining('校验位'),
    });
    const clean = await checkImportFile(utf8Bytes(csvText([ROSTER_HEADER, rosterRow(1)])), 'b.csv', 'roster', { today: TODAY });
    expect(checkerExitCode(clean)).toBe(0);
  });
});

describe('checkWorkbookGrid: the user maps what could not be recognised', () => {
  it('re-runs on the parsed grid with a chosen sheet, header row and column mapping', async () => {
    const bytes = writeWorkbook([{ name: '名单', rows: [['标题'], ['学员', '号码'], ['张三', ID_F], ['李四', traineeId(7)]] }]);
    const grid = await readWorkbook(bytes, 'x.xlsx');
    if (!grid.ok) throw new Error(grid.error.code);
    const automatic = checkWorkbookGrid(grid.value, 'x.xlsx', 'roster');
    expect(automatic.ok ? 'ok' : automatic.error.code).toBe('NO_HEADER');
    const progress: Array<[number, number]> = [];
    const manual = checkWorkbookGrid(grid.value, 'x.xlsx', 'roster', {
      sheet: '名单',
      headerRow: 2,
      overrides: [{ column: 1, field: 'idNumber' }],
      today: TODAY,
      onProgress: (done, total) => progress.push([done, total]),
    });
    if (!manual.ok) throw new Error(manual.error.code);
    expect(manual.value).toMatchObject({ headerRow: 2, rows: 2, valid: 2, mapping: { name: '学员', idNumber: '号码' } });
    expect(progress).toEqual([[2, 2]]);
    // Overrides also apply when the header is searched for.
    const searched = checkWorkbookGrid(grid.value, 'x.xlsx', 'roster', { overrides: [{ column: 1, field: 'idNumber' }], today: TODAY });
    expect(searched.ok && searched.value.headerRow).toBe(2);
  });
});

describe('revalidateRow and recomputeDuplicatesInFile: the user fixes rows in the preview', () => {
  it('re-checks an edited row and re-derives duplicates across rows', async () => {
    const rows: FixtureCell[][] = [['姓名', '身份证号码'], ['甲', ID_F], ['乙', ID_F], ['丙', '123']];
    const grid = await readWorkbook(utf8Bytes(csvText(rows)), 'x.csv');
    if (!grid.ok) throw new Error(grid.error.code);
    const checked = checkWorkbookGrid(grid.value, 'x.csv', 'roster', { today: TODAY, keepRecords: true });
    if (!checked.ok) throw new Error(checked.error.code);
    expect(checked.value).toMatchObject({ sheetIndex: 0, headerRow: 1, dataStartRow: 2, valid: 1, invalid: 2 });
    const sheet = grid.value.sheets[0];
    if (!sheet) throw new Error('no sheet');
    const spec = importKindSpec('roster');
    const mapping = checked.value.columnMapping;
    let outcomes: RowOutcome[] = (checked.value.records ?? []).map((record) => {
      const issues = checked.value.issues.filter((issue) => issue.row === record.row);
      return { ...record, issues };
    });
    expect(outcomes.map((outcome) => outcome.issues.map((issue) => issue.code))).toEqual([[], ['DUPLICATE_IN_FILE'], ['ID_FORMAT']]);

    // The clerk corrects row 4 to the same number as row 2 and row 3 to a new number.
    const editable = sheet.rows as GridCell[][];
    (editable[3] as GridCell[])[1] = { t: 's', v: ID_F };
    (editable[2] as GridCell[])[1] = { t: 's', v: traineeId(42) };
    outcomes = outcomes.map((outcome) => (outcome.row === 3 || outcome.row === 4 ? revalidateRow(sheet, outcome.row - 1, mapping, spec, { today: TODAY }) : outcome));
    outcomes = recomputeDuplicatesInFile(outcomes, sheet, mapping, spec);
    expect(outcomes.map((outcome) => [outcome.row, outcome.valid, outcome.issues.map((issue) => issue.code)])).toEqual([
      [2, true, []],
      [3, true, []],
      [4, false, ['DUPLICATE_IN_FILE']],
    ]);
    expect(outcomes[2]?.issues[0]).toMatchObject({ column: '身份证号码', value: ID_F, message: expect.stringContaining('第 2 行') });
  });
});
