/**
 * `npm run bench`: builds the production renderer, serves it on 127.0.0.1, drives Debian's
 * Chromium headless with Playwright, runs the table of measurements per size, prints the table and
 * writes bench/results/<date>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import type { AppPathAvailability } from '../renderer/bench/api';
import { MEASUREMENT_IDS, MEASUREMENTS, type MeasureContext, type MeasurementId } from './measurements';
import type { BenchOptions } from './options';
import { formatMachine, formatSizeTable, machineInfo, RESULT_FORMAT, type BenchResult, type SectionResult, type SizeResult } from './report';
import { BENCH_OUT, buildBenchRenderer, ROOT, serveBenchRenderer } from './server';
import { BenchSession, type ContextProvider } from './session';

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

/** Runs the chosen measurements for one size on an open session. Used by the CLI and the e2e smoke test. */
export async function runMeasurements(
  session: BenchSession,
  settings: { size: number; repeat: number; seed: number; only: readonly MeasurementId[]; log: (line: string) => void; listTimeoutMs?: number },
): Promise<SizeResult> {
  const started = performance.now();
  await session.resetDatabases();
  const availability: AppPathAvailability = await session.call('availability', undefined);
  const memo = new Map<string, Promise<unknown>>();
  const context: MeasureContext = {
    session,
    size: settings.size,
    repeat: settings.repeat,
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
  };
  const sections: SectionResult[] = [];
  for (const measurement of MEASUREMENTS) {
    if (!settings.only.includes(measurement.id)) continue;
    const sectionStarted = performance.now();
    settings.log(`${measurement.title} …`);
    try {
      sections.push({ id: measurement.id, title: measurement.title, figures: await measurement.run(context) });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      settings.log(`  FAILED: ${message}`);
      sections.push({ id: measurement.id, title: measurement.title, figures: [], error: message.split('\n')[0] ?? message });
      // A failure (even a crashed browser) can leave the page anywhere; start the next one afresh.
      await session.recover().catch(() => undefined);
    }
    settings.log(`  (${((performance.now() - sectionStarted) / 1000).toFixed(1)} s)`);
  }
  // Print in the order (1–8), whatever order they ran in.
  sections.sort((a, b) => MEASUREMENT_IDS.indexOf(a.id as MeasurementId) - MEASUREMENT_IDS.indexOf(b.id as MeasurementId));
  return { size: settings.size, seconds: (performance.now() - started) / 1000, sections };
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

/** The whole CLI run. Returns the process exit code. */
export async function runBench(options: BenchOptions): Promise<number> {
  const startedAt = new Date();
  const log = (line: string) => console.log(line);
  if (!options.noBuild) {
    log('building the production renderer → dist/bench-renderer …');
    await buildBenchRenderer(log);
  }
  const server = await serveBenchRenderer(options.port);
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'talentledger-bench-'));
  const browser = new PersistentChromium(profileDir);
  try {
    await browser.launch();
    const session = new BenchSession(server.baseUrl, browser, path.join(BENCH_OUT, 'bench-fixtures'));
    await session.openApp();
    const availability = await session.call('availability', undefined);
    const result: BenchResult = {
      format: RESULT_FORMAT,
      startedAt: startedAt.toISOString(),
      machine: machineInfo(await chromiumVersion(session)),
      options: { sizes: options.sizes, repeat: options.repeat, only: options.only, seed: options.seed },
      appPaths: availability.notes,
      results: [],
      seconds: 0,
    };
    log(formatMachine(result));
    for (const size of options.sizes) {
      log(`\n── N = ${size.toLocaleString('en-US')} ──`);
      const sizeResult = await runMeasurements(session, { size, repeat: options.repeat, seed: options.seed, only: options.only, log });
      result.results.push(sizeResult);
      // Free the disk between sizes: 300,000 talents take a few hundred MB of IndexedDB.
      await session.openBenchOnly();
      await session.call('deleteDatabases', { baselineName: 'talentledger-bench-baseline' });
    }
    result.seconds = (Date.now() - startedAt.getTime()) / 1000;
    for (const sizeResult of result.results) log(formatSizeTable(sizeResult));
    const file = resultPath(options, startedAt);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`\nresults → ${path.relative(process.cwd(), file)} (total ${(result.seconds / 60).toFixed(1)} min)`);
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
