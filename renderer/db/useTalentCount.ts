/** Live number of talent records (undefined while loading): empty states depend on it. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from './db';

export function useTalentCount(): number | undefined {
  return useLiveQuery(() => getDatabase().talents.count(), []);
}

/**
 * Whether any talent is stored (live). One key is read: `count()` walks all 300,000 records in
 * IndexedDB's single queue, where the list's first page would wait behind it.
 */
export function useHasTalents(): boolean | undefined {
  return useLiveQuery(async () => (await getDatabase().talents.limit(1).primaryKeys()).length > 0, []);
}
