/**
 * The first thing the entry module evaluates, before the app's code: takes the stored version that
 * public/early-start.js read while the page was still parsing (or asks `indexedDB.databases()`
 * now). Chromium loads the origin's IndexedDB backing store on the first call (≈ 1 s at 300,000
 * talents), so starting it early overlaps that load with fetching and evaluating the app's modules. The start-up checks read the stored schema version from this answer. No imports on
 * purpose: this module must evaluate before the rest of the graph.
 */

/** Must equal DATABASE_NAME in ./db.ts (a test checks it). */
export const EARLY_DATABASE_NAME = 'talentledger';

/** What public/early-start.js leaves on the window: the app's database in the shape of `indexedDB.databases()`. */
type EarlyDatabases = Promise<IDBDatabaseInfo[] | undefined>;

function askDatabases(): EarlyDatabases | undefined {
  const started = (globalThis as { __talentLedgerEarlyDatabases?: EarlyDatabases }).__talentLedgerEarlyDatabases;
  if (started) return started;
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return undefined;
  return indexedDB.databases().catch(() => undefined);
}

/** The stored version of the app's database as IndexedDB reports it (Dexie's ×10), or undefined. */
export const earlyStoredVersion: Promise<number | undefined> | undefined = askDatabases()?.then((databases) => databases?.find((info) => info.name === EARLY_DATABASE_NAME)?.version);
