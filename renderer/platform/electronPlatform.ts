/** The Platform over the Electron preload bridge (`window.talentLedger`). Main validates every call. */
import { err, type Result } from '../../shared/result';
import type { TalentLedgerBridge } from '../../shared/ipc';
import type { Platform } from './platform';

async function call<T>(invoke: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await invoke();
  } catch (error) {
    // The bridge answers with Result values; a rejection means IPC itself broke (a bug or a dead main process).
    const detail = error instanceof Error ? error.message : String(error);
    return err({ code: 'IPC_FAILED', message: `与主进程通信失败：${detail}`, messageEn: `Could not reach the main process: ${detail}` });
  }
}

/** IPC payloads are typed as ArrayBuffer-backed bytes; copy only in the rare SharedArrayBuffer case. */
function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** Wraps the preload bridge as a Platform. */
export function electronPlatform(bridge: TalentLedgerBridge): Platform {
  return {
    kind: 'electron',
    openFile: (options = {}) => call(() => bridge.openFile(options)),
    saveFile: (name, bytes, filters) =>
      call(() =>
        bridge.saveFile(filters ? { defaultName: name, bytes: plainBytes(bytes), filters } : { defaultName: name, bytes: plainBytes(bytes) }),
      ),
    backups: {
      list: () => call(() => bridge.listBackups({})),
      write: (name, bytes) => call(() => bridge.writeBackup({ name, bytes: plainBytes(bytes) })),
      read: (name) => call(() => bridge.readBackup({ name })),
      delete: (name) => call(() => bridge.deleteBackup({ name })),
      folder: () => call(() => bridge.getBackupFolder({})),
      chooseFolder: () => call(() => bridge.setBackupFolder({ choose: true })),
    },
    printToPdf: (options) =>
      call(() =>
        bridge.printToPdf(options.landscape === undefined ? { defaultName: options.suggestedName } : { defaultName: options.suggestedName, landscape: options.landscape }),
      ),
    appInfo: () => call(() => bridge.appInfo({})),
    revealFile: (path) => call(() => bridge.revealFile({ path })),
  };
}
