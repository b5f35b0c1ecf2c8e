import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { CELL_STYLES, writeXlsx, type CellStyleName } from './xlsxWriter';
import { unzipText } from './testing';

describe('report layout: merged title, borders, number formats, print setup', () => {
  it('writes merges, bordered styles, A4 landscape fit to width and repeated title rows', async () => {
    const bytes = await writeXlsx({
      sheets: [
        { name: '封面', rows: [['报表名称', '年度人才统计']] },
        {
          name: "按区'统计",
          columns: [{ width: 16 }, { width: 10 }, { width: 10 }],
          rows: [['按区统计', null, null], ['区', '人数', '占比'], ['浦东新区', 3, 0.6], ['合计', 5, 1]],
          merges: ['A1:C1'],
          cellStyles: new Map<number, Map<number, CellStyleName>>([
            [0, new Map([[0, 'reportTitle']])],
            [1, new Map([[0, 'reportHeader'], [1, 'reportHeader'], [2, 'reportHeader']])],
            [2, new Map([[0, 'reportLabel'], [1, 'reportNumber'], [2, 'reportPercent']])],
            [3, new Map([[0, 'reportTotalLabel'], [1, 'reportTotalNumber'], [2, 'reportTotalPercent']])],
          ]),
          print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: 0, last: 1 } },
        },
      ],
    });
    const sheet = unzipText(bytes, 'xl/worksheets/sheet2.xml');
    expect(sheet.startsWith('<?xml')).toBe(true);
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews>');
    expect(sheet).toContain('</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>');
    expect(sheet).toContain('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>');
    expect(sheet).toContain(`<c s="${CELL_STYLES.reportLabel}" t="inlineStr"><is><t>浦东新区</t></is></c><c s="${CELL_STYLES.reportNumber}"><v>3</v></c>`);
    const workbookXml = unzipText(bytes, 'xl/workbook.xml');
    expect(workbookXml).toContain(`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'按区''统计'!$1:$2</definedName></definedNames>`);
    const styles = unzipText(bytes, 'xl/styles.xml');
    expect(styles).toContain('<cellXfs count="18">');
    expect(styles.match(/<xf /g)?.length).toBe(19); // 1 cellStyleXfs + 18 cellXfs
    expect(styles).toContain('formatCode="0.0%"');
    expect(styles).toContain('<left style="thin">');

    // SheetJS reads it back: merge, values, number formats.
    const workbook = XLSX.read(bytes, { type: 'array', cellStyles: true, cellNF: true });
    expect(workbook.SheetNames).toEqual(['封面', "按区'统计"]);
    const read = workbook.Sheets["按区'统计"]!;
    expect(read['!merges']).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }]);
    expect(read.B4?.v).toBe(5);
    expect(read.C3?.z).toBe('0.0%');
    expect(read.B3?.z).toBe('#,##0');
  });

  it('leaves sheets without the new options exactly as before', async () => {
    const bytes = await writeXlsx({ sheets: [{ name: 'A', rows: [['x']] }] });
    const sheet = unzipText(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('mergeCells');
    expect(sheet).not.toContain('pageSetup');
    expect(unzipText(bytes, 'xl/workbook.xml')).not.toContain('definedNames');
  });
});
