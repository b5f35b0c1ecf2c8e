/** React access to settings: live (re-renders when any setting changes, in any window). */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase, type TalentLedgerDB } from './db';
import { readStoredSettings, withDefaults, type EffectiveSettings } from './settings';

/** Settings with defaults applied, or undefined while loading. */
export function useSettings(db: TalentLedgerDB = getDatabase()): EffectiveSettings | undefined {
  const stored = useLiveQuery(() => readStoredSettings(db), [db]);
  return stored === undefined ? undefined : withDefaults(stored);
}
