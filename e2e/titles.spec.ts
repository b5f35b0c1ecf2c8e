/**
 * 职称评审 end to end (issue #8): twelve sample applications; one fails eligibility and is withdrawn,
 * one is returned for correction and resubmitted, the committee's results come from a sheet, one
 * objection during 公示 ends in 评审未通过, and ten reach 已发证 in bulk. The 公示名单 is printed
 * to PDF (headless Chromium) and looked at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { completeFirstRun, expect, shot, test } from './fixtures';

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
const year = new Date().getFullYear();
const doc = (n: number) => `ZC${year}-${String(n).padStart(4, '0')}`;

/**
 * Picks `label` in the Select `testId` and waits until the Select shows it. The option is looked up in
 * the open dropdown only (a closed one can linger while it animates out), and the pick is retried: a
 * click can land while the list still scrolls to the previous choice, which picks its neighbour.
 */
async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  await expect(async () => {
    await select.click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click({ timeout: 2_000 });
    await expect(select.locator('.ant-select-content')).toHaveAttribute('title', label, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

async function filterStatus(page: Page, label: string): Promise<void> {
  await chooseOption(page, 'titles-status-filter', label);
}

/** Selects every listed application and opens the bulk transition to `target`. */
async function bulkOpen(page: Page, target: string): Promise<void> {
  await page.locator('[data-testid="titles-table"] .ant-table-thead .ant-checkbox-input').check();
  await chooseOption(page, 'titles-bulk-target', target);
  await page.getByTestId('titles-bulk-apply').click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

async function confirm(page: Page): Promise<void> {
  // Let the dialog's opening animation finish: a click during the zoom can miss the button.
  await page.waitForTimeout(400);
  await page.getByRole('dialog').last().getByRole('button', { name: /^确\s*定$/u }).click();
}

async function openApplication(page: Page, number: string): Promise<void> {
  await page.goto('/#/titles');
  await page.getByTestId('titles-search').locator('input').fill(number);
  await page.getByTestId('titles-search').locator('input').press('Enter');
  await page.getByTestId('titles-table').locator('tbody tr').filter({ hasText: number }).getByRole('link').click();
  await expect(page.getByTestId('application-status')).toBeVisible();
}

async function step(page: Page, button: string, note = ''): Promise<void> {
  await page.getByTestId(`to-${button}`).click();
  if (note !== '') await page.getByTestId('transition-note').fill(note);
  await confirm(page);
  await expect(page.getByRole('dialog')).toBeHidden();
}

test('ten applications from 已提交 to 已发证, with a return, an ineligible one, an objection and the printed 公示名单', async ({ page }) => {
  test.setTimeout(540_000);
  await page.goto('/');
  await completeFirstRun(page, '周经办');
  await page.goto('/#/settings');
  await page.getByTestId('demo-data').getByRole('button', { name: '生成演示数据' }).click();
  await expect(page.getByText('已生成 1,000 条演示数据')).toBeVisible({ timeout: 60_000 });

  await page.goto('/#/titles');
  await page.getByTestId('titles-demo').click();
  await expect(page.getByText('已生成 12 份示例申报')).toBeVisible();
  await expect(page.getByTestId('titles-bulk-bar')).toContainText('共 12 份申报');
  await shot(page, 'titles-list-submitted');

  // 已提交 → 单位审核通过 (单位内公示 dates) → 形式审查中, all twelve at once.
  await bulkOpen(page, '单位审核通过');
  await page.getByRole('dialog').getByPlaceholder('开始日期').fill(`${year}-11-02`);
  await page.getByRole('dialog').getByPlaceholder('结束日期').fill(`${year}-11-06`);
  await page.getByRole('dialog').getByPlaceholder('结束日期').press('Enter');
  await confirm(page);
  await expect(page.getByText('已将 12 份申报变为“单位审核通过”')).toBeVisible();
  await bulkOpen(page, '形式审查中');
  await confirm(page);
  await expect(page.getByText('已将 12 份申报变为“形式审查中”')).toBeVisible();

  // 形式审查通过 is refused for the whole batch because one applicant is not eligible; nothing changes.
  await bulkOpen(page, '形式审查通过');
  await confirm(page);
  await expect(page.getByTestId('transition-failures')).toContainText('任职年限');
  await shot(page, 'titles-eligibility-refused');
  await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

  // The ineligible one: returned, then withdrawn.
  await openApplication(page, doc(2));
  await expect(page.getByTestId('eligibility')).toContainText('不符合');
  await shot(page, 'titles-detail-ineligible');
  await step(page, 'returned', '任职年限不足 5 年');
  await step(page, 'withdrawn', '申请人撤回');
  await expect(page.getByTestId('application-status')).toHaveText('已撤回');

  // One returned for correction and resubmitted.
  await openApplication(page, doc(3));
  await step(page, 'returned', '缺少继续教育学时证明');
  await expect(page.getByTestId('application-status')).toHaveText('退回补正');
  await step(page, 'submitted');
  await step(page, 'unitApproved');
  await step(page, 'formalReview');
  await expect(page.getByTestId('history')).toContainText('退回补正 → 已提交');

  await page.goto('/#/titles');
  await filterStatus(page, '形式审查中');
  await expect(page.getByTestId('titles-bulk-bar')).toContainText('共 11 份申报');
  await bulkOpen(page, '形式审查通过');
  await confirm(page);
  await expect(page.getByText('已将 11 份申报变为“形式审查通过”')).toBeVisible();

  // A review batch with its committee; the eleven join it and go to 评审中.
  await page.goto('/#/titles?tab=batches');
  await page.getByTestId('batch-create').click();
  await page.getByTestId('batch-members').fill('张委员\n李委员\n王委员\n赵委员\n钱委员');
  await confirm(page);
  await page.getByRole('link', { name: `${year}年度人工智能专业高级职称评审` }).click();
  await page.getByTestId('batch-assign').click();
  await expect(page.getByText('已加入 11 份申报')).toBeVisible();
  const batchUrl = page.url();

  await page.goto('/#/titles');
  await filterStatus(page, '形式审查通过');
  await bulkOpen(page, '评审中');
  await confirm(page);
  await expect(page.getByText('已将 11 份申报变为“评审中”')).toBeVisible();

  // Committee results from the committee's sheet: 12 of 15 for everyone (> two-thirds).
  const numbers = [1, ...Array.from({ length: 10 }, (_unused, index) => index + 3)].map(doc);
  mkdirSync(artifacts, { recursive: true });
  const csvPath = path.join(artifacts, 'titles-committee-results.csv');
  writeFileSync(csvPath, ['评审编号,评审结果,赞成票,总票数', ...numbers.map((number) => `${number},通过,12,15`)].join('\n'), 'utf8');
  await page.goto(batchUrl);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('batch-import-results').click();
  await (await chooser).setFiles(csvPath);
  await expect(page.getByTestId('committee-preview')).toContainText(doc(12));
  await shot(page, 'titles-committee-preview');
  await page.getByRole('button', { name: '确认并写入结果' }).click();
  await expect(page.getByText('通过 11 份，未通过 0 份，跳过 0 行')).toBeVisible();

  // 公示 for the eleven, five working days from today.
  await page.goto('/#/titles');
  await filterStatus(page, '评审通过');
  await bulkOpen(page, '公示中');
  await confirm(page);
  await expect(page.getByText('已将 11 份申报变为“公示中”')).toBeVisible();
  await filterStatus(page, '公示中');
  await expect(page.getByTestId('titles-table')).toContainText('公示至');
  await shot(page, 'titles-list-publicity');

  // The printable 公示名单: masked IDs, printed to PDF by headless Chromium.
  await page.goto(`${batchUrl}/publicity`);
  await expect(page.getByTestId('publicity-table').locator('tbody tr')).toHaveCount(11);
  const idCell = page.getByTestId('publicity-table').locator('tbody tr').first().locator('td').nth(3);
  await expect(idCell).toHaveText(/^\d{6}\*{8}[\dX]{4}$/);
  await shot(page, 'titles-publicity-page');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('publicity-print')).toBeHidden();
  await shot(page, 'titles-publicity-print-media');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  writeFileSync(path.join(artifacts, 'titles-publicity.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });

  // An objection during 公示 → 复核 → 评审未通过.
  await openApplication(page, doc(4));
  await step(page, 'publicityObjection', '收到实名异议：业绩材料存疑');
  await step(page, 'recheck');
  await step(page, 'reviewFailed', '复核认定业绩不实');
  await expect(page.getByTestId('application-status')).toHaveText('评审未通过');

  // The remaining ten: 公示无异议 → 已发证 with their e-certificate references.
  await page.goto('/#/titles');
  await filterStatus(page, '公示中');
  await expect(page.getByTestId('titles-bulk-bar')).toContainText('共 10 份申报');
  await bulkOpen(page, '公示无异议');
  await confirm(page);
  await expect(page.getByText('已将 10 份申报变为“公示无异议”')).toBeVisible();
  await filterStatus(page, '公示无异议');
  await bulkOpen(page, '已发证');
  const references = page.getByRole('dialog').getByRole('textbox', { name: /电子证书编号/ });
  await expect(references).toHaveCount(10);
  for (let index = 0; index < 10; index += 1) await references.nth(index).fill(`SHZC${year}E${String(index + 1).padStart(5, '0')}`);
  await shot(page, 'titles-certify-dialog');
  await confirm(page);
  await expect(page.getByText('已将 10 份申报变为“已发证”')).toBeVisible();
  // Still filtered on 公示无异议, which now matches nothing: the list says so rather than "no applications yet".
  await expect(page.getByTestId('titles-table')).toContainText('没有符合筛选条件的申报');
  await filterStatus(page, '已发证');
  await expect(page.getByTestId('titles-bulk-bar')).toContainText('共 10 份申报');
  await shot(page, 'titles-list-certified');

  await openApplication(page, doc(1));
  await expect(page.getByTestId('certificate')).toContainText(`SHZC${year}E`);
  await shot(page, 'titles-detail-certified');
});
