import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { startHarness, type Harness } from '../../../src/main/harness/server';
import { makeTestCore, type TestCore } from '../../support/testCore';

let t: TestCore;
let harness: Harness;
const token = 'test-token-0123456789';

function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: harness.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

beforeEach(async () => {
  t = makeTestCore();
  const rendererDir = mkdtempSync(join(tmpdir(), 'repdesk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<meta name="repdesk-token" content="__REPDESK_TOKEN__">');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, '..', 'secret.txt'), 'nope');
  harness = await startHarness({ dispatch: createApi(t.core), bus: t.core.bus, rendererDir, token, maxBody: 1024 });
});
afterEach(() => harness.close());

const cookie = { Cookie: `repdesk_token=${token}` };

describe('harness server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect((harness.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('serves the page with the token injected only to a request that carries the token', async () => {
    expect((await raw('/')).status).toBe(401);
    expect((await raw('/?token=wrong')).status).toBe(401);
    const page = await raw(`/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`content="${token}"`);
    expect(String(page.headers['set-cookie'])).toContain('HttpOnly');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('refuses API calls without the token header, even with the cookie', async () => {
    const body = JSON.stringify({ method: 'settings.get', request: {} });
    expect((await raw('/api/call', { method: 'POST', body, headers: cookie })).status).toBe(401);
    const ok = await raw('/api/call', { method: 'POST', body, headers: { 'X-Repdesk-Token': token } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
  });

  it('answers bad bodies with clear errors and refuses oversized ones', async () => {
    const headers = { 'X-Repdesk-Token': token };
    expect((await raw('/api/call', { method: 'POST', body: '{nope', headers })).status).toBe(400);
    expect((await raw('/api/call', { method: 'POST', body: 'x'.repeat(5000), headers })).status).toBe(413);
    const invalid = await raw('/api/call', { method: 'POST', body: JSON.stringify({ method: 'settings.update', request: { timeZone: 1 } }), headers });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    const res = await raw(`/?token=${token}`, { headers: { Host: `evil.example:${harness.port}` } });
    expect(res.status).toBe(403);
  });

  it('serves assets only with the cookie and never outside the renderer folder', async () => {
    expect((await raw('/assets/app.js')).status).toBe(401);
    expect((await raw('/assets/app.js', { headers: cookie })).status).toBe(200);
    expect((await raw('/../secret.txt', { headers: cookie })).status).toBe(404);
    expect((await raw('/%2e%2e/secret.txt', { headers: cookie })).status).toBe(404);
  });

  it('streams core events to the page as server-sent events', async () => {
    const received = new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port: harness.port, path: '/events', headers: cookie }, (res) => {
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          if (buf.includes('settings.changed')) {
            resolve(buf);
            req.destroy();
          } else if (buf.includes(': connected')) {
            t.core.settings.update({ repName: 'Streamed' });
          }
        });
      });
      req.end();
    });
    expect(await received).toContain('"repName":"Streamed"');
  });
});
