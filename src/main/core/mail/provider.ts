// The one interface the engine and inbox sync use for Gmail and Outlook alike.
import type { MailProviderKind } from '../../../shared/domain/mail';

export interface Address {
  email: string;
  name?: string;
}

/** The mailbox an operation acts for (a row of the accounts table). */
export interface MailAccount {
  id: number;
  provider: MailProviderKind;
  email: string;
  displayName: string | null;
}

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  /** Absolute path of the stored file in the data folder. */
  path: string;
}

export interface OutgoingEmail {
  /** Our RFC 5322 Message-ID, with angle brackets, stored before the send (outbox protocol). */
  messageId: string;
  from: Address;
  to: Address;
  subject: string;
  html: string;
  text: string;
  /** For a follow-up in the same thread: the provider thread and the headers that thread it everywhere. */
  threadId?: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: OutgoingAttachment[];
}

export interface SentEmail {
  providerMessageId: string;
  threadId: string;
  sentAt: number;
}

export interface InboundMessage {
  providerMessageId: string;
  threadId: string;
  /** 'inbox' for mail the rep received, 'sent' for mail the rep sent (possibly outside Repdesk). */
  folder: 'inbox' | 'sent';
  messageIdHeader: string | null;
  inReplyTo: string | null;
  references: string[];
  from: Address;
  to: Address[];
  cc: Address[];
  subject: string;
  receivedAt: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  text: string;
  html: string | null;
  /** Top-level MIME type, e.g. "multipart/report; report-type=delivery-status". */
  contentType: string;
  /** For DSNs: the machine-readable parts (message/delivery-status, the returned headers). */
  deliveryStatus?: string;
  returnedHeaders?: string;
}

export interface SyncResult {
  messages: InboundMessage[];
  /** The cursor to store for the next call (Gmail historyId, Graph deltaLink). */
  cursor: string;
  /** True when the old cursor had expired and a bounded resync by date was done instead. */
  resynced: boolean;
  /** API calls and quota units this sync cost, for benchmarks and the status bar. */
  cost: { calls: number; units: number };
}

export interface CalendarEvent {
  id: string;
  summary: string;
  start: number;
  end: number;
  attendees: string[];
  organizer: string | null;
  createdAt: number | null;
}

export interface PreSendQuery {
  /** Prospect addresses to look for mail from. */
  from: string[];
  /** Provider threads to look for new messages in. */
  threadIds: string[];
  /** Only mail received after this instant counts. */
  since: number;
}

export interface MailProvider {
  readonly kind: MailProviderKind;
  send(account: MailAccount, email: OutgoingEmail): Promise<SentEmail>;
  /** Searches the mailbox (Sent included) for a message with our Message-ID: reconciles a send left in `sending`. */
  findByMessageId(account: MailAccount, messageId: string): Promise<SentEmail | null>;
  /** Every message added to the mailbox since the cursor (null: first sync, which only establishes a cursor). */
  syncSince(account: MailAccount, cursor: string | null): Promise<SyncResult>;
  /** The cheap pre-send check: anything from these people or in these threads since the instant? */
  newMailSince(account: MailAccount, query: PreSendQuery): Promise<InboundMessage[]>;
  calendarEvents(account: MailAccount, since: number): Promise<CalendarEvent[]>;
}

export type MailProviders = Partial<Record<MailProviderKind, MailProvider>>;
