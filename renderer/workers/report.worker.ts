/**
 * The annual report's worker (统计报表). Loads every talent once, in primary-key pages, into compact
 * per-talent columns (shared/report/columns.ts) together with the dated title certificates, passed
 * assessments and re-entries from the audit log; then keeps the columns up to date from the talent
 * channel (re-reading just the changed ids). A report over 300,000 talents is then one pass over
 * typed arrays instead of a 4-second IndexedDB read.
 */
import { Dexie } from 'dexie';
import {
  absencesFromAudit,
  computeHeadcountReport,
  computeTrainingFigures,
  columnsChecksum,
  headcountTrend,
  ReportColumns,
  reportWorkbookFileName,
  writeReportWorkbook,
  type AnnualReport,
  type ReportBase,
  type ReportEnrollment,
  type ReportTargets,
  type ReportTalent,
  type ReportWorkbookMeta,
  type SkillGrant,
  type TitleGrant,
  type StatusChangeEntry,
} from '../../shared/report';
import type { Talent } from '../../shared/talent/talent';
import { onTalentChanges, type TalentChange } from '../data/talentEvents';
import { getDatabase, type TalentLedgerDB } from '../db/db';
import type { Enrollment, TitleCertificate } from '../db/types';
import { exposeWorker, type WorkerCallContext } from './rpc';

/**
 * Talents read per IndexedDB request while loading. Chromium serves an origin's IndexedDB requests
 * one after another, so a small query of the page (the list's first rows when the clerk opens 人才库
 * from 工作台) waits for the request in progress: 5,000 records is about 0.1 s of that, 20,000 was
 * up to 0.4 s. The load as a whole takes more round trips for it.
 */
const LOAD_PAGE = 5_000;

/** Title grants of stored certificates, dated by 发证日期 and 撤销日期. */
export function titleGrantsOf(certificates: Iterable<TitleCertificate>): TitleGrant[] {
  const grants: TitleGrant[] = [];
  for (const certificate of certificates) {
    if (!certificate.issuedOn || !certificate.talentId) continue;
    grants.push({ talentId: certificate.talentId, level: certificate.level, from: certificate.issuedOn, ...(certificate.revokedOn ? { until: certificate.revokedOn } : {}) });
  }
  return grants;
}

/** Skill grants of passed, accepted roster rows (dated by the assessment day). */
export function skillGrantsOf(enrollments: Iterable<Enrollment>): SkillGrant[] {
  const grants: SkillGrant[] = [];
  for (const enrollment of enrollments) {
    if (enrollment.decision !== 'accepted' || enrollment.result !== 'passed' || !enrollment.talentId || !enrollment.assessedOn) continue;
    grants.push({ talentId: enrollment.talentId, level: enrollment.level, from: enrollment.assessedOn });
  }
  return grants;
}

function reportTalentOf(talent: Talent, absences: ReportTalent['absences']): ReportTalent {
  return absences && absences.length > 0 ? { ...talent, absences } : talent;
}

/** Loading progress. */
export interface ReportLoadProgress {
  loaded: number;
  total: number;
}

/** A computed report with the time the computation took (not the loading). */
export interface ComputedReport {
  report: AnnualReport;
  /** Milliseconds of the computation in the worker. */
  ms: number;
  /** Live talents in the columns. */
  talents: number;
}

export interface ReportRequest {
  year: number;
  targets: ReportTargets;
}

export interface WorkbookRequest extends ReportRequest {
  meta: Omit<ReportWorkbookMeta, 'checksum'>;
}

