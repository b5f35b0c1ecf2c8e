/**
 * The stored version of the app's database as public/early-start.js read it while the page was still
 * parsing. Chromium loads the origin's IndexedDB backing store on the first call (≈ 1 s at 300,000
 * talents), so that plain script starts it before the app's modules download; the start-up checks
 * take its answer instead of asking again. Undefined where the script did not run (tests, workers).
 */

/** Must equal DATABASE_NAME in ./db.ts (a test checks it); early-start.js names it too. */
export const EARLY_DATABASE_NAME = 'talentledger';

/** What public/early-start.js leaves on the window: the app's database in the shape of `indexedDB.databases()`. */
type EarlyDatabases = Promise<IDBDatabaseInfo[] | undefined>;

/** The stored version (Dexie's ×10), undefined when there is none; the promise is undefined without the script. */
export const earlyStoredVersion: Promise<number | undefined> | undefined = (
  globalThis as { __talentLedgerEarlyDatabases?: EarlyDatabases }
).__talentLedgerEarlyDatabases?.then((databases) => databases?.find((info) => info.name === EARLY_DATABASE_NAME)?.version);
