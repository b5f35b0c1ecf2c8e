/**
 * `npm run bench`: builds the production renderer, serves it on 127.0.0.1, drives Debian's
 * Chromium headless with Playwright, runs the table of measurements per size, prints the table and
 * writes bench/results/<date>.json.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import type { AppPathAvailability } from '../renderer/bench/api';
import { MEASUREMENT_IDS, MEASUREMENTS, type MeasureContext, type MeasurementDef, type MeasurementId } from './measurements';
import type { BenchOptions } from './options';
import { formatElapsed, formatMachine, formatSizeTable, machineInfo, RESULT_FORMAT, type BenchResult, type SectionResult, type SizeResult } from './report';
import { BENCH_OUT, buildBenchRenderer, ROOT, serveBenchRenderer } from './server';
import { BASELINE_DATABASE, BenchSession, type ContextProvider } from './session';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // 300,000 talents in one page plus workers need more than V8's default old space.
  '--js-flags=--max-old-space-size=4096',
];

/** Settings of one size's run. */
export interface RunSettings {
  size: number;
  repeat: number;
  /** Runs of the heavy sections at 100,000 talents and more (default 1). */
  heavyRepeat?: number;
  /** Restore the backup at 10,000 talents and more too (default false). */
  largeRestore?: boolean;
  seed: number;
  only: readonly MeasurementId[];
  log: (line: string) => void;
  listTimeoutMs?: number;
  /** A section's time limit; default {@link defaultSectionTimeoutMs}. */
  sectionTimeoutMs?: (measurement: MeasurementDef) => number;
  /** Called after every section with the size's results so far (the CLI writes its file then). */
  onSection?: (partial: SizeResult) => void;
}

/**
 * A section's default time limit: two minutes plus its per-row budget for every run (warm-up and
 * repeats). A safety net against a hung page, far above what a section takes on a machine like ours.
 */
export function defaultSectionTimeoutMs(measurement: MeasurementDef, size: number, repeat: number): number {
  return 120_000 + (measurement.budgetMsPerRow ?? 2) * size * (repeat + 1);
}