/** The worker's API over an injected database (tests pass an in-memory one). */
export function createReportApi(database: () => TalentLedgerDB) {
  let columns: Promise<ReportColumns> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let training: Promise<{ bases: ReportBase[]; enrollments: ReportEnrollment[] }> | null = null;

  async function statusChangesOf(db: TalentLedgerDB, ids: readonly string[]): Promise<Map<string, StatusChangeEntry[]>> {
    const byId = new Map<string, StatusChangeEntry[]>();
    const entries =
      ids.length === 0
        ? await db.auditLog.where('[entity+entityId]').between(['talent', Dexie.minKey], ['talent', Dexie.maxKey]).toArray()
        : await db.auditLog.where('[entity+entityId]').anyOf(ids.map((id) => ['talent', id])).toArray();
    for (const entry of entries) {
      if (entry.action !== 'update' || !entry.changes.some((change) => change.field === 'status')) continue;
      const list = byId.get(entry.entityId);
      if (list) list.push(entry);
      else byId.set(entry.entityId, [entry]);
    }
    return byId;
  }

  async function loadAll(onProgress?: (progress: ReportLoadProgress) => void): Promise<ReportColumns> {
    const db = database();
    const next = new ReportColumns();
    const total = await db.talents.count();
    next.setTitleGrants([], titleGrantsOf(await db.titleCertificates.toArray()));
    next.setSkillGrants([], skillGrantsOf(await db.enrollments.toArray()));
    const statusChanges = await statusChangesOf(db, []);
    let lastId: string | null = null;
    for (;;) {
      const page: Talent[] = await (lastId === null ? db.talents.orderBy(':id').limit(LOAD_PAGE) : db.talents.where(':id').above(lastId).limit(LOAD_PAGE)).toArray();
      for (const talent of page) {
        const changes = statusChanges.get(talent.id);
        next.upsert(reportTalentOf(talent, changes ? absencesFromAudit(changes) : undefined));
      }
      onProgress?.({ loaded: next.count, total });
      if (page.length < LOAD_PAGE) break;
      lastId = page[page.length - 1]!.id;
    }
    return next;
  }

  async function applyToColumns(target: ReportColumns, change: { upserted: string[]; removed: string[] }): Promise<void> {
    const db = database();
    const ids = change.upserted;
    for (const id of change.removed) target.remove(id);
    if (ids.length === 0) return;
    const [talents, certificates, enrollments, statusChanges] = await Promise.all([
      db.talents.bulkGet(ids),
      db.titleCertificates.where('talentId').anyOf(ids).toArray(),
      db.enrollments.where('talentId').anyOf(ids).toArray(),
      statusChangesOf(db, ids),
    ]);
    target.setTitleGrants(ids, titleGrantsOf(certificates));
    target.setSkillGrants(ids, skillGrantsOf(enrollments));
    ids.forEach((id, index) => {
      const talent = talents[index];
      if (!talent) {
        target.remove(id);
        return;
      }
      const changes = statusChanges.get(id);
      target.upsert(reportTalentOf(talent, changes ? absencesFromAudit(changes) : undefined));
    });
  }

  function ready(onProgress?: (progress: ReportLoadProgress) => void): Promise<ReportColumns> {
    columns ??= loadAll(onProgress).catch((error: unknown) => {
      columns = null;
      throw error;
    });
    const loaded = columns;
    // Changes announced while loading or computing are applied in order before the next answer.
    return queue.then(() => loaded);
  }

  async function readTraining(): Promise<{ bases: ReportBase[]; enrollments: ReportEnrollment[] }> {
    const db = database();
    const [bases, enrollments] = await Promise.all([db.trainingBases.toArray(), db.enrollments.toArray()]);
    return {
      bases,
      enrollments: enrollments.map((enrollment) => ({ decision: enrollment.decision, result: enrollment.result, assessedOn: enrollment.assessedOn, hours: enrollment.hours })),
    };
  }

  async function compute(request: ReportRequest): Promise<ComputedReport> {
    const current = await ready();
    training ??= readTraining();
    const { bases, enrollments } = await training;
    const started = performance.now();
    const headcount = computeHeadcountReport(current, request.year, request.targets);
    const trainingFigures = computeTrainingFigures(bases, enrollments, request.year);
    return { report: { headcount, training: trainingFigures }, ms: performance.now() - started, talents: current.count };
  }

  const api = {
    /** Loads the columns (once); later calls wait for pending changes. */
    async prepare(_input: undefined, context: WorkerCallContext<ReportLoadProgress>): Promise<{ talents: number }> {
      const current = await ready(context.progress);
      return { talents: current.count };
    },
    /** Applies one committed talent change (the worker also hears them on the channel itself). */
    async applyChange(change: TalentChange): Promise<void> {
      // Roster receipts and certificates change talents too: training figures are read again.
      training = null;
      if ('reset' in change) {
        columns = null;
        return;
      }
      const step = queue.then(async () => {
        if (!columns) return;
        await applyToColumns(await columns, change);
      });
      queue = step.catch((error: unknown) => {
        // A failed refresh must not wedge later answers: reload everything next time.
        console.error('report refresh failed', error instanceof Error ? error.message : String(error));
        columns = null;
      });
      await queue;
    },
    /** The annual report of a year. */
    async annualReport(request: ReportRequest): Promise<ComputedReport> {
      return compute(request);
    },
    /** 在库 on 31 December of each year. */
    async trend(input: { years: number[] }): Promise<Array<{ year: number; total: number }>> {
      return headcountTrend(await ready(), input.years);
    },
    /** SHA-256 of the report's input data (for snapshots). */
    async checksum(): Promise<string> {
      return columnsChecksum(await ready());
    },
    /** The report, its data checksum and its workbook's bytes. */
    async exportWorkbook(request: WorkbookRequest, context: WorkerCallContext): Promise<{ fileName: string; bytes: Uint8Array; checksum: string; ms: number }> {
      const started = performance.now();
      const { report } = await compute(request);
      const checksum = columnsChecksum(await ready());
      const bytes = await writeReportWorkbook(report, { ...request.meta, checksum });
      context.transferResult([bytes.buffer]);
      return { fileName: reportWorkbookFileName(request.year), bytes, checksum, ms: performance.now() - started };
    },
    /** Recomputes from a fresh full read and says whether the kept columns give the same report (a self-check). */
    async verify(request: ReportRequest): Promise<{ same: boolean; checksumKept: string; checksumFresh: string }> {
      const kept = await ready();
      const fresh = await loadAll();
      const same = JSON.stringify(computeHeadcountReport(kept, request.year, request.targets)) === JSON.stringify(computeHeadcountReport(fresh, request.year, request.targets));
      return { same, checksumKept: columnsChecksum(kept), checksumFresh: columnsChecksum(fresh) };
    },
  };
  return api;
}

export type ReportWorkerApi = ReturnType<typeof createReportApi>;

// In a worker (not when a test imports this module): serve the API and follow talent changes.
const workerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
if (workerScope !== undefined && globalThis instanceof workerScope) {
  const api = createReportApi(getDatabase);
  exposeWorker(api);
  onTalentChanges((change) => void api.applyChange(change));
}
