// Maps what googleapis / google-auth-library throw onto ProviderError kinds the engine acts on.
import { ProviderError } from '../errors';

interface GoogleErrorBody {
  error?: string | { code?: number; message?: string; status?: string; errors?: { reason?: string; message?: string }[] };
  error_description?: string;
}

interface ErrorLike {
  message?: string;
  code?: string | number;
  status?: number;
  response?: { status?: number; data?: unknown; headers?: Headers | Record<string, string> };
  cause?: unknown;
}

const rateReasons = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded', 'quotaExceeded', 'backendError_rate']);
const authReasons = new Set(['insufficientPermissions', 'authError', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', 'invalid_grant', 'unauthorized_client']);
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'AbortError', 'TimeoutError']);

export function toProviderError(err: unknown, now: number): ProviderError {
  if (err instanceof ProviderError) return err;
  const e = (err ?? {}) as ErrorLike;
  const status = e.response?.status ?? e.status;
  const body = (e.response?.data ?? {}) as GoogleErrorBody;
  const oauthError = typeof body.error === 'string' ? body.error : null;
  const apiError = typeof body.error === 'object' ? body.error : null;
  const reasons = (apiError?.errors ?? []).map((r) => r.reason ?? '');
  const apiMessage = apiError?.message ?? body.error_description ?? e.message ?? 'Unknown error';

  if (oauthError === 'invalid_grant' || e.message === 'invalid_grant' || /No refresh token/i.test(e.message ?? '')) {
    return new ProviderError('auth', 'Google says the sign-in expired or was revoked. Reconnect the mailbox in Settings > Mailboxes; nothing was sent meanwhile.', undefined, status);
  }
  if (oauthError && ['invalid_client', 'unauthorized_client'].includes(oauthError)) {
    return new ProviderError('auth', `Google refused Repdesk's OAuth client (${oauthError}). Check the client id and secret in Settings > Mailboxes, then reconnect.`, undefined, status);
  }
  if (status === 429 || (status === 403 && reasons.some((r) => rateReasons.has(r)))) {
    return new ProviderError('rate_limited', `Gmail asked Repdesk to slow down (${apiMessage}). It will try again later.`, retryAfterMs(e.response?.headers, now) ?? 60_000, status);
  }
  if (status === 401 || (status === 403 && (reasons.some((r) => authReasons.has(r)) || apiError?.status === 'PERMISSION_DENIED'))) {
    return new ProviderError('auth', `Google refused the mailbox's sign-in (${apiMessage}). Reconnect it in Settings > Mailboxes.`, undefined, status);
  }
  if (status !== undefined && status >= 500) {
    return new ProviderError('transient', `Gmail had a temporary problem (${status} ${apiMessage}). Repdesk will retry.`, retryAfterMs(e.response?.headers, now), status);
  }
  if (status === undefined && isNetworkError(e)) {
    return new ProviderError('transient', `Repdesk could not reach Google (${String(e.code ?? e.message)}). Check the connection; it will retry.`);
  }
  if (status !== undefined) {
    return new ProviderError('permanent', `Gmail refused the request (${status} ${apiMessage}).`, undefined, status);
  }
  return new ProviderError('transient', `Talking to Google failed: ${e.message ?? String(err)}`);
}

function isNetworkError(e: ErrorLike): boolean {
  const codes = [e.code, (e.cause as ErrorLike | undefined)?.code].filter(Boolean).map(String);
  return codes.some((c) => networkCodes.has(c)) || /fetch failed|network|socket|timed? ?out|aborted/i.test(e.message ?? '');
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers | Record<string, string> | undefined, now: number): number | undefined {
  if (!headers) return undefined;
  const raw = typeof (headers as Headers).get === 'function' ? (headers as Headers).get('retry-after') : ((headers as Record<string, string>)['retry-after'] ?? null);
  if (!raw) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
