/**
 * THE table of measurements (issue #5). Each entry has an id (for `--only`), a title, and a `run`
 * that returns figures; adding a measurement is one entry here. Figures whose app path does not
 * exist yet are returned with `summary: null` and a note — never estimated.
 */
import type { AdapterRunResult, AppPathAvailability, BackupRunResult, ImportRunResult, QueryTimes, RestoreRunResult, TimedRun } from '../renderer/bench/api';
import { talentWorkbook } from './fixtures';
import { filterChanges, searchQueries } from './queries';
import { BASELINE_DATABASE, isNotYet, TALENT_FILTER_CHANGES, TALENT_ROW_SELECTOR, type BenchSession } from './session';
import { distribution, summarize, type Summary } from './stats';

export type Unit = 'ms' | 'rows/s' | 'MiB' | '×';

/** A target from the issue: the headline statistic must be at most `max` (checked at 300,000). */
export interface Target {
  max: number;
  /** Which statistic is compared. */
  statistic: 'median' | 'p95' | 'max';
  text: string;
}

export interface Figure {
  /** Stable key for comparing result files, e.g. `search.index.ms`. */
  key: string;
  label: string;
  unit: Unit;
  /** Null: not measured (the app path does not exist yet); `note` says why. */
  summary: Summary | null;
  /** Present for many-sample timings (queries): p50 and p95 over all samples. */
  p50?: number;
  p95?: number;
  target?: Target;
  note?: string;
}

export interface MeasureContext {
  session: BenchSession;
  size: number;
  repeat: number;
  /** Runs of the heavy sections (import, backup, roster, titles) at {@link HEAVY_SIZE} talents and more. */
  heavyRepeat: number;
  /** Restore the backup at {@link HEAVY_SIZE_WHOLE_DATABASE} talents and more too (`--large-restore`). */
  largeRestore: boolean;
  seed: number;
  availability: AppPathAvailability;
  /** How long a cold start waits for the first talent rows before calling the list "not yet". */
  listTimeoutMs: number;
  log(line: string): void;
  /** Memoised per size: one computation shared by several measurements (e.g. the import runs). */
  shared<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** True when {@link shared} has run `key` for this size. */
  memoised(key: string): boolean;
}

export interface MeasurementDef {
  id: MeasurementId;
  title: string;
  /** Milliseconds per talent per run its time limit allows (default 2); see defaultSectionTimeoutMs in harness.ts. */
  budgetMsPerRow?: number;
  run(context: MeasureContext): Promise<Figure[]>;
}

export const MEASUREMENT_IDS = ['import', 'responsiveness', 'search', 'filter', 'onScreen', 'report', 'export', 'coldStart', 'memory', 'backup', 'roster', 'titles'] as const;
export type MeasurementId = (typeof MEASUREMENT_IDS)[number];

/** Rows in the warm-up runs (JIT and caches warm without paying for N rows twice). */
const WARM_UP_ROWS = 1000;
/** First page of the talent list. */
const PAGE_SIZE = 50;
/** The day ages are computed on in search and filter queries (the demo data's reference date). */
const QUERY_DAY = '2026-06-30';
const MIB = 1024 * 1024;

function notYet(key: string, label: string, unit: Unit, note: string, target?: Target): Figure {
  return { key, label, unit, summary: null, note, ...(target ? { target } : {}) };
}

function figure(key: string, label: string, unit: Unit, samples: number[], extra: Partial<Figure> = {}): Figure {
  return { key, label, unit, summary: summarize(samples), ...extra };
}

/** Many timings of one kind (ms), with p50 and p95 over all of them. */
function samplesFigure(key: string, label: string, samples: number[], extra: Partial<Figure> = {}): Figure {
  const stats = distribution(samples);
  return { key, label, unit: 'ms', summary: { median: stats.median, min: stats.min, max: stats.max, samples }, p50: stats.p50, p95: stats.p95, ...extra };
}

function queryFigure(key: string, label: string, passes: QueryTimes[], extra: Partial<Figure> = {}): Figure {
  const all = passes.flatMap((pass) => pass.times);
  const loads = summarize(passes.map((pass) => pass.loadMs));
  return samplesFigure(key, label, all, { note: `${all.length} timings (${passes.length} passes); loading took ${loads.median.toFixed(0)} ms before the first pass`, ...extra });
}

/** Stores N demo talents unless the app's database already holds exactly N (e.g. after the import runs). */
async function ensureSeeded(context: MeasureContext): Promise<string> {
  const { session, size, seed } = context;
  await session.openApp();
  const stored = await session.call('countTalents', undefined as never);
  // The first app start with talents stored finds the day's backup due; it runs here, not mid-measurement.
  if (stored > 0) await session.call('settleDailyBackup', undefined as never);
  if (stored === size) return 'talents stored by the import runs';
  // The roster section (last) adds the new people of its rosters; a section after it keeps them.
  if (stored > size && context.memoised('rosterRan')) return `the talents of the import runs plus ${(stored - size).toLocaleString('en-US')} added by the roster section`;
  return context.shared('seed', async () => {
    if (stored !== 0) await session.resetDatabases();
    context.log(`  seeding ${size.toLocaleString('en-US')} talents…`);
    const seeded = await session.call('seedTalents', { count: size, seed });
    await session.openApp();
    await session.call('settleDailyBackup', undefined as never);
    const how =
      seeded.via === 'app'
        ? "the app's repository"
        : seeded.via === 'app-demo-data'
          ? "the app's demo-data worker (设置 → 演示数据)"
          : "bare Dexie bulkPut in a worker (the app's bulk path is not in this build yet)";
    context.log(`  seeded ${seeded.stored.toLocaleString('en-US')} via ${how} in ${(seeded.ms / 1000).toFixed(1)} s`);
    return `talents seeded via ${how}`;
  });
}

