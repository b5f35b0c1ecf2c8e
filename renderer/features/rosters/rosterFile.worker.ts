/**
 * Reads a roster file off the page's thread: parsing and field-checking 30,000 rows would otherwise
 * freeze the screen. The rules, matching and the receipt's one transaction run on the page (they
 * mostly wait on IndexedDB).
 */
import type { Result } from '../../../shared/result';
import { readRosterFile, type ParsedRosterFile, type RosterError } from '../../data/rosters';
import { exposeWorker } from '../../workers/rpc';

const api = {
  /** `readRosterFile` of renderer/data/rosters.ts. */
  async read(input: { bytes: Uint8Array; fileName: string; today: string }): Promise<Result<ParsedRosterFile, RosterError>> {
    return readRosterFile(input.bytes, input.fileName, { today: input.today });
  },
};

export type RosterFileWorkerApi = typeof api;

exposeWorker(api);
