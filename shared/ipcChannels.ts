/**
 * IPC channel names, kept free of zod so the preload bundle stays a few KB;
 * `shared/ipc.ts` adds the schemas and types and re-exports these.
 */
/** Every channel carries the one prefix `tl:`; main rejects anything else. */
export const IPC_PREFIX = 'tl:' as const;

export const ipcChannels = {
  openFile: 'tl:file:open',
  saveFile: 'tl:file:save',
  listBackups: 'tl:backup:list',
  writeBackup: 'tl:backup:write',
  readBackup: 'tl:backup:read',
  deleteBackup: 'tl:backup:delete',
  getBackupFolder: 'tl:backup:folder:get',
  setBackupFolder: 'tl:backup:folder:set',
  revealFile: 'tl:shell:reveal',
  appInfo: 'tl:app:info',
  printToPdf: 'tl:print:pdf',
} as const;

export type IpcMethod = keyof typeof ipcChannels;
export type IpcChannel = (typeof ipcChannels)[IpcMethod];
