// OAuth clients per mailbox: refresh tokens live only in the Vault; access tokens refresh by themselves.
import { OAuth2Client } from 'google-auth-library';
import type { Vault } from '../../ports';
import { ProviderError } from '../errors';
import type { GoogleEndpoints } from './endpoints';

export interface GoogleClientConfig {
  clientId: string;
  clientSecret: string;
}

export interface GmailAuthDeps {
  vault: Vault;
  endpoints: GoogleEndpoints;
  /** The OAuth client from Settings or the environment; null when none is configured. */
  clientConfig(): GoogleClientConfig | null;
  /** Per-request timeout for Google's token endpoint, in ms. */
  timeoutMs?: number;
}

export const refreshTokenKey = (accountId: number) => `google.refresh-token.${accountId}`;

export class GmailAuth {
  private readonly clients = new Map<number, OAuth2Client>();

  constructor(private readonly deps: GmailAuthDeps) {}

  get endpoints(): GoogleEndpoints {
    return this.deps.endpoints;
  }

  /** A bare client for the connect flow (no tokens yet). */
  newClient(redirectUri?: string): OAuth2Client {
    const config = this.deps.clientConfig();
    if (!config) {
      throw new ProviderError('permanent', 'No Google OAuth client is set up. Enter the client id and secret in Settings > Mailboxes (see the README: "Connect Gmail").');
    }
    return new OAuth2Client({
      clientId: config.clientId,
      clientSecret: config.clientSecret || undefined,
      ...(redirectUri ? { redirectUri } : {}),
      endpoints: {
        oauth2AuthBaseUrl: this.deps.endpoints.authorize,
        oauth2TokenUrl: this.deps.endpoints.token,
        oauth2RevokeUrl: this.deps.endpoints.revoke,
      },
      // A 401 with a live refresh token means the access token died early: refresh once and retry.
      forceRefreshOnFailure: true,
      transporterOptions: { timeout: this.deps.timeoutMs ?? 30_000 },
    });
  }

  /** The signed-in client for a mailbox; access tokens are fetched and refreshed by google-auth-library. */
  async clientFor(accountId: number): Promise<OAuth2Client> {
    const cached = this.clients.get(accountId);
    if (cached) return cached;
    const refreshToken = await this.deps.vault.get(refreshTokenKey(accountId));
    if (!refreshToken) {
      throw new ProviderError('auth', 'Repdesk has no sign-in stored for this mailbox. Reconnect it in Settings > Mailboxes; nothing was sent meanwhile.');
    }
    const client = this.newClient();
    client.setCredentials({ refresh_token: refreshToken });
    // Google may rotate the refresh token: keep the newest one, still only in the Vault.
    client.on('tokens', (tokens) => {
      if (tokens.refresh_token && tokens.refresh_token !== refreshToken) void this.deps.vault.set(refreshTokenKey(accountId), tokens.refresh_token);
    });
    this.clients.set(accountId, client);
    return client;
  }

  async store(accountId: number, refreshToken: string): Promise<void> {
    this.clients.delete(accountId);
    await this.deps.vault.set(refreshTokenKey(accountId), refreshToken);
  }

  /** Revokes the token at Google (best effort: the rep may be offline) and always removes it here. */
  async revokeAndForget(accountId: number): Promise<{ revoked: boolean }> {
    const token = await this.deps.vault.get(refreshTokenKey(accountId));
    let revoked = false;
    if (token) {
      try {
        await this.newClient().revokeToken(token);
        revoked = true;
      } catch {
        revoked = false;
      }
    }
    await this.deps.vault.delete(refreshTokenKey(accountId));
    this.clients.delete(accountId);
    return { revoked };
  }

  /** Drops the cached client so the next call re-reads the Vault (after a reconnect). */
  forget(accountId: number): void {
    this.clients.delete(accountId);
  }
}
