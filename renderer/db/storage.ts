/**
 * Browser storage durability. Without persistent storage a browser may evict IndexedDB when the
 * disk runs low ("best effort" mode); asking once at start is cheap and Electron grants it.
 */

/** What the settings page shows about local storage; null = the environment cannot tell. */
export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Asks the browser to keep this origin's data; returns whether it is persisted (null if unsupported). */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = storageManager();
  if (!storage?.persist) return null;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/** Current persistence and usage/quota in bytes. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = storageManager();
  const status: StorageStatus = { persisted: null, usage: null, quota: null };
  if (!storage) return status;
  try {
    if (storage.persisted) status.persisted = await storage.persisted();
    if (storage.estimate) {
      const estimate = await storage.estimate();
      status.usage = estimate.usage ?? null;
      status.quota = estimate.quota ?? null;
    }
  } catch {
    // Leave unknown values as null.
  }
  return status;
}

/** Human-readable byte size with binary units, e.g. `1.5 MB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
