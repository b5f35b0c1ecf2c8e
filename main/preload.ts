/**
 * Preload for the sandboxed renderer: exposes `window.talentLedger`, one function per IPC channel.
 * `ipcRenderer` itself never crosses the bridge; the object must satisfy the shared contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels } from '../shared/ipcChannels';
import type { TalentLedgerBridge } from '../shared/ipc';

const bridge = {
  openFile: (args) => ipcRenderer.invoke(ipcChannels.openFile, args),
  saveFile: (args) => ipcRenderer.invoke(ipcChannels.saveFile, args),
  listBackups: (args) => ipcRenderer.invoke(ipcChannels.listBackups, args),
  writeBackup: (args) => ipcRenderer.invoke(ipcChannels.writeBackup, args),
  readBackup: (args) => ipcRenderer.invoke(ipcChannels.readBackup, args),
  deleteBackup: (args) => ipcRenderer.invoke(ipcChannels.deleteBackup, args),
  getBackupFolder: (args) => ipcRenderer.invoke(ipcChannels.getBackupFolder, args),
  setBackupFolder: (args) => ipcRenderer.invoke(ipcChannels.setBackupFolder, args),
  revealFile: (args) => ipcRenderer.invoke(ipcChannels.revealFile, args),
  appInfo: (args) => ipcRenderer.invoke(ipcChannels.appInfo, args),
  printToPdf: (args) => ipcRenderer.invoke(ipcChannels.printToPdf, args),
} satisfies TalentLedgerBridge;

contextBridge.exposeInMainWorld('talentLedger', bridge);
