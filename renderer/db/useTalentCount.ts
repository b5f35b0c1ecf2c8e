/** Live number of talent records (undefined while loading): empty states depend on it. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from './db';

export function useTalentCount(): number | undefined {
  return useLiveQuery(() => getDatabase().talents.count(), []);
}
