/**
 * Crash-safe file writes: the target either keeps its old bytes or gets all the new ones, never half.
 * Pure Node (no Electron) so tests can run it against a temp folder and inject failures.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The part of a `FileHandle` an atomic write uses. */
export interface WritableFileHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls an atomic write makes; tests pass a version that fails on purpose. */
export interface AtomicWriteFs {
  open(filePath: string, flags: 'wx'): Promise<WritableFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

/** The real file system. */
export const nodeAtomicWriteFs: AtomicWriteFs = {
  open: (filePath, flags) => fs.open(filePath, flags),
  rename: (from, to) => fs.rename(from, to),
  rm: (filePath, options) => fs.rm(filePath, options),
};

/** Name of the temp file used while writing `targetPath`; hidden, in the same folder so rename stays atomic. */
export function atomicTempPath(targetPath: string): string {
  const folder = path.dirname(targetPath);
  return path.join(folder, `.${path.basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
}

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * Writes `bytes` to `targetPath` atomically: a temp file in the same folder, fsync, then rename over
 * the target. On any failure the temp file is removed and the error rethrown; the old target is untouched.
 */
export async function writeFileAtomic(targetPath: string, bytes: Uint8Array, fsApi: AtomicWriteFs = nodeAtomicWriteFs): Promise<void> {
  const tempPath = atomicTempPath(targetPath);
  let handle: WritableFileHandle | undefined;
  try {
    handle = await fsApi.open(tempPath, 'wx');
    let offset = 0;
    while (offset < bytes.byteLength) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, offset);
      if (bytesWritten <= 0) throw new Error('write made no progress');
      offset += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(fsApi, tempPath, targetPath);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await fsApi.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(targetPath));
}

/** Windows virus scanners and indexers briefly lock fresh files; a few short retries ride that out. */
async function renameWithRetry(fsApi: AtomicWriteFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fsApi.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 4 || code === undefined || !RENAME_RETRY_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

/** Makes the rename itself durable on POSIX; Windows cannot open folders for fsync and needs no such step. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network shares, FUSE) refuse folder fsync; the data itself is already synced.
  }
}
