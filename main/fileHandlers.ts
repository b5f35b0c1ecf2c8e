/**
 * What each IPC channel does, as plain functions over an injected context (folders, dialogs, shell).
 * No Electron import: Node tests run every handler against a temp folder with a scripted dialog.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { backupNameSchema, DEFAULT_MAX_OPEN_BYTES, type BackupFileInfo, type TalentLedgerBridge } from '../shared/ipc';
import { err, ok, type AppError, type Result } from '../shared/result';
import { writeFileAtomic } from './atomicWrite';
import { fileSystemError, formatBytes } from './fileErrors';
import { defaultBackupFolder, loadSettings, saveSettings, SETTINGS_FILE_NAME, type MainSettings } from './settings';

/** One handler per channel, same shape as the bridge the renderer calls. */
export type IpcHandlers = TalentLedgerBridge;

/** A file-type filter for the OS dialogs (Electron's `FileFilter`). */
export interface FileDialogFilter {
  name: string;
  extensions: string[];
}

/** The OS dialogs the handlers need; each resolves to a path, or `null` when the clerk cancels. */
export interface DialogAdapter {
  chooseFileToOpen(options: { title?: string; filters?: FileDialogFilter[] }): Promise<string | null>;
  chooseSavePath(options: { title?: string; defaultPath: string; filters?: FileDialogFilter[] }): Promise<string | null>;
  chooseFolder(options: { title?: string; defaultPath?: string }): Promise<string | null>;
}

/** The one shell call the handlers make. */
export interface ShellAdapter {
  showItemInFolder(fullPath: string): void;
}

/** Names and versions reported by `appInfo`. */
export interface RuntimeInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
}

/** Everything the handlers touch outside themselves. */
export interface HandlerContext {
  /** The app profile folder (Electron `userData`); settings.json lives here. */
  userDataDir: string;
  /** The user's Documents folder; parent of the default backup folder and first folder of save dialogs. */
  documentsDir: string;
  dialog: DialogAdapter;
  shell: ShellAdapter;
  runtime: RuntimeInfo;
  /** Renders the main window's page to PDF bytes (Electron `webContents.printToPDF`). */
  printPageToPdf(options: { landscape: boolean }): Promise<Uint8Array>;
}

/** Characters Windows forbids in file names, plus control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_FILE_NAME_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;
const WINDOWS_RESERVED_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/**
 * Makes a suggested file name safe on Windows and Linux: no folders, no forbidden characters,
 * no trailing dots or spaces, no device names. Empty input becomes `未命名`.
 */
export function sanitizeFileName(name: string): string {
  let cleaned = name.replace(FORBIDDEN_FILE_NAME_CHARS, '_').replace(/[. ]+$/u, '').trim();
  if (WINDOWS_RESERVED_NAMES.test(cleaned)) cleaned = `_${cleaned}`;
  if (cleaned === '' || /^_*$/u.test(cleaned)) cleaned = '未命名';
  return cleaned.slice(0, 200);
}

