/**
 * A compact copy of the search index's fields, so a restart need not read and parse all 300,000
 * talent records from IndexedDB (30 s or more on a loaded machine) before search works. Columns
 * are stored one per field, low-cardinality ones as a dictionary plus codes, with the pinyin keys
 * of each distinct name. The copy is only trusted after checking it against the database (see the
 * index worker): its newest record must still be there unchanged, newer records are applied on top,
 * and the counts must agree.
 */
import { TALENT_INDEX_FIELDS, type TalentIndexSource } from './talentSearch';

/** Bumped whenever the layout or the index fields change: an older snapshot is then ignored. */
export const INDEX_SNAPSHOT_VERSION = 1;

type Column = { values: unknown[] } | { dictionary: unknown[]; codes: number[] };

/** The stored form (JSON). */
interface SnapshotFile {
  version: number;
  fields: string;
  count: number;
  /** The newest record (by `updatedAt`) when the snapshot was taken. */
  latest: { id: string; updatedAt: string } | null;
  columns: Record<string, Column>;
  pinyin: [string, string, string][];
}

/** What a snapshot holds, decoded. */
export interface IndexSnapshot {
  /** In the index's slot order (ascending `updatedAt`). */
  sources: TalentIndexSource[];
  pinyin: [name: string, full: string, initials: string][];
  latest: { id: string; updatedAt: string } | null;
}

/** Distinct values above this share are stored plainly (ids, ID numbers, phones). */
const DICTIONARY_LIMIT = 0.5;

function encodeColumn(values: unknown[]): Column {
  const dictionary = new Map<unknown, number>();
  const codes = new Array<number>(values.length);
  const limit = Math.max(16, values.length * DICTIONARY_LIMIT);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    let code = dictionary.get(value);
    if (code === undefined) {
      if (dictionary.size >= limit) return { values };
      code = dictionary.size;
      dictionary.set(value, code);
    }
    codes[i] = code;
  }
  return { dictionary: [...dictionary.keys()], codes };
}

/** Values per piece of a column's JSON: a piece takes a few ms to stringify at most. */
const PIECE_VALUES = 20_000;

/** `[…]` of `values` as JSON, in pieces of {@link PIECE_VALUES} values (the same text as one `JSON.stringify`). */
function* arrayPieces(values: readonly unknown[]): Generator<string, void, undefined> {
  yield '[';
  for (let start = 0; start < values.length; start += PIECE_VALUES) {
    const piece = JSON.stringify(values.slice(start, start + PIECE_VALUES));
    yield `${start === 0 ? '' : ','}${piece.slice(1, -1)}`;
  }
  yield ']';
}

/**
 * The snapshot of a loaded index as JSON text, in small pieces (at most {@link PIECE_VALUES}
 * values each): the writer yields between pieces, so a query arriving meanwhile (a clerk typing
 * while the snapshot is written just after a full read) waits a few ms, not for a whole column.
 */
export function* encodeIndexSnapshotParts(snapshot: IndexSnapshot): Generator<string, void, undefined> {
  yield `{"version":${INDEX_SNAPSHOT_VERSION},"fields":${JSON.stringify(TALENT_INDEX_FIELDS.join(','))},"count":${snapshot.sources.length},"latest":${JSON.stringify(snapshot.latest)},"pinyin":`;
  yield* arrayPieces(snapshot.pinyin);
  yield ',"columns":{';
  let first = true;
  for (const field of TALENT_INDEX_FIELDS) {
    const column = encodeColumn(snapshot.sources.map((source) => source[field]));
    yield `${first ? '' : ','}${JSON.stringify(field)}:`;
    if ('values' in column) {
      yield '{"values":';
      yield* arrayPieces(column.values);
    } else {
      yield `{"dictionary":${JSON.stringify(column.dictionary)},"codes":`;
      yield* arrayPieces(column.codes);
    }
    yield '}';
    first = false;
  }
  yield '}}';
}

/** The snapshot of a loaded index as JSON text. */
export function encodeIndexSnapshot(snapshot: IndexSnapshot): string {
  return [...encodeIndexSnapshotParts(snapshot)].join('');
}

function isColumn(value: unknown, count: number): value is Column {
  if (typeof value !== 'object' || value === null) return false;
  const column = value as Partial<{ values: unknown; dictionary: unknown; codes: unknown }>;
  if (Array.isArray(column.values)) return column.values.length === count;
  return Array.isArray(column.dictionary) && Array.isArray(column.codes) && column.codes.length === count;
}

/** Decodes snapshot text; null when it is not a snapshot of this version and these fields. */
export function decodeIndexSnapshot(text: string): IndexSnapshot | null {
  let file: Partial<SnapshotFile>;
  try {
    file = JSON.parse(text) as Partial<SnapshotFile>;
  } catch {
    return null;
  }
  if (file.version !== INDEX_SNAPSHOT_VERSION || file.fields !== TALENT_INDEX_FIELDS.join(',') || typeof file.count !== 'number') return null;
  const count = file.count;
  const columns = file.columns ?? {};
  if (!TALENT_INDEX_FIELDS.every((field) => isColumn(columns[field], count)) || !Array.isArray(file.pinyin)) return null;
  const sources = new Array<TalentIndexSource>(count);
  const rows = sources as unknown as Record<string, unknown>[];
  for (let i = 0; i < count; i += 1) rows[i] = {};
  for (const field of TALENT_INDEX_FIELDS) {
    const column = columns[field] as Column;
    if ('values' in column) {
      const values = column.values;
      for (let i = 0; i < count; i += 1) (rows[i] as Record<string, unknown>)[field] = values[i];
    } else {
      const { dictionary, codes } = column;
      for (let i = 0; i < count; i += 1) (rows[i] as Record<string, unknown>)[field] = dictionary[codes[i] as number];
    }
  }
  return { sources, pinyin: file.pinyin, latest: file.latest ?? null };
}
