/**
 * Shared e2e fixtures. Every test gets its own browser context (so its own IndexedDB, localStorage
 * and OPFS: nothing leaks between tests), and fails if the page logged an error, threw, or broke the CSP.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

const artifactsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

/** Saves a full-page screenshot to e2e/artifacts/<name>.png (git-ignored; for people to look at). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  // Animations off: a screenshot mid-transition shows two menu items highlighted.
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

export type OperatorRole = 'bureau' | 'base';

const roleLabels: Record<OperatorRole, string> = { bureau: '人社局', base: '培训基地' };

/** Fills the first-run form (in Chinese) and waits for the main shell. */
export async function completeFirstRun(page: Page, name: string, role: OperatorRole = 'bureau'): Promise<void> {
  await expect(page.getByTestId('first-run')).toBeVisible();
  await page.getByLabel('操作员姓名').fill(name);
  await page.getByTestId('first-run').getByText(roleLabels[role], { exact: true }).click();
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByTestId('operator')).toContainText(name);
  await expect(page.getByTestId('operator')).toContainText(roleLabels[role]);
}

interface Fixtures {
  /** Messages that fail the test: console errors, uncaught exceptions, CSP violations. */
  pageProblems: string[];
}

export const test = base.extend<Fixtures>({
  // A context per test is Playwright's default; spelled out because isolation is what the tests rely on.
  context: async ({ browser, contextOptions }, use) => {
    const context = await browser.newContext(contextOptions);
    await use(context);
    await context.close();
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await use(problems);
      expect(problems, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});
