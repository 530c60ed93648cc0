// Test mode only: an in-memory mailbox, so end-to-end tests can watch the engine send without Google or Microsoft.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import type { Db } from '../core/db/open';
import { accountQueries } from '../core/db/queries/accounts';
import type { MailProvider, SentEmail } from '../core/mail/provider';

export const fakeMailboxAddress = 'rep@repdesk-test.invalid';

export function fakeMailProvider(clock: Clock): MailProvider & { sent: SentEmail[] } {
  const sent = new Map<string, SentEmail>();
  const list: SentEmail[] = [];
  return {
    kind: 'gmail',
    sent: list,
    async send(_account, email) {
      const result = { providerMessageId: randomUUID(), threadId: email.threadId ?? randomUUID(), sentAt: clock.now() };
      sent.set(email.messageId, result);
      list.push(result);
      return result;
    },
    async findByMessageId(_account, messageId) {
      return sent.get(messageId) ?? null;
    },
    async syncSince(_account, cursor) {
      return { messages: [], cursor: cursor ?? '0', resynced: false, cost: { calls: 0, units: 0 } };
    },
    async newMailSince() {
      return [];
    },
    async calendarEvents() {
      return [];
    },
  };
}

/** Adds the fake mailbox as a connected account once. */
export function ensureFakeAccount(db: Db, now: number): void {
  accountQueries(db).addConnectedIfMissing('gmail', fakeMailboxAddress, 'Test mailbox', now);
}
