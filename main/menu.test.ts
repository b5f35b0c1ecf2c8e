import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildApplicationMenuTemplate } from './menu';

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

describe('buildApplicationMenuTemplate', () => {
  const base = { productName: '人才台账', openBackupFolder: vi.fn(), showAbout: vi.fn() };

  it('has the four Chinese menus on Windows and Linux, every item labelled', () => {
    const template = buildApplicationMenuTemplate({ ...base, platform: 'win32', isPackaged: true });
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const item of template.flatMap(submenu)) {
      if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toMatch(/[\u4e00-\u9fa5]/u);
    }
    expect(submenu(template[1]).map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('hides developer tools in packaged builds only', () => {
    const roles = (isPackaged: boolean) => submenu(buildApplicationMenuTemplate({ ...base, platform: 'linux', isPackaged })[2]).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('adds the app menu on macOS and wires the help items', () => {
    const template = buildApplicationMenuTemplate({ ...base, platform: 'darwin', isPackaged: true });
    expect(template.map((item) => item.label)).toEqual(['人才台账', '文件', '编辑', '视图', '帮助']);
    const help = submenu(template[4]);
    help.find((item) => item.label === '关于人才台账')?.click?.({} as never, undefined, {} as never);
    help.find((item) => item.label === '打开备份文件夹')?.click?.({} as never, undefined, {} as never);
    expect(base.showAbout).toHaveBeenCalledTimes(1);
    expect(base.openBackupFolder).toHaveBeenCalledTimes(1);
  });
});