interface ImportRepeat {
  appEmpty: ImportRunResult | null;
  appUpdate: ImportRunResult | null;
  appEmptyPeakBytes: number | null;
  parse: TimedRun;
  bulkAdd: TimedRun;
  baselinePeakBytes: number;
}

interface ImportRuns {
  repeats: ImportRepeat[];
  appNote: string | null;
}

/** Talents from which the import section runs `--heavy-repeat` times (default 1), not `--repeat`. */
export const HEAVY_SIZE = 100_000;
/**
 * Talents from which backup + restore, titles and the 30,000-row roster run `--heavy-repeat` times:
 * one run takes 10–80 s at 30,000 on this machine, and three (plus a warm-up) would not fit the
 * 5-minute budget of a 30,000-talent run.
 */
export const HEAVY_SIZE_WHOLE_DATABASE = 10_000;

/** Runs of a heavy section (from `from` talents). */
function heavyRepeat(context: MeasureContext, from: number = HEAVY_SIZE): number {
  return context.size >= from ? Math.min(context.repeat, context.heavyRepeat) : context.repeat;
}

/** Said under a heavy section's first figure when it ran fewer times than `--repeat`. */
function heavyNote(context: MeasureContext, from: number = HEAVY_SIZE): string {
  const runs = heavyRepeat(context, from);
  return runs < context.repeat ? `${runs} run${runs === 1 ? '' : 's'} (not ${context.repeat}): at ${from.toLocaleString('en-US')} talents and more one run takes long (--heavy-repeat)` : '';
}

/** The import wizard's page: the app imports run there. */
const IMPORT_PAGE = '#/import';

/** Warm-up, then `repeat` × (app import into empty, app import as updates, baseline parse, baseline bulkAdd). */
async function runImports(context: MeasureContext): Promise<ImportRuns> {
  const { session, size, seed } = context;
  context.log(`  preparing the ${size.toLocaleString('en-US')}-row workbooks (cached in bench/.cache, not timed)…`);
  const fixture = talentWorkbook(size, seed);
  const fixtureUrl = session.addFixture(fixture.name, fixture.bytes);
  const revised = talentWorkbook(size, seed, 'revised');
  const revisedUrl = session.addFixture(revised.name, revised.bytes);
  const warm = talentWorkbook(Math.min(WARM_UP_ROWS, size), seed);
  const warmUrl = session.addFixture(warm.name, warm.bytes);
  let appNote: string | null = context.availability.importPath ? null : (context.availability.notes.import ?? 'not yet');

  const appImport = async (url: string, fileName: string): Promise<ImportRunResult | null> => {
    if (appNote) return null;
    try {
      return await session.call('appImport', { url, fileName });
    } catch (error) {
      if (!isNotYet(error)) throw error;
      appNote = (error as Error).message;
      return null;
    }
  };

  // The imports run on the import page, where the wizard runs them. Not on the 工作台: after every
  // commit it counts the talents again and has the report worker reload all N of them, which at
  // 300,000 competed with the next import (and the baselines) for the machine's two cores.
  await session.openApp(IMPORT_PAGE);
  // Warm-up: every path once on a small file, unrecorded (each run below starts from empty databases).
  await appImport(warmUrl, warm.name);
  await session.call('baselineParse', { url: warmUrl });
  await session.call('baselineBulkAdd', { databaseName: BASELINE_DATABASE, count: Math.min(WARM_UP_ROWS, size), seed, fresh: true });

  const repeats: ImportRepeat[] = [];
  const runs = heavyRepeat(context);
  for (let run = 0; run < runs; run += 1) {
    context.log(`  import run ${run + 1}/${runs}`);
    await session.resetDatabases(IMPORT_PAGE);
    let appEmpty: ImportRunResult | null = null;
    let appEmptyPeakBytes: number | null = null;
    if (!appNote) {
      const measured = await (await session.heap()).peakDuring(() => appImport(fixtureUrl, fixture.name));
      appEmpty = measured.value;
      appEmptyPeakBytes = appEmpty ? measured.peakBytes : null;
    }
    const appUpdate = await appImport(revisedUrl, revised.name);
    if (appEmpty && appUpdate) {
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      context.log(`    app import: ${appEmpty.added} added in ${seconds(appEmpty.ms)}, then ${appUpdate.updated} updated in ${seconds(appUpdate.ms)} (of ${size})`);
      const split = (run: ImportRunResult) => Object.entries(run.phases ?? {}).map(([phase, ms]) => `${phase} ${seconds(ms)}`).join(', ');
      context.log(`      empty: ${split(appEmpty)}`);
      context.log(`      updates: ${split(appUpdate)}`);
    }
    const baseline = await (await session.heap()).peakDuring(async () => {
      const parse = await session.call('baselineParse', { url: fixtureUrl });
      const bulkAdd = await session.call('baselineBulkAdd', { databaseName: BASELINE_DATABASE, count: size, seed, fresh: true });
      return { parse, bulkAdd };
    });
    context.log(`    baseline: parse ${(baseline.value.parse.ms / 1000).toFixed(1)} s, bulkAdd ${(baseline.value.bulkAdd.ms / 1000).toFixed(1)} s`);
    repeats.push({ appEmpty, appUpdate, appEmptyPeakBytes, ...baseline.value, baselinePeakBytes: baseline.peakBytes });
  }
  // The later sections start where they always did.
  await session.openApp();
  return { repeats, appNote };
}

