/**
 * Playwright for the browser build (dist/renderer served on 127.0.0.1) in the system Chromium.
 * `npm test` builds first; run `npm run build` before `npx playwright test` by hand.
 * Never `npx playwright install`: the Debian chromium is used (CHROMIUM_PATH overrides it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Overridable so two runs can share a machine: each builds into its own TL_RENDERER_OUT and serves it on its own port.
const PORT = Number(process.env.TL_E2E_PORT ?? 4321);
const rendererOut = process.env.TL_RENDERER_OUT ?? path.join(root, 'dist', 'renderer');

if (!existsSync(path.join(rendererOut, 'index.html'))) {
  throw new Error(`${rendererOut} is missing: run \`npm run build\` before the e2e tests.`);
}

export default defineConfig({
  testDir: '.',
  outputDir: process.env.TL_E2E_RESULTS ?? path.join(root, 'test-results'),
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: path.join(root, 'playwright-report') }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // Serves the built files as they are; the build (with its CSP meta) happens before the tests.
    command: `npx vite preview --config renderer/vite.config.ts --outDir ${JSON.stringify(rendererOut)} --port ${PORT} --strictPort --host 127.0.0.1`,
    cwd: root,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
