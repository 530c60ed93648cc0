// Mailboxes as the rep manages them: the Google OAuth client, connect / disconnect, status, daily cap, sync options.
import sanitizeHtml from 'sanitize-html';
import { GoogleClientSchema, InboxOptionsSchema, defaultInboxOptions, type GoogleClient, type InboxOptions, type Mailbox } from '../../../shared/domain/mailbox';
import type { MailboxesOverview } from '../../../shared/contract/mailboxes';
import type { Clock } from '../clock';
import type { AccountQueries, AccountRow } from '../db/queries/accounts';
import { settingsQueries } from '../db/queries/settings';
import type { Db } from '../db/open';
import { notFound, UserError } from '../errors';
import type { EventBus } from '../eventBus';
import type { Log } from '../log';
import type { Notifier, Vault } from '../ports';
import { ProviderError } from './errors';
import type { GmailAuth, GoogleClientConfig } from './gmail/auth';
import type { ConnectedGmail, GmailConnector } from './gmail/connect';
import { ConnectError } from './gmail/loopbackFlow';
import { defaultDailyCap } from './guardedProvider';
import type { Signature } from './mime';

const day = 86_400_000;
const clientKey = 'googleOAuthClient';
const optionsKey = 'inboxOptions';

export interface MailboxServiceDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  notifier: Notifier;
  vault: Vault;
  log: Log;
  accounts: AccountQueries;
  gmailAuth: GmailAuth;
  /** An OAuth client given by the environment (REPDESK_GOOGLE_CLIENT_ID / _SECRET); Settings wins over it. */
  environmentClient: GoogleClientConfig | null;
}

export interface SyncHooks {
  isSyncing(accountId: number): boolean;
  reschedule(accountId?: number): void;
  sync(accountId: number): Promise<unknown>;
  syncAll(): Promise<unknown>;
}

export class MailboxService {
  private readonly settings;
  private connector: GmailConnector | null = null;
  private sync: SyncHooks | null = null;

  constructor(private readonly deps: MailboxServiceDeps) {
    this.settings = settingsQueries(deps.db);
  }

  attach(connector: GmailConnector, sync: SyncHooks): void {
    this.connector = connector;
    this.sync = sync;
  }

  googleClient(): GoogleClientConfig | null {
    const stored = GoogleClientSchema.safeParse(this.settings.all()[clientKey]);
    if (stored.success) return stored.data;
    return this.deps.environmentClient;
  }

  options(): InboxOptions {
    const parsed = InboxOptionsSchema.partial().safeParse(this.settings.all()[optionsKey] ?? {});
    return { ...defaultInboxOptions, ...(parsed.success ? parsed.data : {}) };
  }

  overview(): MailboxesOverview {
    const stored = GoogleClientSchema.safeParse(this.settings.all()[clientKey]);
    const client = this.googleClient();
    return {
      mailboxes: this.list(),
      storage: this.deps.vault.protection,
      google: {
        configured: client !== null,
        source: stored.success ? 'settings' : this.deps.environmentClient ? 'environment' : 'none',
        clientId: client?.clientId ?? null,
      },
      options: this.options(),
    };
  }

  list(): Mailbox[] {
    const now = this.deps.clock.now();
    return this.deps.accounts
      .all()
      .filter((a) => a.status !== 'disconnected')
      .map((a) => this.view(a, now));
  }

  setGoogleClient(client: GoogleClient): MailboxesOverview {
    this.settings.put({ [clientKey]: client });
    return this.overview();
  }

