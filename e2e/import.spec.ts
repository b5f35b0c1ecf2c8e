/**
 * The import wizard end to end (issue #4): a messy training roster (instruction sheet, banner rows,
 * a bad checksum, an ID stored as a number, a bad phone, a duplicate, footers) goes through every
 * step; one cell is fixed in the preview; the batch commits; the same file again adds nobody; the
 * error report and the template download; the batch is undone. Screenshots of each step.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { completeFirstRun, expect, shot, test } from './fixtures';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** A valid resident ID (GB 11643 check character) for Pudong, the given birth date and sequence. */
function residentId(birth: string, sequence: number): string {
  const body = `310115${birth}${String(sequence).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(body[index]), 0);
  return `${body}${CHECK_CHARS[sum % 11]}`;
}

interface Trainee {
  name: string;
  id: string | number;
  gender: string;
  phone: string;
}

const HEADER = ['序号', '姓名', '性别', '身份证号码', '手机', '学历', '工作单位', '职业/工种', '等级', '培训开始日期', '培训结束日期', '学时', '考核结果', '所属班级'];
const FIRST_DATA_ROW = 5;

function trainees(): Trainee[] {
  const valid: Trainee[] = Array.from({ length: 8 }, (_, index) => {
    const sequence = 11 + index * 2 + (index % 2); // odd sequence = male, even = female
    return { name: `学员${'甲乙丙丁戊己庚辛'[index]}`, id: residentId(`199${index}0${(index % 9) + 1}15`, sequence), gender: sequence % 2 === 1 ? '男' : '女', phone: `1380013800${index}` };
  });
  const goodId = residentId('19850520', 35);
  const badChecksum = `${goodId.slice(0, 17)}${goodId[17] === '0' ? '1' : '0'}`;
  return [
    ...valid,
    { name: '错校验', id: badChecksum, gender: '男', phone: '13900139000' },
    { name: '数字号', id: 310115198601010000, gender: '', phone: '13900139001' },
    { name: '错手机', id: residentId('19870302', 51), gender: '男', phone: '1380013800' },
    { name: '重复人', id: valid[0]?.id ?? '', gender: valid[0]?.gender ?? '', phone: '13900139003' },
  ];
}

/** The roster a base might send: instructions first, a title and filler rows above the header, footers below. */
function messyRoster(): Buffer {
  const people = trainees();
  const sheetRows: unknown[][] = [
    ['2026年第一期人工智能训练师培训花名册'],
    ['填报单位：浦东人工智能实训基地', '', '', '', '', '', '', '', '', '填报日期：2026-03-01'],
    [],
    HEADER,
    ...people.map((person, index) => [index + 1, person.name, person.gender, person.id, person.phone, '本科', '上海某智能科技有限公司', '人工智能训练师', '四级', '2026-03-01', '2026-03-20', 64, '合格', '一班']),
    [`合计：${people.length} 人`],
    ['制表人：张老师'],
  ];
  const roster = XLSX.utils.aoa_to_sheet(sheetRows);
  roster['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: HEADER.length - 1 } }];
  const instructions = XLSX.utils.aoa_to_sheet([['填表说明：请按模板填写，身份证号码列请设置为文本格式，日期填写为 2026-03-01 形式，每人一行，不要合并单元格。'], ['联系人：王老师 021-12345678']]);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, instructions, '填表说明');
  XLSX.utils.book_append_sheet(workbook, roster, '花名册');
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function talentCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('talentledger');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('talents').objectStore('talents').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-drop-zone').click();
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

test('a messy roster goes through the wizard, is fixed, committed, re-imported without duplicates, and undone', async ({ page }) => {
  test.setTimeout(120_000);
  const file = messyRoster();
  await page.goto('/');
  await completeFirstRun(page, '王小明');
  await page.goto('/#/import?kind=roster');
  await expect(page.getByRole('heading', { level: 3, name: '导入培训花名册' })).toBeVisible();
  await expect(page.getByTestId('import-history')).toContainText('还没有导入记录');
  await shot(page, 'import-1-file');

  // The template of the kind (G2's writer) downloads and opens.
  const templateDownload = page.waitForEvent('download');
  await page.getByTestId('import-template').click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
  const templateBook = XLSX.read(readFileSync(await template.path()));
  expect(templateBook.SheetNames.length).toBeGreaterThan(0);

  // 1 → 2: the data sheet and header row are found past the instructions and the banner.
  await chooseFile(page, '浦东基地-第一期花名册.xlsx', file);
  const sheetStep = page.getByTestId('sheet-step');
  await expect(sheetStep).toBeVisible();
  await expect(sheetStep.getByRole('combobox', { name: '工作表' })).toBeVisible();
  await expect(sheetStep).toContainText('花名册');
  await expect(sheetStep.getByRole('spinbutton', { name: '表头所在行' })).toHaveValue('4');
  await expect(sheetStep).toContainText('12 行数据');
  await shot(page, 'import-2-sheet');
  await page.getByTestId('sheet-next').click();

  // 3: columns mapped from the header texts; 所属班级 maps to nothing.
  const mappingStep = page.getByTestId('mapping-step');
  await expect(mappingStep).toBeVisible();
  await expect(mappingStep.getByRole('row', { name: /身份证号码/ })).toContainText('证件号码');
  await expect(mappingStep.getByRole('row', { name: /所属班级/ })).toContainText('不导入此列');
  await shot(page, 'import-3-mapping');
  await page.getByTestId('mapping-next').click();

  // 4: the four bad rows are red with their messages; the bad phone is fixed in place.
  const preview = page.getByTestId('preview-step');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-summary')).toContainText('共 12 行：可导入 8 行，有错误 4 行');
  const badPhoneRow = FIRST_DATA_ROW + 10;
  const phoneCell = page.getByTestId(`cell-${badPhoneRow}-phone`);
  await expect(phoneCell).toHaveAttribute('data-error', 'true');
  await expect(page.getByTestId(`cell-${FIRST_DATA_ROW + 9}-idNumber`)).toHaveAttribute('data-error', 'true');
  await expect(page.getByTestId(`preview-row-${FIRST_DATA_ROW + 11}`)).toContainText(`与第 ${FIRST_DATA_ROW} 行是同一人`);
  // Valid ID numbers are masked on screen.
  await expect(page.getByTestId(`cell-${FIRST_DATA_ROW}-idNumber`)).toContainText('*');
  await page.getByTestId('only-problems').click();
  await expect(page.getByTestId(`preview-row-${FIRST_DATA_ROW}`)).toHaveCount(0);
  await shot(page, 'import-4-preview-problems');
  await phoneCell.click();
  await page.getByLabel('新的内容').fill('13800138099');
  await page.getByRole('button', { name: '保存并重新校验' }).click();
  await expect(page.getByTestId('preview-summary')).toContainText('可导入 9 行，有错误 3 行');
  await expect(page.getByTestId(`preview-row-${badPhoneRow}`)).toHaveCount(0);
  await shot(page, 'import-4-preview-fixed');

  // The error report: the rows with errors as sent, plus 错误说明.
  const reportDownload = page.waitForEvent('download');
  await preview.getByTestId('error-report').click();
  const report = await reportDownload;
  expect(report.suggestedFilename()).toContain('错误报告');
  const reportBook = XLSX.read(readFileSync(await report.path()));
  const reportSheet = reportBook.Sheets[reportBook.SheetNames[0] ?? ''];
  const reportRows = XLSX.utils.sheet_to_json<unknown[]>(reportSheet ?? {}, { header: 1 });
  const reportText = JSON.stringify(reportRows);
  expect(reportText).toContain('错误说明');
  expect(reportText).toContain('错校验');
  expect(reportText).not.toContain('错手机');
  await page.getByTestId('preview-next').click();

  // 5: the dry run: nine new people, three rows with errors; commit the valid rows.
  const check = page.getByTestId('check-step');
  await expect(check).toBeVisible();
  await expect(page.getByTestId('check-new')).toContainText('9');
  await expect(page.getByTestId('check-invalid')).toContainText('3');
  await shot(page, 'import-5-check');
  await page.getByTestId('commit').click();

  // 6: the result, and the history.
  const result = page.getByTestId('result-step');
  await expect(result).toBeVisible();
  await expect(result).toContainText('新增 9 人，更新 0 人，无变化 0 人，有错误未导入 3 行');
  expect(await talentCount(page)).toBe(9);
  await expect(page.getByTestId('import-history')).toContainText('浦东基地-第一期花名册.xlsx');
  await shot(page, 'import-6-result');

  // The same file again: recognised, and nothing to add.
  await page.getByRole('button', { name: '导入其他文件' }).click();
  await chooseFile(page, '浦东基地-第一期花名册.xlsx', file);
  await expect(page.getByTestId('same-file-warning')).toContainText('此文件已于');
  await page.getByTestId('sheet-next').click();
  await page.getByTestId('mapping-next').click();
  await expect(page.getByTestId('preview-summary')).toContainText('可导入 8 行，有错误 4 行');
  await page.getByTestId('preview-next').click();
  await expect(page.getByTestId('check-new')).toContainText('0');
  await expect(page.getByTestId('check-unchanged')).toContainText('8');
  await expect(page.getByTestId('check-nothing')).toBeVisible();
  await expect(page.getByTestId('commit')).toBeDisabled();
  expect(await talentCount(page)).toBe(9);
  await shot(page, 'import-7-reimport');

  // Undo the batch from the history: the registry is back to where it was.
  const history = page.getByTestId('import-history');
  await history.getByRole('button', { name: '撤销本批次' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(history).toContainText('已撤销');
  await expect.poll(() => talentCount(page)).toBe(0);
  await shot(page, 'import-8-undone');
});

/** A talents sheet (header on row 1) as a CSV in UTF-8: the same people, later with one new name and one new employer. */
function talentCsv(rows: ReadonlyArray<readonly [string, string, string]>): Buffer {
  const lines = ['姓名,证件号码,工作单位', ...rows.map((row) => row.join(','))];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

test('a different name for a stored document is a conflict the clerk settles in the check', async ({ page }) => {
  test.setTimeout(120_000);
  const first = residentId('19800101', 21);
  const second = residentId('19810202', 22);
  await page.goto('/');
  await completeFirstRun(page, '王小明');
  await page.goto('/#/import?kind=talents');
  await expect(page.getByRole('heading', { level: 3, name: '导入人才信息' })).toBeVisible();

  const walkToCheck = async (name: string, bytes: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-drop-zone').click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: bytes });
    await page.getByTestId('sheet-next').click();
    await page.getByTestId('mapping-next').click();
    await page.getByTestId('preview-next').click();
    await expect(page.getByTestId('check-step')).toBeVisible();
  };

  await walkToCheck('人才-1.csv', talentCsv([['赵一', first, '甲公司'], ['钱二', second, '乙公司']]));
  await expect(page.getByTestId('check-new')).toContainText('2');
  await page.getByTestId('commit').click();
  await expect(page.getByTestId('result-step')).toContainText('新增 2 人');
  expect(await talentCount(page)).toBe(2);

  await page.getByRole('button', { name: '导入其他文件' }).click();
  await walkToCheck('人才-2.csv', talentCsv([['赵壹', first, '甲公司'], ['钱二', second, '丙公司']]));
  await expect(page.getByTestId('check-updated')).toContainText('1');
  await expect(page.getByTestId('check-conflicts')).toContainText('1');
  await expect(page.getByText('工作单位: 乙公司 → 丙公司')).toBeVisible();
  const conflicts = page.getByTestId('conflicts');
  await expect(conflicts).toContainText('赵一');
  await expect(conflicts).toContainText('赵壹');
  // The commit waits for the clerk's decision.
  await expect(page.getByTestId('commit')).toBeDisabled();
  await shot(page, 'import-9-conflict');
  await conflicts.getByText('采用文件姓名', { exact: true }).click();
  await page.getByTestId('commit').click();
  await expect(page.getByTestId('result-step')).toContainText('新增 0 人，更新 2 人');
  expect(await talentCount(page)).toBe(2);
  await shot(page, 'import-10-conflict-result');
});