function importRuns(context: MeasureContext): Promise<ImportRuns> {
  return context.shared('importRuns', () => runImports(context));
}

function present<T>(values: (T | null)[]): T[] | null {
  return values.every((value) => value !== null) ? (values as T[]) : null;
}

const importMeasurement: MeasurementDef = {
  id: 'import',
  title: '1. Import (parse, map, validate, dedup, commit)',
  // Per run: the app's import twice, then SheetJS and bulkAdd.
  budgetMsPerRow: 8,
  async run(context) {
    const { repeats, appNote } = await importRuns(context);
    const size = context.size;
    const baseline = repeats.map((r) => r.parse.ms + r.bulkAdd.ms);
    const empty = present(repeats.map((r) => r.appEmpty?.ms ?? null));
    const update = present(repeats.map((r) => r.appUpdate?.ms ?? null));
    const note = appNote ?? undefined;
    const ratioTarget: Target = { max: 1.5, statistic: 'median', text: '≤ 1.5× baseline' };
    return [
      empty ? figure('import.app.empty.ms', 'app import, empty database', 'ms', empty, heavyNote(context) ? { note: heavyNote(context) } : {}) : notYet('import.app.empty.ms', 'app import, empty database', 'ms', note ?? 'not yet'),
      update ? figure('import.app.update.ms', 'app import, same people (updates)', 'ms', update, { note: `the same people with a new 备注 on every row` }) : notYet('import.app.update.ms', 'app import, same people (updates)', 'ms', note ?? 'not yet'),
      figure('import.baseline.parse.ms', 'baseline: SheetJS read + sheet_to_json (worker)', 'ms', repeats.map((r) => r.parse.ms)),
      figure('import.baseline.bulkAdd.ms', "baseline: Dexie bulkAdd, app's indexes (worker)", 'ms', repeats.map((r) => r.bulkAdd.ms)),
      figure('import.baseline.total.ms', 'baseline: parse + bulkAdd', 'ms', baseline),
      empty
        ? figure('import.ratio.empty', 'ratio app (empty) / (parse + bulkAdd)', '×', empty.map((ms, i) => ms / (baseline[i] as number)), { target: ratioTarget })
        : notYet('import.ratio.empty', 'ratio app (empty) / (parse + bulkAdd)', '×', note ?? 'not yet', ratioTarget),
      update
        ? figure('import.ratio.update', 'ratio app (updates) / (parse + bulkAdd)', '×', update.map((ms, i) => ms / (baseline[i] as number)))
        : notYet('import.ratio.update', 'ratio app (updates) / (parse + bulkAdd)', '×', note ?? 'not yet'),
      empty ? figure('import.app.empty.rowsPerSecond', 'app rows/s, empty database', 'rows/s', empty.map((ms) => (size * 1000) / ms)) : notYet('import.app.empty.rowsPerSecond', 'app rows/s, empty database', 'rows/s', note ?? 'not yet'),
      update ? figure('import.app.update.rowsPerSecond', 'app rows/s, updates', 'rows/s', update.map((ms) => (size * 1000) / ms)) : notYet('import.app.update.rowsPerSecond', 'app rows/s, updates', 'rows/s', note ?? 'not yet'),
      figure('import.baseline.rowsPerSecond', 'baseline rows/s (parse + bulkAdd)', 'rows/s', baseline.map((ms) => (size * 1000) / ms)),
    ];
  },
};

const responsivenessMeasurement: MeasurementDef = {
  id: 'responsiveness',
  title: '2. UI responsiveness during import',
  budgetMsPerRow: 8,
  async run(context) {
    const { repeats, appNote } = await importRuns(context);
    const target: Target = { max: 100, statistic: 'max', text: '≤ 100 ms' };
    const app = present(repeats.map((r) => r.appEmpty?.longestTaskMs ?? null));
    return [
      app
        ? figure('responsiveness.import.longestTask.ms', 'longest main-thread task, app import', 'ms', app, { target })
        : notYet('responsiveness.import.longestTask.ms', 'longest main-thread task, app import', 'ms', appNote ?? 'not yet', target),
      figure('responsiveness.baseline.longestTask.ms', 'longest main-thread task, baseline parse + bulkAdd', 'ms', repeats.map((r) => Math.max(r.parse.longestTaskMs, r.bulkAdd.longestTaskMs)), {
        note: 'both baselines run in a worker; the page only waits',
      }),
    ];
  },
};

async function queryPasses(context: MeasureContext, pass: () => Promise<QueryTimes>): Promise<QueryTimes[]> {
  await pass(); // warm-up pass, unrecorded
  const passes: QueryTimes[] = [];
  for (let run = 0; run < context.repeat; run += 1) passes.push(await pass());
  const empty = passes[0]?.totals.filter((total) => total === 0).length ?? 0;
  if (empty > 0) context.log(`  note: ${empty} queries matched nothing`);
  return passes;
}

