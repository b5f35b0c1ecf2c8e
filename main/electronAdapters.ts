/** Thin adapters from Electron's dialog and shell to the interfaces the handlers use. */
import { dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DialogAdapter, ShellAdapter } from './fileHandlers';

/** Dialogs are modal to the main window when it exists, so they cannot hide behind it. */
export function createElectronDialogAdapter(getWindow: () => BrowserWindow | null): DialogAdapter {
  async function showOpen(options: OpenDialogOptions): Promise<string | null> {
    const window = getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  return {
    chooseFileToOpen: ({ title, filters }) => showOpen({
      ...(title ? { title } : {}),
      ...(filters ? { filters } : {}),
      properties: ['openFile'],
    }),
    chooseFolder: ({ title, defaultPath }) => showOpen({
      ...(title ? { title } : {}),
      ...(defaultPath ? { defaultPath } : {}),
      properties: ['openDirectory', 'createDirectory'],
    }),
    async chooseSavePath({ title, defaultPath, filters }) {
      const options: SaveDialogOptions = {
        defaultPath,
        ...(title ? { title } : {}),
        ...(filters ? { filters } : {}),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

/** The shell, reduced to revealing a file. */
export function createElectronShellAdapter(): ShellAdapter {
  return { showItemInFolder: (fullPath) => shell.showItemInFolder(fullPath) };
}
