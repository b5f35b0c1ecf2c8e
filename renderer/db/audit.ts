/**
 * The audit log. An entry is written in the SAME Dexie transaction as the change it records, so a
 * change without its entry (or an entry without its change) can never be stored: if either write
 * fails, both roll back.
 */
import { Dexie, type Transaction } from 'dexie';
import type { TalentLedgerDB, TableName } from './db';
import type { AuditAction, AuditEntity, AuditEntry, FieldChange, SettingRecord } from './types';

/** What a caller supplies for an audit entry; time and operator are filled in. */
export interface AuditInput {
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string;
  changes?: FieldChange[];
  note?: string;
  /** Overrides the operator read from settings (e.g. the first-run form, before the setting exists). */
  operator?: string;
}

/** Operator recorded when none is set yet (should not happen after first run). */
export const UNKNOWN_OPERATOR = '(未设置)';

/**
 * Adds an audit entry inside the current transaction and returns its id.
 * Must be called inside `auditedTransaction()` (or any rw transaction of the same database that
 * includes `auditLog`, and `settings` when `operator` is not given): outside one it throws, because an
 * entry written separately could survive a change that rolled back, or be lost after one that did not.
 */
export async function writeAudit(db: TalentLedgerDB, input: AuditInput, inTransaction?: Transaction): Promise<number> {
  // A caller that awaits other promises inside its transaction (a restore reading a backup stream)
  // passes the transaction itself: Dexie follows its zone through native awaits only so far, and
  // after long chains `Dexie.currentTransaction` is gone although the transaction is alive.
  const transaction = inTransaction ?? (Dexie.currentTransaction as (typeof Dexie.currentTransaction | null | undefined));
  if (!transaction || transaction.db !== db || transaction.mode !== 'readwrite' || !transaction.storeNames.includes('auditLog')) {
    throw new Error('writeAudit must run inside a readwrite transaction of this database that includes auditLog');
  }
  let operator = input.operator;
  if (operator === undefined) {
    if (!transaction.storeNames.includes('settings')) throw new Error('writeAudit without an operator needs the settings table in its transaction');
    const record = (await transaction.table('settings').get('operatorName')) as SettingRecord<'operatorName'> | undefined;
    operator = typeof record?.value === 'string' && record.value !== '' ? record.value : UNKNOWN_OPERATOR;
  }
  const entry: Omit<AuditEntry, 'id'> = {
    at: new Date().toISOString(),
    operator,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? '',
    changes: input.changes ?? [],
    note: input.note ?? '',
  };
  return (await transaction.table('auditLog').add(entry)) as number;
}

/**
 * Runs `work` in one readwrite transaction over `tables` plus `auditLog` and `settings`, so
 * `writeAudit()` can be called inside it. Returns what `work` returns.
 */
export function auditedTransaction<T>(
  db: TalentLedgerDB,
  tables: readonly TableName[],
  work: () => Promise<T>,
): Promise<T> {
  const storeNames = [...new Set<TableName>([...tables, 'auditLog', 'settings'])];
  return db.transaction('rw', storeNames, work);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // Record fields are JSON-shaped (strings, numbers, booleans, arrays, plain objects).
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field-level differences between two versions of a record, in the order fields appear.
 * `before` undefined means the record is new; `after` undefined means it was deleted.
 * Bookkeeping fields (by default `updatedAt`) are left out.
 */
export function diffFields(
  before: object | undefined,
  after: object | undefined,
  ignore: readonly string[] = ['updatedAt'],
): FieldChange[] {
  const beforeRecord = (before ?? {}) as Record<string, unknown>;
  const afterRecord = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (ignore.includes(field)) continue;
    const was = beforeRecord[field];
    const now = afterRecord[field];
    if (!sameValue(was, now)) changes.push({ field, before: was, after: now });
  }
  return changes;
}
