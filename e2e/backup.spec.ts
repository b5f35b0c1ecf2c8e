/**
 * 数据备份 end to end (issue #6): make a backup, change a talent, restore (verify → side-by-side →
 * pre-restore backup → replace), see the data back, undo the restore through the pre-restore
 * backup, and find each step in 操作日志. A damaged file is refused with the database untouched.
 * Screenshots in e2e/artifacts/backup-*.png.
 */
import type { Page } from '@playwright/test';
import { citizenIdCheckChar } from '../shared/identity/citizenId';
import { completeFirstRun, expect, shot, test } from './fixtures';

const ID_ZHANG = `31011519900307123${citizenIdCheckChar('31011519900307123')}`;

async function storedEmployer(page: Page, name: string): Promise<string | undefined> {
  return page.evaluate(
    (wanted) =>
      new Promise<string | undefined>((resolve, reject) => {
        const request = indexedDB.open('talentledger');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('talents').objectStore('talents').getAll();
          all.onsuccess = () => {
            const found = (all.result as Array<{ name: string; employer: string }>).find((talent) => talent.name === wanted);
            db.close();
            resolve(found?.employer);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    name,
  );
}

test('backup, change, restore, undo the restore; the audit log shows each step', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/#/talents');
  await expect(page.getByTestId('first-run')).toBeVisible({ timeout: 60_000 });
  await completeFirstRun(page, '王小明');

  // A talent to protect.
  await page.getByRole('button', { name: '新增人员' }).click();
  const form = page.getByTestId('talent-form');
  await form.getByLabel('姓名', { exact: true }).fill('张三丰');
  await form.getByLabel('证件号码', { exact: true }).fill(ID_ZHANG);
  await form.getByLabel('证件号码', { exact: true }).blur();
  await form.getByLabel('手机号码', { exact: true }).fill('13912345678');
  await form.getByLabel('工作单位', { exact: true }).fill('上海智算科技有限公司');
  await page.getByTestId('talent-save').click();
  await expect(page.getByTestId('talent-name')).toHaveText('张三丰');
  const talentUrl = page.url();

  // 1. Back up now.
  await page.goto('/#/backup');
  await expect(page.getByRole('heading', { level: 3, name: '数据备份' })).toBeVisible();
  await expect(page.getByTestId('backup-folder')).toContainText('浏览器私有存储');
  await page.getByTestId('backup-now').click();
  await expect(page.getByText(/^已备份：talentledger-.*-manual\.tlbak$/)).toBeVisible();
  const manualRow = page.getByTestId('backup-table').getByRole('row', { name: /手动/ });
  await expect(manualRow).toContainText('王小明');
  await expect(manualRow).toContainText('人才 1 条');
  await shot(page, 'backup-1-list');

  // 2. Change the talent.
  await page.goto(talentUrl);
  await page.getByRole('button', { name: '编辑' }).click();
  await page.getByTestId('talent-form').getByLabel('工作单位', { exact: true }).fill('改过的单位');
  await page.getByTestId('talent-save').click();
  await expect(page.getByText('已保存修改')).toBeVisible();
  expect(await storedEmployer(page, '张三丰')).toBe('改过的单位');

  // 3. Restore the manual backup: checked, compared, confirmed.
  await page.goto('/#/backup');
  await page.getByTestId('backup-table').getByRole('row', { name: /手动/ }).getByTestId('backup-restore').click();
  const modal = page.getByTestId('restore-modal');
  await expect(modal.getByText('备份文件完整，校验和全部相符。')).toBeVisible();
  await expect(modal.getByTestId('restore-comparison').getByRole('row', { name: /人才/ }).first()).toContainText('1');
  await expect(modal.getByText(/当前数据库中有比这份备份更新的修改/)).toBeVisible();
  await shot(page, 'backup-2-restore-compare');
  await modal.getByTestId('restore-confirm').click();
  const done = page.getByTestId('restore-done');
  await expect(done).toContainText('已从 talentledger-');
  await expect(done).toContainText(/恢复前的数据已保存为 talentledger-.*-preRestore\.tlbak/);
  await expect(page.getByTestId('backup-table').getByRole('row', { name: /恢复前/ })).toHaveCount(1);
  await shot(page, 'backup-3-restored');
  expect(await storedEmployer(page, '张三丰')).toBe('上海智算科技有限公司');
  await page.goto(talentUrl);
  await expect(page.getByTestId('talent-name')).toHaveText('张三丰');
  await expect(page.getByText('上海智算科技有限公司').first()).toBeVisible();

  // 4. Undo the restore: restores the pre-restore backup.
  await page.goto('/#/backup');
  await page.getByTestId('restore-undo').click();
  await expect(modal.getByText('备份文件完整，校验和全部相符。')).toBeVisible();
  await modal.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toContainText('已撤销恢复');
  expect(await storedEmployer(page, '张三丰')).toBe('改过的单位');
  await shot(page, 'backup-4-undone');

  // 5. A damaged file is refused and changes nothing.
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('backup-import').click();
  await (await chooser).setFiles({ name: 'damaged.tlbak', mimeType: 'application/octet-stream', buffer: Buffer.from('{"tlbak":"header","format":"talentledger-backup","formatVersion":1,"appVersion":"0.1.0","schemaVersion":3,"createdAt":"2026-11-26T00:00:00.000Z"}\n{"tlbak":"begin","table":"talents"}\n') });
  await expect(page.getByTestId('restore-refused')).toContainText('备份文件不完整');
  await expect(page.getByTestId('restore-refused')).toContainText('数据库没有任何改动');
  await shot(page, 'backup-5-refused');
  await modal.getByRole('button', { name: '取消' }).click();
  expect(await storedEmployer(page, '张三丰')).toBe('改过的单位');

  // 6. The audit log shows every step.
  await page.goto('/#/audit');
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('撤销恢复：恢复到恢复前备份');
  await expect(table).toContainText(/从备份 talentledger-.*-manual\.tlbak 恢复/);
  await expect(table).toContainText('恢复前备份：talentledger-');
  await expect(table).toContainText('手动备份：talentledger-');
  await expect(table.getByText('恢复备份').first()).toBeVisible();
  await shot(page, 'backup-6-audit');

  // Filtered to restores, and exported.
  await page.getByTestId('audit-filter-action').click();
  await page.locator('.ant-select-item-option', { hasText: '恢复备份' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('audit-matching')).toHaveText('筛选出 2 条');
  await expect(table.getByRole('row')).toHaveCount(3);
  const csv = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  expect((await csv).suggestedFilename()).toMatch(/^操作日志-\d{8}-\d{6}\.csv$/);
  await shot(page, 'backup-7-audit-filtered');
});

test('export all data downloads a portable backup file', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/backup');
  await expect(page.getByTestId('first-run')).toBeVisible({ timeout: 60_000 });
  await completeFirstRun(page, '王小明');
  await page.goto('/#/backup');
  const download = page.waitForEvent('download');
  await page.getByTestId('backup-export').click();
  expect((await download).suggestedFilename()).toMatch(/^talentledger-.*-export\.tlbak$/);
});

test('an empty database with backups present offers the newest backup on start', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/talents');
  await expect(page.getByTestId('first-run')).toBeVisible({ timeout: 60_000 });
  await completeFirstRun(page, '王小明');
  await page.goto('/#/backup');
  await page.getByTestId('backup-now').click();
  await expect(page.getByText(/^已备份：/)).toBeVisible();
  // The profile's database is lost (the backups folder survives).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('talentledger');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => resolve();
      }),
  );
  await page.reload();
  const notice = page.getByTestId('startup-empty-notice');
  await expect(notice).toContainText('本地数据库是空的，但找到了', { timeout: 60_000 });
  await shot(page, 'backup-8-startup-empty');
  await page.getByTestId('startup-restore-newest').click();
  await expect(page.getByText(/^已从 talentledger-.* 恢复。$/)).toBeVisible();
  await expect(page.getByTestId('operator')).toContainText('王小明');
});
