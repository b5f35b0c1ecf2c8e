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

/** How many queries the talent list has shown so far (its `talent-list-query` measures: one per query whose first rows were painted). */
export function talentListQueryCount(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('talent-list-query').length);
}

/**
 * Playwright compiles its injected script (≈ 330 KB) in the page's main world the first time a
 * `waitForFunction` runs there: ≈ 10 ms of the page's main thread, traced inside the first timed
 * keystroke. Called once before timing, so that keystroke measures the app only.
 */
export async function primePageWaits(page: Page): Promise<void> {
  await page.waitForFunction(() => true);
}

/** Waits for the list's next query measure after `before` of them and returns it (start, duration, and the list's split in `detail`). */
export async function nextTalentListQuery(page: Page, before: number): Promise<{ startTime: number; duration: number; detail: unknown }> {
  await page.waitForFunction((count) => performance.getEntriesByName('talent-list-query').length > count, before, { timeout: 30_000, polling: 20 });
  return page.evaluate(() => {
    const entry = performance.getEntriesByName('talent-list-query').at(-1) as PerformanceMeasure;
    return { startTime: entry.startTime, duration: entry.duration, detail: entry.detail as unknown };
  });
}

/** Picks (or unpicks) one option of a 人才库 filter dropdown; returns the list's recount time (change → recounted rows painted). */
export async function pickTalentFilter(page: Page, label: string, option: string): Promise<number> {
  const before = await talentListQueryCount(page);
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.keyboard.type(option.slice(0, 2));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  const { duration } = await nextTalentListQuery(page, before);
  await page.keyboard.press('Escape');
  return duration;
}

/** Filter changes on 人才库 (label, option): picking a picked option again unpicks it. The bench and the e2e spec make the same ones. */
export const TALENT_FILTER_CHANGES: ReadonlyArray<{ label: string; option: string }> = [
  { label: '区', option: '浦东新区' },
  { label: '人才类别', option: '算法研发工程师' },
  { label: '区', option: '徐汇区' },
  { label: '人才类别', option: '人工智能训练师' },
  { label: '区', option: '浦东新区' },
  { label: '人才类别', option: '算法研发工程师' },
  { label: '区', option: '闵行区' },
  { label: '区', option: '徐汇区' },
];

/**
 * Scrolls the open talent list by 30 wheel steps (the pointer over the table), then top → bottom
 * → top in 41 jumps each way, and returns the duration of every main-thread task over 50 ms
 * meanwhile (Long Tasks API). The bench and the e2e spec scroll the same way.
 */
export async function scrollTalentList(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const holder = window as unknown as { __benchLongTasks: number[] };
    holder.__benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) holder.__benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const table = page.locator('[data-testid="talent-table"]');
  await table.hover();
  for (let wheel = 0; wheel < 30; wheel += 1) {
    await page.mouse.wheel(0, 1_200);
    await page.waitForTimeout(30);
  }
  const steps = 40;
  const height = await table.evaluate((element) => element.scrollHeight - element.clientHeight);
  for (const position of [...Array.from({ length: steps + 1 }, (_, i) => i), ...Array.from({ length: steps + 1 }, (_, i) => steps - i)]) {
    await table.evaluate((element, top) => element.scrollTo({ top }), Math.round((height * position) / steps));
    await page.waitForTimeout(60);
  }
  // A task still running at the last jump is reported when it ends.
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks);
}

/** What {@link BenchSession.listOnScreen} does. */
export interface ListOnScreenInput {
  /** Queries as typed: each entry is one keystroke (a character, or 'clear' for Ctrl+A, Backspace). */
  typing: string[][];
  /** Filter changes: the filter's label and the option picked (picking a picked option unpicks it). */
  filters: ReadonlyArray<{ label: string; option: string }>;
  /** Pauses between keystrokes (ms), used in turn. */
  pauseMs: number[];
  /** Wait after the index is ready before the first keystroke. */
  settleMs: number;
  timeoutMs: number;
}