/** Search and filter: the app's path (target) and the index alone, over the same queries, then release. */
function queryMeasurement(spec: {
  id: 'search' | 'filter';
  title: string;
  target: Target;
  appLabel: string;
  indexLabel: string;
  passes: (context: MeasureContext, path: 'app' | 'index') => Promise<QueryTimes>;
}): MeasurementDef {
  return {
    id: spec.id,
    title: spec.title,
    async run(context) {
      const seededNote = await ensureSeeded(context);
      const figures: Figure[] = [];
      if (context.availability.searchWorker) {
        const passes = await queryPasses(context, () => spec.passes(context, 'app'));
        figures.push(queryFigure(`${spec.id}.app.ms`, spec.appLabel, passes, { target: spec.target }));
      } else {
        figures.push(notYet(`${spec.id}.app.ms`, spec.appLabel, 'ms', context.availability.notes.search ?? 'not yet', spec.target));
      }
      const indexFigure = queryFigure(`${spec.id}.index.ms`, spec.indexLabel, await queryPasses(context, () => spec.passes(context, 'index')));
      indexFigure.note = `${indexFigure.note}; ${seededNote}`;
      figures.push(indexFigure);
      await context.session.call('release', undefined as never);
      return figures;
    },
  };
}

const searchMeasurement = queryMeasurement({
  id: 'search',
  title: '3. Search: 200 mixed queries to the first page',
  target: { max: 50, statistic: 'p95', text: 'p95 ≤ 50 ms' },
  appLabel: "app search (the list's search path)",
  indexLabel: 'search (index only): TalentSearchIndex in a worker',
  passes(context, path) {
    const input = { queries: searchQueries(context.size, context.seed), today: QUERY_DAY, limit: PAGE_SIZE };
    return context.session.call(path === 'app' ? 'appSearch' : 'indexSearch', input);
  },
});

const filterMeasurement = queryMeasurement({
  id: 'filter',
  title: '4. Filter change (district + category) recount',
  target: { max: 200, statistic: 'p95', text: 'p95 ≤ 200 ms' },
  appLabel: 'app filter recount',
  indexLabel: 'filter recount (index only): TalentSearchIndex in a worker',
  passes(context, path) {
    const input = { filters: filterChanges(context.size, context.seed), today: QUERY_DAY, limit: PAGE_SIZE };
    return context.session.call(path === 'app' ? 'appFilter' : 'indexFilter', input);
  },
});

/** Queries typed into the list's search box (issue #3's three kinds), one keystroke per entry. */
const TYPED_QUERIES: Record<'name' | 'pinyin' | 'idTail', readonly string[]> = {
  // Chinese arrives as committed IME text: one character per commit.
  name: ['张', '王', '李娜', '陈', '刘', '王芳', '赵', '孙', '周', '黄'],
  pinyin: ['zs', 'wxm', 'lw', 'cj', 'ly', 'zhangs', 'wangf', 'lj', 'zy', 'hl'],
  idTail: ['1234', '5678', '0011', '2345', '6789', '101X', '9012', '3456', '0001', '8765'],
};
/** Typing rhythm: pauses after a keystroke's rows appear (a fast typist's 4–10 keys a second). */
const TYPING_PAUSES_MS = [120, 180, 90, 240, 150, 200, 110, 160];

/** The first `perKind` queries of each kind, typed from an empty box character by character, then cleared (the clearing is a keystroke too). */
function typedKeystrokes(perKind: number): string[][] {
  return Object.values(TYPED_QUERIES)
    .flatMap((queries) => queries.slice(0, perKind))
    .map((query) => [...Array.from(query), 'clear']);
}

/** The list's data-index-load attribute in a few words: where the index came from and how long it took. */
function describeIndexLoad(attribute: string): string {
  try {
    const load = JSON.parse(attribute) as { from?: string; readMs?: number; buildMs?: number };
    return `from the ${load.from ?? '?'} in ${(((load.readMs ?? 0) + (load.buildMs ?? 0)) / 1000).toFixed(1)} s`;
  } catch {
    return 'load not reported';
  }
}

