// Connect Gmail: runs the loopback OAuth flow, reads who signed in, and hands the result to the mailbox service.
import { randomUUID } from 'node:crypto';
import { CodeChallengeMethod } from 'google-auth-library';
import type { Clock } from '../../clock';
import { ProviderError } from '../errors';
import type { GmailAuth } from './auth';
import { gmailScopes } from './endpoints';
import type { GmailProfile, GmailProvider } from './gmailProvider';
import { startLoopbackFlow, type LoopbackFlow } from './loopbackFlow';

export interface ConnectedGmail extends GmailProfile {
  refreshToken: string;
  scopes: string[];
}

export interface GmailConnectDeps {
  auth: GmailAuth;
  provider: GmailProvider;
  clock: Clock;
  /** Opens the system browser (Electron's shell.openExternal); the harness leaves it to the window or test. */
  openExternal(url: string): void | Promise<void>;
  /** Persists the mailbox (account row + Vault); its sentence ends up on the browser page. */
  save(connected: ConnectedGmail): Promise<{ accountId: number }>;
  timeoutMs?: number;
}

export class GmailConnector {
  private readonly flows = new Map<string, LoopbackFlow<{ accountId: number }>>();

  constructor(private readonly deps: GmailConnectDeps) {}

  async start(): Promise<{ flowId: string; authorizeUrl: string }> {
    const client = this.deps.auth.newClient();
    const pkce = await client.generateCodeVerifierAsync();
    const flowId = randomUUID();
    const flow = await startLoopbackFlow<{ accountId: number }>({
      providerName: 'Google',
      clock: this.deps.clock,
      timeoutMs: this.deps.timeoutMs ?? 10 * 60_000,
      codeVerifier: pkce.codeVerifier,
      codeChallenge: pkce.codeChallenge!,
      authorizeUrl: ({ redirectUri, state, codeChallenge }) =>
        client.generateAuthUrl({
          access_type: 'offline',
          // consent: Google returns a refresh token even when the rep connected this account before.
          prompt: 'consent',
          scope: [...gmailScopes],
          include_granted_scopes: true,
          state,
          redirect_uri: redirectUri,
          code_challenge: codeChallenge,
          code_challenge_method: CodeChallengeMethod.S256,
        }),
      complete: async ({ code, redirectUri, codeVerifier }) => {
        const signedIn = this.deps.auth.newClient(redirectUri);
        const { tokens } = await signedIn.getToken({ code, codeVerifier, redirect_uri: redirectUri }).catch((err: unknown) => {
          throw new ProviderError('auth', `Google did not accept the sign-in (${describe(err)}). Try connecting again.`);
        });
        if (!tokens.refresh_token) throw new ProviderError('auth', 'Google did not return a lasting sign-in (no refresh token). Remove Repdesk from your Google account permissions and connect again.');
        const granted = (tokens.scope ?? '').split(/\s+/).filter(Boolean);
        const missing = gmailScopes.filter((s) => granted.length > 0 && !granted.includes(s));
        if (missing.length) {
          throw new ProviderError('auth', `Repdesk needs every permission it asked for; missing: ${missing.map((s) => s.split('/').pop()).join(', ')}. Connect again and tick each box.`);
        }
        signedIn.setCredentials(tokens);
        const profile = await this.deps.provider.describe(signedIn);
        const saved = await this.deps.save({ ...profile, refreshToken: tokens.refresh_token, scopes: granted });
        return { value: saved, message: `Repdesk can now send from ${profile.email} and watch its inbox for replies.` };
      },
    });
    this.flows.set(flowId, flow);
    void flow.result.finally(() => this.deps.clock.setTimeout(() => this.flows.delete(flowId), 60_000)).catch(() => undefined);
    try {
      await this.deps.openExternal(flow.authorizeUrl);
    } catch {
      // The page can still be opened from the link Settings shows.
    }
    return { flowId, authorizeUrl: flow.authorizeUrl };
  }

  async wait(flowId: string): Promise<{ accountId: number }> {
    const flow = this.flows.get(flowId);
    if (!flow) throw new ProviderError('permanent', 'This sign-in is no longer running. Start again with Connect Gmail.');
    return flow.result;
  }

  cancel(flowId: string): boolean {
    const flow = this.flows.get(flowId);
    if (!flow) return false;
    flow.cancel();
    return true;
  }

  cancelAll(): void {
    for (const flow of this.flows.values()) flow.cancel();
  }
}

function describe(err: unknown): string {
  const data = (err as { response?: { data?: { error?: string; error_description?: string } } }).response?.data;
  return data?.error ? `${data.error}${data.error_description ? `: ${data.error_description}` : ''}` : err instanceof Error ? err.message : String(err);
}