class SectionTimeout extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${(ms / 60_000).toFixed(1)} min`);
    this.name = 'SectionTimeout';
  }
}

/**
 * The session as one section sees it: once the section has timed out every further call throws, so
 * a section left running in the background cannot drive the page under the next one.
 */
function guardedSession(session: BenchSession, signal: AbortSignal): BenchSession {
  return new Proxy(session, {
    get(target, property, receiver) {
      if (signal.aborted) throw new Error('the section was stopped (timed out)');
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (signal.aborted) throw new Error('the section was stopped (timed out)');
        return (value as (...values: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Runs `work` with a time limit; on timeout aborts `controller` and rejects with {@link SectionTimeout}. */
async function withTimeout<T>(work: () => Promise<T>, ms: number, controller: AbortController): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running = work();
  // The section may settle after its timeout; that late outcome is of no interest.
  running.catch(() => undefined);
  try {
    return await Promise.race([
      running,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new SectionTimeout(ms));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the chosen measurements for one size on an open session. Used by the CLI and the e2e smoke test. */
export async function runMeasurements(session: BenchSession, settings: RunSettings): Promise<SizeResult> {
  const started = performance.now();
  await session.resetDatabases();
  const availability: AppPathAvailability = await session.call('availability', undefined);
  const memo = new Map<string, Promise<unknown>>();
  const baseContext: MeasureContext = {
    session,
    size: settings.size,
    repeat: settings.repeat,
    heavyRepeat: settings.heavyRepeat ?? 1,
    largeRestore: settings.largeRestore ?? false,
    seed: settings.seed,
    availability,
    listTimeoutMs: settings.listTimeoutMs ?? 20_000,
    log: settings.log,
    shared<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let value = memo.get(key) as Promise<T> | undefined;
      if (!value) {
        value = compute();
        memo.set(key, value);
      }
      return value;
    },
    memoised: (key: string) => memo.has(key),
  };
  const sections: SectionResult[] = [];
  const partial = (): SizeResult => ({ size: settings.size, seconds: (performance.now() - started) / 1000, sections: inIssueOrder(sections) });
  for (const measurement of MEASUREMENTS) {
    if (!settings.only.includes(measurement.id)) continue;
    const sectionStarted = performance.now();
    settings.log(`${measurement.title} …`);
    const controller = new AbortController();
    const timeoutMs = settings.sectionTimeoutMs?.(measurement) ?? defaultSectionTimeoutMs(measurement, settings.size, settings.repeat);
    const context: MeasureContext = { ...baseContext, session: guardedSession(session, controller.signal) };
    let section: SectionResult;
    try {
      const figures = await withTimeout(() => measurement.run(context), timeoutMs, controller);
      section = { id: measurement.id, title: measurement.title, figures };
    } catch (error) {
      const timedOut = error instanceof SectionTimeout;
      const message = error instanceof Error ? (timedOut ? error.message : (error.stack ?? error.message)) : String(error);
      settings.log(`  ${timedOut ? 'TIMED OUT' : 'FAILED'}: ${message}`);
      section = { id: measurement.id, title: measurement.title, figures: [], error: message.split('\n')[0] ?? message, ...(timedOut ? { timedOut: true } : {}) };
      // A failure (even a crashed browser) or a stopped section can leave the page anywhere: start
      // the next one afresh (a new browser also ends whatever the stopped section left running).
      controller.abort();
      await session.recover().catch(() => undefined);
    }
    section.seconds = (performance.now() - sectionStarted) / 1000;
    sections.push(section);
    settings.log(`  (${section.seconds.toFixed(1)} s)`);
    settings.onSection?.(partial());
  }
  return partial();
}

/** The sections in the issue's order (1–8, then the later ones), whatever order they ran in. */
function inIssueOrder(sections: readonly SectionResult[]): SectionResult[] {
  return [...sections].sort((a, b) => MEASUREMENT_IDS.indexOf(a.id as MeasurementId) - MEASUREMENT_IDS.indexOf(b.id as MeasurementId));
}

/** A persistent Chromium profile (IndexedDB on disk, as in the app) that can be restarted for cold starts. */
class PersistentChromium implements ContextProvider {
  private context: BrowserContext | null = null;

  constructor(private readonly profileDir: string) {}

  async launch(): Promise<BrowserContext> {
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    return this.context;
  }

  current(): BrowserContext {
    if (!this.context) throw new Error('launch first');
    return this.context;
  }

  async restart(): Promise<BrowserContext> {
    await this.context?.close();
    return this.launch();
  }

  async close(): Promise<void> {
    await this.context?.close();
    this.context = null;
  }
}

async function chromiumVersion(session: BenchSession): Promise<string> {
  const cdp = await session.page.context().newCDPSession(session.page);
  const version = (await cdp.send('Browser.getVersion')) as { product: string };
  await cdp.detach();
  return version.product;
}

function resultPath(options: BenchOptions, startedAt: Date): string {
  if (options.out) return path.resolve(options.out);
  const stamp = startedAt.toISOString().replace(/:/g, '-').replace(/\..*$/, '');
  return path.join(ROOT, 'bench', 'results', `${stamp}.json`);
}

/** Writes the result file atomically (a reader never sees half a file). */
function writeResultFile(file: string, result: BenchResult): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** The whole CLI run. Returns the process exit code. */
export async function runBench(options: BenchOptions): Promise<number> {
  const startedAt = new Date();
  const log = (line: string) => console.log(line);
  const buildStarted = performance.now();
  let buildSeconds = 0;
  if (!options.noBuild) {
    log(`building the production renderer → ${path.relative(ROOT, BENCH_OUT)} …`);
    const built = await buildBenchRenderer(log);
    buildSeconds = (performance.now() - buildStarted) / 1000;
    log(built.reused ? `  the sources are unchanged since the last bench build (${built.hash.slice(0, 12)}): reused it` : `  built in ${(built.ms / 1000).toFixed(1)} s`);
  }
  const server = await serveBenchRenderer(options.port);
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'talentledger-bench-'));
  const browser = new PersistentChromium(profileDir);
  const file = resultPath(options, startedAt);
  try {
    await browser.launch();
    const session = new BenchSession(server.baseUrl, browser, path.join(BENCH_OUT, 'bench-fixtures'));
    await session.openApp();
    const availability = await session.call('availability', undefined);
    const result: BenchResult = {
      format: RESULT_FORMAT,
      startedAt: startedAt.toISOString(),
      machine: machineInfo(await chromiumVersion(session)),
      options: { sizes: options.sizes, repeat: options.repeat, heavyRepeat: options.heavyRepeat, only: options.only, seed: options.seed },
      appPaths: availability.notes,
      results: [],
      seconds: 0,
    };
    log(formatMachine(result));
    log(`results are written after every section → ${path.relative(process.cwd(), file)}`);
    for (const size of options.sizes) {
      log(`\n── N = ${size.toLocaleString('en-US')} ──`);
      const index = result.results.length;
      const sizeResult = await runMeasurements(session, {
        size,
        repeat: options.repeat,
        heavyRepeat: options.heavyRepeat,
        largeRestore: options.largeRestore,
        seed: options.seed,
        only: options.only,
        log,
        ...(options.sectionTimeoutMinutes === null ? {} : { sectionTimeoutMs: () => (options.sectionTimeoutMinutes as number) * 60_000 }),
        onSection(partial) {
          result.results[index] = partial;
          result.seconds = (Date.now() - startedAt.getTime()) / 1000;
          writeResultFile(file, result);
        },
      });
      result.results[index] = sizeResult;
      // Free the disk between sizes: 300,000 talents take a few hundred MB of IndexedDB.
      await session.openBenchOnly();
      await session.call('deleteDatabases', { baselineName: BASELINE_DATABASE });
    }
    result.seconds = (Date.now() - startedAt.getTime()) / 1000;
    for (const sizeResult of result.results) log(formatSizeTable(sizeResult));
    writeResultFile(file, result);
    log(`\nresults → ${path.relative(process.cwd(), file)}`);
    log(formatElapsed(result.seconds, buildSeconds, result.results));
    return result.results.some((size) => size.sections.some((section) => section.error)) ? 1 : 0;
  } finally {
    await browser.close();
    await server.close();
    // Chromium may still be flushing the profile for a moment after closing.
    try {
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
    } catch (error) {
      console.warn(`could not remove the bench profile ${profileDir}: ${String(error)}`);
    }
  }
}
