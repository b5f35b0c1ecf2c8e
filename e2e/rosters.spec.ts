/**
 * The roster round trip across the two desks (issue #7), each its own browser context and so its own
 * database: a base registers itself, pre-checks a roster with three bad rows and exports the
 * submission file anyway; the bureau imports it, sees the provenance and the untouched checksum,
 * receives the good rows, returns the roster with the annotated error workbook; the base fixes the
 * three rows and resubmits the batch; the bureau takes it without duplicates, and the trainees'
 * skill levels and the base's pass rate update. Screenshots e2e/artifacts/rosters-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { completeFirstRun, expect, shot, test, type OperatorRole } from './fixtures';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

function residentId(birth: string, sequence: number): string {
  const body = `310115${birth}${String(sequence).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(body[index]), 0);
  return `${body}${CHECK_CHARS[sum % 11]}`;
}

interface Trainee {
  name: string;
  id: string;
  start: string;
  hours: number;
  result: '合格' | '不合格' | '缺考';
  certificate: string;
}

const HEADER = ['序号', '姓名', '证件号码', '职业/工种', '等级', '培训开始日期', '培训结束日期', '学时', '出勤率', '考核结果', '理论成绩', '实操成绩', '证书编号'];

function certificate(serial: number): string {
  // Y + assessor 0000 + province 31 + site 000001 + year 26 + level 4 + serial: 22 characters.
  return `Y000031000001264${String(serial).padStart(6, '0')}`;
}

/** Eight trainees; with `fixed` false, rows 6–8 carry one error each. */
function trainees(fixed: boolean): Trainee[] {
  const goodEight = residentId('19950808', 88);
  const badEight = `${goodEight.slice(0, 17)}${goodEight[17] === '0' ? '1' : '0'}`;
  return [
    { name: '陈一', id: residentId('19900101', 11), start: '2026-03-02', hours: 120, result: '合格', certificate: certificate(1) },
    { name: '林二', id: residentId('19910202', 22), start: '2026-03-02', hours: 120, result: '合格', certificate: certificate(2) },
    { name: '黄三', id: residentId('19920303', 33), start: '2026-03-02', hours: 110, result: '合格', certificate: certificate(3) },
    { name: '周四', id: residentId('19930404', 44), start: '2026-03-02', hours: 120, result: '合格', certificate: certificate(4) },
    { name: '吴五', id: residentId('19940505', 55), start: '2026-03-02', hours: 96, result: '不合格', certificate: '' },
    // Absent, yet with a certificate number (error) → fixed: number removed.
    { name: '郑六', id: residentId('19960606', 66), start: '2026-03-02', hours: 40, result: '缺考', certificate: fixed ? '' : certificate(6) },
    // Trained before the accreditation began (error) → fixed: the right start date.
    { name: '王七', id: residentId('19970707', 77), start: fixed ? '2026-03-02' : '2023-06-01', hours: 120, result: '合格', certificate: certificate(7) },
    // A wrong check character (error) → fixed: the right number.
    { name: '冯八', id: fixed ? goodEight : badEight, start: '2026-03-02', hours: 120, result: '合格', certificate: certificate(8) },
  ];
}

