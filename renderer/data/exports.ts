/**
 * Spreadsheet files the user downloads: the talent list export (.xlsx or CSV), the import
 * templates and the annotated error report of an import. The writing runs in a Web Worker
 * (renderer/workers/export.worker.ts); each call starts one and ends it when done.
 * Save the bytes with `usePlatform().saveFile(...)`.
 */
import type { ErrorReportInput, TemplateKind } from '../../shared/excel/write';
import { isWholeListQuery } from '../../shared/search/talentSearch';
import { wrapWorker, type WrappedWorker } from '../workers/rpc';
import type { ExportedFile, ExportProgress, ExportTalentsCall, ExportWorkerApi } from '../workers/export.worker';
import type { ExportTalentsRequest } from '../workers/exportTalentSource';
import { matchingTalentIds, serveTalentExport, talentIndexStatus } from './talentIndexClient';

export type { ErrorReportInput, ErrorReportIssue, ErrorReportRow, ExportFormat, TemplateKind } from '../../shared/excel/write';
export type { ExportedFile, ExportProgress } from '../workers/export.worker';

/** What the list asks of the export worker (renderer/workers/exportTalentSource.ts), and how to follow it. */
export interface ExportTalentListOptions extends ExportTalentsRequest {
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

function startWorker(): WrappedWorker<ExportWorkerApi> {
  return wrapWorker<ExportWorkerApi>(new Worker(new URL('../workers/export.worker.ts', import.meta.url), { type: 'module', name: 'export' }));
}

async function withWorker<T>(work: (worker: WrappedWorker<ExportWorkerApi>) => Promise<T>): Promise<T> {
  const worker = startWorker();
  try {
    return await work(worker);
  } finally {
    worker.close();
  }
}

/**
 * Exports what the talent list shows: its matching talents with its columns, Chinese headers and
 * code labels; .xlsx with a bold frozen header, column widths and real date cells, or CSV in UTF-8
 * with BOM. Text that a spreadsheet would run as a formula is prefixed with `'`. ID numbers and
 * phones are masked unless `unmasked` (which is audited, see the option). File name
 * `人才信息_YYYYMMDD.xlsx|csv`. Rejects with an AbortError when `signal` aborts.
 *
 * Where the rows come from: once the list's search index is loaded, from its worker, which keeps
 * every talent's list record in memory and serves the rows over a channel straight to the export
 * worker (no IndexedDB read: at 300,000 talents that read cost more CPU than writing the file).
 * Before that, the export worker reads IndexedDB itself: the whole list in its own order, or the
 * index's ids for a search, filter or sort.
 */
export async function exportTalentList(options: ExportTalentListOptions): Promise<ExportedFile> {
  const { signal, onProgress, ...request } = options;
  const call: ExportTalentsCall = { ...request, columns: [...request.columns], ...(request.ids ? { ids: [...request.ids] } : {}) };
  const transfer: Transferable[] = [];
  if (talentIndexStatus().ready) {
    const channel = new MessageChannel();
    await serveTalentExport(channel.port1);
    call.cellPort = channel.port2;
    transfer.push(channel.port2);
  } else if (!call.ids && !isWholeListQuery(call.query)) {
    call.ids = await matchingTalentIds(call.query);
  }
  return withWorker((worker) => worker.call.exportTalents(call, { transfer, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) }));
}

/** The template of `kind`: `人才信息采集表.xlsx`, `培训花名册.xlsx` or `职称申报汇总表.xlsx`. */
export function downloadTemplate(kind: TemplateKind): Promise<ExportedFile> {
  return withWorker((worker) => worker.call.template({ kind }));
}

/**
 * The error report of an import: the given rows as read plus a 错误说明 column, bad cells red with
 * their messages as comments; `<基地>_<批次>_错误报告.xlsx` when `baseName`/`batch` are given,
 * else `<原文件名>_错误报告.xlsx`. Values are not masked (the base must correct them).
 */
export function buildErrorReport(input: ErrorReportInput): Promise<ExportedFile> {
  return withWorker((worker) => worker.call.errorReport(input));
}
