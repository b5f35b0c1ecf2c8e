/**
 * 人才库 in the browser build: create a talent, refuse a duplicate (offering the existing record),
 * edit with an audit entry, find by pinyin initials and by ID tail, masked display and reveal
 * with its audit entry, 迁出 with date and reason. ID numbers never reach the URL or the title.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { citizenIdCheckChar } from '../shared/identity/citizenId';
import { completeFirstRun, expect, shot, test } from './fixtures';

/** Pudong (310115), born 1990-03-07, sequence 123 (odd: male). */
const ID_ZHANG = `31011519900307123${citizenIdCheckChar('31011519900307123')}`;
/** Xuhui (310104), born 1985-11-20, sequence 246 (even: female). */
const ID_LI = `31010419851120246${citizenIdCheckChar('31010419851120246')}`;

async function fillTalentForm(page: Page, values: { name: string; idNumber: string; phone: string; employer: string }) {
  const form = page.getByTestId('talent-form');
  await form.getByLabel('姓名', { exact: true }).fill(values.name);
  await form.getByLabel('证件号码', { exact: true }).fill(values.idNumber);
  await form.getByLabel('证件号码', { exact: true }).blur();
  await form.getByLabel('手机号码', { exact: true }).fill(values.phone);
  await form.getByLabel('工作单位', { exact: true }).fill(values.employer);
}

async function expectNoIdIn(page: Page, idNumber: string) {
  expect(page.url()).not.toContain(idNumber);
  expect(await page.title()).not.toContain(idNumber);
}

