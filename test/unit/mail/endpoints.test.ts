// Production always talks to Google; only test mode may point the client at a fake, and only on the loopback address.
import { describe, expect, it } from 'vitest';
import { clientFromEnv, endpointsFor, googleEndpoints } from '../../../src/main/core/mail/gmail/endpoints';

describe('Google endpoints', () => {
  it('ignore REPDESK_GOOGLE_BASE outside test mode', () => {
    expect(endpointsFor(false, { REPDESK_GOOGLE_BASE: 'http://127.0.0.1:9999' })).toBe(googleEndpoints);
  });
  it('point every endpoint at a loopback fake in test mode', () => {
    expect(endpointsFor(true, { REPDESK_GOOGLE_BASE: 'http://127.0.0.1:9999' })).toEqual({
      authorize: 'http://127.0.0.1:9999/o/oauth2/v2/auth',
      token: 'http://127.0.0.1:9999/token',
      revoke: 'http://127.0.0.1:9999/revoke',
      gmailRoot: 'http://127.0.0.1:9999/',
      calendarRoot: 'http://127.0.0.1:9999/',
    });
  });
  it('refuse a non-loopback override even in test mode', () => {
    expect(() => endpointsFor(true, { REPDESK_GOOGLE_BASE: 'https://evil.example' })).toThrow(/loopback/);
  });
  it('read an OAuth client from the environment', () => {
    expect(clientFromEnv({ REPDESK_GOOGLE_CLIENT_ID: ' id.apps.googleusercontent.com ', REPDESK_GOOGLE_CLIENT_SECRET: 's' })).toEqual({ clientId: 'id.apps.googleusercontent.com', clientSecret: 's' });
    expect(clientFromEnv({})).toBeNull();
  });
});
