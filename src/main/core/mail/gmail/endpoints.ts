// Where Google lives: the real endpoints, or (in test mode only) a fake Google server on 127.0.0.1.
export interface GoogleEndpoints {
  authorize: string;
  token: string;
  revoke: string;
  /** rootUrl for googleapis (Gmail and Calendar alike); ends with a slash. */
  gmailRoot: string;
  calendarRoot: string;
}

export const googleEndpoints: GoogleEndpoints = {
  authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
  token: 'https://oauth2.googleapis.com/token',
  revoke: 'https://oauth2.googleapis.com/revoke',
  gmailRoot: 'https://gmail.googleapis.com/',
  calendarRoot: 'https://www.googleapis.com/',
};

/** The fake server's layout: one origin serves OAuth, Gmail and Calendar. */
export function fakeGoogleEndpoints(origin: string): GoogleEndpoints {
  const base = origin.replace(/\/+$/, '');
  return {
    authorize: `${base}/o/oauth2/v2/auth`,
    token: `${base}/token`,
    revoke: `${base}/revoke`,
    gmailRoot: `${base}/`,
    calendarRoot: `${base}/`,
  };
}

/**
 * Production always talks to Google. Only a test-mode process honours REPDESK_GOOGLE_BASE, which points
 * every Google endpoint at a fake server on the loopback address (never anywhere else).
 */
export function endpointsFor(testMode: boolean, env: Record<string, string | undefined>): GoogleEndpoints {
  const base = env.REPDESK_GOOGLE_BASE;
  if (!testMode || !base) return googleEndpoints;
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error('REPDESK_GOOGLE_BASE must be a loopback address');
  return fakeGoogleEndpoints(url.origin);
}

export const gmailScopes = [
  'https://www.googleapis.com/auth/gmail.send',
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/calendar.readonly',
] as const;

/** Google's quota units per call (Gmail API usage limits), for the benchmark and the status bar. */
export const quotaUnits = {
  getProfile: 1,
  historyList: 2,
  messagesList: 5,
  messagesGet: 5,
  messagesSend: 100,
  threadsGet: 10,
  sendAsList: 1,
  eventsList: 1,
} as const;

/** The OAuth client an admin may give through the environment (Settings takes precedence). */
export function clientFromEnv(env: Record<string, string | undefined>): { clientId: string; clientSecret: string } | null {
  const clientId = env.REPDESK_GOOGLE_CLIENT_ID?.trim();
  return clientId ? { clientId, clientSecret: env.REPDESK_GOOGLE_CLIENT_SECRET?.trim() ?? '' } : null;
}
