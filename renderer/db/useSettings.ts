/** React access to settings: live (re-renders when any setting changes, in any window). */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase, type TalentLedgerDB } from './db';
import { readStoredSettings, withDefaults, type EffectiveSettings, type StoredSettings } from './settings';

/** Settings read at start-up ({@link primeSettings}): the first render has them without a round trip. */
let primed: { db: TalentLedgerDB; stored: StoredSettings } | undefined;

/**
 * Reads the settings once before the app renders (start-up calls it once the database is open), so
 * the first screen does not wait for a second IndexedDB round trip to draw.
 */
export async function primeSettings(db: TalentLedgerDB = getDatabase()): Promise<void> {
  primed = { db, stored: await readStoredSettings(db) };
}

/** Settings with defaults applied, or undefined while loading. */
export function useSettings(db: TalentLedgerDB = getDatabase()): EffectiveSettings | undefined {
  const stored = useLiveQuery(
    async () => {
      const read = await readStoredSettings(db);
      // Kept current, so a screen mounted later starts from today's values, not start-up's.
      primed = { db, stored: read };
      return read;
    },
    [db],
    primed?.db === db ? primed.stored : undefined,
  );
  return stored === undefined ? undefined : withDefaults(stored);
}
