/** Filtering and CSV export of the audit log (pure functions over entries, plus the Dexie query). */
import type { AuditAction, AuditEntity, AuditEntry, TalentLedgerDB } from '../../db';

/** The viewer's filters; empty = no restriction. Dates are `YYYY-MM-DD`, local days, both inclusive. */
export interface AuditFilter {
  operators: readonly string[];
  actions: readonly AuditAction[];
  entities: readonly AuditEntity[];
  from?: string;
  to?: string;
  /** Part of the note or of the record id. */
  text?: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { operators: [], actions: [], entities: [] };

/** `YYYY-MM-DD` (local day) → the ISO instant of its local midnight. */
function localDayStart(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}

/** The ISO range `[start, end)` of the filter's days, or undefined bounds. */
export function filterRange(filter: AuditFilter): { start?: string; end?: string } {
  const range: { start?: string; end?: string } = {};
  if (filter.from) range.start = localDayStart(filter.from);
  if (filter.to) {
    const [year, month, date] = filter.to.split('-').map(Number) as [number, number, number];
    range.end = new Date(year, month - 1, date + 1).toISOString();
  }
  return range;
}

/** True when the entry passes every filter. */
export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.operators.length > 0 && !filter.operators.includes(entry.operator)) return false;
  if (filter.actions.length > 0 && !filter.actions.includes(entry.action)) return false;
  if (filter.entities.length > 0 && !filter.entities.includes(entry.entity)) return false;
  const { start, end } = filterRange(filter);
  if (start !== undefined && entry.at < start) return false;
  if (end !== undefined && entry.at >= end) return false;
  const text = filter.text?.trim();
  if (text && !entry.note.includes(text) && !entry.entityId.includes(text)) return false;
  return true;
}

/** Entries shown at most; the count and the export cover all matches. */
export const AUDIT_DISPLAY_LIMIT = 2_000;

/** What the viewer shows: newest matching entries, their total, and every operator in the log. */
export interface AuditView {
  entries: AuditEntry[];
  matching: number;
  total: number;
  operators: string[];
}

/**
 * Reads the whole log once (it holds one entry per action — tens of thousands, not millions) and
 * filters in memory: newest first, the first {@link AUDIT_DISPLAY_LIMIT} matches, and the operators
 * of the whole log for the filter.
 */
export async function queryAudit(db: TalentLedgerDB, filter: AuditFilter, limit = AUDIT_DISPLAY_LIMIT): Promise<AuditView> {
  const all = await db.auditLog.toArray();
  const operators = new Set<string>();
  for (const entry of all) operators.add(entry.operator);
  // Newest first; entries of the same millisecond keep their id order.
  all.sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
  const matching = all.filter((entry) => matchesAuditFilter(entry, filter));
  return { entries: matching.slice(0, limit), matching: matching.length, total: all.length, operators: [...operators].sort((a, b) => a.localeCompare(b, 'zh-CN')) };
}

/** Every matching entry, newest first, for the export. */
export async function allMatchingEntries(db: TalentLedgerDB, filter: AuditFilter): Promise<AuditEntry[]> {
  const view = await queryAudit(db, filter, Number.MAX_SAFE_INTEGER);
  return view.entries;
}

function csvCell(value: string): string {
  // Neutralise spreadsheet formulas (=, +, -, @ at the start) and quote every cell.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One exported row: the columns as displayed (changes = field names only, values stay out of the file). */
export interface AuditCsvRow {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entityId: string;
  changes: string;
  note: string;
}

/** CSV with a UTF-8 BOM (Excel opens it as UTF-8) and CRLF line ends. */
export function auditCsv(header: readonly string[], rows: readonly AuditCsvRow[]): Uint8Array {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push([String(row.id), row.at, row.operator, row.action, row.entity, row.entityId, row.changes, row.note].map(csvCell).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
