/** The preload against a fake `electron`: one function per channel, each a plain invoke, and nothing else exposed. */
import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, type IpcMethod } from '../shared/ipc';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
}));

vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: { invoke: fake.invoke, send: vi.fn(), on: vi.fn() },
  };
  return { ...electron, default: electron };
});

describe('preload', () => {
  it('exposes only window.talentLedger with exactly the contract methods, each invoking its channel', async () => {
    await import('./preload');
    expect([...fake.exposed.keys()]).toEqual(['talentLedger']);
    const bridge = fake.exposed.get('talentLedger') as Record<string, (args: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(ipcChannels).sort());
    for (const method of Object.keys(ipcChannels) as IpcMethod[]) {
      const args = { probe: method };
      await expect(bridge[method]?.(args)).resolves.toEqual({ ok: true, value: { channel: ipcChannels[method], args } });
    }
    expect(fake.invoke).toHaveBeenCalledTimes(Object.keys(ipcChannels).length);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });
});
