/**
 * Re-entry (离库后恢复在库): the talent record keeps only its latest 离库日期 and a restore clears it,
 * so the time away is rebuilt from the audit log's status changes.
 */
import { chinaYmd } from '../backup/chinaTime';
import { isValidYmd } from '../dates/ymd';
import type { Absence } from './model';

/** The parts of an audit entry the rebuild reads. */
export interface StatusChangeEntry {
  /** ISO time of the change. */
  at: string;
  changes: ReadonlyArray<{ field: string; before: unknown; after: unknown }>;
}

/**
 * Absences of one talent from its audit entries: each restore (status 已迁出/已注销 → 在库) whose old
 * 离库日期 is known gives an absence from that day until the restore's day (China time), the day the
 * person counts again. Restores without a date, or dated before the 离库日期, give nothing.
 */
export function absencesFromAudit(entries: Iterable<StatusChangeEntry>): Absence[] {
  const absences: Absence[] = [];
  for (const entry of entries) {
    const status = entry.changes.find((change) => change.field === 'status');
    if (!status || status.after !== 'active' || (status.before !== 'movedOut' && status.before !== 'cancelled')) continue;
    const leftDate = entry.changes.find((change) => change.field === 'leftDate')?.before;
    const ms = Date.parse(entry.at);
    if (typeof leftDate !== 'string' || !isValidYmd(leftDate) || !Number.isFinite(ms)) continue;
    const until = chinaYmd(ms);
    if (until > leftDate) absences.push({ from: leftDate, until });
  }
  return absences.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
