/**
 * The in-page benchmark API's contract, shared by the page (renderer/bench/benchApi.ts) and the
 * Node harness (bench/). Every input and result is plain JSON so it crosses `page.evaluate`.
 * Times are milliseconds from `performance.now()`; sizes are bytes.
 */

/** Name of the global the bench API is installed on (only on pages opened with `?bench=1`). */
export const BENCH_GLOBAL = '__talentLedgerBench';
/** Global holding the cold-start baseline read of a `?benchColdRead=1` page: `{ ms, rows, sinceNavigation }`. */
export const BENCH_COLD_READ_GLOBAL = '__talentLedgerBenchColdRead';

/** Which of the app's own code paths this build contains (the bench reports the rest as "not yet"). */
export interface AppPathAvailability {
  /** The app's spreadsheet import (parse, map, validate, dedup, commit). */
  importPath: boolean;
  /** The app's talent repository (bulk writes, first page of the list). */
  talentRepository: boolean;
  /** The app's search worker (what the talent list's search box calls). */
  searchWorker: boolean;
  /** The headcount report computation. */
  annualReport: boolean;
  /** The app's talent export to .xlsx. */
  exportPath: boolean;
  /** The app's backup and restore (renderer/data/backups.ts). */
  backupPath: boolean;
  /** B's roster import against the registry (renderer/bench/rosterPath.ts). */
  rosterPath: boolean;
  /** C's bulk transition of title applications (renderer/bench/titlesPath.ts). */
  titlesPath: boolean;
  /** A human note per path: which module was found, or why it was not used. */
  notes: Record<string, string>;
}

/** One timed run of a pipeline step with the longest main-thread task seen while it ran. */
export interface TimedRun {
  ms: number;
  /** Longest main-thread task (Long Tasks API) during the run; 0 when none over 50 ms. */
  longestTaskMs: number;
}

export interface FixtureInput {
  /** Path under the page origin that serves the fixture bytes (routed by the harness). */
  url: string;
}

export interface BulkAddInput {
  /** Database name; the baseline uses its own database with the app's schema. */
  databaseName: string;
  count: number;
  seed: number;
  /** Delete the database first (an empty table). */
  fresh: boolean;
}

export interface SeedInput {
  count: number;
  seed: number;
}

export interface SeedResult extends TimedRun {
  /** How the talents were stored: the app's repository, the app's demo-data worker, or bare Dexie in a worker. */
  via: 'app' | 'app-demo-data' | 'dexie-bulkAdd';
  stored: number;
}

export interface ImportInput extends FixtureInput {
  fileName: string;
}

export interface ImportRunResult extends TimedRun {
  /** Rows the app reported as added and updated (as the app counts them). */
  added: number;
  updated: number;
  /** Milliseconds per wizard step: load (hash, parse, validate), dryRun, commit, announce; plus any split the worker reports. */
  phases?: Record<string, number>;
}

export interface SearchInput {
  queries: string[];
  /** `YYYY-MM-DD` the ages are computed on. */
  today: string;
  /** Page size of the first page. */
  limit: number;
}

export interface FilterInput {
  filters: Array<{ district: string[]; category: string[] }>;
  today: string;
  limit: number;
}

/** Per-query times of one pass over the query list. */
export interface QueryTimes {
  /** ms per query, in query order. */
  times: number[];
  /** Results per query (total matches), to catch a path that silently matches nothing. */
  totals: number[];
  /** How long loading the index took before the queries (not part of the figure). */
  loadMs: number;
}

export interface ExportInput {
  /** How many talents to export (all stored talents when the app path is used). */
  count: number;
  seed: number;
  /** `YYYY-MM-DD` of the export (the app's file name and age bands). */
  today: string;
  /**
   * App export only: where its rows come from. `index` (default): the list's search index, loaded
   * before the timing starts, as when the clerk presses 导出 on 人才库. `database`: the index
   * stopped, so the export reads IndexedDB (an export before the list has loaded).
   */
  source?: 'index' | 'database';
}

export interface ExportRunResult extends TimedRun {
  bytes: number;
  /** The app export only: where the export's own workers spent the time (informational). */
  split?: string;
}

export interface ReportInput {
  year: number;
}

/** One `createBackup('manual')` of the whole database. */
export interface BackupRunResult extends TimedRun {
  /** File name in the backup folder. */
  name: string;
  fileBytes: number;
  /** Rows of every table in the backup. */
  rows: number;
}

/** One restore of a backup by name (`restoreNamedBackup`), with the app's own split of its time. */
export interface RestoreRunResult extends TimedRun {
  verifyMs: number;
  preRestoreMs: number;
  replaceMs: number;
  rows: number;
  /** The backup of the data as it was before (written by the restore). */
  preRestoreName: string;
}

