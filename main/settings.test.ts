import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultBackupFolder, loadSettings, parseSettings, saveSettings } from './settings';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'tl-settings-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('settings', () => {
  it('keeps an absolute backup folder and drops everything else', () => {
    const absolute = path.resolve('/data/backups');
    expect(parseSettings(JSON.stringify({ backupFolder: absolute, other: 1 }))).toEqual({ backupFolder: absolute });
    expect(parseSettings('{"backupFolder":"relative/path"}')).toEqual({});
    expect(parseSettings('{"backupFolder":""}')).toEqual({});
    expect(parseSettings('not json')).toEqual({});
  });

  it('round-trips through the file and creates userData when missing', async () => {
    const file = path.join(folder, 'new-profile', 'settings.json');
    const backups = path.join(folder, 'b');
    await saveSettings(file, { backupFolder: backups });
    expect(await loadSettings(file)).toEqual({ backupFolder: backups });
    expect(await loadSettings(path.join(folder, 'missing.json'))).toEqual({});
  });

  it('puts the default backup folder under Documents/TalentLedger/backups', () => {
    expect(defaultBackupFolder(path.resolve('/home/clerk/文档'))).toBe(path.join(path.resolve('/home/clerk/文档'), 'TalentLedger', 'backups'));
  });
});
