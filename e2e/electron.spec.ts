/**
 * The Electron shell end to end: launches dist/main/main.cjs with Playwright's `_electron` and checks
 * the window, its origin, its isolation and the bridge surface. Where the Electron binary is not
 * installed (npm runs with ignore-scripts, and some machines cannot download it) the tests skip and
 * say why. Independent of the web server the browser specs use.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ipcChannels } from '../shared/ipc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mainEntry = path.join(root, 'dist', 'main', 'main.cjs');

type Availability = { executable: string } | { reason: string };

/** Where the Electron binary is, or why these tests cannot run here. */
function electronAvailability(): Availability {
  let executable: unknown;
  try {
    // In Node, `require('electron')` is the path of the binary; it throws when path.txt is missing.
    executable = createRequire(import.meta.url)('electron');
  } catch {
    return { reason: 'Electron binary not installed (node_modules/electron/path.txt missing; npm uses ignore-scripts). Run `npm start` once to fetch it.' };
  }
  if (typeof executable !== 'string' || !existsSync(executable)) {
    return { reason: `Electron binary not found on disk (${String(executable)}). Run \`npm start\` once to fetch it.` };
  }
  if (!existsSync(mainEntry)) {
    return { reason: 'dist/main/main.cjs is missing: run `npm run build` first.' };
  }
  return { executable };
}

const availability = electronAvailability();

test.describe('Electron shell', () => {
  if ('reason' in availability) {
    console.log(`[electron.spec] skipped: ${availability.reason}`);
    test.skip(true, availability.reason);
  }

  let app: ElectronApplication;
  let page: Page;
  let userDataDir: string | undefined;

  test.beforeAll(async () => {
    if (!('executable' in availability)) return;
    const executable = availability.executable;
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'tl-e2e-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    env.TL_USER_DATA_DIR = userDataDir;
    delete env.ELECTRON_RUN_AS_NODE;
    // Chromium refuses its sandbox as root (containers); only there does the test relax it.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', mainEntry] : [mainEntry];
    app = await electron.launch({ executablePath: executable, args, env, cwd: root });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('opens one window titled 人才台账', async () => {
    await expect(page).toHaveTitle(/人才台账/u);
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((each) => each.getTitle()));
    expect(windows).toHaveLength(1);
    expect(windows[0]).toContain('人才台账');
  });

  test('loads the renderer from app://talentledger, not file://', async () => {
    expect(await page.evaluate(() => location.origin)).toBe('app://talentledger');
    expect(await page.evaluate(() => location.protocol)).toBe('app:');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  });

  test('gives the page no Node access', async () => {
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  test('exposes exactly the contract on window.talentLedger', async () => {
    const methods = await page.evaluate(() => {
      const bridge = (window as unknown as { talentLedger?: Record<string, unknown> }).talentLedger ?? {};
      return Object.keys(bridge).sort().map((name) => [name, typeof bridge[name]]);
    });
    expect(methods).toEqual(Object.keys(ipcChannels).sort().map((name) => [name, 'function']));
  });

  test('answers a bridge call with a Result', async () => {
    const info = await page.evaluate(async () => {
      const bridge = (window as unknown as { talentLedger: { appInfo(args: object): Promise<{ ok: boolean; value?: { backupFolder: string } }> } }).talentLedger;
      return bridge.appInfo({});
    });
    expect(info.ok).toBe(true);
    expect(info.value?.backupFolder).toMatch(/TalentLedger[\\/]backups$/u);
  });

  test('refuses new windows', async () => {
    await page.evaluate(() => {
      window.open('https://example.com/', '_blank');
    });
    const count = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    expect(count).toBe(1);
  });
});