function rosterFile(fixed: boolean): Buffer {
  const rows = trainees(fixed).map((person, index) => [index + 1, person.name, person.id, '人工智能训练师', '四级/中级工', person.start, '2026-04-30', person.hours, 95, person.result, 85, 88, person.certificate]);
  const sheet = XLSX.utils.aoa_to_sheet([HEADER, ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '花名册');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function openDesk(browser: Browser, baseURL: string, operator: string, role: OperatorRole, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('console', (entry) => {
    if (entry.type() === 'error') problems.push(`${role} console.error: ${entry.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${role} uncaught: ${error.message}`));
  await page.goto('/');
  await completeFirstRun(page, operator, role);
  return { context, page };
}

async function registerBase(page: Page): Promise<void> {
  await page.goto('/#/bases');
  await page.getByTestId('base-add').click();
  const form = page.getByTestId('base-form');
  await form.getByLabel('基地编号').fill('JD-001');
  await form.getByLabel('名称').fill('浦东人工智能实训基地');
  await form.getByLabel('统一社会信用代码').fill('91310115MA1K4XYR0P');
  await form.getByLabel('认定日期').click();
  await form.getByLabel('认定日期').fill('2024-01-01');
  await form.getByLabel('认定日期').press('Enter');
  await form.getByLabel('有效期至').click();
  await form.getByLabel('有效期至').fill('2027-12-31');
  await form.getByLabel('有效期至').press('Enter');
  await form.getByLabel('年度培训计划人数').fill('200');
  await form.getByPlaceholder('工种').first().fill('数据标注员');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('bases-table')).toContainText('浦东人工智能实训基地');
}

async function chooseFile(page: Page, scope: string, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(scope).getByTestId('file-drop-zone').click();
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

async function countSkillLevel(page: Page, level: number): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('talentledger');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('talents').objectStore('talents').getAll();
          all.onsuccess = () => {
            resolve((all.result as Array<{ skillLevel: number }>).filter((talent) => talent.skillLevel === wanted).length);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    level,
  );
}

async function passRate(page: Page): Promise<string> {
  await page.goto('/#/bases');
  await page.getByTestId('bases-table').getByText('浦东人工智能实训基地').click();
  const detail = page.getByTestId('base-detail');
  await expect(detail).toBeVisible();
  return (await detail.getByTestId('pass-rate-total').textContent()) ?? '';
}

test('a roster goes from the base to the bureau, is returned with three bad rows, corrected and accepted', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  const url = baseURL ?? 'http://127.0.0.1:4321';
  const base = await openDesk(browser, url, '赵老师', 'base', problems);
  const bureau = await openDesk(browser, url, '王科长', 'bureau', problems);

  // — Base desk: register itself, pre-check a roster with three bad rows, export the submission anyway.
  await registerBase(base.page);
  await shot(base.page, 'rosters-1-base-registered');
  await base.page.goto('/#/rosters');
  await base.page.getByTestId('prepare-batch').fill('2026-01');
  await chooseFile(base.page, 'prepare-panel', '2026年第一期花名册.xlsx', rosterFile(false));
  await expect(base.page.getByTestId('precheck-summary')).toContainText('3 行有错误');
  await expect(base.page.getByTestId('receipt-rows')).toContainText('只有考核合格的学员才有证书编号');
  await expect(base.page.getByTestId('receipt-rows')).toContainText('不在基地认定有效期内');
  await expect(base.page.getByTestId('receipt-rows')).toContainText('学时 110 低于计划学时 120');
  await shot(base.page, 'rosters-2-precheck');
  const firstExport = base.page.waitForEvent('download');
  await base.page.getByTestId('export-submission').click();
  await base.page.getByRole('button', { name: /确\s*定/ }).click();
  const submission = await firstExport;
  expect(submission.suggestedFilename()).toBe('浦东人工智能实训基地_2026-01_报送花名册.xlsx');
  const submissionBytes = readFileSync(await submission.path());
  await expect(base.page.getByTestId('prepare-exported')).toContainText('8 行');
  await shot(base.page, 'rosters-3-submission-exported');

  // — Bureau desk: the same base in its registry; import the submission and see its provenance.
  await registerBase(bureau.page);
  await bureau.page.goto('/#/rosters');
  await chooseFile(bureau.page, 'receive-panel', submission.suggestedFilename(), submissionBytes);
  const provenance = bureau.page.getByTestId('submission-provenance');
  await expect(provenance).toContainText('报送文件：浦东人工智能实训基地（JD-001）');
  await expect(provenance).toContainText('批次 2026-01');
  await expect(bureau.page.getByTestId('submission-hash-state')).toContainText('导出后未被修改');
  await expect(bureau.page.getByTestId('receipt-summary')).toContainText('有错误 3');
  await shot(bureau.page, 'rosters-4-bureau-provenance');
  await bureau.page.getByTestId('receive-commit').click();
  await expect(bureau.page.getByTestId('receive-done')).toContainText('接收 5，退回 3');
  await bureau.page.getByTestId('open-received-roster').click();
  const detail = bureau.page.getByTestId('roster-detail');
  await expect(detail.getByTestId('roster-status')).toHaveText('部分接收');
  await expect(detail.getByTestId('roster-counts')).toContainText('5 / 3');
  expect(await countSkillLevel(bureau.page, 4)).toBe(4);

  // Return with the reason; the annotated error workbook downloads, named after the base and batch.
  await detail.getByTestId('roster-return').click();
  await bureau.page.getByTestId('roster-return-reason').fill('3 行信息有误，请按错误报告更正后重新报送');
  const reportDownload = bureau.page.waitForEvent('download');
  await bureau.page.locator('#roster-return-confirm').click();
  const report = await reportDownload;
  expect(report.suggestedFilename()).toBe('浦东人工智能实训基地_2026-01_错误报告.xlsx');
  const reportBook = XLSX.read(readFileSync(await report.path()));
  const reportRows = XLSX.utils.sheet_to_json<unknown[]>(reportBook.Sheets[reportBook.SheetNames[0] ?? ''] ?? {}, { header: 1 });
  expect(reportRows.length).toBe(4);
  expect(JSON.stringify(reportRows)).toContain('校验位不正确');
  await expect(detail.getByTestId('roster-status')).toHaveText('已退回');
  await shot(bureau.page, 'rosters-5-returned');
  expect(await passRate(bureau.page)).toBe('80.0%');

  // — Base desk: the three rows fixed, the same batch submitted again.
  await base.page.goto('/#/rosters');
  await base.page.getByTestId('prepare-batch').fill('2026-01');
  await chooseFile(base.page, 'prepare-panel', '2026年第一期花名册-更正.xlsx', rosterFile(true));
  await expect(base.page.getByTestId('precheck-summary')).toContainText('预检通过');
  const secondExport = base.page.waitForEvent('download');
  await base.page.getByTestId('export-submission').click();
  const resubmission = await secondExport;
  const resubmissionBytes = readFileSync(await resubmission.path());
  await shot(base.page, 'rosters-6-corrected-exported');

  // — Bureau desk: the resubmission keeps the five accepted people and takes the three fixed rows.
  await bureau.page.goto('/#/rosters');
  await chooseFile(bureau.page, 'receive-panel', resubmission.suggestedFilename(), resubmissionBytes);
  await expect(bureau.page.getByTestId('resubmission-notice')).toContainText('已接收的 5 人保留');
  await expect(bureau.page.getByTestId('receipt-summary')).toContainText('此前已接收 5');
  await shot(bureau.page, 'rosters-7-resubmission');
  await bureau.page.getByTestId('receive-commit').click();
  await expect(bureau.page.getByTestId('receive-done')).toContainText('接收 3，退回 0，保留 5');
  await bureau.page.getByTestId('open-received-roster').click();
  await expect(detail.getByTestId('roster-status')).toHaveText('已接收');
  await expect(detail.getByTestId('roster-counts')).toContainText('8 / 0');
  await shot(bureau.page, 'rosters-8-accepted');
  // 陈一, 林二, 黄三, 周四, 王七, 冯八 passed at level 4; 6 of 8 assessed passed.
  expect(await countSkillLevel(bureau.page, 4)).toBe(6);
  expect(await passRate(bureau.page)).toBe('75.0%');
  await shot(bureau.page, 'rosters-9-base-history');

  await base.context.close();
  await bureau.context.close();
  expect(problems).toEqual([]);
});
