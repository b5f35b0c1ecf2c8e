/** Duplicate detection inside one file: one record per person. */
import { createIssue, type IssueField, type ValidationIssue } from './issues';

/** Remembers the first row each identity key was seen on. */
export interface DuplicateTracker {
  /** Records `key` for `rowNumber`; returns the earlier row number when the key was seen before. */
  check(key: string, rowNumber: number): number | undefined;
  readonly size: number;
}

/** A tracker backed by a `Map` (no prototype keys, fast for 300,000 rows). */
export function createDuplicateTracker(): DuplicateTracker {
  const firstRows = new Map<string, number>();
  return {
    check(key: string, rowNumber: number): number | undefined {
      const first = firstRows.get(key);
      if (first !== undefined) return first;
      firstRows.set(key, rowNumber);
      return undefined;
    },
    get size(): number {
      return firstRows.size;
    },
  };
}

/** `证件号码：与第 3 行是同一人（证件号码重复）`. */
export function duplicateInFileIssue(field: IssueField, firstRow: number, value?: string): ValidationIssue {
  return createIssue(field, 'DUPLICATE_IN_FILE', { params: { firstRow } }, value);
}
