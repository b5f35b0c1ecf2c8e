/**
 * Web Worker that writes spreadsheets: talent list exports (reads the matching talents from
 * IndexedDB itself, so 300,000 records never cross the page), templates and error reports.
 * An unmasked export writes its audit entry here, in its own transaction, once the file exists.
 */
import '../cspSafeZod';
import {
  exportFileName,
  templateFileName,
  writeErrorReport,
  writeTalentExport,
  writeTemplate,
  errorReportFileName,
  type ErrorReportInput,
  type ExportFormat,
  type ExportMasks,
  type TemplateKind,
} from '../../shared/excel/write';
import type { DexieDOMDependencies } from 'dexie';
import { TalentSearchIndex, type TalentQuery } from '../../shared/search/talentSearch';
import type { Talent } from '../../shared/talent/talent';
import { talentFieldByKey, type TalentFieldKey } from '../../shared/talent/talentFields';
import { auditedTransaction, writeAudit } from '../db/audit';
import { getDatabase, type TalentLedgerDB } from '../db/db';
import { readSettings } from '../db/settings';
import type { MaskPattern } from '../db/types';
import { exposeWorker, type WorkerCallContext } from './rpc';

/** A written file, its bytes moved (not copied) to the page. */
export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface ExportTalentsRequest {
  /** The list's query without paging. */
  query: Omit<TalentQuery, 'offset' | 'limit'>;
  /** The matching ids in display order, when the list already has them (skips the query). */
  ids?: readonly string[];
  columns: readonly TalentFieldKey[];
  format: ExportFormat;
  unmasked: boolean;
  /** Mask pattern; the stored setting when omitted. */
  maskPattern?: MaskPattern;
}

export interface ExportProgress {
  done: number;
  total: number;
}

/** Talents per read: ids by `bulkGet`, or the whole table by getAll (see readTalentsNewestFirst). */
const READ_CHUNK = 5_000;

/** The stored mask setting as the writers' masks. */
function maskPatternsOf(pattern: MaskPattern): ExportMasks {
  return {
    idNumber: { keepStart: pattern.idNumberKeepStart, keepEnd: pattern.idNumberKeepEnd },
    phone: { keepStart: pattern.phoneKeepStart, keepEnd: pattern.phoneKeepEnd },
  };
}

function canceled(): Error {
  return Object.assign(new Error('canceled'), { name: 'AbortError' });
}

function isQueryEmpty(query: ExportTalentsRequest['query']): boolean {
  const filters = query.filters ?? {};
  const anyFilter = Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
  return !anyFilter && (query.text ?? '').trim() === '' && query.sort === undefined;
}

/** The matching talents in list order: in memory, one by one as they come, or in chunks as they come. */
type MatchingTalents = { total: number; rows: Iterable<Talent> | AsyncIterable<Talent> | { batches: AsyncIterable<readonly Talent[]> } };

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
 * An index range cannot start inside a run of equal keys, and one import gives all its people the
 * same `updatedAt`: the rest of such a run (after the first chunk of it) is read from the store
 * by id, backwards from the last id read, keeping the run's records — when that costs fewer
 * records than reading the run again (by the run's share of the table; else the run is read again
 * whole by the index and its start dropped). Undefined when the browser cannot read backwards.
 */
