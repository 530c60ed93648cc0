// A Playwright fixture that starts the built harness on a random port with its own data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface RunningHarness {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  restart(): Promise<void>;
}

const root = resolve(__dirname, '../../..');

export async function startHarnessProcess(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, 'out/main/harness.js'), '--data', dataDir, '--port', '0', '--test-mode', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match) resolveUrl(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`harness exited with ${code}: ${err}`)));
  });
  return { child, url };
}

export function stopHarnessProcess(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ harness: RunningHarness; app: Page }>({
  harness: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'repdesk-e2e-'));
    let running = await startHarnessProcess(dataDir);
    const describe = () => {
      const u = new URL(running.url);
      return { url: running.url, origin: u.origin, token: u.searchParams.get('token')! };
    };
    const harness: RunningHarness = {
      ...describe(),
      dataDir,
      async restart() {
        await stopHarnessProcess(running.child);
        running = await startHarnessProcess(dataDir);
        Object.assign(harness, describe());
      },
    };
    await use(harness);
    await stopHarnessProcess(running.child);
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, harness }, use) => {
    await openApp(page, harness.url);
    await use(page);
  },
});

export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
}

export { expect };
