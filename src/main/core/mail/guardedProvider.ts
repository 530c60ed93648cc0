// Wraps a provider with what every send must respect: a mailbox that needs reconnecting sends nothing,
// the rolling daily cap, and an auth failure marks the mailbox at once.
import type { Clock } from '../clock';
import type { AccountQueries } from '../db/queries/accounts';
import { ProviderError } from './errors';
import type { MailProvider } from './provider';

const day = 86_400_000;

/** Google's limits are about 500 a rolling day (consumer) and 2,000 (Workspace); stay well below them. */
export const defaultDailyCap = (workspace: boolean) => (workspace ? 1500 : 400);

export interface GuardDeps {
  clock: Clock;
  accounts: AccountQueries;
  authFailed(accountId: number, error: ProviderError): void;
}

export function guardProvider(provider: MailProvider, deps: GuardDeps): MailProvider {
  const watch = async <T>(accountId: number, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ProviderError && err.kind === 'auth') deps.authFailed(accountId, err);
      throw err;
    }
  };
  const usable = (accountId: number) => {
    const account = deps.accounts.get(accountId);
    if (!account || account.status === 'disconnected') throw new ProviderError('permanent', 'This mailbox was disconnected. Choose another mailbox for the sequence or connect it again.');
    if (account.status === 'needs_reconnect') throw new ProviderError('auth', account.statusReason ?? 'The mailbox needs reconnecting (Settings > Mailboxes). Nothing was sent.');
    return account;
  };
  return {
    kind: provider.kind,
    async send(account, email) {
      const row = usable(account.id);
      const now = deps.clock.now();
      const cap = row.dailyCap ?? defaultDailyCap(row.workspace);
      const { n, oldest } = deps.accounts.sendsSince(account.id, now - day);
      if (n >= cap) {
        const retryAfterMs = Math.max(60_000, (oldest ?? now) + day - now);
        throw new ProviderError('rate_limited', `Daily sending cap reached for ${row.email} (${cap} in 24 hours). The rest wait in the queue and go as the window frees up.`, retryAfterMs);
      }
      const sent = await watch(account.id, () => provider.send(account, email));
      deps.accounts.recordSend(account.id, email.messageId, now);
      deps.accounts.pruneSends(now - 2 * day);
      return sent;
    },
    findByMessageId: (account, id) => watch(account.id, () => provider.findByMessageId(account, id)),
    syncSince: (account, cursor) => watch(account.id, () => provider.syncSince(account, cursor)),
    newMailSince: (account, query) => {
      usable(account.id);
      return watch(account.id, () => provider.newMailSince(account, query));
    },
    calendarEvents: (account, since) => watch(account.id, () => provider.calendarEvents(account, since)),
  };
}
