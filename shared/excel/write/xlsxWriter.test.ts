import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readZipDirectory } from '../zip';
import { crc32, writeZip } from './zipWriter';
import { cellRef, columnLetters, ERROR_FILL_RGB, escapeXml, isValidSheetName, writeXlsx } from './xlsxWriter';
import { unzipText, readBack } from './testing';

describe('writeZip', () => {
  it('writes deflated entries whose CRC and sizes match, readable by SheetJS CFB and our zip reader', async () => {
    const big = new TextEncoder().encode('人才台账'.repeat(100_000));
    const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array([4, 5])];
    const archive = await writeZip([
      { name: 'a.txt', data: new TextEncoder().encode('hello') },
      { name: 'dir/big.txt', data: big },
      { name: '名单.txt', data: new Uint8Array([0x41]) },
      { name: 'chunks.bin', data: chunks },
    ]);
    const directory = readZipDirectory(archive);
    expect(directory.ok).toBe(true);
    if (!directory.ok) return;
    const [a, bigEntry, chinese, chunked] = directory.value.entries;
    expect(a?.name).toBe('a.txt');
    expect(a?.crc32).toBe(crc32(new TextEncoder().encode('hello')));
    expect(bigEntry?.name).toBe('dir/big.txt');
    expect(chinese?.name).toBe('名单.txt');
    expect(bigEntry?.uncompressedSize).toBe(big.length);
    expect(bigEntry?.compressedSize).toBeLessThan(big.length / 100);
    expect(chunked?.crc32).toBe(crc32(new Uint8Array([1, 2, 3, 4, 5])));
    expect(unzipText(archive, 'a.txt')).toBe('hello');
    expect(unzipText(archive, 'dir/big.txt')).toBe('人才台账'.repeat(100_000));
  });

  it('computes the standard CRC-32 (check value of "123456789" is CBF43926)', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
    const bytes = new TextEncoder().encode('123456789');
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926);
  });
});

describe('xlsx helpers', () => {
  it('names columns and cells like Excel', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect(cellRef(0, 0)).toBe('A1');
    expect(cellRef(1, 27)).toBe('AB2');
  });

  it('escapes XML specials, CR and control characters', () => {
    expect(escapeXml('a&b<c>"d"')).toBe('a&amp;b&lt;c&gt;&quot;d&quot;');
    expect(escapeXml('x\ry')).toBe('x&#13;y');
    expect(escapeXml('bell\u0007')).toBe('bell_x0007_');
    expect(escapeXml('tab\tand\nline')).toBe('tab\tand\nline');
  });

  it('checks sheet names as Excel does', () => {
    expect(isValidSheetName('人才信息')).toBe(true);
    expect(isValidSheetName('a/b')).toBe(false);
    expect(isValidSheetName('x'.repeat(32))).toBe(false);
    expect(isValidSheetName('')).toBe(false);
  });
});

