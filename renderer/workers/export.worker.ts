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

/** The matching talents in list order: read in memory (the whole table, or ids in chunks as they come). */
type MatchingTalents = { total: number; rows: Iterable<Talent> | AsyncIterable<Talent> };

/** The matching talents in list order: a lazy reader of `ids`, or the whole table newest first. */
async function matchingTalents(db: TalentLedgerDB, request: ExportTalentsRequest): Promise<MatchingTalents> {
  if (request.ids) {
    const ids = request.ids;
    return {
      total: ids.length,
      rows: (async function* () {
        for (let start = 0; start < ids.length; start += READ_CHUNK) {
          const chunk = await db.talents.bulkGet(ids.slice(start, start + READ_CHUNK) as string[]);
          for (const talent of chunk) if (talent) yield talent;
        }
      })(),
    };
  }
  // Ascending updatedAt is the order the search index loads in; its default order is the reverse.
  // One getAll is the fastest read measured: 30,000 talents ≈ 0.8–1.0 s in Chromium whether by the
  // updatedAt index or by primary key (+ sort), against ≈ 1.1 s for the raw writer alone; chunked
  // reads (10,000 per getAll) or ordered keys + bulkGet were slower. The read is most of what the
  // export adds over the writer (profiled in bench/README.md).
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

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The worker's methods over a database (tests pass their own). */
export function createExportApi(database: () => TalentLedgerDB) {
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
        matchingTalents(db, request),
      ]);
      const counter: ExportProgress = { done: 0, total };
      const counted = Symbol.asyncIterator in rows ? withProgress(rows, counter, context) : withProgressSync(rows, counter, context);
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
