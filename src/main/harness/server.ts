// The loopback transport: the built renderer plus the API over HTTP and server-sent events, on 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api';
import type { EventBus } from '../core/eventBus';
import { isEncodedBytes } from '../../shared/contract/bytes';
import { contentSecurityPolicy } from '../../shared/csp';
import { cookieToken, hostAllowed, sameToken, tokenCookie, tokenHeader } from './auth';
import { readStatic } from './staticFiles';

export interface HarnessOptions {
  dispatch: Dispatch;
  bus: EventBus;
  rendererDir: string;
  token: string;
  port?: number;
  /** Largest request body accepted, in bytes (spreadsheets are uploaded through the API). */
  maxBody?: number;
}

export interface Harness {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { token } = options;
  const maxBody = options.maxBody ?? 512 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = options.bus.subscribe((name, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ name, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
      console.error(err);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return send(res, 403, 'text/plain', 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
      if (!sameToken(token, headerValue(req, tokenHeader))) return send(res, 401, 'application/json', JSON.stringify(unauthorized));
      const body = await readBody(req, maxBody);
      if (body === null) return send(res, 413, 'application/json', JSON.stringify(tooLarge));
      let parsed: { method?: unknown; request?: unknown };
      try {
        parsed = JSON.parse(body.toString('utf8'), reviveBytes) as typeof parsed;
      } catch {
        return send(res, 400, 'application/json', JSON.stringify(badJson));
      }
      const result = await options.dispatch(parsed.method, parsed.request);
      return send(res, 200, 'application/json', JSON.stringify(result));
    }

    if (url.pathname === '/events') {
      if (!sameToken(token, cookieToken(req))) return send(res, 401, 'text/plain', 'Unauthorized');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...securityHeaders });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    const queryToken = url.searchParams.get('token');
    const isIndex = url.pathname === '/' || url.pathname === '/index.html';
    if (isIndex) {
      const given = queryToken ?? cookieToken(req);
      if (!sameToken(token, given)) return send(res, 401, 'text/plain', 'Unauthorized: open the URL Repdesk printed, with its token.');
      const file = await readStatic(options.rendererDir, '/index.html');
      if (!file) return send(res, 500, 'text/plain', 'The renderer is not built. Run npm run build.');
      const html = file.body.toString('utf8').replace('content="__REPDESK_TOKEN__"', `content="${token}"`);
      res.setHeader('Set-Cookie', `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      return send(res, 200, file.type, html, { 'Cache-Control': 'no-store' });
    }
    if (!sameToken(token, cookieToken(req))) return send(res, 401, 'text/plain', 'Unauthorized');
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    return send(res, 200, file.type, file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const res of streams) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const unauthorized = { ok: false, error: { code: 'invalid_request', message: 'Missing or wrong harness token.' } };
const tooLarge = { ok: false, error: { code: 'invalid_request', message: 'The request is too large.' } };
const badJson = { ok: false, error: { code: 'invalid_request', message: 'The request body is not JSON.' } };

/** File chunks arrive base64-encoded (see shared/contract/bytes.ts) and reach the API as bytes, as over IPC. */
function reviveBytes(_key: string, value: unknown): unknown {
  return isEncodedBytes(value) ? new Uint8Array(Buffer.from(value.$bytes, 'base64')) : value;
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === 'string' ? v : null;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...securityHeaders, ...extra });
  res.end(body);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
