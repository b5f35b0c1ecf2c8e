import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { talentFieldByKey, type TalentFieldKey } from '../../talent/talentFields';
import type { Talent } from '../../talent/talent';
import { DEFAULT_ID_MASK, DEFAULT_PHONE_MASK, maskValue, type MaskPattern } from '../../identity/mask';
import { readWorkbook } from '../readWorkbook';
import { cellConverter, maskForExport, neutralizeFormula, ymdSerial } from './cellValues';
import { csvField, writeCsv } from './csvWriter';
import { exportFileName, rawWriterBaseline, writeTalentExport } from './listExport';
import { readBack, unzipText } from './testing';

const masks = { idNumber: DEFAULT_ID_MASK, phone: DEFAULT_PHONE_MASK };

function talent(overrides: Partial<Talent> = {}): Talent {
  return {
    id: 't1',
    name: '张伟',
    gender: 'M',
    idType: 'resident',
    idNumber: '310115199003071239',
    birthDate: '1990-03-07',
    nationality: '中国',
    phone: '13800138000',
    email: 'zw@example.com',
    education: 'master',
    degree: '工学硕士',
    school: '上海交通大学',
    major: '计算机',
    graduationDate: '2015-07',
    employer: '上海示例智能科技有限公司',
    employerCreditCode: '91310115MA1K4XYR0P',
    district: '310115',
    cluster: 'zhangjiang',
    industrySegment: 'software',
    category: 'algorithmEngineer',
    position: '算法工程师',
    overseas: true,
    joinedDate: '2024-03-01',
    leftDate: '',
    leftReason: '',
    status: 'active',
    tags: ['大模型', 'CV'],
    remarks: '=HYPERLINK("http://evil","x")',
    titleLevel: 'intermediate',
    skillLevel: 3,
    createdAt: '2024-03-01T00:00:00.000Z',
    updatedAt: '2024-03-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('neutralizeFormula', () => {
  it('prefixes an apostrophe to text starting with = + - @ tab or CR, and only those', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('+8613800138000')).toBe("'+8613800138000");
    expect(neutralizeFormula('-2')).toBe("'-2");
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('\t=cmd')).toBe("'\t=cmd");
    expect(neutralizeFormula('\r=cmd')).toBe("'\r=cmd");
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(neutralizeFormula(' =x')).toBe(' =x');
    expect(neutralizeFormula('')).toBe('');
    expect(neutralizeFormula("'already")).toBe("'already");
  });

  it('leaves numbers as numbers (a negative score is not text)', () => {
    const hours = cellConverter({ key: 'hours', zh: '学时', en: 'Hours', type: 'number' }, { format: 'xlsx' });
    expect(hours(-3)).toBe(-3);
    expect(hours('-3')).toBe("'-3");
  });
});

