/**
 * Drag-and-drop (and click-to-choose) file input shared by every feature that reads files.
 * Works the same in Electron and the browser: dropped files are read in the page, clicks go
 * through `Platform.openFile` (the Electron dialog or the browser chooser).
 */
import { useCallback, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import { Spin, theme, Typography } from 'antd';
import type { AppError } from '../../shared/result';
import { useT } from '../i18n';
import { matchesFilters, readPickedFile } from './browserFiles';
import type { FileFilter, OpenedFile } from './platform';
import { usePlatform } from './PlatformProvider';

export interface FileDropOptions {
  /** Receives the files read into memory (one for a click; possibly several for a drop when `multiple`). */
  onFiles: (files: OpenedFile[]) => void;
  onError?: (error: AppError) => void;
  filters?: FileFilter[];
  maxBytes?: number;
  multiple?: boolean;
  disabled?: boolean;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** Drag state and the handlers to spread on any drop target element. */
export function useFileDrop({ onFiles, onError, filters, maxBytes, multiple = false, disabled = false }: FileDropOptions) {
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState(false);
  // dragenter/dragleave fire for every child element; count them so the highlight does not flicker.
  const depth = useRef(0);

  const readFiles = useCallback(
    async (files: File[]) => {
      const accepted = files.filter((file) => matchesFilters(file.name, filters));
      const rejected = files.filter((file) => !matchesFilters(file.name, filters));
      for (const file of rejected) {
        const expected = acceptedExtensions(filters);
        onError?.({
          code: 'FILE_TYPE_UNSUPPORTED',
          message: `不支持的文件类型：${file.name}（可用：${expected}）`,
          messageEn: `Unsupported file type: ${file.name} (accepted: ${expected})`,
        });
      }
      const chosen = multiple ? accepted : accepted.slice(0, 1);
      if (chosen.length === 0) return;
      setReading(true);
      try {
        const opened: OpenedFile[] = [];
        for (const file of chosen) {
          const read = await readPickedFile(file, maxBytes);
          if (read.ok) opened.push(read.value);
          else onError?.(read.error);
        }
        if (opened.length > 0) onFiles(opened);
      } finally {
        setReading(false);
      }
    },
    [filters, maxBytes, multiple, onError, onFiles],
  );

  const dropProps = {
    onDragEnter(event: DragEvent) {
      if (disabled || !hasFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver(event: DragEvent) {
      if (disabled || !hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave(event: DragEvent) {
      if (disabled || !hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop(event: DragEvent) {
      if (disabled || !hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      void readFiles(Array.from(event.dataTransfer.files));
    },
  };

  return { dragging, reading, dropProps, readFiles };
}

function acceptedExtensions(filters: readonly FileFilter[] | undefined): string {
  return (filters ?? []).flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(' ');
}

export interface FileDropZoneProps extends FileDropOptions {
  /** Text under the icon; defaults to "drop files here, or click to choose". */
  hint?: ReactNode;
  /** Dialog title for the click-to-choose path (Electron). */
  title?: string;
}

/** A bordered drop area that also opens the file chooser on click or Enter. */
export function FileDropZone(props: FileDropZoneProps) {
  const { hint, title, filters, maxBytes, onFiles, onError, disabled } = props;
  const t = useT();
  const platform = usePlatform();
  const { token } = theme.useToken();
  const { dragging, reading, dropProps } = useFileDrop(props);

  const choose = useCallback(async () => {
    if (disabled || reading) return;
    const result = await platform.openFile({ ...(title ? { title } : {}), ...(filters ? { filters } : {}), ...(maxBytes ? { maxBytes } : {}) });
    if (!result.ok) onError?.(result.error);
    else if (!result.value.canceled) onFiles([{ name: result.value.name, bytes: result.value.bytes }]);
  }, [disabled, reading, platform, title, filters, maxBytes, onError, onFiles]);

  const extensions = acceptedExtensions(filters);
  return (
    <div
      role="button"
      tabIndex={disabled ? -1 : 0}
      aria-disabled={disabled}
      data-testid="file-drop-zone"
      onClick={() => void choose()}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          void choose();
        }
      }}
      {...dropProps}
      style={{
        border: `1px dashed ${dragging ? token.colorPrimary : token.colorBorder}`,
        background: dragging ? token.colorPrimaryBg : token.colorFillAlter,
        borderRadius: token.borderRadiusLG,
        padding: token.paddingLG,
        textAlign: 'center',
        cursor: disabled ? 'not-allowed' : 'pointer',
        transition: `border-color ${token.motionDurationMid}`,
      }}
    >
      <Spin spinning={reading} description={t('fileDrop.reading')}>
        <InboxOutlined style={{ fontSize: 40, color: token.colorPrimary }} />
        <Typography.Paragraph style={{ margin: `${token.marginSM}px 0 0` }}>
          {dragging ? t('fileDrop.dropNow') : (hint ?? t('fileDrop.hint'))}
        </Typography.Paragraph>
        {extensions && <Typography.Text type="secondary">{extensions}</Typography.Text>}
      </Spin>
    </div>
  );
}

/**
 * Stops a file dropped outside any drop zone from replacing the page (the browser would open it,
 * Electron would try to navigate). Returns a function that removes the listeners.
 */
export function preventStrayFileDrops(target: Window = window): () => void {
  const block = (event: globalThis.DragEvent) => {
    if (Array.from(event.dataTransfer?.types ?? []).includes('Files')) event.preventDefault();
  };
  target.addEventListener('dragover', block);
  target.addEventListener('drop', block);
  return () => {
    target.removeEventListener('dragover', block);
    target.removeEventListener('drop', block);
  };
}
