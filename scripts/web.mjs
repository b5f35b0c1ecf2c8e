#!/usr/bin/env node
/**
 * `npm run web`: builds the renderer and serves dist/renderer on 127.0.0.1 for a browser — the same
 * app without Electron (the renderer switches to its browser platform adapter by itself).
 * Port: `--port N`, else the PORT variable, else 5174; a busy port moves to the next free one.
 * Runs until stopped with Ctrl+C.
 */
import path from 'node:path';
import { buildRenderer, reportBuildFailure, ROOT } from './build.mjs';

const DEFAULT_PORT = 5174;

/**
 * The port asked for on the command line or in PORT, or an error message.
 * @param {string[]} argv
 * @param {string | undefined} envPort
 * @returns {{ port: number } | { error: string }}
 */
function requestedPort(argv, envPort) {
  let text = envPort;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--port') text = argv[index + 1];
    else if (argument.startsWith('--port=')) text = argument.slice('--port='.length);
  }
  if (text === undefined || text === '') return { port: DEFAULT_PORT };
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { error: `端口无效：${text}（应为 1–65535 的整数）/ Invalid port: ${text} (expected an integer 1–65535)` };
  }
  return { port };
}

async function main() {
  const requested = requestedPort(process.argv.slice(2), process.env.PORT);
  if ('error' in requested) {
    console.error(requested.error);
    return 1;
  }
  try {
    await buildRenderer();
  } catch (error) {
    reportBuildFailure(error);
    return 1;
  }

  const { preview } = await import('vite');
  const server = await preview({
    configFile: path.join(ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: requested.port, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : requested.port;
  const url = `http://127.0.0.1:${port}/`;

  console.log(`\n人才台账 网页版: ${url}`);
  console.log(`TalentLedger (browser version): ${url}`);
  if (port !== requested.port) {
    // The browser keeps IndexedDB per origin, and the port is part of the origin.
    console.log(`\n注意：端口 ${requested.port} 已被占用，改用 ${port}。浏览器按地址分别保存数据，换了端口就看不到原来的数据；`);
    console.log(`请关闭占用端口的程序后重新运行。/ Note: port ${requested.port} is busy, using ${port}. Browser data is kept per address,`);
    console.log('so data saved under the usual port is not visible here. Free the port and restart to see it.');
  }
  console.log('\n按 Ctrl+C 停止 / Press Ctrl+C to stop.');

  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

process.exitCode = await main();
