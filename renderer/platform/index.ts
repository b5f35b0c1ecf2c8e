/** The one way the UI reaches outside the page. */
export type { Platform, PlatformKind, PlatformBackups, FileFilter, OpenFileOptions, PrintOptions, OpenedFile, BackupFileInfo, AppInfo, Canceled } from './platform';
export { getPlatform, PlatformProvider, usePlatform } from './PlatformProvider';
export { electronPlatform } from './electronPlatform';
export { browserPlatform } from './browserPlatform';
export { FileDropZone, useFileDrop, preventStrayFileDrops, type FileDropZoneProps, type FileDropOptions } from './FileDropZone';
export { readPickedFile, matchesFilters, acceptAttribute } from './browserFiles';
export { PrintSheet, usePrintToPdf, type PrintSheetProps } from './PrintSheet';
