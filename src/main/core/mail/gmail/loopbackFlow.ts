// The desktop OAuth flow for installed apps: PKCE (S256), a checked state, a one-shot listener on 127.0.0.1.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../clock';

export interface LoopbackFlowOptions<T> {
  /** Builds the provider's authorize URL for this redirect URI, state and PKCE challenge. */
  authorizeUrl(params: { redirectUri: string; state: string; codeChallenge: string }): string;
  /** Exchanges the code; the returned sentence is shown on the page the browser lands on. */
  complete(params: { code: string; redirectUri: string; codeVerifier: string }): Promise<{ value: T; message: string }>;
  /** PKCE pair from the SDK (google-auth-library's generateCodeVerifierAsync). */
  codeVerifier: string;
  codeChallenge: string;
  clock: Clock;
  timeoutMs: number;
  providerName: string;
}

export interface LoopbackFlow<T> {
  authorizeUrl: string;
  redirectUri: string;
  /** Settles when the browser comes back (or on denial, cancel, timeout). */
  result: Promise<T>;
  cancel(): void;
}

export class ConnectError extends Error {
  constructor(
    message: string,
    readonly reason: 'denied' | 'cancelled' | 'timeout' | 'failed',
  ) {
    super(message);
    this.name = 'ConnectError';
  }
}

export async function startLoopbackFlow<T>(options: LoopbackFlowOptions<T>): Promise<LoopbackFlow<T>> {
  const state = randomBytes(24).toString('base64url');
  let settle!: { resolve: (v: T) => void; reject: (e: Error) => void };
  const result = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => undefined);
  let finished = false;
  let completing = false;

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the OS picks a free random port, as Google's loopback flow expects.
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://127.0.0.1:${port}/oauth2/callback`;

  const finish = (outcome: { value: T } | { error: Error }) => {
    if (finished) return;
    finished = true;
    options.clock.clearTimeout(timer);
    server.closeAllConnections();
    server.close();
    if ('value' in outcome) settle.resolve(outcome.value);
    else settle.reject(outcome.error);
  };
  const timer = options.clock.setTimeout(
    () => finish({ error: new ConnectError(`The ${options.providerName} sign-in was not finished in time. Start again from Settings > Mailboxes.`, 'timeout') }),
    options.timeoutMs,
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', redirectUri);
    if (url.pathname !== '/oauth2/callback' || req.method !== 'GET') return page(res, 404, 'Not found', 'This address only receives the sign-in answer.');
    if (finished || completing) return page(res, 409, 'Already handled', 'This sign-in has already been handled. You can close this tab.');
    const given = url.searchParams.get('state') ?? '';
    if (!sameState(state, given)) {
      // A wrong state is not our browser's answer (or a forged one): refuse it and keep waiting for the real one.
      return page(res, 400, 'Sign-in not recognised', 'This answer does not belong to the sign-in Repdesk started. Go back to Repdesk and try again.');
    }
    const error = url.searchParams.get('error');
    if (error) {
      const denied = error === 'access_denied';
      const message = denied
        ? `You did not allow Repdesk to use ${options.providerName}. Nothing was connected.`
        : `${options.providerName} reported a problem (${error}). Nothing was connected.`;
      page(res, 200, denied ? 'Not connected' : 'Sign-in failed', `${message} You can close this tab and return to Repdesk.`);
      return finish({ error: new ConnectError(message, denied ? 'denied' : 'failed') });
    }
    const code = url.searchParams.get('code');
    if (!code) return page(res, 400, 'Sign-in incomplete', 'The answer carried no authorisation code. Go back to Repdesk and try again.');
    completing = true;
    try {
      const done = await options.complete({ code, redirectUri, codeVerifier: options.codeVerifier });
      page(res, 200, 'Repdesk is connected', `${done.message} You can close this tab and return to Repdesk.`);
      finish({ value: done.value });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      page(res, 200, 'Sign-in failed', `${message} You can close this tab and try again from Repdesk.`);
      finish({ error: err instanceof Error ? err : new ConnectError(message, 'failed') });
    }
  }

  return {
    authorizeUrl: options.authorizeUrl({ redirectUri, state, codeChallenge: options.codeChallenge }),
    redirectUri,
    result,
    cancel: () => finish({ error: new ConnectError('The sign-in was cancelled.', 'cancelled') }),
  };
}

function sameState(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - Repdesk</title>
<style>body{font:15px/1.5 system-ui,sans-serif;background:#f5f6f8;color:#111827;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:32px 40px;max-width:480px;box-shadow:0 1px 2px rgb(16 24 40/6%)}
h1{font-size:20px;margin:0 0 8px}.mark{display:inline-grid;place-items:center;width:28px;height:28px;border-radius:7px;background:#4f46e5;color:#fff;font-weight:700;margin-bottom:12px}</style></head>
<body><main><div class="mark">R</div><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></main></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(html);
}
