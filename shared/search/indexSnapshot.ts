/**
 * A compact copy of the list's records (the search index's fields and every other column, see
 * talentListRecord.ts), so a restart need not read and parse all 300,000
 * talent records from IndexedDB (30 s or more on a loaded machine) before search works. Columns
 * are stored one per field, low-cardinality ones as a dictionary plus codes, with the pinyin keys
 * of each distinct name. The copy is only trusted after checking it against the database (see the
 * index worker): its newest record must still be there unchanged, newer records are applied on top,
 * and the counts must agree.
 */
import { listRecordOf, TALENT_LIST_RECORD_FIELDS, type TalentListRecord } from './talentListRecord';

/** Bumped whenever the layout or the index fields change: an older snapshot is then ignored. */
export const INDEX_SNAPSHOT_VERSION = 2;

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
  sources: TalentListRecord[];
  pinyin: [name: string, full: string, initials: string][];
  latest: { id: string; updatedAt: string } | null;
}

/** Distinct values above this share are stored plainly (ids, ID numbers, phones). */
const DICTIONARY_LIMIT = 0.5;

/** Values per piece of JSON: stringifying one piece takes a few ms. */
const PIECE_VALUES = 20_000;
/** Values per piece of dictionary coding (hashing strings fresh from IndexedDB is slower than stringifying them). */
const CODING_PIECE = 5_000;

/** `[…]` of the `count` values `at(i)` as JSON, in pieces of {@link PIECE_VALUES} values (the same text as one `JSON.stringify`). */
function* arrayPieces(count: number, at: (index: number) => unknown): Generator<string, void, undefined> {
  yield '[';
  for (let start = 0; start < count; start += PIECE_VALUES) {
    const end = Math.min(count, start + PIECE_VALUES);
    const values = new Array<unknown>(end - start);
    for (let i = start; i < end; i += 1) values[i - start] = at(i);
    const piece = JSON.stringify(values);
    yield `${start === 0 ? '' : ','}${piece.slice(1, -1)}`;
  }
  yield ']';
}

/**
 * One column as JSON parts: a dictionary plus codes while the distinct values stay under
 * {@link DICTIONARY_LIMIT}, else the values plainly. The coding, too, runs in pieces of
 * {@link CODING_PIECE} values with an empty part after each: coding a whole column of 300,000 at
 * once took 90–230 ms (Node, records as IndexedDB returns them), long enough to hold up a keystroke.
 */
function* columnParts(sources: readonly TalentListRecord[], field: keyof TalentListRecord): Generator<string, void, undefined> {
  const count = sources.length;
  const dictionary = new Map<unknown, number>();
  const codes = new Array<number>(count);
  const limit = Math.max(16, count * DICTIONARY_LIMIT);
  let plain = false;
  for (let start = 0; start < count && !plain; start += CODING_PIECE) {
    const end = Math.min(count, start + CODING_PIECE);
    for (let i = start; i < end; i += 1) {
      const value = (sources[i] as TalentListRecord)[field];
      let code = dictionary.get(value);
      if (code === undefined) {
        if (dictionary.size >= limit) {
          plain = true;
          break;
        }
        code = dictionary.size;
        dictionary.set(value, code);
      }
      codes[i] = code;
    }
    yield '';
  }
  if (plain) {
    yield '{"values":';
    yield* arrayPieces(count, (i) => (sources[i] as TalentListRecord)[field]);
  } else {
    yield `{"dictionary":${JSON.stringify([...dictionary.keys()])},"codes":`;
    yield* arrayPieces(count, (i) => codes[i]);
  }
  yield '}';
}

/**
 * The snapshot of a loaded index as JSON text, in small parts (each at most {@link PIECE_VALUES}
 * values' work, some of them empty): the writer yields between parts, so a query arriving
 * meanwhile (a clerk typing while the snapshot is written just after a full read) waits a few ms,
 * not for a whole column.
 */
export function* encodeIndexSnapshotParts(snapshot: IndexSnapshot): Generator<string, void, undefined> {
  yield `{"version":${INDEX_SNAPSHOT_VERSION},"fields":${JSON.stringify(TALENT_LIST_RECORD_FIELDS.join(','))},"count":${snapshot.sources.length},"latest":${JSON.stringify(snapshot.latest)},"pinyin":`;
  yield* arrayPieces(snapshot.pinyin.length, (i) => snapshot.pinyin[i]);
  yield ',"columns":{';
  let first = true;
  for (const field of TALENT_LIST_RECORD_FIELDS) {
    yield `${first ? '' : ','}${JSON.stringify(field)}:`;
    yield* columnParts(snapshot.sources, field);
    first = false;
  }
  yield '}}';
}

/** The snapshot of a loaded index as JSON text. */
export function encodeIndexSnapshot(snapshot: IndexSnapshot): string {
  return [...encodeIndexSnapshotParts(snapshot)].join('');
}

/** A column's values, one per record (a dictionary column's codes looked up). */
function columnValues(column: Column, count: number): unknown[] {
  if ('values' in column) return column.values;
  const values = new Array<unknown>(count);
  for (let i = 0; i < count; i += 1) values[i] = column.dictionary[column.codes[i] as number];
  return values;
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
  if (file.version !== INDEX_SNAPSHOT_VERSION || file.fields !== TALENT_LIST_RECORD_FIELDS.join(',') || typeof file.count !== 'number') return null;
  const count = file.count;
  const columns = file.columns ?? {};
  if (!TALENT_LIST_RECORD_FIELDS.every((field) => isColumn(columns[field], count)) || !Array.isArray(file.pinyin)) return null;
  const values = TALENT_LIST_RECORD_FIELDS.map((field) => columnValues(columns[field] as Column, count));
  // Each record is made by listRecordOf's object literal, one shape for all: an empty object given
  // its 31 fields by keyed stores becomes a dictionary-mode object in V8 (from the 20th property
  // on, tried in Node 20). Measured in Node on 300,000 demo records: 527 MB and 2.3 s that way,
  // 141 MB and 1.0 s this way (dictionary-coded values also stay shared between records).
  const scratch = listRecordOf({ id: '' }) as unknown as Record<string, unknown>;
  const sources = new Array<TalentListRecord>(count);
  for (let i = 0; i < count; i += 1) {
    for (let f = 0; f < TALENT_LIST_RECORD_FIELDS.length; f += 1) scratch[TALENT_LIST_RECORD_FIELDS[f] as string] = (values[f] as unknown[])[i];
    sources[i] = listRecordOf(scratch as unknown as TalentListRecord);
  }
  return { sources, pinyin: file.pinyin, latest: file.latest ?? null };
}
