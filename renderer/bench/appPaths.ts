/**
 * Where the bench finds the app's own code paths. Each path is loaded lazily through
 * `import.meta.glob`, so a module that does not exist yet leaves an empty match (the path is
 * reported "not yet") instead of breaking the build. When a feature lands, its adapter here is the
 * one place that learns its API; the measurements in bench/ do not change.
 */
import { wrapWorker } from '../workers/rpc';
import type { AppPathAvailability } from './api';

/** The app's import as the bench drives it: bytes of a talents workbook in, counts out. */
export interface AppImportAdapter {
  importTalents(bytes: Uint8Array, fileName: string): Promise<{ added: number; updated: number }>;
}

/** The app's search as the talent list drives it: one query to its first page. */
export interface AppSearchAdapter {
  /** Prepares the search (e.g. starts the worker and loads the index); not part of the figures. */
  prepare(): Promise<void>;
  search(text: string, limit: number): Promise<{ total: number }>;
  filter(filter: { district: string[]; category: string[] }, limit: number): Promise<{ total: number }>;
  dispose(): Promise<void>;
}

export interface AppRepositoryAdapter {
  /** Stores talents through the app's bulk path. */
  bulkStore(talents: readonly import('../../shared/talent/talent').Talent[]): Promise<void>;
}

export interface AppReportAdapter {
  headcountReport(year: number): Promise<unknown>;
}

export interface AppExportAdapter {
  /** Exports every stored talent; returns the file's size in bytes. */
  exportAllTalents(): Promise<number>;
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
  notes: Record<string, string>;
}

type ModuleLoaders = Record<string, () => Promise<unknown>>;

// Candidate modules of features being built; an empty match means "not yet".
const importModules: ModuleLoaders = import.meta.glob(['../features/import/talentImport.ts']);
const repositoryModules: ModuleLoaders = import.meta.glob(['../data/talentRepository.ts']);
const searchModules: ModuleLoaders = import.meta.glob(['../data/talentSearchClient.ts']);
const reportModules: ModuleLoaders = import.meta.glob(['../features/reports/headcountReport.ts']);
const exportModules: ModuleLoaders = import.meta.glob(['../features/export/talentExport.ts']);
// The settings page's demo-data worker, as a worker constructor (never imported into this thread).
const demoWorkerModules: ModuleLoaders = import.meta.glob(['../features/settings/demoData.worker.ts'], { query: '?worker' });

/** The demo worker's one method the bench calls, as its RPC declares it (a Result value). */
interface DemoWorkerApi {
  addDemoTalents(input: { count: number; seed: number; note: string }): Promise<{ ok: true; value: { added: number } } | { ok: false; error: { message: string } }>;
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
    const importer = await loadAdapter<AppImportAdapter>('import', importModules, () => null, notes);
    const repository = await loadAdapter<AppRepositoryAdapter>('repository', repositoryModules, () => null, notes);
    const demoSeeder = await loadAdapter<AppDemoSeeder>('demoSeeder', demoWorkerModules, adaptDemoWorker, notes);
    const search = await loadAdapter<AppSearchAdapter>('search', searchModules, () => null, notes);
    const report = await loadAdapter<AppReportAdapter>('report', reportModules, () => null, notes);
    const exporter = await loadAdapter<AppExportAdapter>('export', exportModules, () => null, notes);
    return { importer, repository, demoSeeder, search, report, exporter, notes };
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
    notes: paths.notes,
  };
}
