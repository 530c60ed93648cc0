// Error mapping: what googleapis / google-auth-library throw becomes auth, rate_limited, transient or permanent.
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/main/core/mail/errors';
import { retryAfterMs, toProviderError } from '../../../src/main/core/mail/gmail/errors';
import { nextRetryDelay } from '../../../src/main/core/mail/retry';

const now = Date.parse('2026-03-02T09:00:00Z');
const gaxios = (status: number, data: unknown, headers: Record<string, string> = {}) => ({ message: 'Request failed', status, response: { status, data, headers: new Headers(headers) } });
const gmailBody = (code: number, reason: string, status: string, message = 'x') => ({ error: { code, message, errors: [{ reason, domain: 'global', message }], status } });

describe('toProviderError', () => {
  it.each([
    ['invalid_grant from the token endpoint', gaxios(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }), 'auth'],
    ['invalid_client', gaxios(401, { error: 'invalid_client', error_description: 'Unauthorized' }), 'auth'],
    ['401 UNAUTHENTICATED', gaxios(401, gmailBody(401, 'authError', 'UNAUTHENTICATED')), 'auth'],
    ['403 insufficient scopes', gaxios(403, gmailBody(403, 'insufficientPermissions', 'PERMISSION_DENIED')), 'auth'],
    ['429', gaxios(429, gmailBody(429, 'rateLimitExceeded', 'RESOURCE_EXHAUSTED')), 'rate_limited'],
    ['403 userRateLimitExceeded', gaxios(403, gmailBody(403, 'userRateLimitExceeded', 'PERMISSION_DENIED')), 'rate_limited'],
    ['403 dailyLimitExceeded (sending limit)', gaxios(403, gmailBody(403, 'dailyLimitExceeded', 'PERMISSION_DENIED')), 'rate_limited'],
    ['500', gaxios(500, gmailBody(500, 'backendError', 'INTERNAL')), 'transient'],
    ['503', gaxios(503, gmailBody(503, 'backendError', 'UNAVAILABLE')), 'transient'],
    ['connection refused', { message: 'request to https://gmail.googleapis.com failed', code: 'ECONNREFUSED' }, 'transient'],
    ['fetch failed (undici)', { message: 'fetch failed', cause: { code: 'UND_ERR_SOCKET' } }, 'transient'],
    ['400 invalid recipient', gaxios(400, gmailBody(400, 'invalidArgument', 'INVALID_ARGUMENT', 'Invalid To header')), 'permanent'],
    ['404 not found', gaxios(404, gmailBody(404, 'notFound', 'NOT_FOUND', 'Requested entity was not found.')), 'permanent'],
  ])('%s', (_name, err, kind) => {
    const mapped = toProviderError(err, now);
    expect(mapped).toBeInstanceOf(ProviderError);
    expect(mapped.kind).toBe(kind);
    expect(mapped.message.length).toBeGreaterThan(20);
  });

  it('reads Retry-After as seconds or as an HTTP date, defaulting to a minute for rate limits', () => {
    expect(toProviderError(gaxios(429, {}, { 'Retry-After': '120' }), now).retryAfterMs).toBe(120_000);
    expect(retryAfterMs(new Headers({ 'Retry-After': 'Mon, 02 Mar 2026 09:05:00 GMT' }), now)).toBe(300_000);
    expect(toProviderError(gaxios(429, {}), now).retryAfterMs).toBe(60_000);
  });

  it('tells the rep what to do when the sign-in is gone', () => {
    expect(toProviderError(gaxios(400, { error: 'invalid_grant' }), now).message).toMatch(/Reconnect the mailbox in Settings > Mailboxes; nothing was sent/);
  });
});

describe('nextRetryDelay', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 60_000, maxDelayMs: 600_000, jitter: 0 };
  it('backs off exponentially, honours Retry-After as a floor and gives up after the attempts', () => {
    const transient = new ProviderError('transient', 'x');
    expect([1, 2, 3].map((a) => nextRetryDelay(transient, a, policy))).toEqual([60_000, 120_000, 240_000]);
    expect(nextRetryDelay(transient, 4, policy)).toBeNull();
    expect(nextRetryDelay(new ProviderError('rate_limited', 'x', 900_000), 1, policy)).toBe(900_000);
  });
  it('never retries a permanent or auth failure', () => {
    expect(nextRetryDelay(new ProviderError('permanent', 'x'), 1, policy)).toBeNull();
    expect(nextRetryDelay(new ProviderError('auth', 'x'), 1, policy)).toBeNull();
  });
});
