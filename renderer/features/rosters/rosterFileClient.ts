/** Page side of rosterFile.worker.ts: one worker per file read, ended when done. */
import type { Result } from '../../../shared/result';
import type { ParsedRosterFile, RosterError } from '../../data/rosters';
import { wrapWorker } from '../../workers/rpc';
import type { RosterFileWorkerApi } from './rosterFile.worker';

/** Reads and field-checks a roster file in a worker (the bytes are handed over, not copied). */
export async function readRosterFileInWorker(bytes: Uint8Array, fileName: string, today: string): Promise<Result<ParsedRosterFile, RosterError>> {
  const worker = wrapWorker<RosterFileWorkerApi>(new Worker(new URL('./rosterFile.worker.ts', import.meta.url), { type: 'module', name: 'roster-file' }));
  try {
    return await worker.call.read({ bytes, fileName, today }, { transfer: [bytes.buffer] });
  } finally {
    worker.close();
  }
}