/** Input of another area's bench adapter: how many rows to make and against how many stored talents. */
export interface AdapterInput {
  rows?: number;
  count?: number;
  seed: number;
  registrySize: number;
}

/** One timed run of another area's adapter. */
export interface AdapterRunResult extends TimedRun {
  /** What the adapter reported (counts), for the figure's note. */
  detail?: string;
}

/** The API the harness calls on the page. Methods the app does not support yet are still present and reject with `NOT_YET: …`. */
export interface BenchApi {
  /** The URL of this module (for loading the API alone on a page without the app). */
  readonly moduleUrl: string;
  availability(): Promise<AppPathAvailability>;
  /** Stores operator settings so the app skips its first-run page. */
  completeFirstRun(input: { operatorName: string }): Promise<void>;
  /** Deletes the app's database and the baseline database (the page should be reloaded afterwards). */
  deleteDatabases(input: { baselineName: string }): Promise<void>;
  countTalents(): Promise<number>;

  /** Baseline: SheetJS `read` + `sheet_to_json` of the fixture bytes in a worker. */
  baselineParse(input: FixtureInput): Promise<TimedRun>;
  /** Baseline: generate `count` demo talents (untimed) and time Dexie `bulkAdd` in a worker. */
  baselineBulkAdd(input: BulkAddInput): Promise<TimedRun>;
  /** Baseline: the app's xlsx writer alone writes `count` demo talents' cells in a worker (the raw writer). */
  baselineWrite(input: ExportInput): Promise<ExportRunResult>;
  /** Reference: SheetJS writes the same cells as .xlsx in a worker. */
  sheetJsWrite(input: ExportInput): Promise<ExportRunResult>;
  /** Baseline for cold start: bare Dexie opens the app's database and reads the first page. */
  baselineFirstPage(input: { limit: number }): Promise<{ ms: number; rows: number }>;

  /** Stores `count` demo talents in the app's database (the app's bulk path when present). */
  seedTalents(input: SeedInput): Promise<SeedResult>;
  /** The app's import of the fixture, committed into the app's database. */
  appImport(input: ImportInput): Promise<ImportRunResult>;
  /** The app's search path: each query to the first page of results. */
  appSearch(input: SearchInput): Promise<QueryTimes>;
  /** The search index alone (shared/search/talentSearch.ts) in a worker, over the stored talents. */
  indexSearch(input: SearchInput): Promise<QueryTimes>;
  /** Filter change recount through the app's search path. */
  appFilter(input: FilterInput): Promise<QueryTimes>;
  /** Filter recount through the search index alone. */
  indexFilter(input: FilterInput): Promise<QueryTimes>;
  /** The annual headcount report computation (`detail`: what the report path said, e.g. its in-worker time). */
  appReport(input: ReportInput): Promise<AdapterRunResult>;
  /** The annual report workbook export (the reports page's 导出). */
  appReportWorkbook(input: ReportInput): Promise<AdapterRunResult>;
  /** The app's export of all stored talents to .xlsx. */
  appExport(input: ExportInput): Promise<ExportRunResult>;
  /** `createBackup('manual')` of the whole database through renderer/data/backups.ts. */
  appBackup(): Promise<BackupRunResult>;
  /** `restoreNamedBackup(name)`: verify, pre-restore backup, replace every table. */
  appRestore(input: { name: string }): Promise<RestoreRunResult>;
  /** Removes backup files the bench wrote (not timed, no audit entry). */
  deleteBackups(input: { names: string[] }): Promise<void>;
  /** B's roster import of `rows` rows against the stored registry (renderer/bench/rosterPath.ts). */
  appRosterImport(input: AdapterInput): Promise<AdapterRunResult>;
  /** C's bulk transition of `count` applications (renderer/bench/titlesPath.ts). */
  appBulkTransition(input: AdapterInput): Promise<AdapterRunResult>;
  /**
   * Runs the app's daily start-up backup now if it is due (it would otherwise start a few seconds
   * after the app opens, in the middle of a measurement), and waits for it. Not timed.
   */
  settleDailyBackup(): Promise<void>;
  /** Resolves once the app's background loading is done (the list's search index loaded), so "at rest" means at rest. */
  waitForAppIdle(input: { today: string }): Promise<void>;
  /** Ends workers the API started and drops in-memory indexes. */
  release(): Promise<void>;
}

/** Prefix of the error message of a method whose app path does not exist yet. */
export const NOT_YET = 'NOT_YET';