describe('cell values', () => {
  it('converts days to 1900-system serials: 2024-03-01 is 45352, 1900-03-01 is 61; earlier days stay text', () => {
    expect(ymdSerial('2024-03-01')).toBe(45352);
    expect(ymdSerial('1990-03-07')).toBe(32939);
    expect(ymdSerial('1900-03-01')).toBe(61);
    expect(ymdSerial('1900-02-28')).toBeUndefined();
    expect(ymdSerial('1880-01-01')).toBeUndefined();
    expect(ymdSerial('2024-03')).toBeUndefined();
    const birth = cellConverter(talentFieldByKey.get('birthDate')!, { format: 'xlsx' });
    expect(birth('1880-01-01')).toBe('1880-01-01');
    expect(cellConverter(talentFieldByKey.get('birthDate')!, { format: 'csv' })('1990-03-07')).toBe('1990-03-07');
  });

  it('labels codes, booleans, derived levels and tags in Chinese', () => {
    const convert = (key: TalentFieldKey, value: unknown) => cellConverter(talentFieldByKey.get(key)!, { format: 'xlsx' })(value);
    expect(convert('district', '310115')).toBe('浦东新区');
    expect(convert('education', 'master')).toBe('硕士');
    expect(convert('overseas', true)).toBe('是');
    expect(convert('overseas', false)).toBe('否');
    expect(convert('skillLevel', 3)).toBe('三级/高级工');
    expect(convert('titleLevel', 'intermediate')).toBe('中级');
    expect(convert('tags', ['大模型', 'CV'])).toBe('大模型、CV');
    expect(convert('district', '')).toBe('');
    expect(convert('district', 'unknown')).toBe('unknown');
  });

  it('masks exactly as maskValue does, on the fast path and with surrogate pairs', () => {
    const patterns: MaskPattern[] = [DEFAULT_ID_MASK, DEFAULT_PHONE_MASK, { keepStart: 0, keepEnd: 0 }, { keepStart: 18, keepEnd: 18, maskChar: '#' }, { keepStart: 2.7, keepEnd: -1 }];
    const values = ['', 'A', 'AB', 'E12345678', '310115199003071239', '13800138000', '𠀋𠀌𠀍𠀎𠀏𠀐12', 'H1234567890'];
    for (const pattern of patterns) for (const value of values) expect(maskForExport(value, pattern)).toBe(maskValue(value, pattern));
    expect(maskForExport('310115199003071239', DEFAULT_ID_MASK)).toBe('310115********1239');
    expect(maskForExport('13800138000', DEFAULT_PHONE_MASK)).toBe('138****8000');
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes, CR or LF (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('l1\nl2')).toBe('"l1\nl2"');
    expect(csvField('l1\rl2')).toBe('"l1\rl2"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
  });

  it('starts with a UTF-8 BOM and ends every record with CRLF', async () => {
    const bytes = await writeCsv([
      ['姓名', '备注'],
      ['张三', 'a,b'],
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe('姓名,备注\r\n张三,"a,b"\r\n');
  });
});

describe('talent list export', () => {
  const columns: TalentFieldKey[] = ['name', 'idNumber', 'phone', 'birthDate', 'graduationDate', 'district', 'overseas', 'skillLevel', 'remarks'];

  it('writes .xlsx with Chinese headers, masked IDs and phones by default, real dates and neutralised text', async () => {
    const bytes = await writeTalentExport([talent(), talent({ id: 't2', name: '@李四', idNumber: '11010519491231002X', remarks: '' })], { columns, format: 'xlsx', masks });
    const { workbook } = readBack(bytes);
    expect(workbook.SheetNames).toEqual(['人才信息']);
    const sheet = workbook.Sheets['人才信息'] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '' });
    expect(rows).toEqual([
      ['姓名', '证件号码', '手机号码', '出生日期', '毕业时间', '所在区', '海外经历', '技能等级', '备注'],
      ['张伟', '310115********1239', '138****8000', '1990-03-07', '2015-07', '浦东新区', '是', '三级/高级工', `'=HYPERLINK("http://evil","x")`],
      ["'@李四", '110105********002X', '138****8000', '1990-03-07', '2015-07', '浦东新区', '是', '三级/高级工', ''],
    ]);
    expect((sheet['D2'] as XLSX.CellObject).t).toBe('n');
    expect((sheet['D2'] as XLSX.CellObject).v).toBe(32939);
    const xml = unzipText(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('state="frozen"');
    // ID, phone and month columns are text-formatted (style 2), the date column date-formatted (style 3).
    expect(xml).toContain('<col min="2" max="2" width="22.71" customWidth="1" style="2"/>');
    expect(xml).toContain('<col min="3" max="3" width="14.71" customWidth="1" style="2"/>');
    expect(xml).toContain('<col min="4" max="4" width="12.71" customWidth="1" style="3"/>');
    expect(xml).toContain('<col min="5" max="5" width="10.71" customWidth="1" style="2"/>');
    expect(xml).toMatch(/<row r="1"><c s="1" t="inlineStr"><is><t>姓名<\/t>/);
  });

  it('writes IDs and phones in full only when no masks are given', async () => {
    const bytes = await writeTalentExport([talent()], { columns: ['idNumber', 'phone'], format: 'csv', masks: undefined });
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe('证件号码,手机号码\r\n310115199003071239,13800138000\r\n');
  });

  it('writes CSV with BOM, labels, text dates and neutralised cells', async () => {
    const bytes = await writeTalentExport([talent({ remarks: '-1,"x"' })], { columns, format: 'csv', masks });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe(
      '姓名,证件号码,手机号码,出生日期,毕业时间,所在区,海外经历,技能等级,备注\r\n' + `张伟,310115********1239,138****8000,1990-03-07,2015-07,浦东新区,是,三级/高级工,"'-1,""x"""\r\n`,
    );
  });

  it('exports in full re-import through the app reader with the same values', async () => {
    const bytes = await writeTalentExport([talent()], { columns: ['name', 'idNumber', 'birthDate', 'joinedDate'], format: 'xlsx', masks: undefined });
    const grid = await readWorkbook(bytes, '人才信息.xlsx');
    expect(grid.ok).toBe(true);
    if (!grid.ok) return;
    expect(grid.value.format).toBe('xlsx');
    const row = grid.value.sheets[0]?.rows[1];
    expect(row?.[1]?.v).toBe('310115199003071239');
    expect(row?.[2]?.t).toBe('n');
  });

  it('accepts async row sources and names the file after the list and day', async () => {
    async function* source() {
      yield talent();
    }
    const bytes = await writeTalentExport(source(), { columns: ['name'], format: 'xlsx', masks });
    expect(XLSX.utils.sheet_to_json(readBack(bytes).workbook.Sheets['人才信息'] as XLSX.WorkSheet, { header: 1 })).toEqual([['姓名'], ['张伟']]);
    expect(exportFileName('人才信息', '2025-03-01', 'csv')).toBe('人才信息_20250301.csv');
  });

  it('offers the raw writer alone for the benchmark', async () => {
    const bytes = await rawWriterBaseline([
      ['a', 'b'],
      [1, 'x'],
    ]);
    expect(XLSX.utils.sheet_to_json(readBack(bytes).workbook.Sheets['Sheet1'] as XLSX.WorkSheet, { header: 1 })).toEqual([
      ['a', 'b'],
      [1, 'x'],
    ]);
  });
});
