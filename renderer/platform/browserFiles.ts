/** Reading and saving files in a plain browser: hidden file input, dropped files, and blob downloads. */
import { DEFAULT_MAX_OPEN_BYTES } from '../../shared/ipc';
import { err, ok, type Result } from '../../shared/result';
import type { FileFilter, OpenedFile } from './platform';

/** The `accept` attribute for a file input, e.g. `.xlsx,.xls`; '' accepts anything. */
export function acceptAttribute(filters: readonly FileFilter[] | undefined): string {
  const extensions = (filters ?? []).flatMap((filter) => filter.extensions).filter((extension) => extension !== '*');
  return [...new Set(extensions)].map((extension) => `.${extension.toLowerCase()}`).join(',');
}

/** Whether a file name matches the filters (no filters, or a `*` filter, accepts all). */
export function matchesFilters(fileName: string, filters: readonly FileFilter[] | undefined): boolean {
  const extensions = (filters ?? []).flatMap((filter) => filter.extensions.map((extension) => extension.toLowerCase()));
  if (extensions.length === 0 || extensions.includes('*')) return true;
  const lower = fileName.toLowerCase();
  return extensions.some((extension) => lower.endsWith(`.${extension}`));
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Reads a File (picked or dropped) into memory, refusing files above `maxBytes`. */
export async function readPickedFile(file: File, maxBytes = DEFAULT_MAX_OPEN_BYTES): Promise<Result<OpenedFile>> {
  if (file.size > maxBytes) {
    return err({
      code: 'FILE_TOO_LARGE',
      message: `文件“${file.name}”超过 ${formatMegabytes(maxBytes)}，无法打开`,
      messageEn: `"${file.name}" is larger than ${formatMegabytes(maxBytes)} and cannot be opened`,
    });
  }
  try {
    return ok({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return err({ code: 'FILE_READ_FAILED', message: `读取文件失败：${detail}`, messageEn: `Could not read the file: ${detail}` });
  }
}

/**
 * Shows the browser's file chooser through a hidden input and resolves with the chosen File, or null
 * when the user cancels (Chromium fires `cancel` on the input since version 113).
 * Call from a user gesture (click), or the browser ignores it.
 */
export function chooseFileWithInput(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Downloads bytes as a file through a temporary blob URL and an `<a download>` element. */
export function downloadBytes(name: string, bytes: Uint8Array, mimeType = 'application/octet-stream'): void {
  const blob = new Blob([new Uint8Array(bytes)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the download has started; revoking synchronously can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const mimeTypes: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
  json: 'application/json',
  pdf: 'application/pdf',
  tlbak: 'application/octet-stream',
};

/** A MIME type from the file extension (octet-stream when unknown). */
export function mimeTypeOf(name: string): string {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return mimeTypes[extension] ?? 'application/octet-stream';
}
