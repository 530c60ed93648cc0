// A test double of MailProvider: records sends, serves scripted inbound mail and scripted failures.
import type { MailProviderKind } from '../../src/shared/domain/mail';
import type { InboundMessage, MailAccount, MailProvider, OutgoingEmail, PreSendQuery, SentEmail, SyncResult } from '../../src/main/core/mail/provider';
import type { Clock } from '../../src/main/core/clock';

export interface SentRecord {
  at: number;
  account: MailAccount;
  email: OutgoingEmail;
  result: SentEmail;
}

export class FakeMailProvider implements MailProvider {
  readonly sent: SentRecord[] = [];
  /** Inbound mail the pre-send check will see, by sender address. */
  readonly inbound: InboundMessage[] = [];
  /** Errors thrown by the next send calls, in order. */
  readonly failNext: Error[] = [];
  /** Messages that "went out" before a crash: findByMessageId finds them. */
  readonly sentFolder = new Map<string, SentEmail>();
  private seq = 0;

  constructor(
    private readonly clock: Clock,
    readonly kind: MailProviderKind = 'gmail',
  ) {}

  async send(account: MailAccount, email: OutgoingEmail): Promise<SentEmail> {
    const failure = this.failNext.shift();
    if (failure) throw failure;
    const n = ++this.seq;
    const result = { providerMessageId: `m${n}`, threadId: email.threadId ?? `t${n}`, sentAt: this.clock.now() };
    this.sent.push({ at: this.clock.now(), account, email, result });
    this.sentFolder.set(email.messageId, result);
    return result;
  }

  async findByMessageId(_account: MailAccount, messageId: string): Promise<SentEmail | null> {
    return this.sentFolder.get(messageId) ?? null;
  }

  async syncSince(_account: MailAccount, cursor: string | null): Promise<SyncResult> {
    return { messages: [], cursor: cursor ?? '1', resynced: false, cost: { calls: 1, units: 1 } };
  }

  async newMailSince(_account: MailAccount, query: PreSendQuery): Promise<InboundMessage[]> {
    return this.inbound.filter((m) => m.receivedAt > query.since && (query.from.includes(m.from.email) || query.threadIds.includes(m.threadId)));
  }

  async calendarEvents(): Promise<never[]> {
    return [];
  }

  /** Simulates the prospect writing back. */
  reply(from: string, threadId: string, at: number, subject = 'Re: hello'): void {
    this.inbound.push({
      providerMessageId: `in${this.inbound.length + 1}`,
      threadId,
      folder: 'inbox',
      messageIdHeader: null,
      inReplyTo: null,
      references: [],
      from: { email: from },
      to: [],
      cc: [],
      subject,
      receivedAt: at,
      headers: {},
      text: 'Thanks',
      html: null,
      contentType: 'text/plain',
    });
  }
}
