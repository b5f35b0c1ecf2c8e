/**
 * When and where the daily start-up backup runs: after the first screen is painted and the page is
 * idle, with the database read, encoding, hashing and gzip in a worker (./backup.worker.ts). Its
 * progress goes to the start-up report, which StartupNotice shows as a small corner indicator.
 */
import { defaultBackupContext, getStartupReport, reportDailyBackupProgress, runDailyBackup, type BackupEncoder, type WrittenBackup } from '../../data/backups';
import type { Result } from '../../../shared/result';
import { wrapWorker } from '../../workers/rpc';
import type { BackupWorkerApi } from './backup.worker';

/** Wait at least this long after the app mounts, so the first screen (and the list's first rows) come first. */
export const DAILY_BACKUP_DELAY_MS = 3_000;
/** …then for an idle period, at most this long. */
const IDLE_TIMEOUT_MS = 10_000;

/** Encodes in a fresh worker, ended when done. */
export const encodeInWorker: BackupEncoder = async (meta) => {
  const worker = wrapWorker<BackupWorkerApi>(new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'backup' }));
  try {
    return await worker.call.encode(meta, { onProgress: reportDailyBackupProgress });
  } finally {
    worker.close();
  }
};

/** Runs the daily backup now if it is due (encoded in a worker); the same promise to every caller. */
export function startDailyBackupNow(): Promise<Result<WrittenBackup> | undefined> {
  return runDailyBackup(defaultBackupContext(), { encode: encodeInWorker });
}

/** Schedules the daily backup after the delay and an idle period; returns a cancel (for unmounting). */
export function scheduleDailyBackup(delayMs: number = DAILY_BACKUP_DELAY_MS): () => void {
  if (!getStartupReport().daily?.due) return () => undefined;
  let idleHandle: number | undefined;
  const timer = setTimeout(() => {
    const start = () => void startDailyBackupNow();
    if (typeof requestIdleCallback === 'function') idleHandle = requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
    else start();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idleHandle !== undefined && typeof cancelIdleCallback === 'function') cancelIdleCallback(idleHandle);
  };
}
