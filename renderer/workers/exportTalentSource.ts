/**
 * What a talent list export reads and writes per row, shared by the export worker (its in-thread
 * path) and the export reader worker (renderer/workers/exportReader.worker.ts): the matching
 * talents in list order, read from IndexedDB in chunks, each chunk converted to the row cells the
 * writer takes by the one converter of the export (`talentRowConverter`).
 */
import type { DexieDOMDependencies } from 'dexie';
import { talentRowConverter, type CellValue, type ExportFormat, type ExportMasks } from '../../shared/excel/write';
import { isWholeListQuery, TalentSearchIndex, type TalentQuery } from '../../shared/search/talentSearch';
import type { Talent } from '../../shared/talent/talent';
import type { TalentFieldKey } from '../../shared/talent/talentFields';
import type { TalentLedgerDB } from '../db/db';
import { readSettings } from '../db/settings';
import type { MaskPattern } from '../db/types';

export interface ExportTalentsRequest {
  /** The list's current search, filters and sort (paging is ignored); `today` dates age bands and the file name. */
  query: Omit<TalentQuery, 'offset' | 'limit'>;
  /**
   * The matching ids in display order when the list already has them (from its search index):
   * the export then reads just these and skips building its own index.
   */
  ids?: readonly string[];
  /** The visible columns, in display order. */
  columns: readonly TalentFieldKey[];
  format: ExportFormat;
  /**
   * Write ID numbers and phones in full. The export itself records this: the worker writes a
   * `reveal` audit entry (entity `talent`, with the count and columns) in its own transaction once
   * the file is written, so callers must not log it again.
   */
  unmasked: boolean;
  /** The mask to apply when masked; the stored setting when omitted. */
  maskPattern?: MaskPattern;
  /**
   * How many talents the list shows for this query (its search index knows). Only for progress:
   * given, the whole-list read skips counting the table, which at 300,000 held IndexedDB's one
   * queue for 1–2.5 s while the writer waited for its first rows.
   */
  listTotal?: number;
}

/** Talents per read: ids by `bulkGet`, or the whole table by getAll (see readTalentsNewestFirst). */
export const READ_CHUNK = 5_000;

/** The stored mask setting as the writers' masks. */
export function maskPatternsOf(pattern: MaskPattern): ExportMasks {
  return {
    idNumber: { keepStart: pattern.idNumberKeepStart, keepEnd: pattern.idNumberKeepEnd },
    phone: { keepStart: pattern.phoneKeepStart, keepEnd: pattern.phoneKeepEnd },
  };
}

/** The matching talents in list order, in chunks as they are read, and how many there are. */
export interface MatchingTalents {
  total: number;
  /** Stored talents, or the list records the search-index worker keeps (every exported column). */
  batches: AsyncIterable<readonly ExportedTalent[]>;
}

/** What a row of the export is made of: every column of the field table. */
export type ExportedTalent = Pick<Talent, TalentFieldKey>;

/** `IDBIndex`/`IDBObjectStore` getAll with the options dictionary (IndexedDB 3: Chromium 141+, fake-indexeddb 6). */
interface GetAllOptions {
  query?: IDBKeyRange | null;
  count?: number;
  direction?: IDBCursorDirection;
}
type GetAllSource = { getAll(options: GetAllOptions): IDBRequest<Talent[]> };
type GetAllKeysSource = { getAllKeys(options: GetAllOptions): IDBRequest<IDBValidKey[]> };

/** Whether this IndexedDB reads backwards with getAll (the `direction` option came with `getAllRecords`). */
function readsBackwards(index: IDBIndex): boolean {
  return typeof (index as IDBIndex & { getAllRecords?: unknown }).getAllRecords === 'function';
}

