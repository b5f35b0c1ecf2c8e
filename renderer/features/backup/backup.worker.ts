/**
 * Web Worker that encodes the whole database for a backup (IndexedDB read, NDJSON encoding, SHA-256,
 * gzip), so the daily start-up backup never runs on the UI thread. The page stores the bytes through
 * its platform (IPC or OPFS) and keeps the manifest index (renderer/data/backups.ts).
 */
import '../../cspSafeZod';
import type { BackupReason } from '../../../shared/backup';
import { encodeDatabase, type BackupProgress, type EncodedDatabase } from '../../data/backupEncoding';
import { getDatabase } from '../../db/db';
import { exposeWorker, type WorkerCallContext } from '../../workers/rpc';

/** Progress messages at most this often (a 300,000-talent backup reads 60+ batches). */
const PROGRESS_INTERVAL_MS = 250;

const api = {
  /** Encodes every table into `.tlbak` bytes (moved, not copied, to the page). */
  async encode(input: { reason: BackupReason; createdAt: string }, context: WorkerCallContext<BackupProgress>): Promise<EncodedDatabase> {
    let reportedAt = -Infinity;
    const encoded = await encodeDatabase(getDatabase(), {
      ...input,
      onProgress(progress) {
        const now = performance.now();
        if (now - reportedAt < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
        reportedAt = now;
        context.progress(progress);
      },
    });
    context.transferResult([encoded.bytes.buffer]);
    return encoded;
  },
};

export type BackupWorkerApi = typeof api;

exposeWorker(api);
