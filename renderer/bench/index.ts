/**
 * Entry of the bench chunk: installs the benchmark API on `window` (see ./api.ts). The app loads it
 * only when its URL has `?bench=1` — in renderer/main.tsx:
 *   if (new URLSearchParams(location.search).get('bench') === '1') void import('./bench');
 * so the normal page never fetches this chunk. The harness can also load it as a module script on
 * a page without the app (cold-start baseline).
 */
import { BENCH_GLOBAL } from './api';
import { createBenchApi } from './benchApi';

Object.defineProperty(window, BENCH_GLOBAL, { value: createBenchApi(), configurable: true });