function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Every talent in list order (newest `updatedAt` first, ties by id descending: the reverse of the
 * `updatedAt` index), read in chunks of `chunk` in ONE read-only transaction (a consistent
 * snapshot). The reader runs ahead of the consumer: it asks for the next chunk as soon as one
 * arrives (which also keeps the transaction alive), so IndexedDB's backend reads chunk k+1 while
 * the export converts and writes chunk k, and each chunk is garbage once written.
 *
 * An index range cannot start inside a run of equal keys. A chunk that ends inside a run leaves
 * that run's members to the next chunk, which starts at the run. One import gives all its people
 * the same `updatedAt`, so a run can fill a whole chunk: its rest is read from the store
 * by id, backwards from the last id read, keeping the run's records — when that costs fewer
 * records than reading the run again (by the run's share of the table; else the run is read again
 * whole by the index and its start dropped). Undefined when the browser cannot read backwards.
 *
 * `total` is counted once, in the same transaction (the snapshot the chunks come from), right after
 * the first chunk is asked for, so that chunk does not wait behind it. On the store, not an index:
 * Chromium's count walks every entry, and a whole-index count cost 3× a store count (traced at
 * 30,000: 350 ms against 117 ms of the backend's CPU, a chunk of 5,000 records ≈ 150 ms).
 */
export function readTalentsNewestFirst(db: TalentLedgerDB, chunk: number, knownTotal?: number): { total: Promise<number>; batches: AsyncIterable<readonly Talent[]> } | undefined {
  const keyRange = (db as unknown as { _deps?: DexieDOMDependencies })._deps?.IDBKeyRange ?? globalThis.IDBKeyRange;
  const transaction = db.backendDB().transaction('talents', 'readonly');
  const store = transaction.objectStore('talents');
  const index = store.index('updatedAt');
  if (!readsBackwards(index) || !keyRange) return undefined;
  const byIndex = index as unknown as GetAllSource;
  const byId = store as unknown as GetAllSource;
  const byIdKeys = store as unknown as GetAllKeysSource;
  const ready: Talent[][] = [];
  let finished = false;
  // Set when the consumer stops (a cancel, a writer error): no more chunks are asked for.
  let stopped = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const emit = (talents: Talent[]) => {
    if (talents.length === 0) return;
    ready.push(talents);
    signal();
  };
  let counted: Promise<number> | undefined;
  let settleTotal: { resolve: (total: number) => void; reject: (error: unknown) => void } | undefined;
  const total = new Promise<number>((resolve, reject) => {
    settleTotal = { resolve, reject };
  });
  if (knownTotal !== undefined) {
    counted = Promise.resolve(knownTotal);
    settleTotal?.resolve(knownTotal);
  }
  // Each request is made in the previous one's success (a microtask after it): the transaction stays active.
  const read = async () => {
    let below: string | undefined;
    // Whether the next chunk starts with the run `below` itself (its members were held back), or after it.
    let fromRun = false;
    for (;;) {
      if (stopped) return;
      const reading = requested(byIndex.getAll({ query: below === undefined ? null : keyRange.upperBound(below, !fromRun), direction: 'prev', count: chunk }));
      if (!counted) {
        counted = requested(store.count());
        counted.then(settleTotal?.resolve, settleTotal?.reject);
      }
      const batch = await reading;
      if (batch.length < chunk) {
        emit(batch);
        return;
      }
      const last = batch[batch.length - 1] as Talent;
      const run = last.updatedAt;
      let seen = 0;
      for (let at = batch.length - 1; at >= 0 && (batch[at] as Talent).updatedAt === run; at -= 1) seen += 1;
      if (seen < batch.length) {
        // The chunk ends in a run that may go on: its members here are held back and the next
        // chunk starts at the run, so they are read again (a few records; a run's median is ~100
        // at 300,000 demo talents) instead of counting the run and reading its rest: those two
        // requests cost the backend more than the chunk itself (traced at 300,000).
        batch.length -= seen;
        emit(batch);
        below = run;
        fromRun = true;
        continue;
      }
      // The whole chunk is one run (an import's). Its rest is read from the store by id, backwards
      // from the last id read, keeping the run's records, while they are most of what is scanned:
      // then no count of the run is needed (a count walks every index entry of the run: 2.3 s of
      // the backend at 300,000 in one run, traced, with the export waiting). When the first ids
      // scanned are mostly other records, the run is counted, and read again by the index (its
      // start dropped) when that costs fewer records than scanning by id.
      emit(batch);
      fromRun = false;
      // The run's records emitted so far: its first ones in id order, descending, as the index has them.
      let emitted = seen;
      let remaining = Number.POSITIVE_INFINITY;
      let reReadByIndex = false;
      // Look ahead: the next chunk's ids (keys only, small) are asked for before this chunk's
      // records, so the backend reads chunk k+1 while this thread takes in chunk k.
      const keysBelow = (id: string) => requested(byIdKeys.getAllKeys({ query: keyRange.upperBound(id, true), direction: 'prev', count: chunk }));
      let inOrder = Promise.resolve();
      let keys = await keysBelow(last.id);
      let first = true;
      while (keys.length > 0 && remaining > 0 && !stopped) {
        const high = keys[0] as string;
        const low = keys[keys.length - 1] as string;
        const nextKeys = keys.length === chunk ? keysBelow(low) : undefined;
        const scanned = requested(byId.getAll({ query: keyRange.bound(low, high), direction: 'prev' }));
        if (first) {
          first = false;
          const records = await scanned;
          const inRun = records.filter((talent) => talent.updatedAt === run);
          emit(inRun);
          emitted += inRun.length;
          if (inRun.length * 2 < records.length) {
            const runSize = await requested(index.count(keyRange.only(run)));
            remaining = runSize - emitted;
            const storeSize = await counted;
            if (remaining > 0 && (remaining * storeSize) / runSize >= runSize) {
              reReadByIndex = true;
              nextKeys?.catch(() => undefined);
              break;
            }
          }
        } else {
          inOrder = inOrder.then(async () => {
            const inRun = (await scanned).filter((talent) => talent.updatedAt === run);
            remaining -= inRun.length;
            emit(inRun);
          });
        }
        if (!nextKeys) break;
        keys = await nextKeys;
      }
      await inOrder;
      if (reReadByIndex) emit((await requested(byIndex.getAll({ query: keyRange.only(run), direction: 'prev' }))).slice(emitted));
      below = run;
    }
  };
  read().then(
    () => {
      finished = true;
      signal();
    },
    (error: unknown) => {
      failure = error ?? new Error('IndexedDB read failed');
      settleTotal?.reject(failure);
      finished = true;
      signal();
    },
  );
  // A failure before the count is also thrown by the batches.
  total.catch(() => undefined);
  const batches: AsyncIterable<readonly Talent[]> = {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const next = ready.shift();
          if (next) {
            yield next;
            continue;
          }
          if (failure !== undefined) throw failure;
          if (finished) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      } finally {
        stopped = true;
        ready.length = 0;
      }
    },
  };
  return { total, batches };
}

