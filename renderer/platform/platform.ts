/**
 * Everything the UI does outside the page goes through this interface: files, backups, printing,
 * app information. Two implementations: Electron (preload bridge) and the plain browser.
 */
import type { Result } from '../../shared/result';
import type { AppInfo, BackupFileInfo, Canceled, OpenedFile } from '../../shared/ipc';

export type { AppInfo, BackupFileInfo, Canceled, OpenedFile };

/** A file type choice for open/save dialogs, e.g. `{ name: 'Excel', extensions: ['xlsx', 'xls'] }`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileOptions {
  title?: string;
  filters?: FileFilter[];
  /** Largest file accepted, in bytes (default DEFAULT_MAX_OPEN_BYTES). */
  maxBytes?: number;
}

export interface PrintOptions {
  /** Suggested PDF file name (`.pdf` is added when missing). */
  suggestedName: string;
  /** Landscape A4 (wide tables such as 公示名单); portrait by default. */
  landscape?: boolean;
}

/** Backup files: in Electron a folder on disk, in the browser the origin-private file system. */
export interface PlatformBackups {
  /** Backup files, newest first. */
  list(): Promise<Result<BackupFileInfo[]>>;
  /** Writes (or replaces) a backup; `path` says where it went. */
  write(name: string, bytes: Uint8Array): Promise<Result<{ path: string }>>;
  read(name: string): Promise<Result<Uint8Array>>;
  delete(name: string): Promise<Result<{ deleted: boolean }>>;
  /** Where backups are kept (a folder path, or a description in the browser). */
  folder(): Promise<Result<{ path: string }>>;
  /** Lets the user choose the backup folder (Electron only; the browser answers UNSUPPORTED). */
  chooseFolder(): Promise<Result<Canceled | { canceled: false; path: string }>>;
}

export type PlatformKind = 'electron' | 'browser';

export interface Platform {
  kind: PlatformKind;
  /** Lets the user pick one file and reads it into memory. Must be called from a user gesture in the browser. */
  openFile(options?: OpenFileOptions): Promise<Result<Canceled | ({ canceled: false } & OpenedFile)>>;
  /**
   * Saves bytes under a suggested name. Electron shows a save dialog; the browser downloads the file
   * (it cannot tell whether the user kept it, so it never answers `canceled`; `path` is the file name).
   */
  saveFile(name: string, bytes: Uint8Array, filters?: FileFilter[]): Promise<Result<Canceled | { canceled: false; path: string }>>;
  backups: PlatformBackups;
  /**
   * Prints the current page to PDF. Electron writes the PDF and returns its path; the browser opens
   * its print dialog (where the user picks "Save as PDF") and returns `path: null`.
   */
  printToPdf(options: PrintOptions): Promise<Result<Canceled | { canceled: false; path: string | null }>>;
  appInfo(): Promise<Result<AppInfo>>;
  /** Shows a saved file in the system file manager (Electron); the browser answers `shown: false`. */
  revealFile(path: string): Promise<Result<{ shown: boolean }>>;
}
