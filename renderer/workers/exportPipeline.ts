/**
 * The talent export as two threads: the export reader (renderer/workers/exportReader.worker.ts, a
 * worker nested in the export worker) reads the talents from IndexedDB and converts each chunk to
 * row cells; the export worker takes those chunks and runs the xlsx/CSV writer and the deflate. So
 * IndexedDB's waits, the records' deserialisation and the conversion run on the other core while
 * the writer writes.
 *
 * The protocol, over any message port (a Worker, or a MessageChannel in tests):
 *   export worker → reader: `start` once, an `ack` for every `cells` it takes, `stop` when it stops early;
 *   reader → export worker: `total`, then `cells` per chunk, then `done` (or `error`).
 * The reader keeps at most `window` chunks unacknowledged, so memory stays flat whatever the speeds.
 *
 * A chunk travels packed into one string ({@link packRows}) rather than as arrays of cells: taking
 * in one string is a copy, where 145,000 small strings are as many allocations on the writer's
 * thread, kept alive (and copied by the GC) until written. The writer unpacks a row just before it
 * writes it ({@link PackedRows}), so the cells die young.
 */
import type { CellValue } from '../../shared/excel/write';
import type { TalentFieldKey } from '../../shared/talent/talentFields';
import type { TalentLedgerDB } from '../db/db';
import { talentCellBatches, type CellSourceTiming, type ExportCellSource, type ExportTalentsRequest } from './exportTalentSource';
import type { MessageEndpoint } from './rpc';

/** Chunks the reader may have sent and the writer not yet taken. */
export const READER_WINDOW = 2;

/** Where the reader spent its time (ms). */
export interface ReaderTiming extends CellSourceTiming {
  /** Packing and posting chunks. */
  postMs: number;
  /** Waiting for the writer to take a chunk (backpressure). */
  waitMs: number;
  /** From `start` to the last chunk posted. */
  totalMs: number;
}

export interface StartReading {
  kind: 'start';
  request: ExportTalentsRequest;
  /** The known columns, in order. */
  columns: TalentFieldKey[];
  readChunk: number;
  window: number;
}

type ToReader = StartReading | { kind: 'ack' } | { kind: 'stop' };

type FromReader =
  | { kind: 'total'; total: number }
  | { kind: 'cells'; rows: CellValue[][] }
  | { kind: 'packed'; packed: string; width: number; count: number }
  | { kind: 'done'; timing: ReaderTiming }
  | { kind: 'error'; error: { name: string; message: string } };

/** Cell tags of a packed chunk: the first character of every cell. */
const TAG_TEXT = 's';
const TAG_NUMBER = 'n';
const TAG_TRUE = 't';
const TAG_FALSE = 'f';
const TAG_EMPTY = '_';
const SEPARATOR = '\0';

/**
 * Rows as one string: every cell is a tag (text, number, true, false, empty) and its text, ended
 * by NUL. Undefined when some text holds a NUL itself (then the chunk travels as arrays).
 * Numbers come back exactly (`String` gives the shortest text that reads back as the same double).
 */
export function packRows(rows: readonly (readonly CellValue[])[]): string | undefined {
  const parts: string[] = [];
  for (const row of rows) {
    for (const value of row) {
      if (typeof value === 'string') {
        if (value.includes(SEPARATOR)) return undefined;
        parts.push(TAG_TEXT, value, SEPARATOR);
      } else if (typeof value === 'number') parts.push(TAG_NUMBER, String(value), SEPARATOR);
      else if (typeof value === 'boolean') parts.push(value ? TAG_TRUE : TAG_FALSE, SEPARATOR);
      else parts.push(TAG_EMPTY, SEPARATOR);
    }
  }
  return parts.join('');
}

const CODE_TEXT = TAG_TEXT.charCodeAt(0);
const CODE_NUMBER = TAG_NUMBER.charCodeAt(0);
const CODE_TRUE = TAG_TRUE.charCodeAt(0);
const CODE_FALSE = TAG_FALSE.charCodeAt(0);

/** A packed chunk as the writer takes it: `length` rows of `width` cells, each unpacked as it is iterated. */
export class PackedRows implements Iterable<CellValue[]> {
  constructor(
    private readonly packed: string,
    private readonly width: number,
    readonly length: number,
  ) {}

  *[Symbol.iterator](): Iterator<CellValue[]> {
    const { packed, width } = this;
    let at = 0;
    for (let row = 0; row < this.length; row += 1) {
      const cells = new Array<CellValue>(width);
      for (let column = 0; column < width; column += 1) {
        const end = packed.indexOf(SEPARATOR, at);
        const tag = packed.charCodeAt(at);
        cells[column] =
          tag === CODE_TEXT ? packed.slice(at + 1, end) : tag === CODE_NUMBER ? Number(packed.slice(at + 1, end)) : tag === CODE_TRUE ? true : tag === CODE_FALSE ? false : null;
        at = end + 1;
      }
      yield cells;
    }
  }
}

/** A chunk of rows as the writer takes it: iterable, with its row count. */
export type RowChunk = Iterable<readonly CellValue[]> & { readonly length: number };

function send(endpoint: MessageEndpoint, message: ToReader | FromReader): void {
  endpoint.postMessage(message, []);
}

/** Opens the rows of an export as a reader produces them. */
export type OpenExportCells = (start: StartReading) => Promise<ExportCellSource>;

