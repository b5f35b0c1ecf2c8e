// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppError } from '../../shared/result';
import { ok } from '../../shared/result';
import { LanguageProvider } from '../i18n';
import { browserPlatform } from './browserPlatform';
import { FileDropZone } from './FileDropZone';
import type { OpenedFile, Platform } from './platform';
import { PlatformProvider } from './PlatformProvider';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function dragEvent(type: string, files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  return event;
}

function render(platform: Platform, onFiles: (files: OpenedFile[]) => void, onError: (error: AppError) => void) {
  act(() =>
    root.render(
      <LanguageProvider initialLanguage="zh-CN">
        <PlatformProvider platform={platform}>
          <FileDropZone onFiles={onFiles} onError={onError} filters={[{ name: 'Excel', extensions: ['xlsx', 'xls'] }]} maxBytes={8} multiple />
        </PlatformProvider>
      </LanguageProvider>,
    ),
  );
  const zone = container.querySelector<HTMLElement>('[data-testid="file-drop-zone"]');
  if (!zone) throw new Error('drop zone not rendered');
  return zone;
}

describe('FileDropZone', () => {
  it('reads dropped files, refusing the wrong type and the oversized', async () => {
    const onFiles = vi.fn();
    const onError = vi.fn();
    const zone = render(browserPlatform(), onFiles, onError);
    expect(zone.textContent).toContain('将文件拖到此处，或点击选择文件');

    act(() => void zone.dispatchEvent(dragEvent('dragenter', [])));
    expect(zone.textContent).toContain('松开鼠标即可添加文件');

    const files = [
      new File([new Uint8Array([1, 2, 3])], '花名册.xlsx'),
      new File([new Uint8Array([1])], '说明.pdf'),
      new File([new Uint8Array(20)], '太大.xls'),
    ];
    await act(async () => {
      zone.dispatchEvent(dragEvent('drop', files));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(onFiles).toHaveBeenCalledTimes(1);
    const opened = onFiles.mock.calls[0]?.[0] as OpenedFile[];
    expect(opened.map((file) => [file.name, [...file.bytes]])).toEqual([['花名册.xlsx', [1, 2, 3]]]);
    expect(onError.mock.calls.map(([error]) => (error as AppError).code).sort()).toEqual(['FILE_TOO_LARGE', 'FILE_TYPE_UNSUPPORTED']);
    expect(zone.textContent).toContain('将文件拖到此处');
  });

  it('opens the file through the platform on click', async () => {
    const onFiles = vi.fn();
    const platform: Platform = {
      ...browserPlatform(),
      openFile: vi.fn(async () => ok({ canceled: false as const, name: 'a.xlsx', bytes: new Uint8Array([9]) })),
    };
    const zone = render(platform, onFiles, vi.fn());
    await act(async () => {
      zone.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(platform.openFile).toHaveBeenCalledWith({ filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }], maxBytes: 8 });
    expect(onFiles).toHaveBeenCalledWith([{ name: 'a.xlsx', bytes: new Uint8Array([9]) }]);
  });
});