/** True when `candidate` is `folder` itself or lies inside it (both absolute, already resolved). */
export function isPathInside(candidate: string, folder: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

const INVALID_BACKUP_NAME: AppError = {
  code: 'BACKUP_NAME_INVALID',
  message: '备份文件名无效。',
  messageEn: 'The backup file name is invalid.',
};

/** Resolves a backup file name inside `folder`, refusing anything that is not a plain name of ours. */
export function resolveBackupPath(folder: string, name: string): Result<string> {
  if (!backupNameSchema.safeParse(name).success || path.basename(name) !== name || name.startsWith('.')) {
    return err(INVALID_BACKUP_NAME);
  }
  const resolved = path.resolve(folder, name);
  if (path.dirname(resolved) !== path.resolve(folder)) return err(INVALID_BACKUP_NAME);
  return ok(resolved);
}

function toPlainBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function withPdfExtension(name: string): string {
  return /\.pdf$/iu.test(name) ? name : `${name}.pdf`;
}

async function realPathOrSelf(filePath: string): Promise<string> {
  try {
    return await fs.realpath(filePath);
  } catch {
    return path.resolve(filePath);
  }
}

/**
 * Builds the handler for every channel. The returned object keeps per-session state:
 * the cached settings, the last folder used in a save dialog, and the paths saved this session
 * (the only files outside the backup folder that `revealFile` will show).
 */
export function createIpcHandlers(context: HandlerContext): IpcHandlers {
  const settingsPath = path.join(context.userDataDir, SETTINGS_FILE_NAME);
  let settingsPromise: Promise<MainSettings> | undefined;
  let lastSaveFolder = context.documentsDir;
  const savedThisSession = new Set<string>();

  function settings(): Promise<MainSettings> {
    settingsPromise ??= loadSettings(settingsPath);
    return settingsPromise;
  }

  async function backupFolder(): Promise<string> {
    return (await settings()).backupFolder ?? defaultBackupFolder(context.documentsDir);
  }

  async function rememberSaved(filePath: string): Promise<void> {
    savedThisSession.add(await realPathOrSelf(filePath));
    lastSaveFolder = path.dirname(filePath);
  }

  async function saveBytesViaDialog(defaultName: string, bytes: Uint8Array, filters: FileDialogFilter[] | undefined, title: string)
    : Promise<Result<{ canceled: true } | { canceled: false; path: string }>> {
    const chosen = await context.dialog.chooseSavePath({ title, defaultPath: path.join(lastSaveFolder, defaultName), ...(filters ? { filters } : {}) });
    if (chosen === null) return ok({ canceled: true });
    const target = path.resolve(chosen);
    try {
      await writeFileAtomic(target, bytes);
    } catch (error) {
      return err(fileSystemError(error, target, '保存文件', 'Saving the file'));
    }
    await rememberSaved(target);
    return ok({ canceled: false, path: target });
  }

  return {
    async openFile(args) {
      const maxBytes = args.maxBytes ?? DEFAULT_MAX_OPEN_BYTES;
      const chosen = await context.dialog.chooseFileToOpen({ title: args.title ?? '打开文件', ...(args.filters ? { filters: args.filters } : {}) });
      if (chosen === null) return ok({ canceled: true });
      const name = path.basename(chosen);
      let handle: fs.FileHandle | undefined;
      try {
        handle = await fs.open(chosen, 'r');
        // Size is checked on the open handle before any byte is read, so a 2 GB file never reaches memory.
        const stat = await handle.stat();
        if (!stat.isFile()) return err(fileSystemError({ code: 'EISDIR' }, chosen, '打开文件', 'Opening the file'));
        if (stat.size > maxBytes) {
          return err({
            code: 'FILE_TOO_LARGE',
            message: `文件“${name}”大小为 ${formatBytes(stat.size)}，超过了可打开的上限 ${formatBytes(maxBytes)}，请拆分后再导入。`,
            messageEn: `"${name}" is ${formatBytes(stat.size)}, above the ${formatBytes(maxBytes)} limit for opening files. Split it and try again.`,
          });
        }
        const bytes = await handle.readFile();
        return ok({ canceled: false, name, bytes: toPlainBytes(bytes) });
      } catch (error) {
        return err(fileSystemError(error, chosen, '打开文件', 'Opening the file'));
      } finally {
        await handle?.close().catch(() => undefined);
      }
    },

    async saveFile(args) {
      return saveBytesViaDialog(sanitizeFileName(args.defaultName), args.bytes, args.filters, '保存文件');
    },

    async listBackups() {
      const folder = await backupFolder();
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok([]);
        return err(fileSystemError(error, folder, '读取备份列表', 'Listing backups'));
      }
      const files: BackupFileInfo[] = [];
      for (const entry of entries) {
        if (!entry.isFile() || !resolveBackupPath(folder, entry.name).ok) continue;
        try {
          const stat = await fs.stat(path.join(folder, entry.name));
          files.push({ name: entry.name, size: stat.size, modifiedAt: stat.mtime.toISOString() });
        } catch {
          // Deleted between readdir and stat: simply not listed.
        }
      }
      files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
      return ok(files);
    },

    async writeBackup(args) {
      const folder = await backupFolder();
      const target = resolveBackupPath(folder, args.name);
      if (!target.ok) return target;
      try {
        await fs.mkdir(folder, { recursive: true });
      } catch (error) {
        return err({ ...fileSystemError(error, folder, '创建备份文件夹', 'Creating the backup folder'), code: 'BACKUP_FOLDER_UNAVAILABLE' });
      }
      try {
        await writeFileAtomic(target.value, args.bytes);
      } catch (error) {
        return err(fileSystemError(error, target.value, '写入备份', 'Writing the backup'));
      }
      return ok({ path: target.value });
    },

    async readBackup(args) {
      const target = resolveBackupPath(await backupFolder(), args.name);
      if (!target.ok) return target;
      let handle: fs.FileHandle | undefined;
      try {
        handle = await fs.open(target.value, 'r');
        const stat = await handle.stat();
        if (!stat.isFile()) return err(fileSystemError({ code: 'EISDIR' }, target.value, '读取备份', 'Reading the backup'));
        if (stat.size > DEFAULT_MAX_OPEN_BYTES) {
          return err({
            code: 'FILE_TOO_LARGE',
            message: `备份“${args.name}”大小为 ${formatBytes(stat.size)}，超过了可读取的上限 ${formatBytes(DEFAULT_MAX_OPEN_BYTES)}。`,
            messageEn: `Backup "${args.name}" is ${formatBytes(stat.size)}, above the ${formatBytes(DEFAULT_MAX_OPEN_BYTES)} limit.`,
          });
        }
        return ok(toPlainBytes(await handle.readFile()));
      } catch (error) {
        return err(fileSystemError(error, target.value, '读取备份', 'Reading the backup'));
      } finally {
        await handle?.close().catch(() => undefined);
      }
    },

    async deleteBackup(args) {
      const target = resolveBackupPath(await backupFolder(), args.name);
      if (!target.ok) return target;
      try {
        await fs.unlink(target.value);
        return ok({ deleted: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({ deleted: false });
        return err(fileSystemError(error, target.value, '删除备份', 'Deleting the backup'));
      }
    },

    async getBackupFolder() {
      return ok({ path: await backupFolder() });
    },

    async setBackupFolder() {
      const current = await backupFolder();
      const chosen = await context.dialog.chooseFolder({ title: '选择备份文件夹', defaultPath: current });
      if (chosen === null) return ok({ canceled: true });
      const folder = path.resolve(chosen);
      const realFolder = await realPathOrSelf(folder);
      if (isPathInside(realFolder, await realPathOrSelf(context.userDataDir))) {
        return err({
          code: 'BACKUP_FOLDER_IN_PROFILE',
          message: '备份文件夹不能放在本应用的数据目录里：清理或卸载应用时备份会一起丢失。请另选一个文件夹。',
          messageEn: 'The backup folder cannot be inside the app profile: cleaning or uninstalling the app would delete the backups too.',
        });
      }
      // Prove the folder takes writes now, rather than failing at the next automatic backup.
      const probe = path.join(folder, `.tl-write-test-${randomBytes(4).toString('hex')}`);
      try {
        const stat = await fs.stat(folder);
        if (!stat.isDirectory()) return err(fileSystemError({ code: 'ENOTDIR' }, folder, '设置备份文件夹', 'Setting the backup folder'));
        await fs.writeFile(probe, '');
        await fs.rm(probe, { force: true });
      } catch (error) {
        return err({ ...fileSystemError(error, folder, '设置备份文件夹', 'Setting the backup folder'), code: 'BACKUP_FOLDER_UNAVAILABLE' });
      }
      const next: MainSettings = { ...(await settings()), backupFolder: folder };
      try {
        await saveSettings(settingsPath, next);
      } catch (error) {
        return err(fileSystemError(error, settingsPath, '保存设置', 'Saving settings'));
      }
      settingsPromise = Promise.resolve(next);
      return ok({ canceled: false, path: folder });
    },

    async revealFile(args) {
      if (!path.isAbsolute(args.path) || args.path.includes('\0')) {
        return err({ code: 'REVEAL_FORBIDDEN', message: '只能在文件夹中显示本应用保存的文件。', messageEn: 'Only files this app saved can be shown.' });
      }
      let real: string;
      try {
        real = await fs.realpath(args.path);
        await fs.stat(real);
      } catch (error) {
        return err(fileSystemError(error, args.path, '显示文件', 'Showing the file'));
      }
      const inBackups = isPathInside(real, await realPathOrSelf(await backupFolder()));
      if (!inBackups && !savedThisSession.has(real)) {
        return err({ code: 'REVEAL_FORBIDDEN', message: '只能在文件夹中显示本应用保存的文件。', messageEn: 'Only files this app saved can be shown.' });
      }
      context.shell.showItemInFolder(real);
      return ok({ shown: true });
    },

    async appInfo() {
      return ok({ ...context.runtime, backupFolder: await backupFolder() });
    },

    async printToPdf(args) {
      let bytes: Uint8Array;
      try {
        bytes = await context.printPageToPdf({ landscape: args.landscape ?? false });
      } catch {
        return err({ code: 'PDF_RENDER_FAILED', message: '生成 PDF 失败，请重试。', messageEn: 'Could not render the PDF. Please try again.' });
      }
      return saveBytesViaDialog(withPdfExtension(sanitizeFileName(args.defaultName)), bytes, [{ name: 'PDF', extensions: ['pdf'] }], '保存 PDF');
    },
  };
}