const onScreenMeasurement: MeasurementDef = {
  id: 'onScreen',
  title: '4b. The talent list on screen: keystroke → rows painted, filter → recount painted, scrolling',
  async run(context) {
    const seededNote = await ensureSeeded(context);
    const keystrokes: number[] = [];
    const workers: number[] = [];
    const answers: number[] = [];
    const filters: number[] = [];
    const longest: number[] = [];
    const indexLoads: string[] = [];
    let over50 = 0;
    // One run types 110 keystrokes (52 below 100,000 talents, to keep the 30,000 run in its five
    // minutes): enough for a p95, so the section runs like a heavy one (--heavy-repeat).
    const runs = heavyRepeat(context, HEAVY_SIZE_WHOLE_DATABASE);
    const perKind = context.size >= HEAVY_SIZE ? 10 : 5;
    for (let run = 0; run < runs; run += 1) {
      const result = await context.session.listOnScreen({
        typing: typedKeystrokes(perKind),
        filters: TALENT_FILTER_CHANGES,
        pauseMs: TYPING_PAUSES_MS,
        settleMs: 2_000,
        timeoutMs: Math.max(context.listTimeoutMs, 300_000),
      });
      indexLoads.push(describeIndexLoad(result.indexLoad));
      keystrokes.push(...result.keystrokeMs);
      workers.push(...result.keystrokeWorkerMs.filter((ms) => Number.isFinite(ms)));
      answers.push(...result.keystrokeAnswerMs.filter((ms) => Number.isFinite(ms)));
      filters.push(...result.filterMs);
      longest.push(Math.max(0, ...result.scrollLongTasksMs));
      over50 += result.scrollLongTasksMs.length;
    }
    await context.session.openApp();
    const runsText = `${runs} run${runs === 1 ? '' : 's'}`;
    const fewerRuns = heavyNote(context, HEAVY_SIZE_WHOLE_DATABASE);
    const runNote = `${runsText} (index ${indexLoads.join('; ')})${fewerRuns ? ` — ${fewerRuns}` : ''}`;
    const workerStats = workers.length > 0 ? distribution(workers) : null;
    const answerStats = answers.length > 0 ? distribution(answers) : null;
    return [
      samplesFigure('onScreen.keystroke.ms', "search as you type in 人才库: key event → the frame that painted that query's first rows", keystrokes, {
        target: { max: 50, statistic: 'p95', text: 'p95 ≤ 50 ms (issue #3)' },
        note:
          `${keystrokes.length} keystrokes in ${runNote}: ${perKind} names, ${perKind} pinyin initials, ${perKind} ID tails, typed character by character, each then cleared` +
          (answerStats ? `; the query's answer reached the page after p50 ${answerStats.p50.toFixed(1)} ms, p95 ${answerStats.p95.toFixed(1)} ms` : '') +
          (workerStats ? ` (the index worker's own time p50 ${workerStats.p50.toFixed(1)} ms, p95 ${workerStats.p95.toFixed(1)} ms); the rest is rendering and painting` : '') +
          `; ${seededNote}`,
      }),
      samplesFigure('onScreen.filter.ms', "filter change in 人才库 (district, category): the list's measure, change → recounted rows painted", filters, {
        target: { max: 200, statistic: 'p95', text: 'p95 ≤ 200 ms (issue #3)' },
        note: `${filters.length} changes in ${runsText}`,
      }),
      figure('onScreen.scroll.longestTaskMs', 'scrolling 人才库 top → bottom → top (30 wheel steps, 82 jumps): longest main-thread task', 'ms', longest, {
        target: { max: 50, statistic: 'max', text: 'no task over 50 ms (issue #3)' },
        note: `${over50} task${over50 === 1 ? '' : 's'} over 50 ms in ${runsText} (the long-task observer reports tasks over 50 ms only; 0: none)`,
      }),
    ];
  },
};

const reportMeasurement: MeasurementDef = {
  id: 'report',
  title: '5. Annual headcount report',
  async run(context) {
    const target: Target = { max: 500, statistic: 'median', text: '≤ 500 ms' };
    if (!context.availability.annualReport) {
      return [notYet('report.app.ms', 'headcount report for one year', 'ms', context.availability.notes.report ?? 'not yet', target)];
    }
    await ensureSeeded(context);
    const year = 2025;
    await context.session.call('appReport', { year });
    const samples: number[] = [];
    let detail = '';
    for (let run = 0; run < context.repeat; run += 1) {
      const result = await context.session.call('appReport', { year });
      samples.push(result.ms);
      detail = result.detail ?? '';
    }
    const workbookSamples: number[] = [];
    let workbookDetail = '';
    for (let run = 0; run < context.repeat; run += 1) {
      const result = await context.session.call('appReportWorkbook', { year });
      workbookSamples.push(result.ms);
      workbookDetail = result.detail ?? '';
    }
    return [
      figure('report.app.ms', `headcount report for ${year}: the reports page's call, worker round trip included`, 'ms', samples, { target, ...(detail ? { note: detail } : {}) }),
      figure('report.workbook.ms', `report workbook for ${year}: 导出 (figures, data checksum, .xlsx)`, 'ms', workbookSamples, workbookDetail ? { note: workbookDetail } : {}),
    ];
  },
};

const exportMeasurement: MeasurementDef = {
  id: 'export',
  title: '6. Export all talents to .xlsx',
  async run(context) {
    const { session, size, seed, repeat } = context;
    const target: Target = { max: 1.3, statistic: 'median', text: '≤ 1.3× raw writer' };
    const input = { count: size, seed, today: QUERY_DAY };
    const warm = { count: Math.min(WARM_UP_ROWS, size), seed, today: QUERY_DAY };
    await session.call('baselineWrite', warm);
    await session.call('sheetJsWrite', warm);
    const hasApp = context.availability.exportPath;
    const seededNote = hasApp ? await ensureSeeded(context) : '';
    if (hasApp) await session.call('appExport', warm);
    const raw: number[] = [];
    const sheetJs: number[] = [];
    const app: number[] = [];
    const splits: string[] = [];
    // Interleaved per repeat, so a slow spell of the machine hits the app and its baseline alike.
    for (let run = 0; run < repeat; run += 1) {
      if (hasApp) {
        const result = await session.call('appExport', input);
        app.push(result.ms);
        if (result.split) splits.push(result.split);
      }
      raw.push((await session.call('baselineWrite', input)).ms);
    }
    // The export before the list's index has loaded reads IndexedDB: informational, one run.
    const fromDatabase = hasApp ? await session.call('appExport', { ...input, source: 'database' }) : undefined;
    // SheetJS is a reference for scale with no target: one run (≈ 40 s at 300,000) is enough.
    sheetJs.push((await session.call('sheetJsWrite', input)).ms);
    const rawFigure = figure('export.baseline.ms', "raw writer: the app's xlsx writer alone, same cells (worker)", 'ms', raw);
    const sheetJsFigure = figure('export.sheetjs.ms', 'reference: SheetJS aoa_to_sheet + write, same cells (worker)', 'ms', sheetJs, repeat > 1 ? { note: `1 run (not ${repeat}): a reference for scale, no target` } : {});
    if (!hasApp) {
      return [
        notYet('export.app.ms', 'app export', 'ms', context.availability.notes.export ?? 'not yet'),
        rawFigure,
        sheetJsFigure,
        notYet('export.ratio', 'ratio app / raw writer', '×', context.availability.notes.export ?? 'not yet', target),
      ];
    }
    // The same median as the raw writer's figure shows.
    const rawMedian = summarize(raw).median;
    return [
      figure('export.app.ms', "app export: the list's export of all N talents, every column (rows from the list's loaded search index)", 'ms', app, {
        note: splits.length > 0 ? `${seededNote}; the app's own split per run: ${splits.map((split, run) => `(${run + 1}) ${split}`).join('; ')}` : seededNote,
      }),
      ...(fromDatabase
        ? [
            figure('export.fromDatabase.ms', 'app export before the list has loaded: the rows read from IndexedDB (1 run)', 'ms', [fromDatabase.ms], {
              note: `${(fromDatabase.ms / rawMedian).toFixed(2)}× the raw writer's median; ${fromDatabase.split ?? ''}`,
            }),
          ]
        : []),
      rawFigure,
      sheetJsFigure,
      figure('export.ratio', 'ratio app / raw writer', '×', app.map((ms, i) => ms / (raw[i] as number)), { target }),
    ];
  },
};

