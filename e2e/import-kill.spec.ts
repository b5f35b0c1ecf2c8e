/**
 * Never half-written (issue #6 point 6): a 20,000-row talent sheet goes through the /import wizard,
 * and the page is closed while the commit is writing. On reopening, the database holds the whole
 * batch or none of it — never a part — and the start-up notice says which.
 */
import type { Page } from '@playwright/test';
import { completeFirstRun, expect, shot, test } from './fixtures';

const ROWS = 20_000;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

function residentId(birth: string, sequence: number): string {
  const body = `310115${birth}${String(sequence).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(body[index]), 0);
  return `${body}${CHECK_CHARS[sum % 11]}`;
}

/** 20,000 distinct people: birth dates over ~19 years, three sequence numbers per day. */
function largeTalentCsv(): Buffer {
  const lines = ['姓名,证件号码,工作单位'];
  const start = Date.UTC(1970, 0, 1);
  for (let index = 0; index < ROWS; index++) {
    const day = new Date(start + Math.floor(index / 3) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    lines.push(`测试${index},${residentId(day, 100 + (index % 3))},上海某智能科技有限公司`);
  }
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
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

test('closing the page during an import commit leaves all of the batch or none, and the app says which', async ({ page, context }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(page.getByTestId('first-run')).toBeVisible({ timeout: 60_000 });
  await completeFirstRun(page, '王小明');
  await page.goto('/#/import?kind=talents');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-drop-zone').click();
  await (await chooser).setFiles({ name: '两万人.csv', mimeType: 'text/csv', buffer: largeTalentCsv() });
  await page.getByTestId('sheet-next').click({ timeout: 120_000 });
  await page.getByTestId('mapping-next').click({ timeout: 60_000 });
  await page.getByTestId('preview-next').click({ timeout: 120_000 });
  await expect(page.getByTestId('check-new')).toContainText(/20[,，]?000/, { timeout: 120_000 });

  await page.getByTestId('commit').click();
  // Writing has begun (some chunks are in the open transaction) — close the page now.
  await expect(page.getByTestId('commit-progress')).toContainText(/正在写入：[1-9]\d* \/ 20000/, { timeout: 60_000 });
  const progress = await page.getByTestId('commit-progress').innerText();
  await shot(page, 'import-kill-1-committing');
  await page.close();

  const reopened = await context.newPage();
  const problems: string[] = [];
  reopened.on('pageerror', (error) => problems.push(error.message));
  await reopened.goto('/');
  const notice = reopened.getByTestId('startup-interruptedImport');
  await expect(notice).toBeVisible({ timeout: 60_000 });
  const count = await talentCount(reopened);
  expect([0, ROWS], `talents after the kill (closed at "${progress}")`).toContain(count);
  await expect(notice).toContainText(count === 0 ? '该批数据没有写入任何一条' : '该批数据已完整写入');
  await shot(reopened, 'import-kill-2-reopened');
  console.info(`closed at "${progress}"; after reopening: ${count} talents`);

  // The interruption is in the audit log, with the pre-import backup in the backup list.
  await reopened.getByTestId('startup-notice-ok').click();
  await reopened.goto('/#/audit');
  await expect(reopened.getByTestId('audit-table')).toContainText('上次导入 两万人.csv 时程序被关闭');
  await reopened.goto('/#/backup');
  await expect(reopened.getByTestId('backup-table').getByRole('row', { name: /导入前/ })).toHaveCount(1);
  expect(problems).toEqual([]);
});
