// Unit tests in Node (core, api, transports) and renderer tests in jsdom.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { phoneRegexCache } from './build/phoneRegexCache.mts';

export default defineConfig({
  test: {
    projects: [
      {
        // The same libphonenumber-js as the app's build: transformed by phoneRegexCache, so inlined rather than loaded from node_modules.
        plugins: [phoneRegexCache()],
        test: { name: 'node', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, server: { deps: { inline: ['libphonenumber-js'] } } },
      },
      {
        plugins: [react()],
        test: { name: 'renderer', include: ['test/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['test/renderer/setup.ts'] },
      },
    ],
  },
});
