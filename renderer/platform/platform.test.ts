// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { TalentLedgerBridge } from '../../shared/ipc';
import { ok } from '../../shared/result';
import { acceptAttribute, matchesFilters, readPickedFile } from './browserFiles';
import { electronPlatform } from './electronPlatform';

describe('file filters', () => {
  const excel = [{ name: 'Excel', extensions: ['xlsx', 'XLS'] }];
  it('builds the accept attribute', () => {
    expect(acceptAttribute(excel)).toBe('.xlsx,.xls');
    expect(acceptAttribute(undefined)).toBe('');
    expect(acceptAttribute([{ name: 'All', extensions: ['*'] }])).toBe('');
  });
  it('matches file names case-insensitively', () => {
    expect(matchesFilters('花名册.XLSX', excel)).toBe(true);
    expect(matchesFilters('花名册.csv', excel)).toBe(false);
    expect(matchesFilters('anything', undefined)).toBe(true);
  });
});

describe('readPickedFile', () => {
  it('reads bytes and refuses files over the limit', async () => {
    const file = new File([new Uint8Array([1, 2, 3, 4])], '名单.csv');
    const read = await readPickedFile(file, 10);
    expect(read.ok && { name: read.value.name, bytes: [...read.value.bytes] }).toEqual({ name: '名单.csv', bytes: [1, 2, 3, 4] });
    const tooLarge = await readPickedFile(file, 3);
    expect(!tooLarge.ok && tooLarge.error.code).toBe('FILE_TOO_LARGE');
  });
});

describe('electronPlatform', () => {
  function fakeBridge(): TalentLedgerBridge {
    const unused = vi.fn(async () => ok({ canceled: true as const }));
    return {
      openFile: vi.fn(async () => ok({ canceled: false as const, name: 'a.xlsx', bytes: new Uint8Array([7]) })),
      saveFile: vi.fn(async (args) => ok({ canceled: false as const, path: `/home/u/${args.defaultName}` })),
      listBackups: vi.fn(async () => ok([])),
      writeBackup: vi.fn(async (args) => ok({ path: `/b/${args.name}` })),
      readBackup: vi.fn(async () => ok(new Uint8Array([1]))),
      deleteBackup: vi.fn(async () => ok({ deleted: true })),
      getBackupFolder: vi.fn(async () => ok({ path: '/b' })),
      setBackupFolder: unused,
      revealFile: vi.fn(async () => ok({ shown: true })),
      appInfo: vi.fn(async () => {
        throw new Error('channel closed');
      }),
      printToPdf: unused,
    };
  }

  it('passes calls through the bridge with the IPC argument shapes', async () => {
    const bridge = fakeBridge();
    const platform = electronPlatform(bridge);
    expect(platform.kind).toBe('electron');
    expect(await platform.saveFile('报表.xlsx', new Uint8Array([1]))).toEqual(ok({ canceled: false, path: '/home/u/报表.xlsx' }));
    expect(bridge.saveFile).toHaveBeenCalledWith({ defaultName: '报表.xlsx', bytes: new Uint8Array([1]) });
    await platform.backups.write('x.tlbak', new Uint8Array([2]));
    expect(bridge.writeBackup).toHaveBeenCalledWith({ name: 'x.tlbak', bytes: new Uint8Array([2]) });
    await platform.openFile();
    expect(bridge.openFile).toHaveBeenCalledWith({});
    await platform.backups.chooseFolder();
    expect(bridge.setBackupFolder).toHaveBeenCalledWith({ choose: true });
  });

  it('prints through the bridge with the suggested name as the dialog default', async () => {
    const bridge = fakeBridge();
    bridge.printToPdf = vi.fn(async () => ok({ canceled: false as const, path: '/home/u/公示名单.pdf' }));
    const platform = electronPlatform(bridge);
    expect(await platform.printToPdf({ suggestedName: '公示名单', landscape: true })).toEqual(ok({ canceled: false, path: '/home/u/公示名单.pdf' }));
    expect(bridge.printToPdf).toHaveBeenCalledWith({ defaultName: '公示名单', landscape: true });
    await platform.printToPdf({ suggestedName: '汇总' });
    expect(bridge.printToPdf).toHaveBeenLastCalledWith({ defaultName: '汇总' });
  });

  it('turns a broken bridge into an IPC_FAILED error value', async () => {
    const result = await electronPlatform(fakeBridge()).appInfo();
    expect(!result.ok && result.error.code).toBe('IPC_FAILED');
  });
});