function readTalentsNewestFirst(db: TalentLedgerDB, chunk: number): AsyncIterable<readonly Talent[]> | undefined {
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
  // Each request is made in the previous one's success (a microtask after it): the transaction stays active.
  const read = async () => {
    let storeSize: number | undefined;
    let below: string | undefined;
    for (;;) {
      if (stopped) return;
      const batch = await requested(byIndex.getAll({ query: below === undefined ? null : keyRange.upperBound(below, true), direction: 'prev', count: chunk }));
      emit(batch);
      if (batch.length < chunk) return;
      const last = batch[batch.length - 1] as Talent;
      const run = last.updatedAt;
      let seen = 0;
      for (let at = batch.length - 1; at >= 0 && (batch[at] as Talent).updatedAt === run; at -= 1) seen += 1;
      const runSize = await requested(index.count(keyRange.only(run)));
      let remaining = runSize - seen;
      if (remaining > 0) {
        storeSize ??= await requested(store.count());
        if ((remaining * storeSize) / runSize < runSize) {
          // Look ahead: the next chunk's ids (keys only, small) are asked for before this chunk's
          // records, so the backend reads chunk k+1 while this thread takes in and writes chunk k.
          const keysBelow = (id: string) => requested(byIdKeys.getAllKeys({ query: keyRange.upperBound(id, true), direction: 'prev', count: chunk }));
          let inOrder = Promise.resolve();
          let keys = await keysBelow(last.id);
          while (keys.length > 0 && remaining > 0 && !stopped) {
            const high = keys[0] as string;
            const low = keys[keys.length - 1] as string;
            const nextKeys = keys.length === chunk ? keysBelow(low) : undefined;
            const scanned = requested(byId.getAll({ query: keyRange.bound(low, high), direction: 'prev' }));
            inOrder = inOrder.then(async () => {
              const inRun = (await scanned).filter((talent) => talent.updatedAt === run);
              remaining -= inRun.length;
              emit(inRun);
            });
            if (!nextKeys) break;
            keys = await nextKeys;
          }
          await inOrder;
        } else {
          emit((await requested(byIndex.getAll({ query: keyRange.only(run), direction: 'prev' }))).slice(seen));
        }
      }
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
      finished = true;
      signal();
    },
  );
  return {
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
}

/** The matching talents in list order: a lazy reader of `ids`, or the whole table newest first. */
async function matchingTalents(db: TalentLedgerDB, request: ExportTalentsRequest, readChunk: number): Promise<MatchingTalents> {
  if (request.ids) {
    const ids = request.ids;
    return {
      total: ids.length,
      rows: (async function* () {
        for (let start = 0; start < ids.length; start += readChunk) {
          const chunk = await db.talents.bulkGet(ids.slice(start, start + readChunk) as string[]);
          for (const talent of chunk) if (talent) yield talent;
        }
      })(),
    };
  }
  if (isQueryEmpty(request.query)) {
    // The whole list, newest first, in chunks whose reading overlaps the writing (bench/README.md).
    await db.open();
    const batches = readTalentsNewestFirst(db, readChunk);
    if (batches) return { total: await db.talents.count(), rows: { batches } };
  }
  // Ascending updatedAt is the order the search index loads in; its default order is the reverse.
  const all = await db.talents.orderBy('updatedAt').toArray();
  if (isQueryEmpty(request.query)) {
    return {
      total: all.length,
      rows: (function* () {
        for (let index = all.length - 1; index >= 0; index -= 1) yield all[index] as Talent;
      })(),
    };
  }
  const index = new TalentSearchIndex();
  index.upsertMany(all);
  const { ids } = index.query({ ...request.query, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const byId = new Map(all.map((talent) => [talent.id, talent]));
  return {
    total: ids.length,
    rows: (function* () {
      for (const id of ids) {
        const talent = byId.get(id);
        if (talent) yield talent;
      }
    })(),
  };
}

type ProgressContext = Pick<WorkerCallContext<ExportProgress>, 'signal' | 'progress'>;

/** Counts rows as the writer takes them; every {@link READ_CHUNK} rows reports progress and checks for a cancel. */
function countRow(counter: ExportProgress, { signal, progress }: ProgressContext): void {
  counter.done += 1;
  if (counter.done % READ_CHUNK === 0) {
    if (signal.aborted) throw canceled();
    progress({ ...counter });
  }
}

/** Rows already in memory stay a plain iterable, so the writer takes them without a promise per row. */
function* withProgressSync(talents: Iterable<Talent>, counter: ExportProgress, context: ProgressContext): Generator<Talent> {
  for (const talent of talents) {
    yield talent;
    countRow(counter, context);
  }
  context.progress({ ...counter });
}

async function* withProgress(talents: AsyncIterable<Talent>, counter: ExportProgress, context: ProgressContext): AsyncGenerator<Talent> {
  for await (const talent of talents) {
    yield talent;
    countRow(counter, context);
  }
  context.progress({ ...counter });
}

/** Chunks as they are read: progress and a cancel check once per chunk. */
async function* withProgressBatches(batches: AsyncIterable<readonly Talent[]>, counter: ExportProgress, { signal, progress }: ProgressContext): AsyncGenerator<readonly Talent[]> {
  for await (const batch of batches) {
    if (signal.aborted) throw canceled();
    yield batch;
    counter.done += batch.length;
    progress({ ...counter });
  }
  if (signal.aborted) throw canceled();
  if (counter.done === 0) progress({ ...counter });
}

/** How the export reads: the chunk size of the whole-table read (tests make it small). */
export interface ExportApiOptions {
  readChunk?: number;
}

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The worker's methods over a database (tests pass their own). */
export function createExportApi(database: () => TalentLedgerDB, options: ExportApiOptions = {}) {
  const readChunk = options.readChunk ?? READ_CHUNK;
  return {
    /** Exports the talents matching the list's query, with its columns. */
    async exportTalents(request: ExportTalentsRequest, context: WorkerCallContext<ExportProgress>): Promise<ExportedFile> {
      const columns = request.columns.filter((key) => talentFieldByKey.has(key));
      // The list always shows at least one column: none is a caller bug.
      if (columns.length === 0) throw new RangeError('exportTalents: no known columns');
      const db = database();
      // The settings read and the talents read go to IndexedDB together.
      const [pattern, { total, rows }] = await Promise.all([
        request.maskPattern ?? readSettings(db).then((settings) => settings.maskPattern),
        matchingTalents(db, request, readChunk),
      ]);
      const counter: ExportProgress = { done: 0, total };
      const counted =
        'batches' in rows
          ? { batches: withProgressBatches(rows.batches, counter, context) }
          : Symbol.asyncIterator in rows
            ? withProgress(rows, counter, context)
            : withProgressSync(rows, counter, context);
      const bytes = await writeTalentExport(counted, {
        columns,
        format: request.format,
        masks: request.unmasked ? undefined : maskPatternsOf(pattern),
      });
      if (context.signal.aborted) throw canceled();
      if (request.unmasked && columns.some((key) => talentFieldByKey.get(key)?.sensitive)) {
        const revealed = columns.filter((key) => talentFieldByKey.get(key)?.sensitive).map((key) => talentFieldByKey.get(key)?.zh);
        await auditedTransaction(db, [], async () => {
          await writeAudit(db, { action: 'reveal', entity: 'talent', note: `导出未脱敏的${revealed.join('、')}：${counter.done} 人（${request.format}）` });
        });
      }
      context.transferResult([bytes.buffer]);
      return { fileName: exportFileName('人才信息', request.query.today || today(), request.format), bytes };
    },

    /** Writes the template of `kind`. */
    async template(input: { kind: TemplateKind }, context: WorkerCallContext): Promise<ExportedFile> {
      const bytes = await writeTemplate(input.kind);
      context.transferResult([bytes.buffer]);
      return { fileName: templateFileName(input.kind), bytes };
    },

    /** Writes the annotated error report of an import. */
    async errorReport(input: ErrorReportInput, context: WorkerCallContext): Promise<ExportedFile> {
      const bytes = await writeErrorReport(input);
      context.transferResult([bytes.buffer]);
      return { fileName: errorReportFileName(input), bytes };
    },
  };
}

export type ExportWorkerApi = ReturnType<typeof createExportApi>;

exposeWorker(createExportApi(getDatabase));
