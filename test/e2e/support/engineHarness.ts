// A Playwright fixture for engine flows: the harness with the in-memory test mailbox, and API helpers (test clock, prospects).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { openApp, startHarnessProcess } from './harness';

export interface EngineHarness {
  url: string;
  call<T = unknown>(method: string, request?: unknown): Promise<T>;
}

async function callApi(request: APIRequestContext, url: string, method: string, body: unknown): Promise<unknown> {
  const u = new URL(url);
  const res = await request.post(`${u.origin}/api/call`, { data: { method, request: body ?? {} }, headers: { 'X-Repdesk-Token': u.searchParams.get('token')! } });
  const json = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!json.ok) throw new Error(`${method}: ${json.error?.message}`);
  return json.value;
}

export const test = base.extend<{ engine: EngineHarness; app: Page }>({
  engine: async ({ request }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'repdesk-e2e-engine-'));
    const running = await startHarnessProcess(dataDir, ['--fake-mailbox']);
    await use({ url: running.url, call: (m, r) => callApi(request, running.url, m, r) as never });
    await new Promise<void>((done) => {
      if (running.child.exitCode !== null) return done();
      running.child.once('exit', () => done());
      running.child.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, engine }, use) => {
    await openApp(page, engine.url);
    await use(page);
  },
});

export { expect };
