/** 统计报表 and 工作台 with demo data: charts, the report of a year, the workbook read back, print / PDF, snapshots. */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { completeFirstRun, expect, shot, test } from './fixtures';

const artifactsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

test('dashboard and the annual report with demo data: export, print to PDF, freeze and compare', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // The browser's print dialog would block a headless run: count calls instead (the platform calls window.print()).
  await page.addInitScript(() => {
    const counter = window as unknown as { printed: number };
    counter.printed = 0;
    window.print = () => {
      counter.printed += 1;
    };
  });
  await page.goto('/');
  await completeFirstRun(page, '王小明', 'bureau');
  await page.goto('/#/settings');
  const demo = page.getByTestId('demo-data');
  await demo.getByRole('button', { name: '生成演示数据' }).click();
  await expect(page.getByText('已生成 1,000 条演示数据')).toBeVisible({ timeout: 60_000 });

  // 工作台
  await page.getByRole('menu').getByRole('link', { name: '工作台', exact: true }).click();
  await expect(page.locator('.ant-statistic').first()).toContainText('1,000');
  const trend = page.getByTestId('chart-trend');
  await expect(trend.locator('canvas')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('chart-district').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chart-category').locator('canvas')).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, 'dashboard-demo');
  // The numbers behind a chart as a table.
  await page.getByTestId('chart-district').getByText('表格', { exact: true }).click();
  await expect(page.getByTestId('chart-district').getByRole('row', { name: /浦东新区/ })).toBeVisible();
  await shot(page, 'dashboard-district-table');
  // A chart saved as PNG.
  const pngDownload = page.waitForEvent('download');
  await trend.getByRole('button', { name: '保存 PNG' }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toMatch(/^历年在库人数_\d{4}\.png$/);
  const pngBytes = readFileSync(await png.path());
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  expect(pngBytes.byteLength).toBeGreaterThan(5_000);

  // 统计报表 of last year
  await page.getByRole('menu').getByRole('link', { name: '统计报表', exact: true }).click();
  const year = new Date().getFullYear() - 1;
  const sheet = page.getByTestId('report-sheet');
  await expect(sheet).toBeVisible({ timeout: 60_000 });
  await expect(sheet).toContainText(`${year}年 上海市人工智能人才年度统计表`);
  await expect(sheet).toContainText(`统计时点：${year}-12-31`);
  const summary = page.getByTestId('report-summary');
  const totalText = (await summary.locator('td').first().textContent()) ?? '';
  const total = Number(totalText.replaceAll(',', ''));
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(1_000);
  // The district table's 合计 on screen is the year-end headcount.
  await expect(page.getByTestId('breakdown-district').locator('.ant-table-summary')).toContainText(total.toLocaleString('en-US'));
  await expect(page.getByTestId('report-definitions')).toContainText('离库日期');
  await shot(page, `reports-${year}`);

  // Export the workbook and read it back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`人工智能人才年度统计_${year}.xlsx`);
  const workbook = XLSX.read(readFileSync(await file.path()), { type: 'buffer' });
  expect(workbook.SheetNames.slice(0, 4)).toEqual(['封面', '总体情况', '按区', '按集聚区']);
  for (const name of ['按人才类别', '按最高学历', '按年龄段', '按职称等级', '按技能等级', '按产业链环节', '按性别', '按海外经历', '区×人才类别', '增减情况', '职称取得', '基地类型', '基地状态', '培训考核']) {
    expect(workbook.SheetNames).toContain(name);
  }
  const cover = Object.fromEntries(XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['封面']!, { header: 1 }).map((row) => [row[0], row[1]]));
  expect(cover['报表名称']).toBe('上海市人工智能人才年度统计表');
  expect(cover['统计年度']).toBe(`${year}年`);
  expect(cover['制表人']).toBe('王小明');
  expect(cover['统计口径']).toContain('在库人数');
  expect(cover['生成时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  for (const name of workbook.SheetNames.slice(2)) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name]!, { header: 1 });
    const totalIndex = rows.findIndex((row) => row[0] === '合计');
    expect(totalIndex, name).toBeGreaterThan(1);
    const totalRow = rows[totalIndex]!;
    for (let column = 1; column < totalRow.length; column += 1) {
      const sum = rows.slice(2, totalIndex).reduce((acc, row) => acc + Number(row[column] ?? 0), 0);
      expect(Math.abs(sum - Number(totalRow[column])), `${name} column ${column}`).toBeLessThan(1e-9);
    }
  }
  const byDistrict = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['按区']!, { header: 1 });
  expect(byDistrict.find((row) => row[0] === '合计')?.[1]).toBe(total);

  // Print: the platform's printToPdf (the browser's print dialog here), and a PDF of the page.
  await page.getByRole('button', { name: '打印 / PDF' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  mkdirSync(artifactsDir, { recursive: true });
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, path: path.join(artifactsDir, `reports-${year}.pdf`) });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.byteLength).toBeGreaterThan(20_000);
  await testInfo.attach('report.pdf', { body: pdf, contentType: 'application/pdf' });

  // Freeze a snapshot and compare it with a recomputation (nothing changed).
  await page.getByRole('button', { name: '冻结快照' }).click();
  await page.getByLabel('备注（可选）').fill('年报上报');
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(`已冻结 ${year} 年度报表快照`)).toBeVisible();
  const snapshots = page.getByTestId('snapshots');
  await expect(snapshots).toContainText('年报上报');
  await expect(snapshots).toContainText(total.toLocaleString('en-US'));
  await snapshots.getByRole('button', { name: '与当前数据比较' }).click();
  await expect(page.getByTestId('snapshot-comparison')).toContainText('数据未变化，各项数字与快照一致');
  await shot(page, 'reports-snapshot-compare');
});
