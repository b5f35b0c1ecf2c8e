/**
 * One benchmark session: the app page (opened with `?bench=1`), typed calls into the in-page bench
 * API, fixture serving, heap metering, and cold starts. The CLI harness and the e2e smoke test both
 * drive measurements through this class; only how a browser context is (re)opened differs.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { BENCH_COLD_READ_GLOBAL, BENCH_GLOBAL, type BenchApi } from '../renderer/bench/api';
import { HeapMeter } from './heap';

/** Methods of the in-page API. */
export type BenchMethod = Exclude<keyof BenchApi, 'moduleUrl'>;
type BenchInput<K extends BenchMethod> = Parameters<BenchApi[K]>[0];
type BenchOutput<K extends BenchMethod> = Awaited<ReturnType<BenchApi[K]>>;

/** The rows of the talent list, whichever way the list draws them. */
export const TALENT_ROW_SELECTOR = '[data-testid="talent-row"], .ant-table-tbody tr.ant-table-row';
/** Path of the page that loads the bench API without the app (routed by the session, never on disk). */
const BENCH_ONLY_PATH = '/bench-only.html';
const FIXTURE_PREFIX = '/bench-fixtures/';
/** Baseline database name (a separate database with the app's schema). */
export const BASELINE_DATABASE = 'talentledger-bench-baseline';

/** How a session gets its browser context. */
export interface ContextProvider {
  /** The current context. */
  current(): BrowserContext;
  /**
   * A context on the same storage with nothing cached in the browser: the harness restarts the
   * browser; the smoke test, which cannot, returns the same context.
   */
  restart(): Promise<BrowserContext>;
}

export class BenchSession {
  private pageValue: Page | null = null;
  private heapValue: HeapMeter | null = null;
  private readonly fixtures = new Map<string, Uint8Array>();
  private routedContext: BrowserContext | null = null;
  private moduleUrl: string | null = null;
  /** Uncaught errors of the session's pages, newest last (a measurement that finds nothing says why). */
  readonly pageErrors: string[] = [];

  /**
   * @param fixtureDir a folder the server serves as `/bench-fixtures/` (the CLI writes large files
   *   there); without one, fixtures are routed through Playwright, which suits small files only.
   */
  constructor(
    readonly baseUrl: string,
    private readonly contexts: ContextProvider,
    private readonly fixtureDir: string | null = null,
  ) {}

  /** The app page (open it with {@link openApp}). */
  get page(): Page {
    if (!this.pageValue) throw new Error('openApp first');
    return this.pageValue;
  }

  /**
   * The heap meter of the current page, attached on first use (it attaches to the page's workers,
   * existing and new). Not attached by default: its DevTools session would also be there during
   * cold starts, which must see the page as a user's browser does.
   */
  async heap(): Promise<HeapMeter> {
    this.heapValue ??= await HeapMeter.attach(this.page);
    return this.heapValue;
  }

  /** Serves `bytes` at `/bench-fixtures/<name>` for the session's pages; returns the URL path. */
  addFixture(name: string, bytes: Uint8Array): string {
    if (this.fixtureDir) {
      const file = path.join(this.fixtureDir, name);
      if (!existsSync(file)) {
        mkdirSync(this.fixtureDir, { recursive: true });
        writeFileSync(file, bytes);
      }
    } else {
      this.fixtures.set(name, bytes);
    }
    return `.${FIXTURE_PREFIX}${name}`;
  }

  /** After a crash: a fresh browser on the same profile, and the app page again. */
  async recover(): Promise<void> {
    await this.contexts.restart();
    await this.openApp();
  }