test('talent registry: create, duplicate, edit, search, reveal, move out', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleText: string[] = [];
  page.on('console', (message) => consoleText.push(message.text()));
  await page.goto('/#/talents');
  await completeFirstRun(page, '王小明');
  await expect(page.getByText('还没有人才记录。可在此新增，或从 Excel 导入；设置中可生成演示数据。')).toBeVisible();

  // Create, with inline validation first.
  await page.getByRole('button', { name: '新增人员' }).click();
  await expect(page).toHaveURL(/#\/talents\/new$/);
  const form = page.getByTestId('talent-form');
  await form.getByLabel('证件号码', { exact: true }).fill(`${ID_ZHANG.slice(0, 17)}${ID_ZHANG.endsWith('0') ? '1' : '0'}`);
  await form.getByLabel('证件号码', { exact: true }).blur();
  await expect(form.getByText('证件号码：校验位不正确，请按证件核对号码')).toBeVisible();
  await fillTalentForm(page, { name: '张三丰', idNumber: ID_ZHANG, phone: '13912345678', employer: '上海智算科技有限公司' });
  await expect(form.getByText('证件号码：校验位不正确')).toHaveCount(0);
  // Birth date and gender come from the ID number.
  await expect(form.getByLabel('出生日期', { exact: true })).toHaveValue('1990-03-07');
  await expect(form.getByText('已按证件号码填写').first()).toBeVisible();
  await shot(page, 'talent-form-create');
  await page.getByTestId('talent-save').click();

  await expect(page.getByTestId('talent-name')).toHaveText('张三丰');
  await expect(page).toHaveURL(/#\/talents\/[0-9a-f-]{36}$/);
  const zhangUrl = page.url();
  // Masked by default: first 6 + last 4, phone 3 + 4.
  await expect(page.getByTestId('talent-id-number')).toHaveText(`310115********${ID_ZHANG.slice(14)}`);
  await expect(page.getByTestId('talent-phone')).toHaveText('139****5678');
  await expect(page.getByText(ID_ZHANG)).toHaveCount(0);
  await expectNoIdIn(page, ID_ZHANG);

  // Reveal: full values, and a reveal entry in the record's history.
  await page.getByRole('button', { name: '显示' }).click();
  await expect(page.getByTestId('talent-id-number')).toHaveText(ID_ZHANG);
  await expect(page.getByTestId('talent-phone')).toHaveText('13912345678');
  await page.getByRole('tab', { name: /变更记录/ }).click();
  await expect(page.getByTestId('talent-history-entry').first()).toContainText('查看完整信息');
  await expect(page.getByTestId('talent-history-entry').first()).toContainText('王小明');
  await expectNoIdIn(page, ID_ZHANG);

  // Leaving the page masks again.
  await page.getByRole('link', { name: '返回列表' }).click();
  await expect(page.getByTestId('talent-total')).toBeVisible();
  await page.goto(zhangUrl);
  await expect(page.getByTestId('talent-id-number')).toHaveText(`310115********${ID_ZHANG.slice(14)}`);

  // Edit: one field changes; the history shows it before/after.
  await page.getByRole('button', { name: '编辑' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await page.getByTestId('talent-form').getByLabel('工作单位', { exact: true }).fill('上海人工智能实验室');
  await page.getByTestId('talent-save').click();
  await expect(page.getByText('已保存修改')).toBeVisible();
  await page.getByRole('tab', { name: /变更记录/ }).click();
  const latest = page.getByTestId('talent-history-entry').first();
  await expect(latest).toContainText('修改');
  await expect(latest).toContainText('工作单位');
  await expect(latest).toContainText('上海智算科技有限公司');
  await expect(latest).toContainText('上海人工智能实验室');
  // The create entry masks the ID number in the history too.
  await expect(page.getByTestId('talent-history')).not.toContainText(ID_ZHANG);
  await shot(page, 'talent-detail-history');

  // A second person.
  await page.goto('/#/talents/new');
  await fillTalentForm(page, { name: '李四', idNumber: ID_LI, phone: '13800001111', employer: '上海某机器人有限公司' });
  await page.getByTestId('talent-save').click();
  await expect(page.getByTestId('talent-name')).toHaveText('李四');

  // Duplicate: the same document under another name offers the existing record.
  await page.goto('/#/talents/new');
  await fillTalentForm(page, { name: '张三', idNumber: ID_ZHANG, phone: '13900000000', employer: '别的公司' });
  const duplicate = page.getByTestId('talent-duplicate');
  await expect(duplicate).toContainText('该人员已在库（姓名：张三丰）');
  await shot(page, 'talent-form-duplicate');
  await page.getByTestId('talent-save').click();
  await expect(duplicate).toBeVisible();
  await duplicate.getByRole('button', { name: '打开该记录' }).click();
  await expect(page.getByTestId('talent-name')).toHaveText('张三丰');
  expect(page.url()).toBe(zhangUrl);

  // The list: count, masked columns, search by pinyin initials, full pinyin and ID tail.
  await page.getByRole('link', { name: '返回列表' }).click();
  await expect(page.getByTestId('talent-total')).toHaveText('共 2 人');
  await expect(page.getByTestId('talent-row')).toHaveCount(2);
  await expect(page.getByTestId('talent-table')).toContainText(`310115********${ID_ZHANG.slice(14)}`);
  await expect(page.getByTestId('talent-table')).not.toContainText(ID_ZHANG);
  const search = page.getByTestId('talent-search').getByRole('searchbox');
  await search.fill('zsf');
  await expect(page.getByTestId('talent-total')).toHaveText('共 1 人（全部 2 人）');
  await expect(page.getByTestId('talent-row')).toHaveCount(1);
  await expect(page.getByTestId('talent-row')).toContainText('张三丰');
  await shot(page, 'talent-list-search-pinyin');
  await search.fill('zhangs');
  await expect(page.getByTestId('talent-row')).toContainText('张三丰');
  await search.fill(ID_LI.slice(-6));
  await expect(page.getByTestId('talent-row')).toHaveCount(1);
  await expect(page.getByTestId('talent-row')).toContainText('李四');
  await search.fill('0000');
  await expect(page.getByTestId('talent-total')).toHaveText('共 0 人（全部 2 人）');
  await search.fill('1111');
  await expect(page.getByTestId('talent-row')).toContainText('李四');
  await search.fill('');
  await expect(page.getByTestId('talent-row')).toHaveCount(2);

  // 导出 of the whole list (served newest first by the list's search-index worker): both people, masked, as edited.
  const wholeDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /导\s*出/ }).first().hover();
  await page.getByRole('menuitem', { name: '导出（证件号、手机号已脱敏） .xlsx' }).click();
  const whole = XLSX.read(readFileSync(await (await wholeDownload).path()));
  const wholeRows = XLSX.utils.sheet_to_json<string[]>(whole.Sheets[whole.SheetNames[0] as string] as XLSX.WorkSheet, { header: 1, raw: false });
  expect(wholeRows.map((row) => row[0])).toEqual(['姓名', '李四', '张三丰']);
  expect(JSON.stringify(wholeRows)).toContain(`310115********${ID_ZHANG.slice(14)}`);
  expect(JSON.stringify(wholeRows)).not.toContain(ID_ZHANG);
  expect(JSON.stringify(wholeRows)).toContain('上海人工智能实验室');
  expect(JSON.stringify(wholeRows)).not.toContain('上海智算科技有限公司');
  await expect(page.getByText('已导出 2 人')).toBeVisible();

  // 迁出 needs a date and a reason; the record stays in the list.
  await page.getByTestId('talent-row').filter({ hasText: '李四' }).click();
  await page.getByRole('button', { name: '迁出/注销' }).click();
  const statusForm = page.getByTestId('talent-status-form');
  await statusForm.getByLabel('离库日期').fill('');
  await page.getByRole('button', { name: '确认变更' }).click();
  await expect(statusForm.getByText('离库日期：必填，不能为空')).toBeVisible();
  await expect(statusForm.getByText('离库原因：必填，不能为空')).toBeVisible();
  await statusForm.getByLabel('离库日期').fill('2025-06-30');
  await statusForm.getByLabel('离库原因').fill('调往外省工作');
  await page.getByRole('button', { name: '确认变更' }).click();
  await expect(page.getByText('状态已变更')).toBeVisible();
  await expect(page.getByTestId('talent-detail').locator('.ant-tag').first()).toHaveText('已迁出');
  await page.getByRole('link', { name: '返回列表' }).click();
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '已迁出' }).click();
  await expect(page.getByTestId('talent-total')).toHaveText('共 1 人（全部 2 人）');
  await expect(page.getByTestId('talent-row')).toContainText('李四');
  await page.keyboard.press('Escape');
  // Cells carry text only while their column is in view: scrolled to the far right, 状态 shows.
  await page.getByTestId('talent-table').evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect(page.getByTestId('talent-row').getByRole('cell').filter({ hasText: '已迁出' })).toBeVisible();
  await page.getByTestId('talent-table').evaluate((element) => element.scrollTo({ left: 0 }));
  await shot(page, 'talent-list-filter-status');
  // A filtered list exports what it shows (the index's ids, in display order).
  const filteredDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /导\s*出/ }).first().hover();
  await page.getByRole('menuitem', { name: '导出（证件号、手机号已脱敏） .csv' }).click();
  const filteredCsv = new TextDecoder().decode(readFileSync(await (await filteredDownload).path())).replace(/^\uFEFF/, '');
  expect(filteredCsv.trim().split('\r\n').map((line) => line.split(',')[0])).toEqual(['姓名', '李四']);

  // 操作日志 lists the talent entries too.
  await page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name: '操作日志', exact: true }).click();
  const audit = page.getByTestId('audit-table');
  await expect(audit.getByRole('row').filter({ hasText: '查看完整信息' })).toHaveCount(1);
  await expect(audit.getByRole('row').filter({ hasText: '修改' }).filter({ hasText: 'employer' })).toHaveCount(1);
  await expect(audit).not.toContainText(ID_ZHANG);

  expect(consoleText.filter((line) => line.includes(ID_ZHANG) || line.includes(ID_LI))).toEqual([]);
});

test('设置: the mask pattern card previews and saves a new pattern', async ({ page }) => {
  await page.goto('/#/settings');
  await completeFirstRun(page, '王小明');
  const card = page.getByTestId('mask-pattern-card');
  await expect(card.getByTestId('mask-preview-id')).toHaveText('310101********123X');
  await expect(card.getByTestId('mask-preview-phone')).toHaveText('138****5678');
  await card.getByTestId('mask-idNumberKeepStart').fill('3');
  await card.getByTestId('mask-phoneKeepEnd').fill('2');
  await expect(card.getByTestId('mask-preview-id')).toHaveText('310***********123X');
  await expect(card.getByTestId('mask-preview-phone')).toHaveText('138******78');
  await card.getByTestId('mask-save').click();
  await expect(page.getByText('脱敏规则已保存')).toBeVisible();
  await shot(page, 'talents-mask-pattern-card');
  await page.reload();
  await expect(page.getByTestId('mask-pattern-card').getByTestId('mask-preview-id')).toHaveText('310***********123X');
});
