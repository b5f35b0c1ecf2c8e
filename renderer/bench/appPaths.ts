/**
 * Where the bench finds the app's own code paths. Each path is loaded lazily through
 * `import.meta.glob`, so a module that does not exist yet leaves an empty match (the path is
 * reported "not yet") instead of breaking the build. When a feature lands, its adapter here is the
 * one place that learns its API; the measurements in bench/ do not change.
 */
import { announceTalentChanges, type TalentChange } from '../data/talentEvents';
import { DEFAULT_MASK_PATTERN } from '../db/settings';
import { getPlatform } from '../platform';
import type { MaskPattern } from '../db/types';
import { wrapWorker } from '../workers/rpc';
import { talentFields } from '../../shared/talent/talentFields';
import type { AdapterInput, AppPathAvailability } from './api';

/** One import wizard session: its worker is started (untimed) before the file is handed over. */
export interface AppImportSession {
  /** Read, map, validate, dry run against the database, commit: what the wizard's steps call, back to back. */
  importTalents(bytes: Uint8Array, fileName: string): Promise<{ added: number; updated: number; phases: Record<string, number> }>;
  close(): void;
}

/** The app's import as the bench drives it. */
export interface AppImportAdapter {
  open(): Promise<AppImportSession>;
}

/** The app's search as the talent list drives it: one query to its first page. */
export interface AppSearchAdapter {
  /** Prepares the search (e.g. starts the worker and loads the index); not part of the figures. */
  prepare(today: string): Promise<void>;
  search(text: string, limit: number, today: string): Promise<{ total: number }>;
  filter(filter: { district: string[]; category: string[] }, limit: number, today: string): Promise<{ total: number }>;
  dispose(): Promise<void>;
}

export interface AppRepositoryAdapter {
  /** Stores talents through the app's bulk path. */
  bulkStore(talents: readonly import('../../shared/talent/talent').Talent[]): Promise<void>;
}

/** D's headcount report (renderer/bench/reportPath.ts implements it). */
export interface AppReportAdapter {
  headcountReport(year: number): Promise<unknown>;
  /** The report workbook as the reports page's 导出 makes it (computation, checksum, .xlsx). */
  exportReportWorkbook?(year: number): Promise<unknown>;
}

/** Another area's timed path (B's roster import, C's bulk transition): one call, whatever it reports. */
export interface AppAreaAdapter {
  run(input: AdapterInput): Promise<unknown>;
}

/** The app's backup module (renderer/data/backups.ts) as the bench calls it. */
export interface AppBackupAdapter {
  /** `createBackup('manual')`: returns the file's name, size and rows. */
  create(): Promise<{ name: string; fileBytes: number; rows: number }>;
  /** `restoreNamedBackup(name)` with the app's own split of its time. */
  restore(name: string): Promise<{ verifyMs: number; preRestoreMs: number; replaceMs: number; rows: number; preRestoreName: string }>;
  /** Deletes files from the backup folder (no audit: the bench's own clean-up). */
  remove(names: readonly string[]): Promise<void>;
}

export interface AppExportAdapter {
  /** Exports every stored talent with every column of the field table; returns the file's size in bytes and the export worker's own split of its time, when it tells one. */
  /** `listTotal`: the count the talent list shows (its index has it), as the list hands it to the export. */
  exportAllTalents(today: string, listTotal?: number): Promise<{ bytes: number; split?: string }>;
}

/** The export worker's timing (renderer/workers/export.worker.ts `ExportTiming`), as far as the bench reads it. */
interface ExportTimingShape {
  pipelined: boolean;
  source?: 'index';
  totalMs: number;
  waitMs: number;
  reader?: { readMs: number; convertMs: number; postMs?: number; waitMs?: number; totalMs?: number };
}

function seconds(ms: number | undefined): string {
  return `${((ms ?? 0) / 1000).toFixed(2)} s`;
}

/** One line on where an export's time went: the export worker (writer) and the reader. */
function describeExportTiming(timing: ExportTimingShape): string {
  const reader = timing.reader;
  if (!timing.pipelined) return `export worker ${seconds(timing.totalMs)}, of which reading ${seconds(reader?.readMs)} and converting ${seconds(reader?.convertMs)} in the same thread`;
  if (timing.source === 'index') {
    return (
      `export worker ${seconds(timing.totalMs)} (waited for the rows ${seconds(timing.waitMs)}); ` +
      `search-index worker serving the rows ${seconds(reader?.totalMs)}: convert ${seconds(reader?.convertMs)}, post ${seconds(reader?.postMs)}, held back by the writer ${seconds(reader?.waitMs)}`
    );
  }
  return (
    `export worker ${seconds(timing.totalMs)} (waited for the reader's cells ${seconds(timing.waitMs)}); ` +
    `reader worker ${seconds(reader?.totalMs)}: IndexedDB read ${seconds(reader?.readMs)}, convert ${seconds(reader?.convertMs)}, post ${seconds(reader?.postMs)}, held back by the writer ${seconds(reader?.waitMs)}`
  );
}

