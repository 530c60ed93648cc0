// Wires mail: the Gmail provider (guarded by status and daily cap), connect flow, mailbox service, inbox sync.
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import { accountQueries } from '../db/queries/accounts';
import { inboxLookups } from '../db/queries/inboxLookups';
import { inboxMessageQueries, type InboxMessageQueries } from '../db/queries/inboxMessages';
import type { EnrollmentControl } from '../engine/enrollmentControl';
import type { EventBus } from '../eventBus';
import { createInboundHandler } from '../inbox/handleInbound';
import { InboxSync } from '../inbox/inboxSync';
import type { Log } from '../log';
import type { Environment, Notifier, Vault } from '../ports';
import { GmailAuth, type GoogleClientConfig } from './gmail/auth';
import { GmailConnector } from './gmail/connect';
import { googleEndpoints, type GoogleEndpoints } from './gmail/endpoints';
import { GmailProvider } from './gmail/gmailProvider';
import { guardProvider } from './guardedProvider';
import { MailboxService } from './mailboxService';
import type { MailProviders } from './provider';

export interface GoogleDeps {
  endpoints?: GoogleEndpoints;
  client?: GoogleClientConfig | null;
  openExternal?(url: string): void | Promise<void>;
  /** Per-request timeout for Google calls (default 30 s). */
  timeoutMs?: number;
}

export interface MailCore {
  mailboxes: MailboxService;
  inbox: InboxSync;
  messages: InboxMessageQueries;
  /** The providers the engine sends through: guarded by mailbox status and the daily cap. */
  providers: MailProviders;
  /** The unguarded Gmail provider (benchmarks read its usage). */
  gmail: GmailProvider;
  /** Connects the engine's stop/pause after core is built (the engine may need core first). */
  setEnrollmentControl(control: EnrollmentControl): void;
  close(): void;
}

interface MailDeps {
  db: Db;
  clock: Clock;
  vault: Vault;
  notifier: Notifier;
  log: Log;
  env: Environment;
  providers: MailProviders;
  enrollmentControl?: EnrollmentControl;
  google?: GoogleDeps;
}

export function createMail(deps: MailDeps, bus: EventBus, timeZone: () => string): MailCore {
  let control: EnrollmentControl | null = deps.enrollmentControl ?? null;
  const accounts = accountQueries(deps.db);
  const messages = inboxMessageQueries(deps.db);
  const lookups = inboxLookups(deps.db);
  // The auth reads the OAuth client that the mailbox service keeps in Settings (a late-bound reference).
  const gmailAuth: GmailAuth = new GmailAuth({ vault: deps.vault, endpoints: deps.google?.endpoints ?? googleEndpoints, clientConfig: () => mailboxes.googleClient(), timeoutMs: deps.google?.timeoutMs });
  const mailboxes = new MailboxService({
    db: deps.db,
    clock: deps.clock,
    bus,
    notifier: deps.notifier,
    vault: deps.vault,
    log: deps.log,
    accounts,
    gmailAuth,
    environmentClient: deps.google?.client ?? null,
  });
  const gmail = new GmailProvider({ auth: gmailAuth, clock: deps.clock, signatureFor: (id) => mailboxes.signatureFor(id), timeoutMs: deps.google?.timeoutMs });
  const authFailed = mailboxes.authFailed.bind(mailboxes);
  // Every provider is guarded: mailbox status, the daily cap, and an auth failure marking the mailbox.
  const guard = { clock: deps.clock, accounts, authFailed };
  const providers: MailProviders = Object.fromEntries(
    Object.entries({ ...deps.providers, gmail: deps.providers.gmail ?? gmail }).map(([kind, p]) => [kind, guardProvider(p, guard)]),
  );
  const handle = createInboundHandler({
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    notifier: deps.notifier,
    messages,
    lookups,
    control: () => control,
    options: () => mailboxes.options(),
    timeZone,
    onReceived: (view) => bus.emit('inbox.received', view),
  });
  const inbox = new InboxSync({
    clock: deps.clock,
    log: deps.log,
    accounts,
    providers,
    handle,
    messages,
    lookups,
    control: () => control,
    pollMinutes: () => mailboxes.options().pollMinutes,
    changed: () => mailboxes.changed(),
    authFailed,
  });
  const connector = new GmailConnector({
    auth: gmailAuth,
    provider: gmail,
    clock: deps.clock,
    openExternal: deps.google?.openExternal ?? (() => undefined),
    save: (connected) => mailboxes.saveConnected(connected),
  });
  mailboxes.attach(connector, inbox);
  return {
    mailboxes,
    inbox,
    messages,
    providers,
    gmail,
    setEnrollmentControl: (c) => void (control = c),
    close: () => {
      inbox.stop();
      connector.cancelAll();
    },
  };
}
