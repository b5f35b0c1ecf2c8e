/**
 * Which column holds which field: header texts are matched against a field table's names and
 * synonyms, exactly first and then fuzzily — a fuzzy match is taken only when one field clearly
 * wins, otherwise the column stays for the user to map. Header texts are data from the file and may
 * be anything (`__proto__`, `constructor`); they are only ever compared, never used as object keys.
 */
import type { FieldDef } from '../fields/fieldTypes';

/** A cell longer than this is an instruction line, never a header. */
export const MAX_HEADER_CELL_LENGTH = 20;

/** Fuzzy similarity a field must reach, and its lead over the runner-up, to be chosen. */
const FUZZY_MIN_SCORE = 0.6;
const FUZZY_MIN_LEAD = 0.15;

/** Header texts of the 序号 column: it numbers rows and is not a field. */
const SERIAL_HEADERS = new Set(['序号', '序', '编号序号', 'no', 'no.', '行号', '#']);

/**
 * Comparison key of a header: NFKC, no white space, no required-field marks (`*`, `★`), no bracketed
 * notes (`身份证号码（18位）` → `身份证号码`), lower-case.
 */
export function normalizeHeaderText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[*★☆※]/g, '')
    .replace(/[(（[【<《][^)）\]】>》]*[)）\]】>》]/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** True for the 序号 column's header. */
export function isSerialHeader(raw: string): boolean {
  return SERIAL_HEADERS.has(normalizeHeaderText(raw));
}

/** One column the user (or a saved preset) maps by hand: `field: null` leaves it unmapped. */
export interface ColumnOverride {
  /** 0-based column index. */
  column: number;
  field: string | null;
}

/** The column a field was mapped to, and how. */
export interface MappedColumn {
  /** 0-based column index. */
  column: number;
  /** Header text as written in the file. */
  header: string;
  how: 'exact' | 'fuzzy' | 'manual';
}

/** A header that matched several fields about equally well. */
export interface AmbiguousColumn {
  column: number;
  header: string;
  /** Field keys that matched about equally well. */
  candidates: string[];
}

/** Result of {@link mapColumns}. */
export interface ColumnMapping {
  /** Field key → column. Only keys of the field table appear. */
  fields: ReadonlyMap<string, MappedColumn>;
  /** Column of 序号, when there is one. */
  serialColumn?: number;
  /** Non-empty header cells that map to no field. */
  unmapped: Array<{ column: number; header: string }>;
  /** Columns that matched several fields about equally: left for the user. */
  ambiguous: AmbiguousColumn[];
}

interface NameIndex {
  exact: Map<string, string>;
  names: Array<{ key: string; name: string }>;
}

const indexCache = new WeakMap<readonly FieldDef[], NameIndex>();

function nameIndex(fields: readonly FieldDef[]): NameIndex {
  const cached = indexCache.get(fields);
  if (cached) return cached;
  const exact = new Map<string, string>();
  const names: Array<{ key: string; name: string }> = [];
  for (const field of fields) {
    if (field.derived) continue;
    for (const text of [field.zh, field.en, field.key, ...(field.synonyms ?? [])]) {
      const name = normalizeHeaderText(text);
      if (name === '') continue;
      if (!exact.has(name)) exact.set(name, field.key);
      names.push({ key: field.key, name });
    }
  }
  const index = { exact, names };
  indexCache.set(fields, index);
  return index;
}

function bigrams(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 2) return chars;
  const result: string[] = [];
  for (let index = 0; index + 1 < chars.length; index += 1) result.push(`${chars[index]}${chars[index + 1]}`);
  return result;
}

/** Similarity in [0, 1]: containment scores by length ratio, otherwise the Dice coefficient of character bigrams. */
export function headerSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const lengthA = Array.from(a).length;
  const lengthB = Array.from(b).length;
  if (lengthA === 0 || lengthB === 0) return 0;
  if (a.includes(b) || b.includes(a)) return (2 * Math.min(lengthA, lengthB)) / (lengthA + lengthB);
  const left = bigrams(a);
  const right = bigrams(b);
  const pool = new Map<string, number>();
  for (const gram of right) pool.set(gram, (pool.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of left) {
    const count = pool.get(gram) ?? 0;
    if (count > 0) {
      shared += 1;
      pool.set(gram, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

type HeaderMatch = { kind: 'exact' | 'fuzzy'; key: string } | { kind: 'ambiguous'; candidates: string[] } | { kind: 'none' };

/** Matches one header text against a field table. */
export function matchHeader(raw: string, fields: readonly FieldDef[]): HeaderMatch {
  const text = normalizeHeaderText(raw);
  if (text === '' || Array.from(raw.trim()).length > MAX_HEADER_CELL_LENGTH) return { kind: 'none' };
  const index = nameIndex(fields);
  const exact = index.exact.get(text);
  if (exact !== undefined) return { kind: 'exact', key: exact };
  const best = new Map<string, number>();
  for (const { key, name } of index.names) {
    const score = headerSimilarity(text, name);
    if (score > (best.get(key) ?? 0)) best.set(key, score);
  }
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < FUZZY_MIN_SCORE) return { kind: 'none' };
  if (second && first[1] - second[1] < FUZZY_MIN_LEAD) {
    return { kind: 'ambiguous', candidates: ranked.filter(([, score]) => first[1] - score < FUZZY_MIN_LEAD).map(([key]) => key) };
  }
  return { kind: 'fuzzy', key: first[0] };
}

/**
 * Maps header cells to fields. Each field takes at most one column: an exact match beats a fuzzy
 * one, and among equals the leftmost column wins (the later one is reported unmapped). Manual
 * overrides win over everything; an override naming a key outside the table is ignored.
 */
export function mapColumns(headers: readonly string[], fields: readonly FieldDef[], overrides: readonly ColumnOverride[] = []): ColumnMapping {
  const knownKeys = new Set(fields.filter((field) => !field.derived).map((field) => field.key));
  const overridden = new Map<number, string | null>();
  for (const override of overrides) {
    if (override.field === null || knownKeys.has(override.field)) overridden.set(override.column, override.field);
  }
  const mapped = new Map<string, MappedColumn>();
  const unmapped: Array<{ column: number; header: string }> = [];
  const ambiguous: AmbiguousColumn[] = [];
  let serialColumn: number | undefined;

  for (const [column, field] of overridden) {
    if (field !== null && !mapped.has(field)) mapped.set(field, { column, header: headers[column] ?? '', how: 'manual' });
  }
  const pending: Array<{ column: number; header: string; match: HeaderMatch }> = [];
  headers.forEach((header, column) => {
    if (overridden.has(column) || header.trim() === '') return;
    if (serialColumn === undefined && isSerialHeader(header)) {
      serialColumn = column;
      return;
    }
    pending.push({ column, header, match: matchHeader(header, fields) });
  });
  // Exact matches first, so a fuzzy match never takes a field that a later column names exactly.
  for (const pass of ['exact', 'fuzzy'] as const) {
    for (const { column, header, match } of pending) {
      if (match.kind !== pass) continue;
      if (mapped.has(match.key)) unmapped.push({ column, header });
      else mapped.set(match.key, { column, header, how: pass });
    }
  }
  for (const { column, header, match } of pending) {
    if (match.kind === 'none') unmapped.push({ column, header });
    if (match.kind === 'ambiguous') ambiguous.push({ column, header, candidates: match.candidates });
  }
  unmapped.sort((a, b) => a.column - b.column);
  const result: ColumnMapping = { fields: mapped, unmapped, ambiguous };
  if (serialColumn !== undefined) result.serialColumn = serialColumn;
  return result;
}