/** Rows read from IndexedDB (the export reader worker, or tests). */
export function cellsFromDatabase(database: () => TalentLedgerDB): OpenExportCells {
  return (start) => talentCellBatches(database(), start.request, start.columns, start.readChunk);
}

/**
 * The reader's side: waits for `start` on `endpoint`, then streams the export's rows, opened by
 * `openCells`, back with backpressure. One export per endpoint.
 */
export function serveExportCells(endpoint: MessageEndpoint, openCells: OpenExportCells): void {
  let acknowledged = 0;
  let stopped = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const run = async (start: StartReading) => {
    const started = performance.now();
    const timing: ReaderTiming = { readMs: 0, convertMs: 0, postMs: 0, waitMs: 0, totalMs: 0 };
    let source: ExportCellSource | undefined;
    try {
      source = await openCells(start);
      send(endpoint, { kind: 'total', total: source.total });
      let sent = 0;
      for await (const rows of source.batches) {
        if (stopped) break;
        const posting = performance.now();
        const packed = packRows(rows);
        send(endpoint, packed === undefined ? { kind: 'cells', rows } : { kind: 'packed', packed, width: start.columns.length, count: rows.length });
        sent += 1;
        const waiting = performance.now();
        timing.postMs += waiting - posting;
        while (sent - acknowledged >= start.window && !stopped) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
        timing.waitMs += performance.now() - waiting;
        if (stopped) break;
      }
      if (stopped) return;
      timing.readMs = source.timing.readMs;
      timing.convertMs = source.timing.convertMs;
      timing.totalMs = performance.now() - started;
      send(endpoint, { kind: 'done', timing });
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      send(endpoint, { kind: 'error', error: { name, message } });
    }
  };
  endpoint.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as ToReader;
    if (message.kind === 'start') void run(message);
    else if (message.kind === 'ack') acknowledged += 1;
    else stopped = true;
    signal();
  });
  endpoint.start?.();
}

/** A started reader as the export worker holds it. */
export interface ReaderConnection {
  endpoint: MessageEndpoint;
  /** Ends the reader (terminates its worker, closes the port). */
  close(): void;
  /** Calls `listener` when the reader itself fails (a worker that cannot load or crashed). */
  onFailure?(listener: (error: Error) => void): void;
}

/** The error a canceled export ends with (both threads' sides use it). */
export function canceled(): Error {
  return Object.assign(new Error('canceled'), { name: 'AbortError' });
}

/** The writer's side of a running reader. */
export interface ReceivedCells {
  total: Promise<number>;
  /** The chunks of rows in list order; each is acknowledged as it is taken. */
  batches: AsyncIterable<RowChunk>;
  /** The reader's split once it has finished; undefined before. */
  readerTiming(): ReaderTiming | undefined;
  /** Time the writer's side waited for chunks (ms). */
  waitMs(): number;
}

/**
 * Starts reading on `connection` and hands the chunks over as they arrive. An abort of `signal`,
 * a reader error or a reader failure ends the batches with that error; the caller closes the
 * connection when done (the reader never outlives the export).
 */
export function receiveExportCells(connection: ReaderConnection, start: Omit<StartReading, 'kind'>, signal: AbortSignal): ReceivedCells {
  const { endpoint } = connection;
  const queue: RowChunk[] = [];
  let finished = false;
  let failure: Error | undefined;
  let timing: ReaderTiming | undefined;
  let waited = 0;
  let wake: (() => void) | undefined;
  let settleTotal: { resolve: (total: number) => void; reject: (error: Error) => void } | undefined;
  const total = new Promise<number>((resolve, reject) => {
    settleTotal = { resolve, reject };
  });
  // A failure before the total is also thrown by the batches; the total's rejection alone is not news.
  total.catch(() => undefined);
  const signalNext = () => {
    wake?.();
    wake = undefined;
  };
  const fail = (error: Error) => {
    failure ??= error;
    settleTotal?.reject(error);
    signalNext();
  };
  const listener = (event: MessageEvent) => {
    const message = event.data as FromReader;
    switch (message.kind) {
      case 'total':
        settleTotal?.resolve(message.total);
        break;
      case 'cells':
        queue.push(message.rows);
        break;
      case 'packed':
        queue.push(new PackedRows(message.packed, message.width, message.count));
        break;
      case 'done':
        timing = message.timing;
        finished = true;
        break;
      case 'error':
        fail(Object.assign(new Error(message.error.message), { name: message.error.name }));
        break;
    }
    signalNext();
  };
  const onAbort = () => fail(canceled());
  endpoint.addEventListener('message', listener);
  endpoint.start?.();
  connection.onFailure?.(fail);
  signal.addEventListener('abort', onAbort);
  if (signal.aborted) onAbort();
  send(endpoint, { kind: 'start', ...start });
  return {
    total,
    readerTiming: () => timing,
    waitMs: () => waited,
    batches: {
      async *[Symbol.asyncIterator]() {
        try {
          for (;;) {
            if (failure) throw failure;
            const next = queue.shift();
            if (next) {
              send(endpoint, { kind: 'ack' });
              yield next;
              continue;
            }
            if (finished) return;
            const waiting = performance.now();
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            waited += performance.now() - waiting;
          }
        } finally {
          if (!finished) send(endpoint, { kind: 'stop' });
          endpoint.removeEventListener('message', listener);
          signal.removeEventListener('abort', onAbort);
          queue.length = 0;
        }
      },
    },
  };
}
