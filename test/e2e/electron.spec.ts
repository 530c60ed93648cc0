// Smoke test of the real desktop app; runs wherever the Electron binary is installed.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(__dirname, '../..');
const electronDir = join(root, 'node_modules/electron');

function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const skipReason =
  'Electron binary not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 on a machine that cannot download it); the same UI is tested through the harness.';

test('the desktop window opens on the Today screen', async () => {
  if (!binary) console.log(`electron smoke test skipped: ${skipReason}`);
  test.skip(!binary, skipReason);
  const app = await electron.launch({
    executablePath: binary!,
    args: [root, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    env: { ...process.env, REPDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'repdesk-electron-')) },
  });
  const window = await app.firstWindow();
  await expect(window.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(window.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const exposed = await window.evaluate(() => Object.keys((window as unknown as { repdesk: object }).repdesk).sort());
  expect(exposed).toEqual(['call', 'methods', 'subscribe']);
  await app.close();
});