export interface ListOnScreenResult {
  /** How the list's index loaded (the list's data-index-load: from the snapshot or the database, and how long). */
  indexLoad: string;
  /** Per keystroke: input event → the frame that painted its rows (ms). */
  keystrokeMs: number[];
  /** Per keystroke: the index worker's own time for the first page, as the list's measure reports it (ms). */
  keystrokeWorkerMs: number[];
  /** Per keystroke: from the list sending the query to its answer arriving on the page (ms). */
  keystrokeAnswerMs: number[];
  /** Per filter change: change → the frame that painted the recounted rows (ms). */
  filterMs: number[];
  /** Every main-thread task over 50 ms while scrolling (ms). */
  scrollLongTasksMs: number[];
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
   * 人才库 on screen, as a clerk uses it (issue #3's "search-as-you-type shows its first page",
   * "a filter change recounts", "scrolling causes no main-thread task over 50 ms"): the app page
   * opens the list and waits for the index; then
   * - each keystroke of `typing` goes in as a real key event (CJK as committed IME text), and is
   *   timed from the input event's timestamp to the app's end of that query's measure (taken after
   *   the frame that painted the rows); keystrokes come `pauseMs` apart after the rows appear, as
   *   typing does (a keystroke never lands on the previous one's unfinished frame);
   * - each filter change is picked from its dropdown, timed by the list's own measure (change → rows painted);
   * - the list is scrolled top to bottom and back (wheel, then 41 jumps each way) while a
   *   long-task observer records every main-thread task over 50 ms.
   */
  async listOnScreen(input: ListOnScreenInput): Promise<ListOnScreenResult> {
    await this.openApp('#/talents');
    const page = this.page;
    await page.locator(TALENT_ROW_SELECTOR).first().waitFor({ timeout: input.timeoutMs });
    await page.locator('[data-testid="talent-indexing"]').waitFor({ state: 'detached', timeout: input.timeoutMs });
    const indexLoad = (await page.locator('[data-testid="talent-total"]').getAttribute('data-index-load')) ?? '';
    await page.waitForTimeout(input.settleMs);
    await page.evaluate(() => {
      const holder = window as unknown as { __benchKeys: number[] };
      holder.__benchKeys = [];
      document.addEventListener(
        'input',
        (event) => {
          if (event.target instanceof Element && event.target.closest('[data-testid="talent-search"]')) holder.__benchKeys.push(event.timeStamp);
        },
        true,
      );
    });
    const measures = () => talentListQueryCount(page);
    const nextMeasure = async (before: number) => {
      const entry = await nextTalentListQuery(page, before);
      const key = await page.evaluate(() => (window as unknown as { __benchKeys: number[] }).__benchKeys.at(-1) ?? Number.NaN);
      const detail = entry.detail as { workerMs?: number; answerMs?: number } | null;
      return { end: entry.startTime + entry.duration, duration: entry.duration, key, worker: detail?.workerMs ?? Number.NaN, answer: detail?.answerMs ?? Number.NaN };
    };
    await primePageWaits(page);
    const box = page.locator('[data-testid="talent-search"] input');
    await box.click();
    const keystrokeMs: number[] = [];
    const keystrokeWorkerMs: number[] = [];
    const keystrokeAnswerMs: number[] = [];
    let pause = 0;
    for (const query of input.typing) {
      for (const keystroke of query) {
        await page.waitForTimeout(input.pauseMs[pause++ % input.pauseMs.length] as number);
        const before = await measures();
        if (keystroke === 'clear') {
          await page.keyboard.press('Control+A');
          await page.keyboard.press('Backspace');
        } else if (/^[\x21-\x7e]$/.test(keystroke)) await page.keyboard.press(keystroke);
        else await page.keyboard.insertText(keystroke);
        const seen = await nextMeasure(before);
        keystrokeMs.push(seen.end - seen.key);
        keystrokeWorkerMs.push(seen.worker);
        keystrokeAnswerMs.push(seen.answer);
      }
    }
    const filterMs: number[] = [];
    for (const { label, option } of input.filters) {
      filterMs.push(await pickTalentFilter(page, label, option));
      await page.waitForTimeout(input.pauseMs[pause++ % input.pauseMs.length] as number);
    }
    if (input.filters.length > 0) {
      const before = await measures();
      await page.getByRole('button', { name: '清除筛选' }).click();
      await nextMeasure(before);
    }
    const longTasks = await scrollTalentList(page);
    return { indexLoad, keystrokeMs, keystrokeWorkerMs, keystrokeAnswerMs, filterMs, scrollLongTasksMs: longTasks };
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
