/**
 * Vite config for the renderer. One build serves both shells: Electron loads dist/renderer over its
 * app:// protocol and `npm run web` serves the same files from 127.0.0.1, so assets use a relative base.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The Content-Security-Policy of the built app. No 'unsafe-eval' anywhere (antd, dexie and react
 * need none); styles allow inline because antd's CSS-in-JS injects <style> elements at runtime.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Injects the CSP meta only into the built HTML: the dev server needs inline scripts for React refresh. */
function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'talentledger-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

/**
 * Adds public/early-start.js as a plain script at the top of the head: it asks IndexedDB for the
 * stored databases while the page still parses, before the app's modules download (start-up speed;
 * see renderer/db/earlyStart.ts). A tag in index.html would make Vite warn that it cannot bundle it.
 */
function earlyStartPlugin(): Plugin {
  return {
    name: 'talentledger-early-start',
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [{ tag: 'script', attrs: { src: './early-start.js' }, injectTo: 'head-prepend' }];
      },
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), earlyStartPlugin(), contentSecurityPolicyPlugin()],
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
  },
  worker: {
    format: 'es',
  },
  build: {
    // TL_RENDERER_OUT lets parallel work build into its own folder (see e2e/playwright.config.ts).
    outDir: process.env.TL_RENDERER_OUT ?? '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // The app loads from local disk (app:// or 127.0.0.1), so a large vendor chunk costs little;
    // route pages are split with React.lazy so later heavy features (charts, Excel) load on demand.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        // Run module bodies in source order whatever chunk they land in. Without it a shared chunk
        // (e.g. zod's schemas in shared/ipc.ts) can run before main.tsx's first import
        // (cspSafeZod.ts), and zod would probe eval under the CSP.
        strictExecutionOrder: true,
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
  },
  preview: {
    host: '127.0.0.1',
    port: 5174,
  },
});