  setOptions(patch: Partial<InboxOptions>): MailboxesOverview {
    const next = InboxOptionsSchema.safeParse({ ...this.options(), ...patch });
    if (!next.success) throw new UserError('invalid_request', 'Those inbox settings are not valid; nothing was saved.', next.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    this.settings.put({ [optionsKey]: next.data });
    this.sync?.reschedule();
    return this.overview();
  }

  async connectGmail(acceptWeakStorage: boolean): Promise<{ flowId: string; authorizeUrl: string }> {
    if (!this.googleClient()) {
      throw new UserError('conflict', 'Set up the Google OAuth client first: enter its client id and secret under "Google OAuth client" (the README explains how to create one).');
    }
    if (this.deps.vault.protection === 'weak' && !acceptWeakStorage) {
      throw new UserError(
        'conflict',
        'This computer offers no keychain to encrypt the Gmail sign-in, so it would be stored with weaker protection (a key file beside your data). Tick "Store it anyway" to agree, or use a computer with a keychain.',
      );
    }
    return this.requireConnector().start();
  }

  async awaitConnect(flowId: string): Promise<Mailbox> {
    try {
      const { accountId } = await this.requireConnector().wait(flowId);
      const account = this.deps.accounts.get(accountId);
      if (!account) throw notFound('The connected mailbox');
      return this.view(account, this.deps.clock.now());
    } catch (err) {
      if (err instanceof ConnectError) throw new UserError(err.reason === 'cancelled' ? 'conflict' : 'unavailable', err.message);
      if (err instanceof ProviderError) throw new UserError('unavailable', err.message);
      throw err;
    }
  }

  cancelConnect(flowId: string): boolean {
    return this.requireConnector().cancel(flowId);
  }

  /** Stores a finished sign-in: the account row, and the refresh token in the Vault only. */
  async saveConnected(connected: ConnectedGmail): Promise<{ accountId: number }> {
    if (!connected.email) throw new ProviderError('permanent', 'Google did not say which mailbox signed in.');
    const now = this.deps.clock.now();
    const workspace = !/@(gmail|googlemail)\.com$/i.test(connected.email);
    const accountId = this.deps.accounts.upsert({
      provider: 'gmail',
      email: connected.email,
      displayName: connected.displayName,
      signatureHtml: connected.signatureHtml,
      workspace,
      syncCursor: connected.historyId || null,
      dailyCap: defaultDailyCap(workspace),
      now,
    });
    try {
      await this.deps.gmailAuth.store(accountId, connected.refreshToken);
    } catch (err) {
      this.deps.accounts.setStatus(accountId, 'needs_reconnect', `The sign-in could not be stored securely (${err instanceof Error ? err.message : String(err)}).`, now);
      this.changed();
      throw err;
    }
    this.deps.log.info('Gmail connected', { accountId });
    this.changed();
    this.sync?.reschedule(accountId);
    return { accountId };
  }

  async disconnect(accountId: number): Promise<MailboxesOverview> {
    const account = this.deps.accounts.get(accountId);
    if (!account || account.status === 'disconnected') throw notFound('That mailbox');
    const { revoked } = await this.deps.gmailAuth.revokeAndForget(accountId);
    this.deps.accounts.disconnect(accountId, this.deps.clock.now());
    this.sync?.reschedule(accountId);
    if (!revoked) this.deps.log.warn('Token revocation failed; the token was removed here anyway', { accountId });
    this.changed();
    return this.overview();
  }

  setDailyCap(accountId: number, cap: number): MailboxesOverview {
    const account = this.deps.accounts.get(accountId);
    if (!account) throw notFound('That mailbox');
    const limit = account.workspace ? 2000 : 500;
    if (cap > limit) throw new UserError('invalid_request', `Gmail allows about ${limit} emails a day for this kind of account; choose ${limit} or fewer (a little below is safer).`);
    this.deps.accounts.setDailyCap(accountId, cap, this.deps.clock.now());
    this.changed();
    return this.overview();
  }

  async syncNow(accountId?: number): Promise<MailboxesOverview> {
    if (!this.sync) throw new UserError('unavailable', 'Inbox sync is not running.');
    if (accountId) {
      const account = this.deps.accounts.get(accountId);
      if (!account || account.status === 'disconnected') throw notFound('That mailbox');
      if (account.status === 'needs_reconnect') throw new UserError('conflict', 'Reconnect this mailbox first (its sign-in expired).');
      await this.sync.sync(accountId);
    } else await this.sync.syncAll();
    return this.overview();
  }

  /** invalid_grant and friends: sends pause, the rep is told (banner + OS notification); nothing is lost. */
  authFailed(accountId: number, error: ProviderError): void {
    const account = this.deps.accounts.get(accountId);
    if (!account || account.status !== 'connected') return;
    const reason = `${error.message}`;
    this.deps.accounts.setStatus(accountId, 'needs_reconnect', reason, this.deps.clock.now());
    this.deps.gmailAuth.forget(accountId);
    this.deps.notifier.notify({ title: `Reconnect ${account.email}`, body: 'Google ended Repdesk’s sign-in. Sends from this mailbox are paused until you reconnect in Settings > Mailboxes; nothing is lost.', target: { kind: 'mailbox', id: accountId } });
    this.changed();
  }

  signatureFor(accountId: number): Signature | null {
    const html = this.deps.accounts.get(accountId)?.signatureHtml;
    if (!html) return null;
    const text = sanitizeHtml(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div)>/gi, '\n'), { allowedTags: [], allowedAttributes: {} })
      .replace(/&amp;/g, '&')
      .replace(/&nbsp;/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return { html, text };
  }

  changed(): void {
    this.deps.bus.emit('mailboxes.changed', this.list());
  }

  private view(a: AccountRow, now: number): Mailbox {
    return {
      id: a.id,
      provider: a.provider,
      email: a.email,
      displayName: a.displayName,
      status: a.status,
      statusReason: a.statusReason,
      lastSyncedAt: a.lastSyncedAt,
      workspace: a.workspace,
      dailyCap: a.dailyCap ?? defaultDailyCap(a.workspace),
      sentLastDay: this.deps.accounts.sendsSince(a.id, now - day).n,
      syncing: this.sync?.isSyncing(a.id) ?? false,
    };
  }

  private requireConnector(): GmailConnector {
    if (!this.connector) throw new UserError('unavailable', 'Gmail is not available in this build.');
    return this.connector;
  }
}
