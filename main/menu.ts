/**
 * The Chinese application menu (文件 / 编辑 / 视图 / 帮助). Built as plain data from options so
 * tests can check it; main.ts turns it into a `Menu`. Only Electron types are imported.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** What the menu needs to know and do. */
export interface ApplicationMenuOptions {
  productName: string;
  platform: NodeJS.Platform;
  /** Developer tools and forced reload only in unpackaged (developer) runs. */
  isPackaged: boolean;
  openBackupFolder(): void;
  showAbout(): void;
}

/** Builds the menu template; every item has a Chinese label because Linux shows role labels in English. */
export function buildApplicationMenuTemplate(options: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: options.productName,
      submenu: [
        { label: `关于${options.productName}`, click: () => options.showAbout() },
        { type: 'separator' },
        { role: 'hide', label: `隐藏${options.productName}` },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        { type: 'separator' },
        { role: 'quit', label: `退出${options.productName}` },
      ],
    });
  }

  template.push({
    label: '文件',
    submenu: [
      { label: '打开备份文件夹', click: () => options.openBackupFolder() },
      { type: 'separator' },
      isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出', accelerator: 'Ctrl+Q' },
    ],
  });

  template.push({
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'delete', label: '删除' },
      { type: 'separator' },
      { role: 'selectAll', label: '全选' },
    ],
  });

  const developerItems: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { type: 'separator' },
        { role: 'forceReload', label: '强制重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
      ];
  template.push({
    label: '视图',
    submenu: [
      { role: 'reload', label: '重新加载' },
      ...developerItems,
      { type: 'separator' },
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
    ],
  });

  template.push({
    label: '帮助',
    role: 'help',
    submenu: [
      { label: '打开备份文件夹', click: () => options.openBackupFolder() },
      { type: 'separator' },
      { label: `关于${options.productName}`, click: () => options.showAbout() },
    ],
  });

  return template;
}
