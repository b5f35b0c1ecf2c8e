/**
 * Electron main process: one hardened window that loads the built renderer from `app://talentledger/`,
 * the IPC gate, the Chinese menu and the remembered window state. Logic lives in the Electron-free
 * modules beside this file; this one only wires them to Electron.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type WebContents } from 'electron';
import { createElectronDialogAdapter, createElectronShellAdapter } from './electronAdapters';
import { createIpcHandlers, type IpcHandlers } from './fileHandlers';
import { registerIpcHandlers } from './ipc';
import { createFileLogger } from './log';
import { buildApplicationMenuTemplate } from './menu';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, contentTypeForPath, isAppOrigin, resolveAppRequestPath } from './protocol';
import {
  fitWindowStateToWorkAreas,
  loadWindowState,
  MIN_WINDOW_HEIGHT,
  MIN_WINDOW_WIDTH,
  saveWindowState,
  WINDOW_STATE_FILE_NAME,
  type WindowState,
} from './windowState';

const PRODUCT_NAME = '人才台账';
/** dist/main/main.cjs → dist/renderer (inside app.asar when packaged). */
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

// Must run before `ready`. The scheme and host are the renderer's origin and with it the key of its
// IndexedDB: never change them after a release (see APP_HOST in protocol.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
// Every renderer is sandboxed, including any a future change might create without saying so.
app.enableSandbox();

// Tests (and a clerk who wants a second, separate data set) can point the profile elsewhere.
// Set before the single-instance lock, which is per profile.
const userDataOverride = process.env.TL_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

let mainWindow: BrowserWindow | null = null;
/** Until `ready` the console is all there is; afterwards errors also go to userData/logs/main.log. */
let logError: (message: string, error?: unknown) => void = (message, error) => console.error(message, error ?? '');
let lastWindowState: WindowState | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    void persistWindowState().finally(() => app.quit());
  });
  app.whenReady().then(start).catch((error: unknown) => {
    logError('TalentLedger failed to start', error);
    dialog.showErrorBox(`${PRODUCT_NAME}无法启动`, error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

/** Navigation and new windows are closed for every web contents, not just the main window. */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    // In-app routes use history/hash changes, which do not fire this; a full navigation may only reload our own origin.
    if (!isAppOrigin(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppOrigin(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function denyAllPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const resolved = resolveAppRequestPath(request.url, RENDERER_ROOT);
    if (!resolved.ok) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(resolved.value);
      return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
        status: 200,
        headers: {
          'content-type': contentTypeForPath(resolved.value),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    // Some minimal Linux desktops have no XDG documents folder configured.
    return app.getPath('home');
  }
}

async function start(): Promise<void> {
  logError = createFileLogger(path.join(app.getPath('userData'), 'logs'));
  denyAllPermissions();
  registerAppProtocol();

  const handlers = createIpcHandlers({
    userDataDir: app.getPath('userData'),
    documentsDir: documentsFolder(),
    dialog: createElectronDialogAdapter(() => mainWindow),
    shell: createElectronShellAdapter(),
    runtime: {
      name: app.getName(),
      version: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      platform: process.platform,
    },
    async printPageToPdf({ landscape }) {
      if (!mainWindow) throw new Error('no window to print');
      return mainWindow.webContents.printToPDF({ landscape, printBackground: true, pageSize: 'A4' });
    },
  });
  registerIpcHandlers(ipcMain, handlers, () => mainWindow?.webContents, (message, error) => logError(message, error));
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildApplicationMenuTemplate({
    productName: PRODUCT_NAME,
    platform: process.platform,
    isPackaged: app.isPackaged,
    openBackupFolder: () => void openBackupFolder(handlers),
    showAbout: () => void showAbout(),
  })));

  await createMainWindow();
}

async function createMainWindow(): Promise<void> {
  const saved = await loadWindowState(windowStatePath());
  const state = fitWindowStateToWorkAreas(saved, screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  mainWindow = window;
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    lastWindowState = currentWindowState(window);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    logError(`Renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  try {
    await window.loadURL(APP_ENTRY_URL);
  } catch (error) {
    logError('Could not load the renderer', error);
    throw new Error(`界面文件无法加载，请重新安装本程序（开发时请先运行 npm run build）。\nThe user interface could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function windowStatePath(): string {
  return path.join(app.getPath('userData'), WINDOW_STATE_FILE_NAME);
}

function currentWindowState(window: BrowserWindow): WindowState {
  // Normal bounds, so a maximized window reopens maximized but un-maximizes to the size it had.
  const bounds = window.getNormalBounds();
  return { width: bounds.width, height: bounds.height, x: bounds.x, y: bounds.y, maximized: window.isMaximized() };
}

async function persistWindowState(): Promise<void> {
  if (!lastWindowState) return;
  try {
    await saveWindowState(windowStatePath(), lastWindowState);
  } catch (error) {
    logError('Could not save the window state', error);
  }
}

async function openBackupFolder(handlers: IpcHandlers): Promise<void> {
  const folder = await handlers.getBackupFolder({});
  if (!folder.ok) return;
  await fs.mkdir(folder.value.path, { recursive: true }).catch(() => undefined);
  const problem = await shell.openPath(folder.value.path);
  if (problem) dialog.showErrorBox('无法打开备份文件夹', `${folder.value.path}\n${problem}`);
}

async function showAbout(): Promise<void> {
  const detail = [
    `版本 ${app.getVersion()}`,
    `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    '离线运行：数据只保存在本机。',
  ].join('\n');
  const options = { type: 'info' as const, title: `关于${PRODUCT_NAME}`, message: PRODUCT_NAME, detail, buttons: ['确定'] };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}
