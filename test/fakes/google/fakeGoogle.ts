// A strict fake of Google's OAuth, Gmail and Calendar APIs on 127.0.0.1, for the real googleapis client to talk to.
// Tests deliver inbound mail into it, inject faults (429 + Retry-After, 5xx, slow answers) and read what was sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { FakeMailbox, type InboundSpec, type StoredMessage } from './mailbox';
import { authorize, bearer, json, revoke, token, type OAuthState } from './oauth';

export const fakeClient = { clientId: '1234567890-fake.apps.googleusercontent.com', clientSecret: 'GOCSPX-fake-secret' };
export const requiredScopes = [
  'https://www.googleapis.com/auth/gmail.send',
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/calendar.readonly',
];

export type Route = 'profile' | 'sendAs' | 'messages.send' | 'messages.list' | 'messages.get' | 'threads.get' | 'history.list' | 'events.list' | 'token';

export interface Fault {
  route: Route;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  times?: number;
  body?: unknown;
}

export interface CalendarEventSpec {
  id?: string;
  summary: string;
  start: number;
  end: number;
  attendees: string[];
}

export interface FakeGoogleOptions {
  email?: string;
  displayName?: string;
  signature?: string;
  /** Mail time (internalDate); a test's manual clock, or the real one. */
  now?: () => number;
}

const apiError = (res: ServerResponse, code: number, message: string, reason: string, status: string, headers: Record<string, string> = {}) =>
  json(res, code, { error: { code, message, errors: [{ message, domain: 'global', reason }], status } }, headers);

export class FakeGoogle {
  readonly mailbox: FakeMailbox;
  readonly oauth: OAuthState;
  readonly calls: { route: Route; at: number }[] = [];
  readonly sent: StoredMessage[] = [];
  readonly events: (CalendarEventSpec & { id: string; created: number })[] = [];
  readonly faults: Fault[] = [];
  displayName: string;
  signature: string;
  origin = '';
  private server: Server | null = null;