/** How long the app runs on 工作台 before the list is opened from the menu (start-up's own work has begun by then). */
const OPEN_LIST_SETTLE_MS = 3_000;

const coldStartMeasurement: MeasurementDef = {
  id: 'coldStart',
  title: '7. Cold start to the first talent rows',
  async run(context) {
    const { session, repeat } = context;
    const seededNote = await ensureSeeded(context);
    const target: Target = { max: 1.5, statistic: 'median', text: '≤ 1.5× bare Dexie' };
    // Warm-up: one unrecorded start of each (the OS file cache and Chromium's code cache fill).
    const listTimeout = context.listTimeoutMs;
    const probe = await session.coldStartApp(listTimeout);
    await session.coldStartBaseline();
    const baseline: number[] = [];
    const baselineNavigation: number[] = [];
    const app: number[] = [];
    for (let run = 0; run < repeat; run += 1) {
      if (probe !== null) {
        // The list exists (the probe saw rows): a slow start is a figure, not an absence.
        const ms = await session.coldStartApp(Math.max(listTimeout, 120_000));
        if (ms === null) throw new Error('the talent list painted rows in the warm-up but not within 120 s in a recorded run');
        app.push(ms);
      }
      const read = await session.coldStartBaseline();
      baseline.push(read.ms);
      baselineNavigation.push(read.sinceNavigation);
    }
    // Issue #3's "opening the list": from the menu of the running app, a few seconds after start-up.
    const openList: number[] = [];
    if (probe !== null) {
      for (let run = 0; run < repeat; run += 1) {
        const ms = await session.openListInApp(OPEN_LIST_SETTLE_MS, Math.max(listTimeout, 120_000));
        if (ms !== null) openList.push(ms);
      }
    }
    await session.openApp();
    const openListFigure =
      openList.length > 0
        ? figure('coldStart.openList.ms', `app running on 工作台 for ${OPEN_LIST_SETTLE_MS / 1000} s: click 人才库 → first talent rows painted`, 'ms', openList, {
            target: { max: 1000, statistic: 'median', text: '≤ 1 s (issue #3)' },
          })
        : null;
    const baselineFigure = figure('coldStart.baseline.ms', 'baseline: bare Dexie open + first page (50 rows)', 'ms', baseline, { note: seededNote });
    const navigationFigure = figure('coldStart.baselineNavigation.ms', 'baseline: navigation → bare Dexie first page (no app)', 'ms', baselineNavigation);
    if (probe === null) {
      const lastError = session.pageErrors.at(-1);
      const why = `not yet: no talent row (${TALENT_ROW_SELECTOR}) painted within ${listTimeout / 1000} s${lastError ? `; last page error: ${lastError}` : ''}`;
      return [
        notYet('coldStart.app.ms', 'app: navigation → first talent rows painted', 'ms', why),
        baselineFigure,
        navigationFigure,
        notYet('coldStart.ratio', 'ratio app / bare Dexie open + first page', '×', why, target),
        notYet('coldStart.ratioNavigation', 'ratio app / baseline from navigation', '×', why),
      ];
    }
    return [
      figure('coldStart.app.ms', 'app: navigation → first talent rows painted', 'ms', app),
      baselineFigure,
      navigationFigure,
      figure('coldStart.ratio', 'ratio app / bare Dexie open + first page', '×', app.map((ms, i) => ms / (baseline[i] as number)), { target }),
      figure('coldStart.ratioNavigation', 'ratio app / baseline from navigation', '×', app.map((ms, i) => ms / (baselineNavigation[i] as number)), {
        note: 'both from navigation start on a restarted browser; the baseline page loads only the bench chunk',
      }),
      ...(openListFigure ? [openListFigure] : []),
    ];
  },
};

