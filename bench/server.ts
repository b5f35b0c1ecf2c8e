/**
 * Builds the production renderer for the bench into its own folder (dist/bench-renderer, so a
 * bench never replaces the dist/renderer that e2e tests or `npm run web` are serving) and serves
 * it on 127.0.0.1 with `vite preview`, exactly as `npm run web` does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, PreviewServer } from 'vite';
import { findCspProblems } from '../scripts/csp.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_CONFIG = path.join(ROOT, 'renderer', 'vite.config.ts');
const MAIN_ENTRY = path.join(ROOT, 'renderer', 'main.tsx');
/** Where the bench's build goes (`TL_BENCH_OUT` overrides it, so two runs on one machine do not collide). */
export const BENCH_OUT = process.env.TL_BENCH_OUT ? path.resolve(process.env.TL_BENCH_OUT) : path.join(ROOT, 'dist', 'bench-renderer');
/** File in the build folder holding the hash of the sources it was built from. */
const SOURCE_HASH_FILE = '.bench-source-hash';
/** What the renderer build reads: its sources, the shared domain code and the dependency lock. */
const BUILD_INPUTS = ['renderer', 'shared', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The one line renderer/main.tsx needs so `?bench=1` loads the bench API (lazily, in its own chunk). */
export const BENCH_HOOK_LINE = "if (new URLSearchParams(location.search).get('bench') === '1') void import('./bench');";

/** True when renderer/main.tsx already loads the bench chunk on `?bench=1`. */
export function mainHasBenchHook(source: string = readFileSync(MAIN_ENTRY, 'utf8')): boolean {
  return /import\(\s*['"]\.\/bench(\/index)?['"]\s*\)/u.test(source);
}

/**
 * Appends the bench hook to main.tsx in this build only, when the file does not have it yet. With
 * the hook in place the plugin changes nothing, and the bench build equals the production build.
 */
function benchHookPlugin(): Plugin {
  return {
    name: 'talentledger-bench-hook',
    apply: 'build',
    transform(code, id) {
      if (path.resolve(id.split('?')[0] ?? id) !== MAIN_ENTRY || mainHasBenchHook(code)) return null;
      return { code: `${code}\n${BENCH_HOOK_LINE}\n`, map: null };
    },
  };
}

function addFiles(entry: string, files: string[]): void {
  const info = statSync(entry, { throwIfNoEntry: false });
  if (!info) return;
  if (info.isFile()) {
    files.push(entry);
    return;
  }
  if (!info.isDirectory() || path.basename(entry) === 'node_modules') return;
  for (const name of readdirSync(entry)) addFiles(path.join(entry, name), files);
}

/**
 * SHA-256 over the build's inputs (paths and contents), plus whether main.tsx has the bench hook:
 * equal hashes mean the build would produce the same files, so a bench can reuse the last one.
 */
export function benchSourceHash(root: string = ROOT): string {
  const files: string[] = [];
  for (const input of BUILD_INPUTS) addFiles(path.join(root, input), files);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds the renderer with the app's Vite config into {@link BENCH_OUT} and checks its CSP. Skips
 * the build when the folder holds a build of the same sources ({@link benchSourceHash}); a vite build
 * takes a minute or more on a 2-core machine, which is a fifth of a 30,000-talent run.
 */
export async function buildBenchRenderer(log: (line: string) => void, options: { force?: boolean } = {}): Promise<{ reused: boolean; hash: string; ms: number }> {
  const started = performance.now();
  const hash = benchSourceHash();
  const hashFile = path.join(BENCH_OUT, SOURCE_HASH_FILE);
  if (!options.force && existsSync(path.join(BENCH_OUT, 'index.html')) && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) {
    return { reused: true, hash, ms: performance.now() - started };
  }
  if (!mainHasBenchHook()) {
    log(`note: renderer/main.tsx lacks the bench hook; this build adds it:\n  ${BENCH_HOOK_LINE}`);
  }
  const { build } = await import('vite');
  await build({
    configFile: RENDERER_CONFIG,
    logLevel: 'warn',
    build: { outDir: BENCH_OUT, emptyOutDir: true },
    plugins: [benchHookPlugin()],
  });
  const problems = findCspProblems(readFileSync(path.join(BENCH_OUT, 'index.html'), 'utf8'));
  if (problems.length > 0) throw new Error(`the bench build's CSP fails the check:\n${problems.join('\n')}`);
  writeFileSync(hashFile, hash);
  return { reused: false, hash, ms: performance.now() - started };
}

/** A running preview server of the bench build. */
export interface BenchServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves {@link BENCH_OUT} on 127.0.0.1 (the first free port from `port`). */
export async function serveBenchRenderer(port: number): Promise<BenchServer> {
  const { preview } = await import('vite');
  const server: PreviewServer = await preview({
    configFile: RENDERER_CONFIG,
    logLevel: 'warn',
    build: { outDir: BENCH_OUT },
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    baseUrl: `http://127.0.0.1:${actualPort}`,
    close: () => server.close(),
  };
}