  constructor(options: FakeGoogleOptions = {}) {
    const now = options.now ?? (() => Date.now());
    this.mailbox = new FakeMailbox(options.email ?? 'rep@acme-sales.com', now);
    this.displayName = options.displayName ?? 'Riley Rep';
    this.signature = options.signature ?? '<div>Riley Rep<br>Account Executive, Acme Sales</div>';
    this.oauth = {
      client: { ...fakeClient },
      requiredScopes,
      consent: 'allow',
      codes: new Map(),
      refreshTokens: new Map(),
      accessTokens: new Map(),
      // Token lifetimes follow real time: google-auth-library checks expiry with Date.now().
      now: () => Date.now(),
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => apiError(res, 500, String(err), 'backendError', 'INTERNAL'));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  // ---- test controls ----
  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }
  deliver(spec: InboundSpec): Promise<StoredMessage> {
    return this.mailbox.deliver(spec);
  }
  deliverRaw(raw: string | Buffer, at?: number): Promise<StoredMessage> {
    return this.mailbox.add(Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\r?\n/g, '\r\n')), ['INBOX', 'UNREAD'], at ? { at } : {});
  }
  /** The rep writing from Gmail itself (not through Repdesk). */
  sendOutside(spec: Omit<InboundSpec, 'from'>): Promise<StoredMessage> {
    return this.mailbox.deliver({ ...spec, from: this.mailbox.email }).then((m) => {
      m.labelIds = ['SENT'];
      this.mailbox.history.at(-1)!.message.labelIds = ['SENT'];
      return m;
    });
  }
  addEvent(spec: CalendarEventSpec): string {
    const id = spec.id ?? `evt${this.events.length + 1}`;
    this.events.push({ ...spec, id, created: this.mailbox.messages.size ? Date.now() : Date.now() });
    return id;
  }
  /** Every refresh token stops working (a "testing" app's 7 days passed, or the rep revoked access). */
  revokeAllTokens(): void {
    for (const t of this.oauth.refreshTokens.values()) t.revoked = true;
    this.oauth.accessTokens.clear();
  }
  /** Drops history up to now: a stored historyId becomes too old (404). */
  expireHistory(): void {
    this.mailbox.oldestHistoryId = this.mailbox.historyId + 1;
  }
  callCount(route?: Route): number {
    return route ? this.calls.filter((c) => c.route === route).length : this.calls.length;
  }
  liveRefreshTokens(): number {
    return [...this.oauth.refreshTokens.values()].filter((t) => !t.revoked).length;
  }

  // ---- HTTP ----
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/o/oauth2/v2/auth') return authorize(this.oauth, url, res);
    if (method === 'POST' && path === '/token') {
      if (await this.faulted('token', res)) return;
      return token(this.oauth, req, res);
    }
    if (method === 'POST' && path === '/revoke') return revoke(this.oauth, url, req, res);

    const route = routeOf(method, path);
    if (!route) return apiError(res, 404, `Unknown path ${method} ${path}`, 'notFound', 'NOT_FOUND');
    const auth = bearer(this.oauth, req);
    if (!auth) {
      return apiError(res, 401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'authError', 'UNAUTHENTICATED', {
        'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      });
    }
    this.calls.push({ route: route.name, at: Date.now() });
    // The request is received before any injected delay: a slow answer still acts (like Gmail after a client timeout).
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (await this.faulted(route.name, res)) return;
    const need = route.name === 'messages.send' ? 'gmail.send' : route.name === 'events.list' ? 'calendar.readonly' : 'gmail.readonly';
    if (!auth.scope.split(' ').some((s) => s.endsWith(`/${need}`))) {
      return apiError(res, 403, 'Request had insufficient authentication scopes.', 'insufficientPermissions', 'PERMISSION_DENIED');
    }
    const user = route.params.user;
    if (user !== undefined && user !== 'me' && user !== this.mailbox.email) return apiError(res, 403, 'Delegation denied', 'forbidden', 'PERMISSION_DENIED');
    return this.api(route.name, route.params, url, body, res);
  }

  private async faulted(route: Route, res: ServerResponse): Promise<boolean> {
    const fault = this.faults.find((f) => f.route === route && (f.times ?? 1) > 0);
    if (!fault) return false;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (!fault.status) return false;
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
    if (fault.body) json(res, fault.status, fault.body, headers);
    else if (fault.status === 429) apiError(res, 429, 'Resource has been exhausted (e.g. check quota).', 'rateLimitExceeded', 'RESOURCE_EXHAUSTED', headers);
    else if (fault.status === 403) apiError(res, 403, 'User-rate limit exceeded.', 'userRateLimitExceeded', 'PERMISSION_DENIED', headers);
    else if (fault.status >= 500) apiError(res, fault.status, 'Internal error encountered.', 'backendError', fault.status === 503 ? 'UNAVAILABLE' : 'INTERNAL', headers);
    else apiError(res, fault.status, 'Injected failure', 'failedPrecondition', 'FAILED_PRECONDITION', headers);
    return true;
  }

  private async api(route: Route, params: Record<string, string>, url: URL, body: Buffer, res: ServerResponse): Promise<void> {
    const q = url.searchParams;
    const mb = this.mailbox;
    switch (route) {
      case 'profile':
        return json(res, 200, { emailAddress: mb.email, messagesTotal: mb.messages.size, threadsTotal: new Set([...mb.messages.values()].map((m) => m.threadId)).size, historyId: String(mb.historyId) });
      case 'sendAs':
        return json(res, 200, { sendAs: [{ sendAsEmail: mb.email, displayName: this.displayName, replyToAddress: '', signature: this.signature, isPrimary: true, isDefault: true, treatAsAlias: false }] });
      case 'messages.send':
        return this.send(body, res);
      case 'messages.list': {
        let found: StoredMessage[];
        try {
          found = mb.search(q.get('q') ?? '', q.get('includeSpamTrash') === 'true');
        } catch (err) {
          return apiError(res, 400, (err as Error).message, 'invalidArgument', 'INVALID_ARGUMENT');
        }
        const max = Math.min(Number(q.get('maxResults') ?? 100), 500);
        const start = Number(q.get('pageToken') ?? 0);
        const page = found.slice(start, start + max);
        return json(res, 200, {
          ...(page.length ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
          ...(start + max < found.length ? { nextPageToken: String(start + max) } : {}),
          resultSizeEstimate: found.length,
        });
      }
      case 'messages.get': {
        const m = mb.messages.get(params.id!);
        if (!m) return apiError(res, 404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND');
        return json(res, 200, messageResource(m, q.get('format') ?? 'full'));
      }
      case 'threads.get': {
        const messages = mb.thread(params.id!);
        if (!messages.length) return apiError(res, 404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND');
        return json(res, 200, { id: params.id, historyId: String(Math.max(...messages.map((m) => m.historyId))), messages: messages.map((m) => messageResource(m, q.get('format') ?? 'full')) });
      }
      case 'history.list': {
        const start = Number(q.get('startHistoryId'));
        if (!Number.isFinite(start) || start <= 0) return apiError(res, 400, 'Invalid startHistoryId', 'invalidArgument', 'INVALID_ARGUMENT');
        if (start < mb.oldestHistoryId) return apiError(res, 404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND');
        const types = q.getAll('historyTypes');
        if (types.length && !types.every((t) => t === 'messageAdded')) return apiError(res, 400, 'This fake records messageAdded only', 'invalidArgument', 'INVALID_ARGUMENT');
        const records = mb.history.filter((h) => h.id > start);
        const max = Math.min(Number(q.get('maxResults') ?? 100), 500);
        const offset = Number(q.get('pageToken') ?? 0);
        const page = records.slice(offset, offset + max);
        return json(res, 200, {
          ...(page.length ? { history: page.map((h) => ({ id: String(h.id), messages: [{ id: h.message.id, threadId: h.message.threadId }], messagesAdded: [{ message: h.message }] })) } : {}),
          ...(offset + max < records.length ? { nextPageToken: String(offset + max) } : {}),
          historyId: String(mb.historyId),
        });
      }
      case 'events.list': {
        if (params.calendar !== 'primary') return apiError(res, 404, 'Not Found', 'notFound', 'NOT_FOUND');
        const timeMin = q.get('timeMin') ? Date.parse(q.get('timeMin')!) : 0;
        if (Number.isNaN(timeMin)) return apiError(res, 400, 'Bad Request', 'badRequest', 'INVALID_ARGUMENT');
        const items = this.events.filter((e) => e.end > timeMin).map((e) => ({
          kind: 'calendar#event',
          id: e.id,
          status: 'confirmed',
          summary: e.summary,
          created: new Date(e.created).toISOString(),
          start: { dateTime: new Date(e.start).toISOString() },
          end: { dateTime: new Date(e.end).toISOString() },
          organizer: { email: mb.email, self: true },
          attendees: [{ email: mb.email, self: true, responseStatus: 'accepted' }, ...e.attendees.map((a) => ({ email: a, responseStatus: 'needsAction' }))],
        }));
        return json(res, 200, { kind: 'calendar#events', summary: mb.email, timeZone: 'UTC', items });
      }
      default:
        return apiError(res, 404, 'Not Found', 'notFound', 'NOT_FOUND');
    }
  }

  /** messages.send: checks the MIME and, for a reply, the threading headers Gmail needs to keep it in the thread. */
  private async send(payload: Buffer, res: ServerResponse): Promise<void> {
    let body: { raw?: string; threadId?: string };
    try {
      body = JSON.parse(payload.toString('utf8')) as typeof body;
    } catch {
      return apiError(res, 400, 'Invalid JSON payload received.', 'parseError', 'INVALID_ARGUMENT');
    }
    if (!body.raw || !/^[A-Za-z0-9_-]+=*$/.test(body.raw)) return apiError(res, 400, "Invalid value for ByteString: raw must be base64url", 'invalidArgument', 'INVALID_ARGUMENT');
    const raw = Buffer.from(body.raw, 'base64url');
    const parsed = await simpleParser(raw);
    const bad = (msg: string) => apiError(res, 400, msg, 'invalidArgument', 'INVALID_ARGUMENT');
    const to = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
    if (!to.flatMap((a) => a.value).some((v) => v.address)) return bad('Invalid To header');
    if (parsed.from?.value[0]?.address?.toLowerCase() !== this.mailbox.email) return bad('From must be the authenticated user or a verified send-as alias');
    if (!parsed.messageId) return bad('This fake requires a Message-ID (Repdesk stores its own before sending)');
    if (!parsed.date) return bad('Missing Date header');
    if (!parsed.text || !parsed.html) return bad('Expected HTML with a plain-text alternative');
    if (body.threadId) {
      const thread = this.mailbox.thread(body.threadId);
      if (!thread.length) return apiError(res, 404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND');
      const threadIds = thread.map((m) => m.messageId).filter(Boolean);
      const inReplyTo = (Array.isArray(parsed.inReplyTo) ? parsed.inReplyTo[0] : parsed.inReplyTo) ?? '';
      const refs = (Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : []).join(' ');
      if (!threadIds.includes(inReplyTo)) return bad(`In-Reply-To must name a message of thread ${body.threadId}`);
      if (!refs.includes(inReplyTo)) return bad('References must include the In-Reply-To message');
      const base = (s: string) => s.replace(/^\s*((re|aw|fwd?)\s*:\s*)+/i, '').trim().toLowerCase();
      if (base(parsed.subject ?? '') !== base(thread[0]!.subject)) return bad('Subject must match the thread for Gmail to keep the reply in it');
    }
    const stored = await this.mailbox.add(raw, ['SENT'], body.threadId ? { threadId: body.threadId } : {});
    this.sent.push(stored);
    return json(res, 200, { id: stored.id, threadId: stored.threadId, labelIds: stored.labelIds });
  }
}

function messageResource(m: StoredMessage, format: string) {
  const base = { id: m.id, threadId: m.threadId, labelIds: m.labelIds, snippet: m.snippet, historyId: String(m.historyId), internalDate: String(m.internalDate), sizeEstimate: m.raw.length };
  if (format === 'raw') return { ...base, raw: m.raw.toString('base64url') };
  if (format === 'minimal') return base;
  const headers = [
    { name: 'From', value: m.from },
    { name: 'Subject', value: m.subject },
    ...(m.messageId ? [{ name: 'Message-ID', value: m.messageId }] : []),
  ];
  return { ...base, payload: { mimeType: 'message/rfc822', headers } };
}

function routeOf(method: string, path: string): { name: Route; params: Record<string, string> } | null {
  const table: [string, RegExp, Route, string[]][] = [
    ['GET', /^\/gmail\/v1\/users\/([^/]+)\/profile$/, 'profile', ['user']],
    ['GET', /^\/gmail\/v1\/users\/([^/]+)\/settings\/sendAs$/, 'sendAs', ['user']],
    ['POST', /^\/gmail\/v1\/users\/([^/]+)\/messages\/send$/, 'messages.send', ['user']],
    ['GET', /^\/gmail\/v1\/users\/([^/]+)\/messages$/, 'messages.list', ['user']],
    ['GET', /^\/gmail\/v1\/users\/([^/]+)\/messages\/([^/]+)$/, 'messages.get', ['user', 'id']],
    ['GET', /^\/gmail\/v1\/users\/([^/]+)\/threads\/([^/]+)$/, 'threads.get', ['user', 'id']],
    ['GET', /^\/gmail\/v1\/users\/([^/]+)\/history$/, 'history.list', ['user']],
    ['GET', /^\/calendar\/v3\/calendars\/([^/]+)\/events$/, 'events.list', ['calendar']],
  ];
  for (const [m, re, name, keys] of table) {
    const match = method === m ? re.exec(path) : null;
    if (match) return { name, params: Object.fromEntries(keys.map((k, i) => [k, decodeURIComponent(match[i + 1]!)])) };
  }
  return null;
}
