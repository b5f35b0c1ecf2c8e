#!/usr/bin/env node
/**
 * `npm start`: makes sure the Electron binary is present (fetching it once if npm's ignore-scripts
 * skipped the download), builds, and launches the desktop app. Where Electron cannot be had, it says
 * so in Chinese and English, points to the browser version (`npm run web`) and exits non-zero.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildAll, reportBuildFailure, ROOT } from './build.mjs';

const require = createRequire(import.meta.url);
const DOWNLOAD_TIMEOUT_SECONDS = Number(process.env.TL_ELECTRON_DOWNLOAD_TIMEOUT ?? 60) || 60;

/** The folder of the installed `electron` package, or null when npm did not install it. */
function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json', { paths: [ROOT] }));
  } catch {
    return null;
  }
}

/**
 * Where the Electron executable is, or null when it was never downloaded.
 * Mirrors node_modules/electron/index.js without throwing.
 * @param {string} packageDir
 */
function electronExecutable(packageDir) {
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const executable = path.join(distDir, relative);
  return existsSync(executable) ? executable : null;
}

/**
 * Runs the package's own install.js (what `npm install` would have run without ignore-scripts).
 * Resolves to null on success or to a one-line reason.
 * @param {string} packageDir
 * @returns {Promise<string | null>}
 */
function downloadElectron(packageDir) {
  const installScript = path.join(packageDir, 'install.js');
  if (!existsSync(installScript)) return Promise.resolve('install.js is missing');
  console.log(`正在下载 Electron 运行程序（最多等待 ${DOWNLOAD_TIMEOUT_SECONDS} 秒）… / Downloading the Electron runtime (up to ${DOWNLOAD_TIMEOUT_SECONDS} s)…`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installScript], { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const collect = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`download timed out after ${DOWNLOAD_TIMEOUT_SECONDS} s`);
    }, DOWNLOAD_TIMEOUT_SECONDS * 1000);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : firstErrorLine(output) ?? `installer exited with code ${code}`);
    });
  });
}

/**
 * The one line of installer output worth showing (never the stack).
 * @param {string} output
 */
function firstErrorLine(output) {
  const lines = output.split(/\r?\n/u).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at '));
  const line = lines.find((candidate) => /error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|EACCES|certificate|status code/iu.test(candidate)) ?? lines[0];
  return line ? line.slice(0, 200) : null;
}

/** @param {string} reason */
function explainMissingElectron(reason) {
  const mirrorCommand = process.platform === 'win32'
    ? 'set ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ && npm start'
    : 'ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start';
  console.error(`
人才台账无法以桌面程序启动：本机没有 Electron 运行程序，自动下载也没有成功。
TalentLedger cannot start as a desktop app: the Electron runtime is missing and could not be downloaded.
原因 / Reason: ${reason}

请改用浏览器版 / Use the browser version instead:
    npm run web
（浏览器版的数据同样只保存在本机，但与桌面版分开存放。/ Its data also stays on this computer, apart from the desktop version's.）

能访问镜像时可重试 / To retry through a mirror:
    ${mirrorCommand}
`);
}

async function main() {
  const packageDir = electronPackageDir();
  if (packageDir === null) {
    explainMissingElectron('node_modules/electron is not installed; run npm install');
    return 1;
  }
  let executable = electronExecutable(packageDir);
  if (executable === null) {
    const failure = await downloadElectron(packageDir);
    executable = electronExecutable(packageDir);
    if (executable === null) {
      explainMissingElectron(failure ?? 'the installer finished but no binary was found');
      return 1;
    }
  }

  try {
    await buildAll();
  } catch (error) {
    reportBuildFailure(error);
    return 1;
  }

  const env = { ...process.env };
  // Left over from some tool, this would make Electron run as plain Node and ignore our app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env, cwd: ROOT });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`无法启动 Electron / Could not start Electron: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

process.exitCode = await main();
