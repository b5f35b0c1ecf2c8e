/**
 * The one IPC contract between the renderer and the Electron main process.
 * Channel names, argument and result types, and zod schemas live here; the preload object
 * `satisfies TalentLedgerBridge`, and main validates every payload against `ipcArgSchemas`.
 * Every call resolves to a `Result` so failures cross the bridge as values with stable codes.
 */
import { z } from 'zod';
import type { Result } from './result';

export { IPC_PREFIX, ipcChannels, type IpcChannel, type IpcMethod } from './ipcChannels';
import type { IpcMethod } from './ipcChannels';

/**
 * Error codes the IPC layer itself returns (before or around a handler). Handlers add their own
 * codes (`FILE_TOO_LARGE`, `FILE_NOT_FOUND`, `BACKUP_NAME_INVALID`, …) in `AppError.code`.
 */
export const ipcErrorCodes = {
  /** The channel is not one of `ipcChannels`. */
  unknownChannel: 'IPC_UNKNOWN_CHANNEL',
  /** The call came from a frame other than our window's main frame on `app://talentledger`. */
  forbiddenSender: 'IPC_FORBIDDEN_SENDER',
  /** The arguments failed the channel's zod schema. */
  badPayload: 'IPC_BAD_PAYLOAD',
  /** The handler threw; details stay in the main-process log. */
  handlerFailed: 'IPC_HANDLER_FAILED',
} as const;

export type IpcErrorCode = (typeof ipcErrorCodes)[keyof typeof ipcErrorCodes];

/** Default largest file the open dialog will read into memory (bytes). */
export const DEFAULT_MAX_OPEN_BYTES = 512 * 1024 * 1024;

const fileFilterSchema = z.object({
  name: z.string().max(200),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/)).max(20),
});

/** A backup file name: no folders, no traversal, our own extension set. Main re-checks it before touching disk. */
export const backupNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w\-.\u4e00-\u9fa5]+\.(tlbak|tlbak\.tmp|json)$/u, 'invalid backup file name')
  .refine((name) => !name.includes('..'), 'invalid backup file name');

const bytesSchema = z.instanceof(Uint8Array);

export const ipcArgSchemas = {
  openFile: z
    .object({
      title: z.string().max(200).optional(),
      filters: z.array(fileFilterSchema).max(20).optional(),
      maxBytes: z.number().int().positive().max(4 * 1024 * 1024 * 1024).optional(),
    })
    .strict(),
  saveFile: z
    .object({
      defaultName: z.string().min(1).max(255),
      bytes: bytesSchema,
      filters: z.array(fileFilterSchema).max(20).optional(),
    })
    .strict(),
  listBackups: z.object({}).strict(),
  writeBackup: z.object({ name: backupNameSchema, bytes: bytesSchema }).strict(),
  readBackup: z.object({ name: backupNameSchema }).strict(),
  deleteBackup: z.object({ name: backupNameSchema }).strict(),
  getBackupFolder: z.object({}).strict(),
  setBackupFolder: z.object({ choose: z.literal(true) }).strict(),
  revealFile: z.object({ path: z.string().min(1).max(4096) }).strict(),
  appInfo: z.object({}).strict(),
  printToPdf: z.object({ defaultName: z.string().min(1).max(255), landscape: z.boolean().optional() }).strict(),
} satisfies Record<IpcMethod, z.ZodType>;

export type IpcArgs = { [K in IpcMethod]: z.infer<(typeof ipcArgSchemas)[K]> };

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface BackupFileInfo {
  name: string;
  size: number;
  /** ISO timestamp. */
  modifiedAt: string;
}

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
  backupFolder: string;
}

export type Canceled = { canceled: true };

export interface IpcResults {
  openFile: Canceled | ({ canceled: false } & OpenedFile);
  saveFile: Canceled | { canceled: false; path: string };
  listBackups: BackupFileInfo[];
  writeBackup: { path: string };
  readBackup: Uint8Array;
  deleteBackup: { deleted: boolean };
  getBackupFolder: { path: string };
  setBackupFolder: Canceled | { canceled: false; path: string };
  revealFile: { shown: boolean };
  appInfo: AppInfo;
  printToPdf: Canceled | { canceled: false; path: string };
}

/** What the preload exposes as `window.talentLedger`: exactly one function per channel. */
export type TalentLedgerBridge = {
  [K in IpcMethod]: (args: IpcArgs[K]) => Promise<Result<IpcResults[K]>>;
};
