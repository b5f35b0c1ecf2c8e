import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../shared/result';
import { createIpcHandlers, isPathInside, resolveBackupPath, sanitizeFileName, type DialogAdapter, type HandlerContext } from './fileHandlers';
import { SETTINGS_FILE_NAME } from './settings';

let tempRoot: string;
let userDataDir: string;
let documentsDir: string;
let dialogAnswers: { open: string | null; save: string | null; folder: string | null };
let shown: string[];
let context: HandlerContext;

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function errorOf<T>(result: Result<T>): { code: string; message: string } {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

beforeEach(async () => {
  tempRoot = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'tl-handlers-')));
  userDataDir = path.join(tempRoot, 'profile');
  documentsDir = path.join(tempRoot, 'Documents');
  await fs.mkdir(userDataDir);
  await fs.mkdir(documentsDir);
  dialogAnswers = { open: null, save: null, folder: null };
  shown = [];
  const dialog: DialogAdapter = {
    chooseFileToOpen: vi.fn(async () => dialogAnswers.open),
    chooseSavePath: vi.fn(async () => dialogAnswers.save),
    chooseFolder: vi.fn(async () => dialogAnswers.folder),
  };
  context = {
    userDataDir,
    documentsDir,
    dialog,
    shell: { showItemInFolder: (fullPath) => shown.push(fullPath) },
    runtime: { name: '人才台账', version: '0.1.0', electron: '41.7.1', chrome: '140', node: '22', platform: 'linux' },
    printPageToPdf: vi.fn(async () => new TextEncoder().encode('%PDF-1.7 fake')),
  };
});

afterEach(async () => {
  await fs.rm(tempRoot, { recursive: true, force: true });
});

describe('openFile', () => {
  it('returns the name and bytes of the chosen file', async () => {
    const file = path.join(tempRoot, '培训花名册.xlsx');
    await fs.writeFile(file, Buffer.from([0x50, 0x4b, 3, 4]));
    dialogAnswers.open = file;
    const handlers = createIpcHandlers(context);
    const value = unwrap(await handlers.openFile({ filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }] }));
    expect(value).toEqual({ canceled: false, name: '培训花名册.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) });
    expect(context.dialog.chooseFileToOpen).toHaveBeenCalledWith({ title: '打开文件', filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }] });
  });

  it('reports a cancelled dialog', async () => {
    expect(unwrap(await createIpcHandlers(context).openFile({}))).toEqual({ canceled: true });
  });

  it('refuses a file above the default limit by its size alone, naming the file and both sizes', async () => {
    const file = path.join(tempRoot, '全市人才库.xlsx');
    // A sparse 600 MB file: stat reports the size, but reading it would take 600 MB of memory.
    await fs.writeFile(file, '');
    await fs.truncate(file, 600 * 1024 * 1024);
    dialogAnswers.open = file;
    const started = Date.now();
    const error = errorOf(await createIpcHandlers(context).openFile({}));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe('文件“全市人才库.xlsx”大小为 600 MB，超过了可打开的上限 512 MB，请拆分后再导入。');
  });

  it('honours a smaller maxBytes from the caller', async () => {
    const file = path.join(tempRoot, 'big.csv');
    await fs.writeFile(file, Buffer.alloc(1536));
    dialogAnswers.open = file;
    const error = errorOf(await createIpcHandlers(context).openFile({ maxBytes: 1024 }));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toContain('1.5 KB');
    expect(error.message).toContain('1 KB');
  });

  it('reports a vanished file as FILE_NOT_FOUND', async () => {
    dialogAnswers.open = path.join(tempRoot, 'gone.xlsx');
    expect(errorOf(await createIpcHandlers(context).openFile({})).code).toBe('FILE_NOT_FOUND');
  });
});

describe('saveFile', () => {
  it('writes the bytes atomically where the clerk chose and suggests a safe name', async () => {
    const target = path.join(tempRoot, 'out', '汇总表.xlsx');
    await fs.mkdir(path.dirname(target));
    dialogAnswers.save = target;
    const handlers = createIpcHandlers(context);
    const value = unwrap(await handlers.saveFile({ defaultName: '汇总/表?.xlsx', bytes: new Uint8Array([7, 8]) }));
    expect(value).toEqual({ canceled: false, path: target });
    expect([...(await fs.readFile(target))]).toEqual([7, 8]);
    expect(await fs.readdir(path.dirname(target))).toEqual(['汇总表.xlsx']);
    expect(context.dialog.chooseSavePath).toHaveBeenCalledWith({ title: '保存文件', defaultPath: path.join(documentsDir, '汇总_表_.xlsx') });
  });

  it('leaves nothing behind when the target folder is gone', async () => {
    dialogAnswers.save = path.join(tempRoot, 'missing', 'a.xlsx');
    const error = errorOf(await createIpcHandlers(context).saveFile({ defaultName: 'a.xlsx', bytes: new Uint8Array([1]) }));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(await fs.readdir(tempRoot)).toEqual(['Documents', 'profile']);
  });

  it('reports a cancelled dialog', async () => {
    expect(unwrap(await createIpcHandlers(context).saveFile({ defaultName: 'a.xlsx', bytes: new Uint8Array() }))).toEqual({ canceled: true });
  });
});

