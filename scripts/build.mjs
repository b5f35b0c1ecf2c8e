#!/usr/bin/env node
/**
 * `npm run build`: the renderer with Vite (→ dist/renderer), the Electron main process and preload
 * with esbuild (→ dist/main/main.cjs, dist/main/preload.cjs), then checks that the built page carries
 * a strict CSP. Also imported by start.mjs and web.mjs.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findCspProblems } from './csp.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_CONFIG = path.join(ROOT, 'renderer', 'vite.config.ts');
const RENDERER_OUT = path.join(ROOT, 'dist', 'renderer');
const MAIN_OUT = path.join(ROOT, 'dist', 'main');

/** A build failure with a message for people, printed without a stack trace. */
export class BuildError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'BuildError';
  }
}

/** Builds the renderer with Vite and checks its CSP. */
export async function buildRenderer() {
  if (!existsSync(RENDERER_CONFIG) || !existsSync(path.join(ROOT, 'renderer', 'index.html'))) {
    throw new BuildError(
      '找不到界面代码（renderer/vite.config.ts 或 renderer/index.html），无法构建。\n' +
        'The renderer is missing (renderer/vite.config.ts or renderer/index.html), so there is nothing to build.',
    );
  }
  const { build } = await import('vite');
  await build({ configFile: RENDERER_CONFIG, logLevel: 'warn' });
  await verifyRendererCsp();
  console.log(`✓ 界面 / renderer → ${path.relative(ROOT, RENDERER_OUT)}`);
}

/** Fails when dist/renderer/index.html lacks a CSP meta with `script-src 'self'` or allows `'unsafe-eval'`. */
export async function verifyRendererCsp() {
  const indexPath = path.join(RENDERER_OUT, 'index.html');
  let html;
  try {
    html = await fs.readFile(indexPath, 'utf8');
  } catch {
    throw new BuildError(`构建后找不到 ${path.relative(ROOT, indexPath)}。\nThe build did not produce ${path.relative(ROOT, indexPath)}.`);
  }
  const problems = findCspProblems(html);
  if (problems.length > 0) {
    throw new BuildError(
      `dist/renderer/index.html 的内容安全策略（CSP）不合格 / the page's Content-Security-Policy fails the check:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
}

/** Bundles main/main.ts and main/preload.ts into CommonJS files Electron loads. */
export async function buildMain() {
  const { build } = await import('esbuild');
  await fs.rm(MAIN_OUT, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'main/main.ts', preload: 'main/preload.ts' },
    outdir: MAIN_OUT,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 41 runs Node 22+ in main; the sandboxed preload runs in Chromium with a small `require`.
    target: 'node22',
    external: ['electron'],
    tsconfig: 'main/tsconfig.json',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await verifyPreloadImports();
  console.log(`✓ 主进程 / main + preload → ${path.relative(ROOT, MAIN_OUT)}`);
}

/**
 * A sandboxed preload can only `require('electron')` (and a few polyfilled modules); a Node built-in
 * pulled in by accident would only fail at run time inside Electron, so fail the build instead.
 */
async function verifyPreloadImports() {
  const preload = await fs.readFile(path.join(MAIN_OUT, 'preload.cjs'), 'utf8');
  const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/gu)].map((match) => match[1]);
  const unexpected = [...new Set(required)].filter((name) => name !== 'electron');
  if (unexpected.length > 0) {
    throw new BuildError(`preload.cjs 引用了沙箱中不可用的模块 / the sandboxed preload requires: ${unexpected.join(', ')}`);
  }
}

/**
 * Builds what is asked for (both by default).
 * @param {{ renderer?: boolean, main?: boolean }} [parts]
 */
export async function buildAll(parts = {}) {
  const { renderer = true, main = true } = parts;
  if (main) await buildMain();
  if (renderer) await buildRenderer();
}

/**
 * Prints a build failure for people: our own errors as their message, anything else as one line.
 * @param {unknown} error
 */
export function reportBuildFailure(error) {
  if (error instanceof BuildError) {
    console.error(`\n构建失败 / Build failed:\n${error.message}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\n构建失败 / Build failed: ${message}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await buildAll();
  } catch (error) {
    reportBuildFailure(error);
    process.exitCode = 1;
  }
}
