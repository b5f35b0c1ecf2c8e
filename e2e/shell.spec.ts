/** The app shell in the browser build: first run, the nine sections, language switch, persistence, CSP. */
import { completeFirstRun, expect, shot, test } from './fixtures';

interface SectionExpectation {
  path: string;
  menu: string;
  /** Text that proves the section's own content rendered. */
  content: string;
}

const sections: SectionExpectation[] = [
  { path: '/dashboard', menu: '工作台', content: '工作台暂无数据' },
  { path: '/talents', menu: '人才库', content: '还没有人才记录。可在此新增，或从 Excel 导入；设置中可生成演示数据。' },
  { path: '/titles', menu: '职称评审', content: '还没有职称申报' },
  { path: '/bases', menu: '培训基地', content: '还没有登记培训基地' },
  { path: '/rosters', menu: '花名册', content: '还没有培训花名册' },
  { path: '/reports', menu: '统计报表', content: '暂无可统计的数据' },
  { path: '/backup', menu: '数据备份', content: '还没有备份' },
  // The first-run settings are the first audit entry, so the log is not empty.
  { path: '/audit', menu: '操作日志', content: '操作员姓名: — → 王小明' },
  { path: '/settings', menu: '设置', content: '本地存储' },
];

test('first run asks for the operator, then opens the dashboard', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用人才台账' })).toBeVisible();
  // The operator name is required.
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('请填写操作员姓名')).toBeVisible();
  await shot(page, 'first-run');

  await completeFirstRun(page, '王小明', 'base');
  await expect(page).toHaveURL(/#\/dashboard$/);
  await expect(page.getByTestId('app-name')).toHaveText('人才台账');
  await expect(page.getByRole('heading', { level: 3, name: '工作台' })).toBeVisible();
});

test('every section opens from the menu with its own content', async ({ page }) => {
  await page.goto('/');
  await completeFirstRun(page, '王小明', 'bureau');
  const menu = page.getByRole('menu', { name: '主菜单' });
  for (const section of sections) {
    await menu.getByRole('link', { name: section.menu, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#${section.path}$`));
    await expect(page.getByRole('heading', { level: 3, name: section.menu })).toBeVisible();
    await expect(page.getByText(section.content, { exact: false }).first()).toBeVisible();
    await expect(menu.locator('.ant-menu-item-selected')).toHaveText(section.menu);
    await shot(page, `section-${section.path.slice(1)}`);
  }
});

test('empty states point to the section to fill first', async ({ page }) => {
  await page.goto('/#/rosters');
  await completeFirstRun(page, '王小明');
  await page.getByRole('link', { name: '前往培训基地' }).click();
  await expect(page).toHaveURL(/#\/bases$/);
  await expect(page.getByText('还没有登记培训基地')).toBeVisible();
});

test('the language switches to English and back, and the choice survives a reload', async ({ page }) => {
  await page.goto('/');
  await completeFirstRun(page, '王小明');
  await page.goto('/#/talents');
  await page.getByRole('banner').getByText('English', { exact: true }).click();

  await expect(page.getByTestId('app-name')).toHaveText('TalentLedger');
  await expect(page.getByRole('heading', { level: 3, name: 'Talents' })).toBeVisible();
  await expect(page.getByText('No talent records yet. Add them here or import them from Excel')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(page, 'english-talents');

  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: 'Talents' })).toBeVisible();
  await page.getByRole('menu').getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByText('Local storage')).toBeVisible();
  await shot(page, 'english-settings');

  await page.getByRole('banner').getByText('中文', { exact: true }).click();
  await expect(page.getByTestId('app-name')).toHaveText('人才台账');
  await expect(page.getByRole('heading', { level: 3, name: '设置' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('settings survive a reload and changes are audited', async ({ page }) => {
  await page.goto('/');
  await completeFirstRun(page, '王小明', 'bureau');
  await page.reload();
  // No first run again: the operator is stored in IndexedDB.
  await expect(page.getByTestId('operator')).toContainText('王小明');
  await expect(page.getByTestId('first-run')).toHaveCount(0);

  await page.goto('/#/settings');
  const name = page.getByLabel('操作员姓名');
  await expect(name).toHaveValue('王小明');
  await name.fill('李四');
  await page.getByTestId('settings-page').getByText('培训基地', { exact: true }).click();
  await page.getByTestId('operator-card').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('操作员信息已保存')).toBeVisible();
  await expect(page.getByTestId('operator')).toContainText('李四');
  await expect(page.getByTestId('operator')).toContainText('培训基地');

  await page.reload();
  await expect(page.getByTestId('operator')).toContainText('李四');
  await expect(page.getByLabel('操作员姓名')).toHaveValue('李四');
  await expect(page.getByTestId('storage-status')).toContainText('持久存储');
  await expect(page.getByTestId('storage-status')).toContainText(/\d+(\.\d)? (B|KB|MB|GB)/);

  await page.goto('/#/audit');
  const table = page.getByTestId('audit-table');
  await expect(table.getByRole('row')).toHaveCount(3); // header + 2 entries
  await expect(table).toContainText('操作员姓名: 王小明 → 李四；所属单位类型: 人社局 → 培训基地');
  await expect(page.getByText('共 2 条记录')).toBeVisible();
  await shot(page, 'audit-after-settings-change');
});

test('each test starts with an empty database', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('first-run')).toBeVisible();
});

test('an unknown route shows a way back', async ({ page }) => {
  await page.goto('/');
  await completeFirstRun(page, '王小明');
  await page.goto('/#/nowhere');
  await expect(page.getByText('页面不存在')).toBeVisible();
  await page.getByRole('link', { name: '返回工作台' }).click();
  await expect(page).toHaveURL(/#\/dashboard$/);
});

test('the built page carries the strict CSP', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
});

test('demo data is generated in a worker, counted on the dashboard, audited, and removed again', async ({ page }) => {
  await page.goto('/');
  await completeFirstRun(page, '王小明');
  await page.goto('/#/settings');
  const demo = page.getByTestId('demo-data');
  await expect(demo).toContainText('当前演示数据 0 条');
  await demo.getByRole('button', { name: '生成演示数据' }).click();
  await expect(page.getByText('已生成 1,000 条演示数据')).toBeVisible();
  await expect(demo).toContainText('当前演示数据 1,000 条');

  await page.getByRole('menu').getByRole('link', { name: '工作台', exact: true }).click();
  await expect(page.getByText('人才总数')).toBeVisible();
  await expect(page.locator('.ant-statistic').first()).toContainText('1,000');
  await shot(page, 'dashboard-with-demo-data');
  await page.getByRole('menu').getByRole('link', { name: '人才库', exact: true }).click();
  await expect(page.getByText('共 1,000 人')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('menu').getByRole('link', { name: '设置', exact: true }).click();
  await demo.getByRole('button', { name: '删除演示数据' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已删除 1,000 条演示数据')).toBeVisible();
  await expect(demo).toContainText('当前演示数据 0 条');

  await page.goto('/#/audit');
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('导入');
  await expect(table).toContainText('生成演示数据（1000');
  await expect(table).toContainText('删除演示数据（1000）');
});