describe('backups', () => {
  it('defaults to <Documents>/TalentLedger/backups, outside the profile', async () => {
    const handlers = createIpcHandlers(context);
    expect(unwrap(await handlers.getBackupFolder({}))).toEqual({ path: path.join(documentsDir, 'TalentLedger', 'backups') });
  });

  it('writes, lists, reads and deletes backups in the folder', async () => {
    const handlers = createIpcHandlers(context);
    const folder = path.join(documentsDir, 'TalentLedger', 'backups');
    expect(unwrap(await handlers.listBackups({}))).toEqual([]);

    const written = unwrap(await handlers.writeBackup({ name: '人才台账-2026-11-26.tlbak', bytes: new Uint8Array([1, 2, 3]) }));
    expect(written.path).toBe(path.join(folder, '人才台账-2026-11-26.tlbak'));
    unwrap(await handlers.writeBackup({ name: 'manual.json', bytes: new TextEncoder().encode('{}') }));
    // Files that are not ours are not listed.
    await fs.writeFile(path.join(folder, 'notes.txt'), 'x');
    await fs.mkdir(path.join(folder, 'sub.tlbak'));
    const older = new Date('2026-01-01T00:00:00Z');
    await fs.utimes(path.join(folder, 'manual.json'), older, older);

    const listed = unwrap(await handlers.listBackups({}));
    expect(listed.map((file) => file.name)).toEqual(['人才台账-2026-11-26.tlbak', 'manual.json']);
    expect(listed[0]?.size).toBe(3);
    expect(listed[1]?.modifiedAt).toBe('2026-01-01T00:00:00.000Z');

    expect([...unwrap(await handlers.readBackup({ name: '人才台账-2026-11-26.tlbak' }))]).toEqual([1, 2, 3]);
    expect(unwrap(await handlers.deleteBackup({ name: 'manual.json' }))).toEqual({ deleted: true });
    expect(unwrap(await handlers.deleteBackup({ name: 'manual.json' }))).toEqual({ deleted: false });
    expect(errorOf(await handlers.readBackup({ name: 'manual.json' })).code).toBe('FILE_NOT_FOUND');
    expect(unwrap(await handlers.listBackups({})).map((file) => file.name)).toEqual(['人才台账-2026-11-26.tlbak']);
  });

  it('refuses names that would leave the folder, even when called directly', async () => {
    const handlers = createIpcHandlers(context);
    await fs.writeFile(path.join(documentsDir, 'secret.tlbak'), 'x');
    for (const name of ['../secret.tlbak', '..\\secret.tlbak', '/etc/passwd.json', 'a/b.tlbak', '.hidden.tlbak', 'x.exe', '']) {
      expect(errorOf(await handlers.readBackup({ name })).code).toBe('BACKUP_NAME_INVALID');
      expect(errorOf(await handlers.deleteBackup({ name })).code).toBe('BACKUP_NAME_INVALID');
      expect(errorOf(await handlers.writeBackup({ name, bytes: new Uint8Array([1]) })).code).toBe('BACKUP_NAME_INVALID');
    }
    expect(await fs.readFile(path.join(documentsDir, 'secret.tlbak'), 'utf8')).toBe('x');
  });

  it('changes the folder through the dialog and remembers it in settings.json', async () => {
    const chosen = path.join(tempRoot, 'U盘备份');
    await fs.mkdir(chosen);
    dialogAnswers.folder = chosen;
    const handlers = createIpcHandlers(context);
    expect(unwrap(await handlers.setBackupFolder({ choose: true }))).toEqual({ canceled: false, path: chosen });
    expect(await fs.readdir(chosen)).toEqual([]);
    unwrap(await handlers.writeBackup({ name: 'a.tlbak', bytes: new Uint8Array([5]) }));
    expect(await fs.readdir(chosen)).toEqual(['a.tlbak']);

    const saved = JSON.parse(await fs.readFile(path.join(userDataDir, SETTINGS_FILE_NAME), 'utf8')) as unknown;
    expect(saved).toEqual({ backupFolder: chosen });
    // A new session (restart) reads the setting back.
    expect(unwrap(await createIpcHandlers(context).getBackupFolder({}))).toEqual({ path: chosen });
  });

  it('refuses a backup folder inside the app profile and a folder that does not exist', async () => {
    const handlers = createIpcHandlers(context);
    dialogAnswers.folder = path.join(userDataDir, 'backups');
    await fs.mkdir(dialogAnswers.folder);
    expect(errorOf(await handlers.setBackupFolder({ choose: true })).code).toBe('BACKUP_FOLDER_IN_PROFILE');
    dialogAnswers.folder = path.join(tempRoot, 'nowhere');
    expect(errorOf(await handlers.setBackupFolder({ choose: true })).code).toBe('BACKUP_FOLDER_UNAVAILABLE');
    dialogAnswers.folder = null;
    expect(unwrap(await handlers.setBackupFolder({ choose: true }))).toEqual({ canceled: true });
  });

  it('falls back to the default folder when settings.json is corrupt', async () => {
    await fs.writeFile(path.join(userDataDir, SETTINGS_FILE_NAME), '{"backupFolder": ');
    expect(unwrap(await createIpcHandlers(context).getBackupFolder({}))).toEqual({ path: path.join(documentsDir, 'TalentLedger', 'backups') });
  });
});