/**
 * Records kept in memory (the search-index worker's), by `ids` in list order, in chunks of
 * `chunk`. The ids are fixed when the export starts; each record is looked up when its chunk is
 * converted, so one changed meanwhile is written as it is then (whole: a change replaces a
 * record, never edits it in place), and one removed meanwhile is left out.
 */
export function recordsInListOrder(ids: readonly string[], lookup: (id: string) => ExportedTalent | undefined, chunk: number): MatchingTalents {
  return {
    total: ids.length,
    batches: (async function* () {
      for (let start = 0; start < ids.length; start += chunk) {
        const records: ExportedTalent[] = [];
        const end = Math.min(ids.length, start + chunk);
        for (let at = start; at < end; at += 1) {
          const record = lookup(ids[at] as string);
          if (record) records.push(record);
        }
        yield records;
      }
    })(),
  };
}

/** Talents already in memory, in chunks of `chunk` (one await per chunk downstream, not per talent). */
async function* inChunks(talents: readonly Talent[], chunk: number, reversed: boolean): AsyncGenerator<readonly Talent[]> {
  for (let start = 0; start < talents.length; start += chunk) {
    if (!reversed) {
      yield talents.slice(start, start + chunk);
      continue;
    }
    const end = Math.min(talents.length, start + chunk);
    const batch: Talent[] = [];
    for (let at = talents.length - 1 - start; at >= talents.length - end; at -= 1) batch.push(talents[at] as Talent);
    yield batch;
  }
}

