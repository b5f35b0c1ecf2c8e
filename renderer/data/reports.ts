/**
 * Page side of the annual report (统计报表 and 工作台): one report worker per window, started on
 * first use and kept (its columns load once, then follow talent changes); snapshots (报表快照)
 * frozen into the reportSnapshots table with an audit entry.
 */
import { DEFINITIONS_VERSION, compareFigures, definitionsText, reportFigures, type FigureDifference, type ReportTargets } from '../../shared/report';
import { err, ok, type Result } from '../../shared/result';
import { auditedTransaction, writeAudit } from '../db/audit';
import { getDatabase, type TalentLedgerDB } from '../db/db';
import { readSettings } from '../db/settings';
import type { ReportSnapshot } from '../db/types';
import { wrapWorker, type WrappedWorker } from '../workers/rpc';
import type { ComputedReport, ReportLoadProgress, ReportWorkerApi } from '../workers/report.worker';

export type { ComputedReport, ReportLoadProgress } from '../workers/report.worker';

/** What the page needs of the worker (the worker itself, or its API in tests). */
export interface ReportSource {
  annualReport(request: { year: number; targets: ReportTargets }): Promise<ComputedReport>;
  checksum(): Promise<string>;
}

let worker: WrappedWorker<ReportWorkerApi> | null = null;

function reportWorker(): WrappedWorker<ReportWorkerApi> {
  worker ??= wrapWorker<ReportWorkerApi>(new Worker(new URL('../workers/report.worker.ts', import.meta.url), { type: 'module', name: 'report' }));
  return worker;
}

/** The worker as a {@link ReportSource}. */
function workerSource(): ReportSource {
  const handle = reportWorker();
  return { annualReport: (request) => handle.call.annualReport(request), checksum: () => handle.call.checksum() };
}

/** Starts loading the report's columns (progress while loading); resolves with the talent count. */
export function prepareReports(onProgress?: (progress: ReportLoadProgress) => void): Promise<{ talents: number }> {
  return reportWorker().call.prepare(undefined, onProgress ? { onProgress } : {});
}

/** The targets and 填报单位 from the settings. */
export async function readReportSettings(db: TalentLedgerDB = getDatabase()): Promise<{ targets: ReportTargets; unit: string; operator: string }> {
  const settings = await readSettings(db);
  return { targets: settings.reportTargets, unit: settings.reportUnit, operator: settings.operatorName ?? '' };
}

/** The annual report of a year against the stored targets. */
export async function getAnnualReport(year: number, targets?: ReportTargets): Promise<ComputedReport> {
  return reportWorker().call.annualReport({ year, targets: targets ?? (await readReportSettings()).targets });
}

/** 在库 on 31 December of each year. */
export function getHeadcountTrend(years: number[]): Promise<Array<{ year: number; total: number }>> {
  return reportWorker().call.trend({ years });
}

/** The report of a year as an Excel workbook (cover with the stored 填报单位 and operator). */
export async function exportAnnualReport(year: number, options: { fiveYearBands?: boolean; now?: string } = {}): Promise<{ fileName: string; bytes: Uint8Array; checksum: string; ms: number }> {
  const { targets, unit, operator } = await readReportSettings();
  return reportWorker().call.exportWorkbook({
    year,
    targets,
    meta: { unit, operator, generatedAt: options.now ?? new Date().toISOString(), ...(options.fiveYearBands ? { fiveYearBands: true } : {}) },
  });
}

/**
 * Freezes the report of a year: figures, definitions and the data's checksum, with a `create`
 * audit entry in the same transaction. Several snapshots of one year may exist (each is kept).
 */
export async function freezeReportSnapshot(
  year: number,
  options: { note?: string; db?: TalentLedgerDB; source?: ReportSource; now?: string } = {},
): Promise<Result<ReportSnapshot>> {
  const db = options.db ?? getDatabase();
  const source = options.source ?? workerSource();
  const { targets, unit, operator } = await readReportSettings(db);
  const [{ report }, checksum] = await Promise.all([source.annualReport({ year, targets }), source.checksum()]);
  const snapshot: ReportSnapshot = {
    id: crypto.randomUUID(),
    year,
    createdAt: options.now ?? new Date().toISOString(),
    operator,
    unit,
    note: (options.note ?? '').trim(),
    definitions: definitionsText('zh'),
    definitionsVersion: DEFINITIONS_VERSION,
    checksum,
    report,
    figures: reportFigures(report),
  };
  try {
    await auditedTransaction(db, ['reportSnapshots'], async () => {
      await db.reportSnapshots.add(snapshot);
      await writeAudit(db, {
        action: 'create',
        entity: 'reportSnapshot',
        entityId: snapshot.id,
        changes: [
          { field: 'year', before: undefined, after: year },
          { field: 'total', before: undefined, after: report.headcount.total },
          { field: 'checksum', before: undefined, after: checksum },
        ],
        note: `冻结 ${year} 年度报表${snapshot.note ? `：${snapshot.note}` : ''}`,
      });
    });
  } catch (error) {
    return err({ code: 'SNAPSHOT_WRITE_FAILED', message: `报表快照保存失败：${error instanceof Error ? error.message : String(error)}`, messageEn: 'The snapshot could not be saved.' });
  }
  return ok(snapshot);
}

/** Snapshots, newest first (of one year when given). */
export async function listReportSnapshots(year?: number, db: TalentLedgerDB = getDatabase()): Promise<ReportSnapshot[]> {
  const snapshots = year === undefined ? await db.reportSnapshots.toArray() : await db.reportSnapshots.where('year').equals(year).toArray();
  return snapshots.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** A snapshot beside a recomputation of its year: the figures that changed, and whether the data did. */
export interface SnapshotComparison {
  snapshot: ReportSnapshot;
  current: ComputedReport;
  currentChecksum: string;
  dataChanged: boolean;
  differences: FigureDifference[];
}

/** Recomputes a snapshot's year and lists what differs. */
export async function compareWithSnapshot(snapshot: ReportSnapshot, options: { db?: TalentLedgerDB; source?: ReportSource } = {}): Promise<SnapshotComparison> {
  const source = options.source ?? workerSource();
  const { targets } = await readReportSettings(options.db ?? getDatabase());
  const [current, currentChecksum] = await Promise.all([source.annualReport({ year: snapshot.year, targets }), source.checksum()]);
  return {
    snapshot,
    current,
    currentChecksum,
    dataChanged: currentChecksum !== snapshot.checksum,
    differences: compareFigures(snapshot.figures, reportFigures(current.report)),
  };
}