describe('revealFile', () => {
  it('shows backups and files saved this session, nothing else', async () => {
    const handlers = createIpcHandlers(context);
    const backup = unwrap(await handlers.writeBackup({ name: 'a.tlbak', bytes: new Uint8Array([1]) }));
    expect(unwrap(await handlers.revealFile({ path: backup.path }))).toEqual({ shown: true });

    const elsewhere = path.join(tempRoot, 'report.pdf');
    await fs.writeFile(elsewhere, 'x');
    expect(errorOf(await handlers.revealFile({ path: elsewhere })).code).toBe('REVEAL_FORBIDDEN');
    expect(errorOf(await handlers.revealFile({ path: 'relative/a.tlbak' })).code).toBe('REVEAL_FORBIDDEN');
    expect(errorOf(await handlers.revealFile({ path: path.join(tempRoot, 'missing.pdf') })).code).toBe('FILE_NOT_FOUND');

    dialogAnswers.save = elsewhere;
    unwrap(await handlers.saveFile({ defaultName: 'report.pdf', bytes: new Uint8Array([1]) }));
    expect(unwrap(await handlers.revealFile({ path: elsewhere }))).toEqual({ shown: true });
    expect(shown).toEqual([backup.path, elsewhere]);
  });

  it('does not follow a symlink out of the backup folder', async () => {
    const handlers = createIpcHandlers(context);
    const folder = unwrap(await handlers.getBackupFolder({})).path;
    await fs.mkdir(folder, { recursive: true });
    const outside = path.join(tempRoot, 'outside.txt');
    await fs.writeFile(outside, 'x');
    const link = path.join(folder, 'link.tlbak');
    await fs.symlink(outside, link);
    expect(errorOf(await handlers.revealFile({ path: link })).code).toBe('REVEAL_FORBIDDEN');
  });
});

describe('appInfo and printToPdf', () => {
  it('reports runtime versions and the backup folder', async () => {
    const info = unwrap(await createIpcHandlers(context).appInfo({}));
    expect(info).toEqual({ ...context.runtime, backupFolder: path.join(documentsDir, 'TalentLedger', 'backups') });
  });

  it('renders, asks where to save with a .pdf name, and writes atomically', async () => {
    const target = path.join(tempRoot, '公示名单.pdf');
    dialogAnswers.save = target;
    const handlers = createIpcHandlers(context);
    expect(unwrap(await handlers.printToPdf({ defaultName: '公示名单', landscape: true }))).toEqual({ canceled: false, path: target });
    expect(context.printPageToPdf).toHaveBeenCalledWith({ landscape: true });
    expect(await fs.readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(context.dialog.chooseSavePath).toHaveBeenCalledWith({
      title: '保存 PDF',
      defaultPath: path.join(documentsDir, '公示名单.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('reports a rendering failure as a value', async () => {
    context.printPageToPdf = async () => {
      throw new Error('boom');
    };
    expect(errorOf(await createIpcHandlers(context).printToPdf({ defaultName: 'x' })).code).toBe('PDF_RENDER_FAILED');
  });
});

describe('helpers', () => {
  it('sanitizeFileName removes folders, forbidden characters and device names', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(sanitizeFileName('报表: 2026/11*?.xlsx')).toBe('报表_ 2026_11__.xlsx');
    expect(sanitizeFileName('CON.txt')).toBe('_CON.txt');
    expect(sanitizeFileName('名单. . ')).toBe('名单');
    expect(sanitizeFileName('')).toBe('未命名');
    expect(sanitizeFileName('///')).toBe('未命名');
  });

  it('resolveBackupPath and isPathInside keep paths inside the folder', () => {
    expect(resolveBackupPath('/b', 'a.tlbak')).toEqual({ ok: true, value: path.resolve('/b', 'a.tlbak') });
    expect(resolveBackupPath('/b', '../a.tlbak').ok).toBe(false);
    expect(isPathInside('/b/c', '/b')).toBe(true);
    expect(isPathInside('/b', '/b')).toBe(true);
    expect(isPathInside('/bc', '/b')).toBe(false);
    expect(isPathInside('/a', '/b')).toBe(false);
  });
});
