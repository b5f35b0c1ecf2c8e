/**
 * Web Worker that writes spreadsheets: talent list exports, templates and error reports. A talent
 * export reads the matching talents from IndexedDB in a nested worker, the export reader
 * (exportPipeline.ts), which converts them to row cells on the other core while this worker writes
 * and deflates; where workers cannot start workers, the same reading and converting runs here.
 * 300,000 records never cross the page. An unmasked export writes its audit entry here, in its own
 * transaction, once the file exists.
 */
import '../cspSafeZod';
import {
  exportFileName,
  templateFileName,
  writeErrorReport,
  writeTalentCells,
  writeTemplate,
  errorReportFileName,
  type ErrorReportInput,
  type TemplateKind,
} from '../../shared/excel/write';
import { talentFieldByKey, type TalentFieldKey } from '../../shared/talent/talentFields';
import { auditedTransaction, writeAudit } from '../db/audit';
import { getDatabase, type TalentLedgerDB } from '../db/db';
import { canceled, READER_WINDOW, receiveExportCells, type ReaderConnection, type ReaderTiming, type RowChunk } from './exportPipeline';
import { READ_CHUNK, talentCellBatches, type ExportTalentsRequest } from './exportTalentSource';
import { exposeWorker, type MessageEndpoint, type WorkerCallContext } from './rpc';

export type { ExportTalentsRequest } from './exportTalentSource';

/** Where a talent export spent its time (ms), for the benchmark's notes. */
export interface ExportTiming {
  /** Whether a reader worker read and converted (else this worker did, in between writing). */
  pipelined: boolean;
  /** `index` when the search-index worker's records were the source (no IndexedDB read). */
  source?: 'index';
  /** The whole call in this worker. */
  totalMs: number;
  /** This worker waiting for the reader's chunks (pipelined only). */
  waitMs: number;
  /** The reader's own split (pipelined), or this worker's reading and converting (in-thread). */
  reader: ReaderTiming | { readMs: number; convertMs: number } | undefined;
}

/** A written file, its bytes moved (not copied) to the page. */
export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
  /** Talent exports only: the data rows written. */
  rows?: number;
  /** Talent exports only. */
  timing?: ExportTiming;
}

export interface ExportProgress {
  done: number;
  total: number;
}

type ProgressContext = Pick<WorkerCallContext<ExportProgress>, 'signal' | 'progress'>;

/** Chunks as they are read: progress and a cancel check once per chunk. */
async function* withProgressBatches(batches: AsyncIterable<RowChunk>, counter: ExportProgress, { signal, progress }: ProgressContext): AsyncGenerator<RowChunk> {
  for await (const batch of batches) {
    if (signal.aborted) throw canceled();
    yield batch;
    counter.done += batch.length;
    progress({ ...counter });
  }
  if (signal.aborted) throw canceled();
  if (counter.done === 0) progress({ ...counter });
}

/** The export reader as a nested worker; undefined where a worker cannot start one. */
export function startReaderWorker(): ReaderConnection | undefined {
  if (typeof Worker !== 'function') return undefined;
  const worker = new Worker(new URL('./exportReader.worker.ts', import.meta.url), { type: 'module', name: 'export-reader' });
  return {
    endpoint: worker as unknown as MessageEndpoint,
    close: () => worker.terminate(),
    onFailure(listener) {
      worker.addEventListener('error', (event) => listener(new Error(`export reader failed: ${event.message || 'could not start'}`)));
      worker.addEventListener('messageerror', () => listener(new Error('export reader: a message could not be read')));
    },
  };
}

/**
 * A reader already serving on a port: the search-index worker, which holds every talent's list
 * record in memory (renderer/data/exports.ts hands the port over).
 */
export function portReader(port: MessagePort): ReaderConnection {
  return {
    endpoint: port as unknown as MessageEndpoint,
    close: () => port.close(),
    onFailure(listener) {
      port.addEventListener('messageerror', () => listener(new Error('export reader: a message could not be read')));
    },
  };
}

