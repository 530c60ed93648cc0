// Build of the three Electron bundles; main also builds the loopback harness entry.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { phoneRegexCache } from './build/phoneRegexCache.mts';

/**
 * The dev server injects React Refresh as an inline script and talks HMR over a websocket;
 * allow exactly that, and only while serving. Built files keep the strict policy of index.html.
 */
function devServerCsp(): Plugin {
  return {
    name: 'repdesk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://localhost:*"),
  };
}

export default defineConfig({
  main: {
    plugins: [phoneRegexCache()],
    build: {
      // saxen ships only as an ES module: bundled, so the CommonJS main bundles never require() it at runtime.
      // libphonenumber-js is bundled so that phoneRegexCache can fix its RegExp building (see build/phoneRegexCache.ts).
      externalizeDeps: { exclude: ['saxen', 'libphonenumber-js'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          harness: resolve(__dirname, 'src/main/harness/cli.ts'),
          // Reads and normalises spreadsheet rows in a worker thread (see core/import/workerRows.ts).
          importWorker: resolve(__dirname, 'src/main/core/import/importWorker.ts'),
          // Checkpoints the SQLite log after an import, off the main thread (see core/db/walCheckpointer.ts).
          checkpointWorker: resolve(__dirname, 'src/main/core/db/checkpointWorker.ts'),
          // Builds the indexes a big import dropped, off the main thread (see core/db/indexBuilder.ts).
          indexWorker: resolve(__dirname, 'src/main/core/db/indexWorker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require node_modules: bundle everything into one file.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), devServerCsp()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
