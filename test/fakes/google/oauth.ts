// The fake's OAuth 2.0 endpoints: authorize (auto-consent), token (authorization_code with PKCE, refresh_token), revoke.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface OAuthState {
  client: OAuthClient;
  requiredScopes: string[];
  /** What the "person" does on the consent screen. */
  consent: 'allow' | 'deny' | { grantScopes: string[] };
  codes: Map<string, { redirectUri: string; challenge: string; scope: string; used: boolean }>;
  refreshTokens: Map<string, { revoked: boolean; scope: string }>;
  accessTokens: Map<string, { expiresAt: number; refreshToken: string }>;
  now(): number;
}

export const oauthError = (res: ServerResponse, status: number, error: string, description: string) => json(res, status, { error, error_description: description });

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

const isLoopback = (uri: string) => {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === '[::1]' || u.hostname === 'localhost') && u.port !== '';
  } catch {
    return false;
  }
};

export function authorize(state: OAuthState, url: URL, res: ServerResponse): void {
  const p = url.searchParams;
  const fail = (msg: string) => {
    res.writeHead(400, { 'Content-Type': 'text/html' });
    res.end(`<h1>Error 400: invalid_request</h1><p>${msg}</p>`);
  };
  if (p.get('client_id') !== state.client.clientId) return fail('The OAuth client was not found (client_id).');
  const redirectUri = p.get('redirect_uri') ?? '';
  if (!isLoopback(redirectUri)) return fail('redirect_uri must be a loopback address with a port for a Desktop app client.');
  if (p.get('response_type') !== 'code') return fail('response_type must be code.');
  if (p.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(p.get('code_challenge') ?? '')) return fail('PKCE with S256 is required.');
  const stateParam = p.get('state');
  if (!stateParam) return fail('state is required by this fake (Repdesk must send one).');
  if (p.get('access_type') !== 'offline') return fail('access_type=offline is needed for a refresh token.');
  const scope = (p.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const missing = state.requiredScopes.filter((s) => !scope.includes(s));
  if (missing.length) return fail(`Missing scopes: ${missing.join(' ')}`);
  const back = new URL(redirectUri);
  back.searchParams.set('state', stateParam);
  if (state.consent === 'deny') {
    back.searchParams.set('error', 'access_denied');
  } else {
    const granted = typeof state.consent === 'object' ? state.consent.grantScopes : scope;
    const code = `4/0A${randomBytes(18).toString('base64url')}`;
    state.codes.set(code, { redirectUri, challenge: p.get('code_challenge')!, scope: granted.join(' '), used: false });
    back.searchParams.set('code', code);
    back.searchParams.set('scope', granted.join(' '));
  }
  res.writeHead(302, { Location: back.toString() });
  res.end();
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return new URLSearchParams(JSON.parse(body || '{}') as Record<string, string>);
  return new URLSearchParams(body);
}

export async function token(state: OAuthState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  if (form.get('client_id') !== state.client.clientId) return oauthError(res, 401, 'invalid_client', 'The OAuth client was not found.');
  if ((form.get('client_secret') ?? '') !== state.client.clientSecret) return oauthError(res, 401, 'invalid_client', 'Unauthorized');
  const grant = form.get('grant_type');
  if (grant === 'authorization_code') {
    const entry = state.codes.get(form.get('code') ?? '');
    if (!entry || entry.used) return oauthError(res, 400, 'invalid_grant', 'Malformed auth code.');
    entry.used = true;
    if (form.get('redirect_uri') !== entry.redirectUri) return oauthError(res, 400, 'redirect_uri_mismatch', 'Bad Request');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (!verifier || challenge !== entry.challenge) return oauthError(res, 400, 'invalid_grant', 'Invalid code verifier.');
    const refresh = `1//0g${randomBytes(24).toString('base64url')}`;
    state.refreshTokens.set(refresh, { revoked: false, scope: entry.scope });
    return json(res, 200, { ...issueAccess(state, refresh), refresh_token: refresh, scope: entry.scope, token_type: 'Bearer', refresh_token_expires_in: 604799 });
  }
  if (grant === 'refresh_token') {
    const refresh = form.get('refresh_token') ?? '';
    const entry = state.refreshTokens.get(refresh);
    if (!entry || entry.revoked) return oauthError(res, 400, 'invalid_grant', 'Token has been expired or revoked.');
    return json(res, 200, { ...issueAccess(state, refresh), scope: entry.scope, token_type: 'Bearer' });
  }
  return oauthError(res, 400, 'unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
}

function issueAccess(state: OAuthState, refreshToken: string) {
  const access = `ya29.${randomBytes(24).toString('base64url')}`;
  state.accessTokens.set(access, { expiresAt: state.now() + 3599_000, refreshToken });
  return { access_token: access, expires_in: 3599 };
}

export async function revoke(state: OAuthState, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const tokenValue = url.searchParams.get('token') ?? form.get('token') ?? '';
  const refresh = state.refreshTokens.get(tokenValue);
  const access = state.accessTokens.get(tokenValue);
  if (!refresh && !access) return oauthError(res, 400, 'invalid_token', 'Token expired or revoked');
  const refreshToken = refresh ? tokenValue : access!.refreshToken;
  state.refreshTokens.get(refreshToken)!.revoked = true;
  for (const [k, v] of state.accessTokens) if (v.refreshToken === refreshToken) state.accessTokens.delete(k);
  json(res, 200, {});
}

/** The access token's refresh token when the Authorization header carries a live one. */
export function bearer(state: OAuthState, req: IncomingMessage): { refreshToken: string; scope: string } | null {
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const entry = m ? state.accessTokens.get(m[1]!) : undefined;
  if (!entry || entry.expiresAt <= state.now()) return null;
  const refresh = state.refreshTokens.get(entry.refreshToken);
  if (!refresh || refresh.revoked) return null;
  return { refreshToken: entry.refreshToken, scope: refresh.scope };
}
