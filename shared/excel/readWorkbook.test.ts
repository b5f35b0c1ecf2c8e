import { describe, expect, it } from 'vitest';
import { cellIsDateFormatted, cellText, TEMPLATE_META_SHEET, templateMetaRows, type WorkbookGrid } from './grid';
import { detectFormat } from './format';
import { decodeCsvText } from './textDecoding';
import { readWorkbook } from './readWorkbook';
import { inspectZipLimits, readZipDirectory } from './zip';
import {
  craftXlsxLikeZip,
  craftZip,
  csvText,
  deflateZeros,
  encodeGbk,
  encryptedOleContainer,
  htmlTable,
  passwordProtectedXls,
  randomBytes,
  realisticRosterSheets,
  rosterRow,
  ROSTER_HEADER,
  utf8Bytes,
  writeWorkbook,
} from './testing/fixtures';

async function readOk(bytes: Uint8Array, limits = {}): Promise<WorkbookGrid> {
  const result = await readWorkbook(bytes, 'test', limits);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function readErrorCode(bytes: Uint8Array, limits = {}): Promise<string> {
  const result = await readWorkbook(bytes, 'test', limits);
  if (result.ok) throw new Error('expected a refusal');
  return result.error.code;
}

const ID_A = '11010519491231002X';

describe('detectFormat', () => {
  it('tells containers apart by magic bytes', () => {
    expect(detectFormat(writeWorkbook([{ name: 'S', rows: [['a']] }]))).toBe('zip');
    expect(detectFormat(writeWorkbook([{ name: 'S', rows: [['a']] }], 'biff8'))).toBe('ole2');
    expect(detectFormat(utf8Bytes('\ufeff <html><table></table></html>'))).toBe('markup');
    expect(detectFormat(utf8Bytes('姓名,身份证号码\r\n'))).toBe('text');
    expect(detectFormat(encodeGbk('姓名,身份证号码\r\n'))).toBe('text');
    expect(detectFormat(randomBytes(1000))).toBe('unknown');
  });
});

describe('decodeCsvText', () => {
  it('decodes BOM UTF-8, plain UTF-8 and GBK', () => {
    expect(decodeCsvText(utf8Bytes('姓名,证件号码', true))).toEqual({ ok: true, value: { text: '姓名,证件号码', encoding: 'utf-8' } });
    expect(decodeCsvText(utf8Bytes('姓名,证件号码'))).toEqual({ ok: true, value: { text: '姓名,证件号码', encoding: 'utf-8' } });
    // 姓 = D0 D5, 名 = C3 FB in GBK.
    const gbk = encodeGbk('姓名');
    expect(Array.from(gbk)).toEqual([0xd0, 0xd5, 0xc3, 0xfb]);
    expect(decodeCsvText(gbk)).toEqual({ ok: true, value: { text: '姓名', encoding: 'gb18030' } });
  });
});

describe('readWorkbook: formats', () => {
  const rows = [ROSTER_HEADER, rosterRow(1), rosterRow(2)];

  it('reads a realistic xlsx with its hidden sheet flagged and row positions kept', async () => {
    const grid = await readOk(writeWorkbook(realisticRosterSheets([rosterRow(1), rosterRow(2), rosterRow(3)])));
    expect(grid.format).toBe('xlsx');
    expect(grid.sheets.map((sheet) => [sheet.name, sheet.hidden])).toEqual([
      ['填表说明', false],
      ['花名册', false],
      ['旧数据', true],
    ]);
    const roster = grid.sheets[1];
    expect(cellText(roster?.rows[3]?.[1])).toBe('姓名');
    expect(cellText(roster?.rows[4]?.[4])).toBe(rosterRow(1)[4]);
  });

  it.each([
    ['biff8', 'xls'],
    ['ods', 'ods'],
    ['xlsb', 'xlsx'],
  ] as const)('reads %s as %s', async (bookType, format) => {
    const grid = await readOk(writeWorkbook([{ name: '花名册', rows }], bookType));
    expect(grid.format).toBe(format);
    expect(cellText(grid.sheets[0]?.rows[1]?.[1])).toBe('学员1');
    expect(cellText(grid.sheets[0]?.rows[1]?.[4])).toBe(rosterRow(1)[4]);
  });

  it('keeps 18-digit IDs as text in an HTML table saved as .xls', async () => {
    const grid = await readOk(utf8Bytes(htmlTable([['姓名', '身份证号码'], ['张三', ID_A], ['李四', '310101199001011236']])));
    expect(grid.format).toBe('html');
    const cell = grid.sheets[0]?.rows[2]?.[1];
    expect(cell?.t).toBe('s');
    expect(cellText(cell)).toBe('310101199001011236');
  });

  it.each([
    ['UTF-8 with BOM', utf8Bytes(csvText([['姓名', '身份证号码'], ['张三', '310101199001011236']]), true), 'utf-8'],
    ['UTF-8 without BOM', utf8Bytes(csvText([['姓名', '身份证号码'], ['张三', '310101199001011236']])), 'utf-8'],
    ['GBK', encodeGbk(csvText([['姓名', '身份证号码'], ['张三', '310101199001011236']])), 'gb18030'],
  ])('reads CSV in %s keeping long digits as text', async (_label, bytes, encoding) => {
    const grid = await readOk(bytes);
    expect(grid.format).toBe('csv');
    expect(grid.encoding).toBe(encoding);
    expect(cellText(grid.sheets[0]?.rows[0]?.[0])).toBe('姓名');
    expect(cellText(grid.sheets[0]?.rows[1]?.[0])).toBe('张三');
    expect(grid.sheets[0]?.rows[1]?.[1]).toEqual({ t: 's', v: '310101199001011236' });
  });

  it('reads a CSV whose first cell is "ID" as CSV, not SYLK, and quoted fields with commas and line breaks', async () => {
    const grid = await readOk(utf8Bytes('ID,姓名,备注\n310101199001011236,张三,"a,b\nc ""q"""\n'));
    expect(grid.sheets[0]?.rows.map((row) => row?.map((cell) => cellText(cell)))).toEqual([
      ['ID', '姓名', '备注'],
      ['310101199001011236', '张三', 'a,b\nc "q"'],
    ]);
  });

  it('keeps a numeric ID cell numeric (digits lost) and date cells date-formatted', async () => {
    const grid = await readOk(
      writeWorkbook([{ name: 'S', rows: [['姓名', '身份证号码', '出生日期'], ['张三', Number('310101199001011236'), { t: 'n', v: 32874, z: 'yyyy-mm-dd' }]] }]),
    );
    const row = grid.sheets[0]?.rows[1];
    expect(row?.[1]?.t).toBe('n');
    expect(cellText(row?.[1])).toBe('3.10101E+17');
    expect(cellIsDateFormatted(row?.[2])).toBe(true);
    expect(cellText(row?.[2])).toBe('1990-01-01');
    expect(cellIsDateFormatted(row?.[1])).toBe(false);
  });

  it('recognises the hidden _tl_meta sheet of our templates', async () => {
    const grid = await readOk(
      writeWorkbook([
        { name: '花名册', rows },
        { name: TEMPLATE_META_SHEET, rows: templateMetaRows({ kind: 'roster', version: '1' }), hidden: true },
      ]),
    );
    expect(grid.template).toEqual({ kind: 'roster', version: '1' });
  });
});

describe('readWorkbook: refusals', () => {
  it('refuses a zip whose directory declares 2 GiB before inflating anything', async () => {
    const bomb = craftXlsxLikeZip({ name: 'xl/worksheets/sheet1.xml', data: deflateZeros(1024), method: 8, declaredSize: 2 * 1024 * 1024 * 1024 });
    expect(inspectZipLimits(bomb, 500 * 1024 * 1024).ok).toBe(false);
    const started = performance.now();
    expect(await readErrorCode(bomb)).toBe('FILE_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('cuts off a zip that understates its size (1 GiB of zeros declared as 1,000 bytes) within seconds', async () => {
    const data = deflateZeros(1024 * 1024 * 1024);
    expect(data.length).toBeLessThan(8 * 1024 * 1024);
    const bomb = craftXlsxLikeZip({ name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: 1000 });
    expect(readZipDirectory(bomb).ok).toBe(true);
    // Memory stays bounded by construction: output past the declared 1,000 bytes is counted and
    // dropped, and the stream is cancelled at the 500 MiB limit. Time: native inflation of 500 MiB
    // takes about a second; the bound leaves room for a loaded CI machine.
    const started = performance.now();
    expect(await readErrorCode(bomb)).toBe('FILE_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('refuses a zip whose entry inflates to less than it declares as corrupt', async () => {
    const bomb = craftXlsxLikeZip({ name: 'xl/worksheets/sheet1.xml', data: deflateZeros(100), method: 8, declaredSize: 5000 });
    expect(await readErrorCode(bomb)).toBe('FILE_CORRUPT');
  });

  it('refuses a smaller limit while inflating a real workbook', async () => {
    const bytes = writeWorkbook([{ name: 'S', rows: [ROSTER_HEADER, ...Array.from({ length: 2000 }, (_, n) => rosterRow(n))] }]);
    expect(await readErrorCode(bytes, { maxUncompressedBytes: 100_000 })).toBe('FILE_TOO_LARGE');
  });

  it('stops parsing a sheet far beyond the row limit (the exact data-row count is judged later)', async () => {
    const rows = [ROSTER_HEADER, ...Array.from({ length: 1100 }, (_, n) => rosterRow(n))];
    expect(await readErrorCode(writeWorkbook([{ name: 'S', rows }]), { maxDataRows: 10 })).toBe('FILE_TOO_LARGE');
    expect(await readErrorCode(utf8Bytes(csvText(rows)), { maxDataRows: 10 })).toBe('FILE_TOO_LARGE');
  });

  it('refuses CSV over the byte limit', async () => {
    expect(await readErrorCode(utf8Bytes(csvText([['姓名'], ['x'.repeat(2000)]])), { maxUncompressedBytes: 1000 })).toBe('FILE_TOO_LARGE');
  });

  it('refuses encrypted workbooks', async () => {
    expect(await readErrorCode(encryptedOleContainer())).toBe('FILE_ENCRYPTED');
    expect(await readErrorCode(passwordProtectedXls())).toBe('FILE_ENCRYPTED');
    const flagged = craftZip([{ name: 'xl/workbook.xml', data: new Uint8Array(10), method: 0, declaredSize: 10 }]);
    flagged[6] = 1; // local header flags
    const central = flagged.length - 22 - 46 - 'xl/workbook.xml'.length;
    flagged[central + 8] = 1; // central directory flags: encrypted
    expect(await readErrorCode(flagged)).toBe('FILE_ENCRYPTED');
  });

  it('refuses truncated files as corrupt', async () => {
    const xlsx = writeWorkbook([{ name: 'S', rows: [ROSTER_HEADER, rosterRow(1)] }]);
    expect(await readErrorCode(xlsx.subarray(0, Math.floor(xlsx.length / 2)))).toBe('FILE_CORRUPT');
    const xls = writeWorkbook([{ name: 'S', rows: [ROSTER_HEADER, rosterRow(1)] }], 'biff8');
    expect(await readErrorCode(xls.subarray(0, 1000))).toBe('FILE_CORRUPT');
  });

  it('refuses random bytes and non-spreadsheet zips as unsupported', async () => {
    expect(await readErrorCode(randomBytes(50_000))).toBe('UNSUPPORTED_FORMAT');
    const docx = craftZip([{ name: 'word/document.xml', data: utf8Bytes('<w/>'), method: 0, declaredSize: 4 }]);
    expect(await readErrorCode(docx)).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses empty files and empty workbooks', async () => {
    expect(await readErrorCode(new Uint8Array(0))).toBe('FILE_EMPTY');
    expect(await readErrorCode(writeWorkbook([{ name: 'S', rows: [] }]))).toBe('FILE_EMPTY');
    expect(await readErrorCode(utf8Bytes('\r\n,,\r\n'))).toBe('FILE_EMPTY');
  });
});

describe('readWorkbook: less common text forms', () => {
  it('reads "Unicode text" (UTF-16LE with BOM, tab-separated)', async () => {
    const text = '\ufeff姓名\t身份证号码\r\n张三\t310101199001011236\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let index = 0; index < text.length; index += 1) {
      bytes[2 * index] = text.charCodeAt(index) & 0xff;
      bytes[2 * index + 1] = text.charCodeAt(index) >> 8;
    }
    const grid = await readOk(bytes);
    expect(grid.encoding).toBe('utf-16le');
    expect(grid.sheets[0]?.rows[1]?.map((cell) => cellText(cell))).toEqual(['张三', '310101199001011236']);
  });

  it('reads SpreadsheetML 2003 (XML saved as .xls)', async () => {
    const xml = `<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Worksheet ss:Name="花名册"><Table>
<Row><Cell><Data ss:Type="String">姓名</Data></Cell><Cell><Data ss:Type="String">身份证号码</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">张三</Data></Cell><Cell><Data ss:Type="String">310101199001011236</Data></Cell></Row>
</Table></Worksheet></Workbook>`;
    const grid = await readOk(utf8Bytes(xml));
    expect(grid.format).toBe('xls');
    expect(grid.sheets[0]?.name).toBe('花名册');
    expect(cellText(grid.sheets[0]?.rows[1]?.[1])).toBe('310101199001011236');
  });
});