/** The app's demo-data writer (设置 → 演示数据): the same seeded talents, written by the app's own worker. */
export interface AppDemoSeeder {
  addDemoTalents(count: number, seed: number): Promise<{ added: number }>;
}

export interface AppPaths {
  importer: AppImportAdapter | null;
  repository: AppRepositoryAdapter | null;
  demoSeeder: AppDemoSeeder | null;
  search: AppSearchAdapter | null;
  report: AppReportAdapter | null;
  exporter: AppExportAdapter | null;
  backup: AppBackupAdapter | null;
  roster: AppAreaAdapter | null;
  titles: AppAreaAdapter | null;
  notes: Record<string, string>;
}

type ModuleLoaders = Record<string, () => Promise<unknown>>;

// Candidate modules of features being built; an empty match means "not yet".
// The import wizard's worker, as a worker constructor (never imported into this thread).
const importModules: ModuleLoaders = import.meta.glob(['../workers/import.worker.ts'], { query: '?worker' });
const repositoryModules: ModuleLoaders = import.meta.glob(['../data/talentRepository.ts']);
const searchModules: ModuleLoaders = import.meta.glob(['../data/talentIndexClient.ts']);
// Adapters other areas write next to this file (see renderer/bench/README in bench/README.md).
const reportModules: ModuleLoaders = import.meta.glob(['./reportPath.ts']);
const rosterModules: ModuleLoaders = import.meta.glob(['./rosterPath.ts']);
const titlesModules: ModuleLoaders = import.meta.glob(['./titlesPath.ts']);
const backupModules: ModuleLoaders = import.meta.glob(['../data/backups.ts']);
const exportModules: ModuleLoaders = import.meta.glob(['../data/exports.ts']);
// The settings page's demo-data worker, as a worker constructor (never imported into this thread).
const demoWorkerModules: ModuleLoaders = import.meta.glob(['../features/settings/demoData.worker.ts'], { query: '?worker' });

/** The demo worker's one method the bench calls, as its RPC declares it (a Result value). */
interface DemoWorkerApi {
  addDemoTalents(input: { count: number; seed: number; note: string }): Promise<{ ok: true; value: { added: number } } | { ok: false; error: { message: string } }>;
}

type WorkerResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** The import worker's calls the wizard makes, as the worker declares them (renderer/workers/import.worker.ts). */
interface ImportWorkerApi {
  load(input: { bytes: Uint8Array; fileName: string; kind: 'talents' | 'roster' }): Promise<WorkerResult<{ rows: number; valid: number; invalid: number }>>;
  dryRun(): Promise<WorkerResult<{ counts: Record<string, number> }>>;
  commit(input: { mode: 'validOnly' | 'allOrNothing'; resolutions: Array<[number, string]>; conflictDefault?: string }): Promise<
    WorkerResult<{ batch: { counts: { created: number; updated: number } }; change: TalentChange }>
  >;
  settled(): Promise<void>;
}