  private async routeContext(context: BrowserContext): Promise<void> {
    if (this.routedContext === context) return;
    this.routedContext = context;
    // A routed body travels through the DevTools protocol: fine for small files, not for 100 MB.
    if (!this.fixtureDir) await context.route(`${this.baseUrl}${FIXTURE_PREFIX}**`, async (route) => {
      const name = decodeURIComponent(new URL(route.request().url()).pathname.slice(FIXTURE_PREFIX.length));
      const bytes = this.fixtures.get(name);
      if (!bytes) return route.fulfill({ status: 404, body: `no fixture ${name}` });
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    });
    const origin = new URL(this.baseUrl).origin;
    await context.route((url) => url.origin === origin && url.pathname === BENCH_ONLY_PATH, async (route) => {
      const moduleUrl = this.moduleUrl;
      if (!moduleUrl) return route.fulfill({ status: 404, body: 'open the app once first' });
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>bench</title><script type="module" src="${moduleUrl}"></script></head><body></body></html>`;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
  }

  private async replacePage(context: BrowserContext): Promise<Page> {
    await this.heapValue?.detach();
    this.heapValue = null;
    if (this.pageValue && !this.pageValue.isClosed() && this.pageValue.context() === context) await this.pageValue.close();
    await this.routeContext(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    this.pageValue = page;
    return page;
  }

  private async waitForApi(page: Page): Promise<void> {
    await page.waitForFunction((name) => name in window, BENCH_GLOBAL, { timeout: 60_000 });
    this.moduleUrl ??= await page.evaluate((name) => (window as unknown as Record<string, BenchApi>)[name]?.moduleUrl ?? '', BENCH_GLOBAL);
  }

  /** Opens (or reopens) the app with the bench API in a fresh page. */
  async openApp(hash = '#/dashboard'): Promise<void> {
    const page = await this.replacePage(this.contexts.current());
    await page.goto(`${this.baseUrl}/?bench=1${hash}`);
    await this.waitForApi(page);
  }

  /** Opens the bench API alone, on a page without the app (no open database connection of the app's). */
  async openBenchOnly(): Promise<void> {
    if (!this.moduleUrl) await this.openApp();
    const page = await this.replacePage(this.contexts.current());
    await page.goto(`${this.baseUrl}${BENCH_ONLY_PATH}`);
    await this.waitForApi(page);
  }

  /** Calls one method of the in-page API. */
  async call<K extends BenchMethod>(method: K, input: BenchInput<K>): Promise<BenchOutput<K>> {
    return this.page.evaluate(
      async ([name, methodName, argument]) => {
        const api = (window as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[name];
        const fn = api?.[methodName];
        if (!fn) throw new Error(`the bench API has no ${methodName}`);
        return fn.call(api, argument);
      },
      [BENCH_GLOBAL, method, input] as const,
    ) as Promise<BenchOutput<K>>;
  }

  /** Empties the app's and the baseline's databases (from a page without the app), then reopens the app at `hash`. */
  async resetDatabases(hash = '#/dashboard'): Promise<void> {
    await this.openBenchOnly();
    await this.call('deleteDatabases', { baselineName: BASELINE_DATABASE });
    await this.openApp(hash);
    await this.call('completeFirstRun', { operatorName: 'bench' });
  }

  /**
   * Cold start of the app: a restarted browser navigates to the talent list; the time is from
   * navigation start to the first frame painted after the first talent row appears. Null when no
   * row appears within `timeoutMs` (the list does not exist yet).
   */
  async coldStartApp(timeoutMs: number): Promise<number | null> {
    const context = await this.contexts.restart();
    const page = await this.replacePage(context);
    // A string, not a function: the TS loader may wrap named inner functions in helpers the page lacks.
    await page.addInitScript({
      content: `(() => {
        const selector = ${JSON.stringify(TALENT_ROW_SELECTOR)};
        new MutationObserver((records, observer) => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          // The frame after the row is in the DOM is the one that shows it.
          requestAnimationFrame(() => setTimeout(() => { window.__benchFirstRowsPainted = performance.now(); }, 0));
        }).observe(document, { childList: true, subtree: true });
      })();`,
    });
    await page.goto(`${this.baseUrl}/#/talents`);
    try {
      await page.waitForFunction(() => (window as unknown as { __benchFirstRowsPainted?: number }).__benchFirstRowsPainted !== undefined, null, {
        timeout: timeoutMs,
      });
    } catch {
      return null;
    }
    return page.evaluate(() => (window as unknown as { __benchFirstRowsPainted: number }).__benchFirstRowsPainted);
  }

  /**
   * Opening the list inside the running app (issue #3: "opening the list paints its first rows in
   * ≤ 1 s"): a restarted browser starts on 工作台 and waits `settleMs` (the dashboard's report, the
   * daily backup and whatever else start-up runs, as a clerk would meet them), then the menu's
   * 人才库 is clicked; the time is from the click to the first frame after the first talent row.
   */
  async openListInApp(settleMs: number, timeoutMs: number): Promise<number | null> {
    const context = await this.contexts.restart();
    const page = await this.replacePage(context);
    await page.goto(`${this.baseUrl}/#/dashboard`);
    await page.locator('a[href$="#/talents"]').first().waitFor({ timeout: timeoutMs });
    await page.waitForTimeout(settleMs);
    return page.evaluate(
      ({ selector, timeout }) =>
        new Promise<number | null>((resolve) => {
          const link = document.querySelector<HTMLAnchorElement>('a[href$="#/talents"]');
          if (!link) return resolve(null);
          const start = performance.now();
          const timer = setTimeout(() => resolve(null), timeout);
          new MutationObserver((records, observer) => {
            if (!document.querySelector(selector)) return;
            observer.disconnect();
            requestAnimationFrame(() =>
              setTimeout(() => {
                clearTimeout(timer);
                resolve(performance.now() - start);
              }, 0),
            );
          }).observe(document, { childList: true, subtree: true });
          link.click();
        }),
      { selector: TALENT_ROW_SELECTOR, timeout: timeoutMs },
    );
  }

  /**
   * Cold-start baseline: a restarted browser loads a page without the app, which at once opens the
   * database with bare Dexie and reads the first page (50 rows). Returns the open + read time and
   * the time from navigation start to the rows read.
   */
  async coldStartBaseline(): Promise<{ ms: number; sinceNavigation: number }> {
    if (!this.moduleUrl) await this.openApp();
    const context = await this.contexts.restart();
    const page = await this.replacePage(context);
    await page.goto(`${this.baseUrl}${BENCH_ONLY_PATH}?benchColdRead=1`);
    const handle = await page.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name], BENCH_COLD_READ_GLOBAL, { timeout: 60_000 });
    const result = (await handle.jsonValue()) as { ms: number; rows: number; sinceNavigation: number };
    if (result.rows === 0) throw new Error('cold-start baseline read no rows: the database is empty');
    return { ms: result.ms, sinceNavigation: result.sinceNavigation };
  }
}

/** True when an in-page call failed because the app path does not exist yet. */
export function isNotYet(error: unknown): boolean {
  return error instanceof Error && error.message.includes('NOT_YET');
}