/** A talent export as the page asks for it: the request, and where its rows come from. */
export interface ExportTalentsCall extends ExportTalentsRequest {
  /**
   * A port on which a reader serves the rows (see exportPipeline.ts): the search-index worker's
   * end of a channel. Absent, this worker starts its own reader of IndexedDB.
   */
  cellPort?: MessagePort;
}

/** How the export reads: the chunk size (tests make it small), and who reads. */
export interface ExportApiOptions {
  readChunk?: number;
  /** Starts an export reader (see exportPipeline.ts); none given, or none started: this worker reads. */
  startReader?: () => ReaderConnection | undefined;
}

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The worker's methods over a database (tests pass their own). */
export function createExportApi(database: () => TalentLedgerDB, options: ExportApiOptions = {}) {
  const readChunk = options.readChunk ?? READ_CHUNK;

  /** Writes the rows of `request` as they are read: by a reader worker when one starts, else in this thread. */
  async function writeTalents(db: TalentLedgerDB, request: ExportTalentsRequest, cellPort: MessagePort | undefined, columns: TalentFieldKey[], context: ProgressContext) {
    const started = performance.now();
    const reader = cellPort ? portReader(cellPort) : options.startReader?.();
    try {
      let source: { total: number; batches: AsyncIterable<RowChunk> };
      let readerTiming: () => ExportTiming['reader'];
      let waitMs = () => 0;
      if (reader) {
        const received = receiveExportCells(reader, { request, columns, readChunk, window: READER_WINDOW }, context.signal);
        source = { total: await received.total, batches: received.batches };
        readerTiming = received.readerTiming;
        waitMs = received.waitMs;
      } else {
        const inThread = await talentCellBatches(db, request, columns, readChunk);
        source = inThread;
        readerTiming = () => inThread.timing;
      }
      const counter: ExportProgress = { done: 0, total: source.total };
      const bytes = await writeTalentCells({ batches: withProgressBatches(source.batches, counter, context) }, { columns, format: request.format });
      const timing: ExportTiming = { pipelined: reader !== undefined, ...(cellPort ? { source: 'index' as const } : {}), totalMs: performance.now() - started, waitMs: waitMs(), reader: readerTiming() };
      return { bytes, rows: counter.done, timing };
    } finally {
      // A cancel or a failure ends the reader too; no partial file leaves this worker.
      reader?.close();
    }
  }

  return {
    /** Exports the talents matching the list's query, with its columns. */
    async exportTalents(call: ExportTalentsCall, context: WorkerCallContext<ExportProgress>): Promise<ExportedFile> {
      // The port is this export's channel, not part of what the reader is told.
      const { cellPort, ...request } = call;
      const columns = request.columns.filter((key) => talentFieldByKey.has(key));
      // The list always shows at least one column: none is a caller bug.
      if (columns.length === 0) throw new RangeError('exportTalents: no known columns');
      const db = database();
      const { bytes, rows, timing } = await writeTalents(db, request, cellPort, columns, context);
      if (context.signal.aborted) throw canceled();
      if (request.unmasked && columns.some((key) => talentFieldByKey.get(key)?.sensitive)) {
        const revealed = columns.filter((key) => talentFieldByKey.get(key)?.sensitive).map((key) => talentFieldByKey.get(key)?.zh);
        await auditedTransaction(db, [], async () => {
          await writeAudit(db, { action: 'reveal', entity: 'talent', note: `导出未脱敏的${revealed.join('、')}：${rows} 人（${request.format}）` });
        });
      }
      context.transferResult([bytes.buffer]);
      return { fileName: exportFileName('人才信息', request.query.today || today(), request.format), bytes, rows, timing };
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

exposeWorker(createExportApi(getDatabase, { startReader: startReaderWorker }));