/** The matching talents in list order: a lazy reader of `ids`, the whole table newest first, or the query's matches. */
export async function matchingTalents(db: TalentLedgerDB, request: Pick<ExportTalentsRequest, 'ids' | 'query' | 'listTotal'>, readChunk: number): Promise<MatchingTalents> {
  if (request.ids) {
    const ids = request.ids;
    return {
      total: ids.length,
      batches: (async function* () {
        for (let start = 0; start < ids.length; start += readChunk) {
          const chunk = await db.talents.bulkGet(ids.slice(start, start + readChunk) as string[]);
          yield chunk.filter((talent): talent is Talent => talent !== undefined);
        }
      })(),
    };
  }
  if (isWholeListQuery(request.query)) {
    // The whole list, newest first, in chunks whose reading overlaps the writing (bench/README.md).
    await db.open();
    const newestFirst = readTalentsNewestFirst(db, readChunk, request.listTotal);
    if (newestFirst) return { total: await newestFirst.total, batches: newestFirst.batches };
  }
  // Ascending updatedAt is the order the search index loads in; its default order is the reverse.
  const all = await db.talents.orderBy('updatedAt').toArray();
  if (isWholeListQuery(request.query)) return { total: all.length, batches: inChunks(all, readChunk, true) };
  const index = new TalentSearchIndex();
  index.upsertMany(all);
  const { ids } = index.query({ ...request.query, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const byId = new Map(all.map((talent) => [talent.id, talent]));
  const matching = ids.map((id) => byId.get(id)).filter((talent): talent is Talent => talent !== undefined);
  return { total: matching.length, batches: inChunks(matching, readChunk, false) };
}

/** Where a source of export rows spent its time (ms): waiting for and taking in talents, converting them. */
export interface CellSourceTiming {
  readMs: number;
  convertMs: number;
}

/** The export's data rows in list order, converted chunk by chunk. */
export interface ExportCellSource {
  total: number;
  batches: AsyncIterable<CellValue[][]>;
  timing: CellSourceTiming;
}

/**
 * The rows of a talent list export (without the header), converted from each chunk of talents as
 * it is read: masked with `request.maskPattern`, or the stored pattern, unless `unmasked`. The
 * talents come from `db` (see {@link matchingTalents}) unless `matching` already holds them (the
 * search-index worker's records).
 */
export async function talentCellBatches(
  db: TalentLedgerDB,
  request: ExportTalentsRequest,
  columns: readonly TalentFieldKey[],
  readChunk: number,
  matching?: MatchingTalents,
): Promise<ExportCellSource> {
  // The settings read and the talents read go to IndexedDB together.
  const [pattern, talents] = await Promise.all([
    request.unmasked ? undefined : (request.maskPattern ?? readSettings(db).then((settings) => settings.maskPattern)),
    matching ?? matchingTalents(db, request, readChunk),
  ]);
  const toRow = talentRowConverter({ columns, format: request.format, masks: pattern ? maskPatternsOf(pattern) : undefined });
  const timing: CellSourceTiming = { readMs: 0, convertMs: 0 };
  return {
    total: talents.total,
    timing,
    batches: (async function* () {
      const iterator = talents.batches[Symbol.asyncIterator]();
      try {
        for (;;) {
          const asked = performance.now();
          const next = await iterator.next();
          const arrived = performance.now();
          timing.readMs += arrived - asked;
          if (next.done) return;
          const rows = next.value.map(toRow);
          timing.convertMs += performance.now() - arrived;
          yield rows;
        }
      } finally {
        await iterator.return?.();
      }
    })(),
  };
}
