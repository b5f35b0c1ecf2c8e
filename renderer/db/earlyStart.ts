/**
 * The first thing the entry module evaluates, before the app's code: asks IndexedDB for the stored
 * databases. Chromium loads the origin's IndexedDB backing store on the first call (≈ 1 s at
 * 300,000 talents), so starting it here overlaps that load with evaluating the app's modules.
 * The start-up checks read the stored schema version from this answer. No imports on purpose: this
 * module must evaluate before the rest of the graph.
 */

/** Must equal DATABASE_NAME in ./db.ts (a test checks it). */
export const EARLY_DATABASE_NAME = 'talentledger';

/** The stored version of the app's database as IndexedDB reports it (Dexie's ×10), or undefined. */
export const earlyStoredVersion: Promise<number | undefined> | undefined =
  typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function'
    ? indexedDB.databases().then(
        (databases) => databases.find((info) => info.name === EARLY_DATABASE_NAME)?.version,
        () => undefined,
      )
    : undefined;