const memoryMeasurement: MeasurementDef = {
  id: 'memory',
  title: '8. Memory (JS heap: page + workers)',
  // Runs the imports itself when the import section was not chosen.
  budgetMsPerRow: 8,
  async run(context) {
    const { repeats, appNote } = await importRuns(context);
    const target: Target = { max: 1024, statistic: 'max', text: '≤ 1 GiB' };
    const appPeaks = present(repeats.map((r) => r.appEmptyPeakBytes));
    await ensureSeeded(context);
    const rest: number[] = [];
    for (let run = 0; run < context.repeat; run += 1) {
      await context.session.openApp('#/talents');
      await context.session.call('waitForAppIdle', { today: QUERY_DAY });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await (await context.session.heap()).collectGarbage();
      rest.push((await (await context.session.heap()).usedBytes()) / MIB);
    }
    return [
      appPeaks
        ? figure('memory.import.peak.MiB', 'peak heap during app import', 'MiB', appPeaks.map((bytes) => bytes / MIB), { target })
        : notYet('memory.import.peak.MiB', 'peak heap during app import', 'MiB', appNote ?? 'not yet', target),
      figure('memory.baseline.peak.MiB', 'peak heap during baseline parse + bulkAdd', 'MiB', repeats.map((r) => r.baselinePeakBytes / MIB)),
      figure('memory.rest.MiB', 'heap at rest: talent list open and loaded, after GC', 'MiB', rest),
    ];
  },
};


const backupMeasurement: MeasurementDef = {
  id: 'backup',
  title: '9. Backup and restore of the whole database',
  budgetMsPerRow: 6,
  async run(context) {
    const { session } = context;
    if (!context.availability.backupPath) {
      const why = context.availability.notes.backup ?? 'not yet';
      return [notYet('backup.create.ms', 'backup (manual): read, encode, gzip, hash, store', 'ms', why), notYet('backup.restore.ms', 'restore of that backup', 'ms', why)];
    }
    const seededNote = await ensureSeeded(context);
    const runs = heavyRepeat(context, HEAVY_SIZE_WHOLE_DATABASE);
    const created: BackupRunResult[] = [];
    const restored: RestoreRunResult[] = [];
    // A restore replaces every table in one transaction: about 16 s at 30,000 talents and 4 minutes
    // at 300,000, more than the 5- and 30-minute budgets of the default runs leave. So from
    // HEAVY_SIZE_WHOLE_DATABASE talents it runs with --large-restore only (the smoke test restores).
    const restoring = context.size < HEAVY_SIZE_WHOLE_DATABASE || context.largeRestore;
    for (let run = 0; run < runs; run += 1) {
      const backup = await session.call('appBackup', undefined as never);
      created.push(backup);
      if (!restoring) {
        context.log(`  run ${run + 1}/${runs}: backup ${(backup.ms / 1000).toFixed(1)} s (${(backup.fileBytes / MIB).toFixed(1)} MiB); restore not run (--large-restore)`);
        await session.call('deleteBackups', { names: [backup.name] });
        continue;
      }
      const restore = await session.call('appRestore', { name: backup.name });
      context.log(`  run ${run + 1}/${runs}: backup ${(backup.ms / 1000).toFixed(1)} s (${(backup.fileBytes / MIB).toFixed(1)} MiB), restore ${(restore.ms / 1000).toFixed(1)} s`);
      restored.push(restore);
      // The files are not part of the figures; the next run (and the next section) start from the same folder.
      await session.call('deleteBackups', { names: [backup.name, restore.preRestoreName] });
    }
    const rowsOf = (run: BackupRunResult) => run.rows;
    const runsNote = [heavyNote(context, HEAVY_SIZE_WHOLE_DATABASE), 'no warm-up run (each run reads and writes the whole database)'].filter(Boolean).join('; ');
    return [
      figure('backup.create.ms', "backup (manual): createBackup('manual') — read every table, encode, gzip, hash, store", 'ms', created.map((r) => r.ms), { note: `${seededNote}; ${runsNote}` }),
      figure('backup.create.rowsPerSecond', 'backup rows/s (rows of every table)', 'rows/s', created.map((r) => (rowsOf(r) * 1000) / r.ms)),
      figure('backup.file.MiB', 'backup file size (.tlbak, gzip)', 'MiB', created.map((r) => r.fileBytes / MIB)),
      ...(restoring ? restoreFigures(restored) : [notYet('backup.restore.ms', 'restore of that backup', 'ms', `not run at ${HEAVY_SIZE_WHOLE_DATABASE.toLocaleString('en-US')} talents and more unless --large-restore (≈ 16 s at 30,000, 4 min at 300,000)`)]),
    ];
  },
};

/** The restore's figures: the whole call and the app's own split of it. */
function restoreFigures(restored: readonly RestoreRunResult[]): Figure[] {
  return [
      figure('backup.restore.ms', 'restore of that backup: verify + pre-restore backup + replace (restoreNamedBackup)', 'ms', restored.map((r) => r.ms)),
      figure('backup.restore.verify.ms', '  of which: verify manifest and checksums', 'ms', restored.map((r) => r.verifyMs)),
      figure('backup.restore.preRestore.ms', '  of which: backup of the current data first', 'ms', restored.map((r) => r.preRestoreMs)),
      figure('backup.restore.replace.ms', '  of which: replace every table (one transaction)', 'ms', restored.map((r) => r.replaceMs)),
      figure('backup.restore.rowsPerSecond', 'restore rows/s (rows written ÷ whole restore)', 'rows/s', restored.map((r) => (r.rows * 1000) / r.ms)),
  ];
}

