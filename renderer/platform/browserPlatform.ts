/** The Platform in a plain browser (`npm run web`): file input, downloads, OPFS backups, window.print(). */
import { ok } from '../../shared/result';
import { chooseFileWithInput, acceptAttribute, downloadBytes, mimeTypeOf, readPickedFile } from './browserFiles';
import { createDirectoryBackups, openOpfsBackupDirectory, OPFS_BACKUP_FOLDER } from './opfsBackups';
import type { Platform } from './platform';

function chromeVersion(): string {
  const match = /Chrom(?:e|ium)\/([\d.]+)/.exec(typeof navigator === 'undefined' ? '' : navigator.userAgent);
  return match?.[1] ?? '';
}

/** The browser implementation of Platform. */
export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    async openFile(options = {}) {
      const file = await chooseFileWithInput(acceptAttribute(options.filters));
      if (!file) return ok({ canceled: true });
      const read = await readPickedFile(file, options.maxBytes);
      return read.ok ? ok({ canceled: false, ...read.value }) : read;
    },
    async saveFile(name, bytes) {
      downloadBytes(name, bytes, mimeTypeOf(name));
      return ok({ canceled: false, path: name });
    },
    backups: createDirectoryBackups(openOpfsBackupDirectory),
    async printToPdf() {
      // The print dialog offers "Save as PDF"; print CSS decides what is on the page.
      window.print();
      return ok({ canceled: false, path: null });
    },
    async appInfo() {
      return ok({
        name: '人才台账',
        version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
        electron: '',
        chrome: chromeVersion(),
        node: '',
        platform: typeof navigator === 'undefined' ? '' : navigator.platform,
        backupFolder: OPFS_BACKUP_FOLDER,
      });
    },
    async revealFile() {
      return ok({ shown: false });
    },
  };
}
