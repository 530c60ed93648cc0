// Lint: typescript-eslint, React hooks, and the layer map that says which folder may import which.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electron = { name: 'electron', message: 'Only src/main/app, src/main/index.ts and src/preload may import electron.' };
const pattern = (group, message) => ({ group, message });

/** The layer map (see ARCHITECTURE.md): arrows only point down. */
export const layers = [
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    paths: [electron],
    patterns: [
      pattern(['**/main/**', '**/renderer/**', '**/preload/**'], 'src/shared is pure: it imports nothing from main, renderer or preload.'),
      pattern(['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http'], 'src/shared is pure: no Node built-ins.'),
      pattern(['react', 'react-dom', 'react/*'], 'src/shared is pure: no DOM or React.'),
    ],
  },
  {
    files: ['src/main/core/**/*.ts'],
    paths: [electron],
    patterns: [pattern(['**/api', '**/api/**', '**/app/**', '**/harness/**', '**/renderer/**', '**/preload/**'], 'core never imports api, app, harness, renderer or preload.')],
  },
  {
    files: ['src/main/api/**/*.ts'],
    paths: [electron],
    patterns: [pattern(['**/app/**', '**/harness/**', '**/renderer/**', '**/preload/**'], 'api is transport-agnostic: no app, harness, renderer or preload.')],
  },
  {
    files: ['src/main/harness/**/*.ts'],
    paths: [electron],
    patterns: [pattern(['**/app/**', '**/renderer/**', '**/preload/**'], 'the harness runs without Electron: no app, renderer or preload.')],
  },
  {
    files: ['src/main/app/**/*.ts'],
    patterns: [pattern(['**/harness/**', '**/renderer/**', '**/preload/**'], 'app does not import the harness, renderer or preload.')],
  },
  {
    files: ['src/preload/**/*.ts'],
    patterns: [pattern(['**/main/**', '**/renderer/**'], 'the preload imports electron and src/shared only.')],
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    paths: [electron],
    patterns: [pattern(['**/main/**', '**/preload/**', 'node:*'], 'the renderer talks to main only through the API client.')],
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The app's code writes through its Log (core/log.ts), never straight to the console: a stray console line is
    // debugging left behind. Only the log itself and the command-line entry points print.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/core/log.ts', 'src/main/harness/cli.ts', 'src/main/harness/server.ts', 'src/main/app/start.ts'],
    rules: { 'no-console': 'error' },
  },
  ...layers.map(({ files, paths = [], patterns = [] }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  })),
);