function unwrap<T>(step: string, result: WorkerResult<T>): T {
  if (!result.ok) throw new Error(`app import ${step}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function adaptImportWorker(module: Record<string, unknown>): AppImportAdapter | null {
  const WorkerConstructor = module.default;
  if (typeof WorkerConstructor !== 'function') return null;
  return {
    async open() {
      const worker = wrapWorker<ImportWorkerApi>(new (WorkerConstructor as new (options?: WorkerOptions) => Worker)({ name: 'bench-import' }));
      // The worker's module has loaded once it answers.
      await worker.call.settled();
      return {
        async importTalents(bytes, fileName) {
          const phases: Record<string, number> = {};
          let mark = performance.now();
          const lap = (phase: string) => {
            const now = performance.now();
            phases[phase] = now - mark;
            mark = now;
          };
          unwrap('load', await worker.call.load({ bytes, fileName, kind: 'talents' }, { transfer: [bytes.buffer] }));
          lap('load');
          unwrap('dry run', await worker.call.dryRun());
          lap('dryRun');
          const committed = unwrap('commit', await worker.call.commit({ mode: 'validOnly', resolutions: [], conflictDefault: 'keepRegistry' }));
          lap('commit');
          // The wizard tells the rest of the app (the list's search index) what changed.
          announceTalentChanges(committed.change);
          lap('announce');
          return { added: committed.batch.counts.created, updated: committed.batch.counts.updated, phases };
        },
        close: () => worker.close(),
      };
    },
  };
}

/** The talent list's query, as renderer/data/talentIndexClient.ts declares it (the parts the bench sets). */
interface ListQuery {
  text?: string;
  filters?: { district?: readonly string[]; category?: readonly string[] };
  offset?: number;
  limit?: number;
  today: string;
  mask: MaskPattern;
  extraFields?: readonly string[];
}

/**
 * The list's search path: the page-side client of the search-index worker, the same module
 * instance the talent list uses. Queries carry what the list sends: default mask, no extra columns.
 */
function adaptIndexClient(module: Record<string, unknown>): AppSearchAdapter | null {
  const query = module.queryTalentIndex as ((input: ListQuery) => Promise<{ total: number }>) | undefined;
  const stop = module.stopTalentIndex as (() => void) | undefined;
  if (typeof query !== 'function' || typeof stop !== 'function') return null;
  const ask = (input: Omit<ListQuery, 'mask' | 'offset'>) => query({ ...input, offset: 0, mask: DEFAULT_MASK_PATTERN, extraFields: [] });
  return {
    async prepare(today) {
      // The first query waits until the worker has loaded every talent.
      await ask({ text: '', limit: 1, today });
    },
    search: (text, limit, today) => ask({ text, limit, today }),
    filter: (filter, limit, today) => ask({ filters: filter, limit, today }),
    async dispose() {
      stop();
    },
  };
}

/** The talent list's export (renderer/data/exports.ts), as the list's export button calls it. */
function adaptExports(module: Record<string, unknown>): AppExportAdapter | null {
  const exportTalentList = module.exportTalentList as
    | ((options: { query: { today: string }; columns: readonly string[]; format: 'xlsx'; unmasked: boolean }) => Promise<{ bytes: Uint8Array; timing?: ExportTimingShape }>)
    | undefined;
  if (typeof exportTalentList !== 'function') return null;
  return {
    async exportAllTalents(today, listTotal) {
      const file = await exportTalentList({ query: { today }, columns: talentFields.map((field) => field.key), format: 'xlsx', unmasked: false, ...(listTotal === undefined ? {} : { listTotal }) });
      return { bytes: file.bytes.byteLength, ...(file.timing ? { split: describeExportTiming(file.timing) } : {}) };
    },
  };
}

/** D's report adapter: an exported object with `headcountReport(year)`, or the function itself. */
function adaptReport(module: Record<string, unknown>): AppReportAdapter | null {
  const direct = module.headcountReport;
  const workbook = module.exportReportWorkbook;
  if (typeof direct === 'function') {
    return {
      headcountReport: (year) => (direct as (year: number) => Promise<unknown>)(year),
      ...(typeof workbook === 'function' ? { exportReportWorkbook: (year: number) => (workbook as (year: number) => Promise<unknown>)(year) } : {}),
    };
  }
  for (const value of Object.values(module)) {
    const candidate = value as Partial<AppReportAdapter> | null;
    if (candidate && typeof candidate === 'object' && typeof candidate.headcountReport === 'function') {
      const method = candidate.headcountReport;
      return { headcountReport: (year) => method.call(candidate, year) };
    }
  }
  return null;
}

/** An area's adapter file exporting one async function named `name`. */
function adaptAreaFunction(name: string): (module: Record<string, unknown>) => AppAreaAdapter | null {
  return (module) => {
    const fn = module[name];
    if (typeof fn !== 'function') return null;
    return { run: (input) => (fn as (input: AdapterInput) => Promise<unknown>)(input) };
  };
}

interface BackupModule {
  createBackup(reason: 'manual'): Promise<{ ok: true; value: { name: string; fileBytes: number; manifest: { tables: Record<string, { rows: number } | undefined> } } } | { ok: false; error: { code: string; message: string } }>;
  restoreNamedBackup(name: string): Promise<
    | { ok: true; value: { rows: Record<string, number>; preRestore: { name: string }; millis: { verify: number; preRestoreBackup: number; restore: number } } }
    | { ok: false; error: { code: string; message: string } }
  >;
}

/** The backup page's calls: createBackup('manual') and restoreNamedBackup, on the app's database and backup folder. */
function adaptBackups(module: Record<string, unknown>): AppBackupAdapter | null {
  const backups = module as unknown as Partial<BackupModule>;
  const { createBackup, restoreNamedBackup } = backups;
  if (typeof createBackup !== 'function' || typeof restoreNamedBackup !== 'function') return null;
  return {
    async create() {
      const written = await createBackup('manual');
      if (!written.ok) throw new Error(`backup: ${written.error.code} ${written.error.message}`);
      const rows = Object.values(written.value.manifest.tables).reduce((sum, table) => sum + (table?.rows ?? 0), 0);
      return { name: written.value.name, fileBytes: written.value.fileBytes, rows };
    },
    async restore(name) {
      const restored = await restoreNamedBackup(name);
      if (!restored.ok) throw new Error(`restore: ${restored.error.code} ${restored.error.message}`);
      const { millis, rows, preRestore } = restored.value;
      return {
        verifyMs: millis.verify,
        preRestoreMs: millis.preRestoreBackup,
        replaceMs: millis.restore,
        rows: Object.values(rows).reduce((sum, count) => sum + count, 0),
        preRestoreName: preRestore.name,
      };
    },
    async remove(names) {
      for (const name of names) await getPlatform().backups.delete(name);
    },
  };
}

function adaptDemoWorker(module: Record<string, unknown>): AppDemoSeeder | null {
  const WorkerConstructor = module.default;
  if (typeof WorkerConstructor !== 'function') return null;
  return {
    async addDemoTalents(count, seed) {
      const worker = wrapWorker<DemoWorkerApi>(new (WorkerConstructor as new (options?: WorkerOptions) => Worker)({ name: 'bench-demo-seed' }));
      try {
        const result = await worker.call.addDemoTalents({ count, seed, note: 'bench' });
        if (!result.ok) throw new Error(result.error.message);
        return { added: result.value.added };
      } finally {
        worker.close();
      }
    },
  };
}

function firstLoader(modules: ModuleLoaders): [string, () => Promise<unknown>] | null {
  const entries = Object.entries(modules);
  return entries[0] ?? null;
}

async function loadAdapter<T>(
  label: string,
  modules: ModuleLoaders,
  adapt: (module: Record<string, unknown>) => T | null,
  notes: Record<string, string>,
): Promise<T | null> {
  const found = firstLoader(modules);
  if (!found) {
    notes[label] = 'not yet: module not in this build';
    return null;
  }
  const [path, load] = found;
  const module = (await load()) as Record<string, unknown>;
  const adapter = adapt(module);
  notes[label] = adapter ? `app: ${path}` : `not yet: ${path} lacks the expected export`;
  return adapter;
}

let cached: Promise<AppPaths> | null = null;

/** Loads the adapters of every app path this build contains (once per page). */
export function loadAppPaths(): Promise<AppPaths> {
  cached ??= (async () => {
    const notes: Record<string, string> = {};
    const importer = await loadAdapter<AppImportAdapter>('import', importModules, adaptImportWorker, notes);
    const repository = await loadAdapter<AppRepositoryAdapter>('repository', repositoryModules, () => null, notes);
    const demoSeeder = await loadAdapter<AppDemoSeeder>('demoSeeder', demoWorkerModules, adaptDemoWorker, notes);
    const search = await loadAdapter<AppSearchAdapter>('search', searchModules, adaptIndexClient, notes);
    const report = await loadAdapter<AppReportAdapter>('report', reportModules, adaptReport, notes);
    const exporter = await loadAdapter<AppExportAdapter>('export', exportModules, adaptExports, notes);
    const backup = await loadAdapter<AppBackupAdapter>('backup', backupModules, adaptBackups, notes);
    const roster = await loadAdapter<AppAreaAdapter>('roster', rosterModules, adaptAreaFunction('rosterImportAgainstRegistry'), notes);
    const titles = await loadAdapter<AppAreaAdapter>('titles', titlesModules, adaptAreaFunction('bulkTransition'), notes);
    return { importer, repository, demoSeeder, search, report, exporter, backup, roster, titles, notes };
  })();
  return cached;
}

/** Which app paths exist, for the harness's "not yet" column. */
export async function appPathAvailability(): Promise<AppPathAvailability> {
  const paths = await loadAppPaths();
  return {
    importPath: paths.importer !== null,
    talentRepository: paths.repository !== null,
    searchWorker: paths.search !== null,
    annualReport: paths.report !== null,
    exportPath: paths.exporter !== null,
    backupPath: paths.backup !== null,
    rosterPath: paths.roster !== null,
    titlesPath: paths.titles !== null,
    notes: paths.notes,
  };
}