/** Rows of the roster file of the roster section at 300,000 talents (B's adapter generates it against the registry). */
export const ROSTER_ROWS = 30_000;

/**
 * The roster section's file: a tenth of the registry, at most {@link ROSTER_ROWS} (30,000 rows
 * against 300,000 talents, 3,000 against 30,000): the 30,000-talent run must fit its 5 minutes, and
 * the roster is an extra beside the issue's eight figures.
 */
export function rosterRows(size: number): number {
  return Math.min(ROSTER_ROWS, Math.max(1, Math.ceil(size / 10)));
}
/** Applications moved at once in the titles section. */
export const TRANSITION_COUNT = 2_000;

/** A section timing one adapter of another area: warm-up, then `repeat` runs of `call`. */
function adapterMeasurement(spec: {
  id: MeasurementId;
  title: string;
  key: string;
  label: string;
  available: (availability: AppPathAvailability) => boolean;
  noteKey: string;
  rows: (context: MeasureContext) => number;
  call: (context: MeasureContext) => Promise<AdapterRunResult>;
  /** Marks the size's database as grown by this section (see ensureSeeded). */
  grows?: boolean;
  /** Talents from which it runs `--heavy-repeat` times (default {@link HEAVY_SIZE}). */
  heavyFrom?: number;
}): MeasurementDef {
  return {
    id: spec.id,
    title: spec.title,
    budgetMsPerRow: 4,
    async run(context) {
      if (!spec.available(context.availability)) {
        return [notYet(`${spec.key}.ms`, spec.label, 'ms', context.availability.notes[spec.noteKey] ?? 'not yet')];
      }
      const seededNote = await ensureSeeded(context);
      if (spec.grows) void context.shared(`${spec.id}Ran`, async () => true);
      const heavyFrom = spec.heavyFrom ?? HEAVY_SIZE;
      const count = heavyRepeat(context, heavyFrom);
      // A heavy section cut to fewer runs also skips its warm-up (its first run includes it).
      if (count === context.repeat) await spec.call(context); // warm-up, unrecorded
      const runs: AdapterRunResult[] = [];
      for (let run = 0; run < count; run += 1) runs.push(await spec.call(context));
      const rows = spec.rows(context);
      const detail = runs.at(-1)?.detail;
      return [
        figure(`${spec.key}.ms`, spec.label, 'ms', runs.map((r) => r.ms), { note: [seededNote, heavyNote(context, heavyFrom) && `${heavyNote(context, heavyFrom)}, no warm-up`, detail].filter(Boolean).join('; ') }),
        figure(`${spec.key}.rowsPerSecond`, `${spec.label}: rows/s`, 'rows/s', runs.map((r) => (rows * 1000) / r.ms)),
        figure(`${spec.key}.longestTask.ms`, `${spec.label}: longest main-thread task`, 'ms', runs.map((r) => r.longestTaskMs)),
      ];
    },
  };
}

const rosterMeasurement = adapterMeasurement({
  id: 'roster',
  title: `10. Training roster (N/10 rows, at most ${ROSTER_ROWS.toLocaleString('en-US')}) against the talent registry`,
  key: 'roster.import',
  label: 'roster import of N/10 rows against the N-talent registry',
  available: (availability) => availability.rosterPath,
  noteKey: 'roster',
  rows: (context) => rosterRows(context.size),
  call: (context) => context.session.call('appRosterImport', { rows: rosterRows(context.size), seed: context.seed, registrySize: context.size }),
  grows: true,
  heavyFrom: HEAVY_SIZE_WHOLE_DATABASE,
});

const titlesMeasurement = adapterMeasurement({
  id: 'titles',
  title: `11. Title applications: bulk transition of ${TRANSITION_COUNT.toLocaleString('en-US')}`,
  key: 'titles.bulkTransition',
  label: `bulk status change of ${TRANSITION_COUNT.toLocaleString('en-US')} applications`,
  available: (availability) => availability.titlesPath,
  noteKey: 'titles',
  rows: (context) => Math.min(TRANSITION_COUNT, context.size),
  call: (context) => context.session.call('appBulkTransition', { count: Math.min(TRANSITION_COUNT, context.size), seed: context.seed, registrySize: context.size }),
  heavyFrom: HEAVY_SIZE_WHOLE_DATABASE,
});

/** Every measurement, in the order they run and print. */
export const MEASUREMENTS: readonly MeasurementDef[] = [
  importMeasurement,
  responsivenessMeasurement,
  memoryMeasurement,
  searchMeasurement,
  filterMeasurement,
  onScreenMeasurement,
  reportMeasurement,
  exportMeasurement,
  coldStartMeasurement,
  // A restore rewrites every table with the same data: the database is still the N talents after it.
  backupMeasurement,
  titlesMeasurement,
  // Last: each roster adds its new people (a fifth of its rows) to the registry.
  rosterMeasurement,
];

/** Whether a figure's target holds (null: no target, or not measured). */
export function targetHolds(figureValue: Figure): boolean | null {
  if (!figureValue.target || !figureValue.summary) return null;
  const { statistic, max } = figureValue.target;
  const value = statistic === 'p95' ? figureValue.p95 : statistic === 'max' ? figureValue.summary.max : figureValue.summary.median;
  return value === undefined || Number.isNaN(value) ? null : value <= max;
}
