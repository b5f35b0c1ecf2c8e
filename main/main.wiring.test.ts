/**
 * Wiring of main.ts against a fake `electron` module: Electron cannot run here, so this proves the
 * calls it makes — privileged scheme, sandbox, window preferences, app:// entry URL, IPC channels,
 * permission denial, navigation guards and the protocol handler's traversal refusal.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../shared/ipc';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const windows: Array<{ options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; listeners: Map<string, Listener>; focus: ReturnType<typeof vi.fn> }> = [];
  const state = {
    appListeners,
    windows,
    protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    privileged: [] as unknown[],
    ipcChannels: [] as string[],
    permissionRequestHandler: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheckHandler: undefined as undefined | (() => boolean),
    enableSandbox: vi.fn(),
    menuTemplate: undefined as unknown,
    userData: '',
  };
  class FakeBrowserWindow {
    options: Record<string, unknown>;
    listeners = new Map<string, Listener>();
    loadURL = vi.fn(async () => undefined);
    focus = vi.fn();
    webContents = { on: vi.fn(), mainFrame: {}, isDestroyed: () => false, printToPDF: vi.fn() };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    maximize = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    show = vi.fn();
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 800 });
  }
  const electron = {
    app: {
      enableSandbox: state.enableSandbox,
      setPath: vi.fn((_name: string, value: string) => {
        state.userData = value;
      }),
      getPath: (name: string) => (name === 'userData' ? state.userData : path.join(state.userData, `fake-${name}`)),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => Promise.resolve(),
      getName: () => '人才台账',
      getVersion: () => '0.1.0',
      isPackaged: false,
      quit: vi.fn(),
      exit: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => state.protocolHandlers.set(scheme, handler),
    },
    BrowserWindow: FakeBrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof state.permissionRequestHandler) => {
          state.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler: (handler: typeof state.permissionCheckHandler) => {
          state.permissionCheckHandler = handler;
        },
        setDevicePermissionHandler: vi.fn(),
      },
    },
    ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel), removeHandler: vi.fn() },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menuTemplate = menu;
      },
    },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    shell: { showItemInFolder: vi.fn(), openPath: vi.fn(async () => '') },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

let userData: string;

beforeAll(async () => {
  userData = await fs.mkdtemp(path.join(os.tmpdir(), 'tl-wiring-'));
  process.env.TL_USER_DATA_DIR = userData;
  await import('./main');
  await vi.waitFor(() => expect(fake.state.windows[0]?.loadURL).toHaveBeenCalled());
});

afterAll(async () => {
  delete process.env.TL_USER_DATA_DIR;
  await fs.rm(userData, { recursive: true, force: true });
});

describe('main.ts wiring', () => {
  it('registers app:// as a standard, secure, fetch-capable scheme and sandboxes every renderer', () => {
    expect(fake.state.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(fake.state.enableSandbox).toHaveBeenCalled();
    expect(fake.state.userData).toBe(path.resolve(userData));
  });

  it('opens one hardened window on app://talentledger/index.html', () => {
    expect(fake.state.windows).toHaveLength(1);
    const window = fake.state.windows[0];
    expect(window?.loadURL).toHaveBeenCalledWith('app://talentledger/index.html');
    expect(window?.options).toMatchObject({ title: '人才台账', show: false, width: 1280, height: 760 });
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/u);
  });

  it('handles every IPC channel and denies every permission', () => {
    expect([...fake.state.ipcChannels].sort()).toEqual(Object.values(ipcChannels).sort());
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      fake.state.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(fake.state.permissionCheckHandler?.()).toBe(false);
  });

  it('denies new windows and navigation away from the app', () => {
    const contentsListeners = new Map<string, Listener>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      setWindowOpenHandler: (handler: () => unknown) => {
        openHandler = handler;
      },
      on: (event: string, listener: Listener) => contentsListeners.set(event, listener),
    };
    fake.state.appListeners.get('web-contents-created')?.({}, contents);
    expect(openHandler?.()).toEqual({ action: 'deny' });
    const prevented = vi.fn();
    contentsListeners.get('will-navigate')?.({ preventDefault: prevented }, 'https://evil.example/');
    contentsListeners.get('will-navigate')?.({ preventDefault: prevented }, 'file:///etc/passwd');
    expect(prevented).toHaveBeenCalledTimes(2);
    contentsListeners.get('will-navigate')?.({ preventDefault: prevented }, 'app://talentledger/index.html');
    expect(prevented).toHaveBeenCalledTimes(2);
    contentsListeners.get('will-attach-webview')?.({ preventDefault: prevented });
    expect(prevented).toHaveBeenCalledTimes(3);
  });

  it('serves renderer files over app:// and refuses traversal and other methods', async () => {
    const handler = fake.state.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    // In this test __dirname is main/, so the "renderer root" is the renderer source folder.
    const page = await handler?.({ url: 'app://talentledger/index.html', method: 'GET' });
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page?.text()).toContain('<html');
    expect((await handler?.({ url: 'app://talentledger/%2e%2e%2fpackage.json', method: 'GET' }))?.status).toBe(404);
    expect((await handler?.({ url: 'app://talentledger/missing-file.js', method: 'GET' }))?.status).toBe(404);
    expect((await handler?.({ url: 'app://talentledger/index.html', method: 'POST' }))?.status).toBe(405);
  });

  it('focuses the first window when a second instance starts', () => {
    fake.state.appListeners.get('second-instance')?.();
    expect(fake.state.windows[0]?.focus).toHaveBeenCalled();
  });

  it('sets the Chinese menu', () => {
    expect((fake.state.menuTemplate as Array<{ label: string }>).map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('saves the window state on close before quitting', async () => {
    fake.state.windows[0]?.listeners.get('close')?.();
    fake.state.appListeners.get('window-all-closed')?.();
    await vi.waitFor(() => expect(fake.electron.app.quit).toHaveBeenCalled());
    const saved = JSON.parse(await fs.readFile(path.join(userData, 'window-state.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ width: 1300, height: 800, x: 10, y: 20, maximized: false });
  });
});