describe('writeXlsx', () => {
  it('round-trips strings, numbers, booleans, gaps and awkward text through SheetJS', async () => {
    const bytes = await writeXlsx({
      sheets: [
        {
          name: '数据',
          rows: [
            ['姓名', '数', '布尔', '空', '备注'],
            ['张三', 42.5, true, null, '  leading & <trailing>  '],
            ['李四', -3, false, '', 'line1\r\nline2'],
            [],
            ['王五', null, null, null, 'after a gap'],
          ],
          headerRows: 1,
          freezeRows: 1,
        },
      ],
    });
    // CR survives as a character reference (SheetJS then reads CRLF as LF, as Excel shows it).
    expect(unzipText(bytes, 'xl/worksheets/sheet1.xml')).toContain('line1&#13;\nline2');
    const { workbook } = readBack(bytes);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['数据'] as XLSX.WorkSheet, { header: 1, raw: true, defval: null, blankrows: true });
    expect(rows).toEqual([
      ['姓名', '数', '布尔', '空', '备注'],
      ['张三', 42.5, true, null, '  leading & <trailing>  '],
      ['李四', -3, false, null, 'line1\nline2'],
      [null, null, null, null, null],
      ['王五', null, null, null, 'after a gap'],
    ]);
  });

  it('writes frozen header, column widths and styles, hidden sheets, validations and comments', async () => {
    const bytes = await writeXlsx({
      sheets: [
        {
          name: 'S',
          columns: [{ width: 10 }, { width: 22, style: 'text' }, { width: 12, style: 'date' }],
          rows: [
            ['姓名', '证件号码', '日期'],
            ['张三', '310115199003071239', 45352],
          ],
          headerRows: 1,
          freezeRows: 1,
          validations: [
            { ref: 'A2:A100', options: ['男', '女'], error: '请选择' },
            { ref: 'C2:C100', source: "'_lists'!$A$1:$A$16" },
          ],
          comments: [{ row: 1, column: 1, text: '校验码错误 & <检查>' }],
          cellStyles: new Map([[1, new Map([[1, 'errorText' as const]])]]),
        },
        { name: '_lists', state: 'hidden', rows: [['a']] },
        { name: 'VH', state: 'veryHidden', rows: [['b']] },
      ],
    });
    const sheet = unzipText(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="2" max="2" width="22.71" customWidth="1" style="2"/>');
    expect(sheet).toContain('<col min="3" max="3" width="12.71" customWidth="1" style="3"/>');
    expect(sheet).toMatch(/<dataValidation type="list" allowBlank="1" showErrorMessage="1" error="请选择" sqref="A2:A100"><formula1>&quot;男,女&quot;<\/formula1>/);
    expect(sheet).toContain("<formula1>'_lists'!$A$1:$A$16</formula1>");
    expect(sheet).toContain('<legacyDrawing r:id="rIdVml"/>');
    // Header cells bold (style 1), the ID cell red text-formatted (style 5), the date cell style 3.
    expect(sheet).toMatch(/<row r="1"><c s="1" t="inlineStr">/);
    expect(sheet).toContain('<c s="5" t="inlineStr"><is><t>310115199003071239</t></is></c><c s="3"><v>45352</v></c>');

    const workbookXml = unzipText(bytes, 'xl/workbook.xml');
    expect(workbookXml).toContain('<sheet name="_lists" sheetId="2" state="hidden" r:id="rId2"/>');
    expect(workbookXml).toContain('<sheet name="VH" sheetId="3" state="veryHidden" r:id="rId3"/>');

    const styles = unzipText(bytes, 'xl/styles.xml');
    expect(styles).toContain(`<fgColor rgb="${ERROR_FILL_RGB}"/>`);
    expect(styles).toContain('<font><b/>');
    expect(styles).toContain('formatCode="yyyy\\-mm\\-dd"');

    const comments = unzipText(bytes, 'xl/comments1.xml');
    expect(comments).toContain('<comment ref="B2" authorId="0">');
    expect(comments).toContain('校验码错误 &amp; &lt;检查&gt;');
    expect(unzipText(bytes, 'xl/drawings/vmlDrawing1.vml')).toContain('<x:Row>1</x:Row><x:Column>1</x:Column>');
    expect(unzipText(bytes, '[Content_Types].xml')).toContain('/xl/comments1.xml');

    const { workbook } = readBack(bytes);
    expect(workbook.Workbook?.Sheets?.map((sheetInfo) => sheetInfo.Hidden)).toEqual([0, 1, 2]);
    const cell = (workbook.Sheets['S'] as XLSX.WorkSheet)['B2'] as XLSX.CellObject & { c?: { t: string }[] };
    expect(cell.c?.[0]?.t).toBe('校验码错误 & <检查>');
    expect(((workbook.Sheets['S'] as XLSX.WorkSheet)['C2'] as XLSX.CellObject).w).toBe('2024-03-01');
  });

  it('refuses bad and duplicate sheet names and a workbook with no visible sheet', async () => {
    await expect(writeXlsx({ sheets: [{ name: 'a:b', rows: [] }] })).rejects.toThrow(RangeError);
    await expect(writeXlsx({ sheets: [{ name: 'A', rows: [] }, { name: 'a', rows: [] }] })).rejects.toThrow(RangeError);
    await expect(writeXlsx({ sheets: [{ name: 'A', rows: [], state: 'hidden' }] })).rejects.toThrow(RangeError);
  });
});
