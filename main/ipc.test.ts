import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, type IpcMethod } from '../shared/ipc';
import { ok } from '../shared/result';
import type { IpcHandlers } from './fileHandlers';
import { dispatchIpc, methodForChannel, registerIpcHandlers } from './ipc';

const APP_URL = 'app://talentledger/index.html';

function fakeHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const unexpected = async () => {
    throw new Error('handler should not run');
  };
  const base = Object.fromEntries((Object.keys(ipcChannels) as IpcMethod[]).map((method) => [method, vi.fn(unexpected)]));
  return { ...(base as unknown as IpcHandlers), ...overrides };
}

describe('dispatchIpc', () => {
  it('runs the handler with validated arguments and returns its Result', async () => {
    const listBackups = vi.fn(async () => ok([{ name: 'a.tlbak', size: 3, modifiedAt: '2026-01-02T03:04:05.000Z' }]));
    const result = await dispatchIpc(ipcChannels.listBackups, APP_URL, true, {}, fakeHandlers({ listBackups }));
    expect(result).toEqual({ ok: true, value: [{ name: 'a.tlbak', size: 3, modifiedAt: '2026-01-02T03:04:05.000Z' }] });
    expect(listBackups).toHaveBeenCalledWith({});
  });

  it('rejects channels outside the contract', async () => {
    const handlers = fakeHandlers();
    for (const channel of ['tl:nope', 'tl:file:open ', 'TL:FILE:OPEN', 'openFile', '', '__proto__', 'constructor']) {
      const result = await dispatchIpc(channel, APP_URL, true, {}, handlers);
      expect(result.ok ? undefined : result.error.code).toBe('IPC_UNKNOWN_CHANNEL');
    }
    expect(methodForChannel('toString')).toBeUndefined();
  });

  it('rejects payloads that fail the schema, without calling the handler', async () => {
    const writeBackup = vi.fn(async () => ok({ path: '/x' }));
    const handlers = fakeHandlers({ writeBackup });
    const bad: unknown[] = [
      undefined,
      null,
      [],
      'a.tlbak',
      { name: '../../etc/passwd.tlbak', bytes: new Uint8Array(1) },
      { name: 'a.tlbak', bytes: [1, 2, 3] },
      { name: 'a.tlbak', bytes: new Uint8Array(1), extra: true },
      { name: 'sub/a.tlbak', bytes: new Uint8Array(1) },
      { name: 'a.exe', bytes: new Uint8Array(1) },
    ];
    for (const payload of bad) {
      const result = await dispatchIpc(ipcChannels.writeBackup, APP_URL, true, payload, handlers);
      expect(result.ok ? undefined : result.error.code).toBe('IPC_BAD_PAYLOAD');
    }
    expect(writeBackup).not.toHaveBeenCalled();
  });

  it('rejects senders that are not our main frame on our origin', async () => {
    const appInfo = vi.fn(async () => ok({ name: 'x', version: '1', electron: '', chrome: '', node: '', platform: 'linux', backupFolder: '/b' }));
    const handlers = fakeHandlers({ appInfo });
    const cases: Array<[string | undefined, boolean]> = [
      [APP_URL, false],
      ['https://evil.example/', true],
      ['app://talentledger.evil/', true],
      ['app://evil@talentledger/', true],
      ['file:///home/clerk/index.html', true],
      ['http://127.0.0.1:5174/', true],
      [undefined, true],
      ['', true],
    ];
    for (const [url, isMainFrame] of cases) {
      const result = await dispatchIpc(ipcChannels.appInfo, url, isMainFrame, {}, handlers);
      expect(result.ok ? undefined : result.error.code).toBe('IPC_FORBIDDEN_SENDER');
    }
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('turns a thrown exception into a Result without the stack or message', async () => {
    const logged: unknown[] = [];
    const readBackup = vi.fn(async () => {
      throw new Error('secret path /home/clerk/.config at line 42');
    });
    const result = await dispatchIpc(ipcChannels.readBackup, APP_URL, true, { name: 'a.tlbak' }, fakeHandlers({ readBackup }), (_m, e) => logged.push(e));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IPC_HANDLER_FAILED');
    const serialized = JSON.stringify(result);
    expect(serialized).not.toContain('secret path');
    expect(serialized).not.toContain('at ');
    expect(Object.keys(result.error).sort()).toEqual(['code', 'message', 'messageEn']);
    expect(logged).toHaveLength(1);
  });
});

describe('registerIpcHandlers', () => {
  it('registers every channel once and removes them all again', () => {
    const registered = new Map<string, unknown>();
    const fakeIpcMain = {
      handle: vi.fn((channel: string, listener: unknown) => {
        registered.set(channel, listener);
      }),
      removeHandler: vi.fn((channel: string) => {
        registered.delete(channel);
      }),
    };
    const dispose = registerIpcHandlers(fakeIpcMain, fakeHandlers(), () => undefined);
    expect([...registered.keys()].sort()).toEqual(Object.values(ipcChannels).sort());
    dispose();
    expect(registered.size).toBe(0);
  });

  it('refuses every call while no window exists', async () => {
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const fakeIpcMain = {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        listeners.set(channel, listener);
      },
      removeHandler: () => undefined,
    };
    registerIpcHandlers(fakeIpcMain as never, fakeHandlers(), () => undefined);
    const listener = listeners.get(ipcChannels.appInfo);
    const event = { sender: {}, senderFrame: { url: APP_URL, parent: null, processId: 1, routingId: 1 } };
    await expect(listener?.(event, {})).resolves.toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
  });

  it('accepts the main frame of our window and refuses its subframes', async () => {
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const fakeIpcMain = {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        listeners.set(channel, listener);
      },
      removeHandler: () => undefined,
    };
    const mainFrame = { url: APP_URL, parent: null, processId: 7, routingId: 3 };
    const contents = { mainFrame, isDestroyed: () => false };
    const getBackupFolder = vi.fn(async () => ok({ path: '/b' }));
    registerIpcHandlers(fakeIpcMain as never, fakeHandlers({ getBackupFolder }), () => contents as never);
    const listener = listeners.get(ipcChannels.getBackupFolder);

    await expect(listener?.({ sender: contents, senderFrame: mainFrame }, {})).resolves.toEqual({ ok: true, value: { path: '/b' } });
    const subframe = { url: APP_URL, parent: mainFrame, processId: 7, routingId: 9 };
    await expect(listener?.({ sender: contents, senderFrame: subframe }, {})).resolves.toMatchObject({ error: { code: 'IPC_FORBIDDEN_SENDER' } });
    const otherContents = { mainFrame, isDestroyed: () => false };
    await expect(listener?.({ sender: otherContents, senderFrame: mainFrame }, {})).resolves.toMatchObject({ error: { code: 'IPC_FORBIDDEN_SENDER' } });
    await expect(listener?.({ sender: contents, senderFrame: null }, {})).resolves.toMatchObject({ error: { code: 'IPC_FORBIDDEN_SENDER' } });
    // Two arguments where the contract has one: refused as a bad payload.
    await expect(listener?.({ sender: contents, senderFrame: mainFrame }, {}, {})).resolves.toMatchObject({ error: { code: 'IPC_BAD_PAYLOAD' } });
    expect(getBackupFolder).toHaveBeenCalledTimes(1);
  });
});
