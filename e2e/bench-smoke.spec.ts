/**
 * Keeps the benchmark from rotting: every measurement of `npm run bench` runs at N = 1,000 with one
 * repeat, through the same measurement table and in-page API, on the e2e server's build, and must
 * return finite numbers (or an explicit "not yet" for app paths that do not exist yet).
 * It runs on the bench build (dist/bench-renderer), the only build that carries the in-page bench
 * API: that API wipes databases, so the shipped renderer never loads it.
 */
import { test, expect } from '@playwright/test';
import { runMeasurements } from '../bench/harness';
import { MEASUREMENT_IDS } from '../bench/measurements';
import { BenchSession } from '../bench/session';
import { buildBenchRenderer, serveBenchRenderer, type BenchServer } from '../bench/server';

let benchServer: BenchServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await buildBenchRenderer(() => undefined);
  // TL_BENCH_PORT: so two runs on one machine do not collide (the build folder: TL_BENCH_OUT).
  benchServer = await serveBenchRenderer(Number(process.env.TL_BENCH_PORT ?? 4331));
});

test.afterAll(async () => {
  await benchServer?.close();
});

test('bench smoke: every measurement at N = 1,000 returns finite numbers', async ({ browser }) => {
  // Eleven sections at N = 1,000: about two minutes on a quiet machine, more when it is busy.
  test.setTimeout(300_000);
  const baseUrl = benchServer?.baseUrl ?? '';
  const context = await browser.newContext();
  try {
    // One context: a "restart" for the cold start reuses it (the CLI restarts the browser instead).
    const session = new BenchSession(baseUrl, { current: () => context, restart: async () => context });
    await session.openApp().catch((error: unknown) => {
      throw new Error(
        `the bench API did not load on ?bench=1 of the bench build\n${String(error)}`,
      );
    });
    const lines: string[] = [];
    const result = await runMeasurements(session, { size: 1000, repeat: 1, seed: 20260630, only: MEASUREMENT_IDS, log: (line) => lines.push(line), listTimeoutMs: 5000 });

    expect(result.sections.map((section) => section.id).sort()).toEqual([...MEASUREMENT_IDS].sort());
    for (const section of result.sections) {
      expect(section.error, `${section.title} failed:\n${lines.join('\n')}`).toBeUndefined();
      expect(section.figures.length, section.title).toBeGreaterThan(0);
      for (const figure of section.figures) {
        if (figure.summary === null) {
          // Only app paths may be missing, and they must say so.
          expect(figure.note ?? '', figure.key).toMatch(/not yet|NOT_YET/);
          continue;
        }
        const values = [figure.summary.median, figure.summary.min, figure.summary.max, ...(figure.p95 === undefined ? [] : [figure.p95])];
        for (const value of values) expect(Number.isFinite(value), `${figure.key} = ${value}`).toBe(true);
      }
    }
    // The baselines never depend on the app's progress.
    const keys = new Set(result.sections.flatMap((section) => section.figures.filter((figure) => figure.summary !== null).map((figure) => figure.key)));
    for (const key of ['import.baseline.total.ms', 'search.index.ms', 'filter.index.ms', 'export.baseline.ms', 'coldStart.baseline.ms', 'memory.rest.MiB', 'backup.create.ms', 'backup.restore.ms']) {
      expect(keys.has(key), key).toBe(true);
    }
  } finally {
    await context.close();
  }
});
