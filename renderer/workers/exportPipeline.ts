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
  /** Posting chunks (serialising the cells). */
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
  | { kind: 'done'; timing: ReaderTiming }
  | { kind: 'error'; error: { name: string; message: string } };

function send(endpoint: MessageEndpoint, message: ToReader | FromReader): void {
  endpoint.postMessage(message, []);
}

/**
 * The reader's side: waits for `start` on `endpoint`, then streams the export's rows back with
 * backpressure. One export per endpoint.
 */
export function serveExportCells(endpoint: MessageEndpoint, database: () => TalentLedgerDB): void {
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
      source = await talentCellBatches(database(), start.request, start.columns, start.readChunk);
      send(endpoint, { kind: 'total', total: source.total });
      let sent = 0;
      for await (const rows of source.batches) {
        if (stopped) break;
        const posting = performance.now();
        send(endpoint, { kind: 'cells', rows });
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

function canceled(): Error {
  return Object.assign(new Error('canceled'), { name: 'AbortError' });
}

/** The writer's side of a running reader. */
export interface ReceivedCells {
  total: Promise<number>;
  /** The chunks of rows in list order; each is acknowledged as it is taken. */
  batches: AsyncIterable<CellValue[][]>;
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
  const queue: CellValue[][][] = [];
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
