/**
 * Entry of the bench chunk: installs the benchmark API on `window` (see ./api.ts). The app loads it
 * only when its URL has `?bench=1` — in renderer/main.tsx:
 *   if (new URLSearchParams(location.search).get('bench') === '1') void import('./bench');
 * so the normal page never fetches this chunk. The harness can also load it as a module script on
 * a page without the app (cold-start baseline).
 */
import { BENCH_COLD_READ_GLOBAL, BENCH_GLOBAL } from './api';
import { createBenchApi } from './benchApi';

const api = createBenchApi();
Object.defineProperty(window, BENCH_GLOBAL, { value: api, configurable: true });

// Cold-start baseline: read the first page at once, and note when it was done (ms since navigation).
if (new URLSearchParams(location.search).get('benchColdRead') === '1') {
  void api.baselineFirstPage({ limit: 50 }).then((result) => {
    Object.defineProperty(window, BENCH_COLD_READ_GLOBAL, { value: { ...result, sinceNavigation: performance.now() }, configurable: true });
  });
}
