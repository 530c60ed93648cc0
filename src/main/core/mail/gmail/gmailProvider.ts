// MailProvider for Gmail and Google Workspace through googleapis: send, reconcile, history sync, pre-send check, calendar.
import type { OAuth2Client } from 'google-auth-library';
import { calendar as calendarApi, type calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { gmail as gmailApi, type gmail_v1 } from 'googleapis/build/src/apis/gmail';
import type { Clock } from '../../clock';
import { ProviderError } from '../errors';
import { buildMime, toBase64Url, type Signature } from '../mime';
import type { CalendarEvent, InboundMessage, MailAccount, MailProvider, OutgoingEmail, PreSendQuery, SentEmail, SyncResult } from '../provider';
import type { GmailAuth } from './auth';
import { toProviderError } from './errors';
import { quotaUnits } from './endpoints';
import { parseGmailMessage } from './parse';

export interface GmailProviderDeps {
  auth: GmailAuth;
  clock: Clock;
  /** The rep's signature for a mailbox (from Gmail's send-as settings at connect). */
  signatureFor(accountId: number): Signature | null;
  /** How far back a resync reaches when the stored historyId expired. */
  resyncWindowMs?: number;
  /** Parallel messages.get calls while fetching new mail. */
  fetchConcurrency?: number;
  timeoutMs?: number;
}

export interface Cost {
  calls: number;
  units: number;
}

/** What Gmail says about a freshly connected mailbox. */
export interface GmailProfile {
  email: string;
  historyId: string;
  displayName: string | null;
  signatureHtml: string | null;
}

const skipLabels = new Set(['DRAFT', 'SPAM', 'TRASH', 'CHAT']);
const seconds = (ms: number) => Math.floor(ms / 1000);

export class GmailProvider implements MailProvider {
  readonly kind = 'gmail' as const;
  /** Everything this provider spent since it was built, for the benchmark. */
  readonly usage: Cost = { calls: 0, units: 0 };

  constructor(private readonly deps: GmailProviderDeps) {}

  async send(account: MailAccount, email: OutgoingEmail): Promise<SentEmail> {
    const { gmail, cost } = await this.api(account);
    const raw = toBase64Url(await buildMime(email, this.deps.signatureFor(account.id), new Date(this.deps.clock.now())));
    const attempt = async (threadId: string | undefined) => {
      const res = await this.call(cost, quotaUnits.messagesSend, () =>
        gmail.users.messages.send({ userId: 'me', requestBody: { raw, ...(threadId ? { threadId } : {}) } }),
      );
      if (!res.data.id || !res.data.threadId) throw new ProviderError('transient', 'Gmail accepted the email but returned no message id.');
      return { providerMessageId: res.data.id, threadId: res.data.threadId, sentAt: this.deps.clock.now() };
    };
    try {
      return await attempt(email.threadId);
    } catch (err) {
      // The thread was deleted in Gmail: nothing went out, so send it as a new Gmail thread (its headers still thread it for the prospect).
      if (err instanceof ProviderError && err.status === 404 && email.threadId) return attempt(undefined);
      throw err;
    }
  }

  async findByMessageId(account: MailAccount, messageId: string): Promise<SentEmail | null> {
    const { gmail, cost } = await this.api(account);
    const id = messageId.replace(/^<|>$/g, '');
    const list = await this.call(cost, quotaUnits.messagesList, () =>
      gmail.users.messages.list({ userId: 'me', q: `rfc822msgid:${id}`, includeSpamTrash: true, maxResults: 5 }),
    );
    const hit = list.data.messages?.[0];
    if (!hit?.id) return null;
    const msg = await this.call(cost, quotaUnits.messagesGet, () => gmail.users.messages.get({ userId: 'me', id: hit.id!, format: 'minimal' }));
    return { providerMessageId: hit.id, threadId: msg.data.threadId ?? hit.threadId ?? '', sentAt: Number(msg.data.internalDate ?? this.deps.clock.now()) };
  }

  async syncSince(account: MailAccount, cursor: string | null): Promise<SyncResult> {
    const { gmail, cost } = await this.api(account);
    if (!cursor) {
      const profile = await this.call(cost, quotaUnits.getProfile, () => gmail.users.getProfile({ userId: 'me' }));
      return { messages: [], cursor: String(profile.data.historyId), resynced: false, cost };
    }
    const ids = new Set<string>();
    let next = cursor;
    let resynced = false;
    try {
      let pageToken: string | undefined;
      do {
        const res = await this.call(cost, quotaUnits.historyList, () =>
          gmail.users.history.list({ userId: 'me', startHistoryId: cursor, historyTypes: ['messageAdded'], maxResults: 500, ...(pageToken ? { pageToken } : {}) }),
        );
        for (const h of res.data.history ?? []) {
          for (const added of h.messagesAdded ?? []) {
            const m = added.message;
            if (m?.id && !(m.labelIds ?? []).some((l) => skipLabels.has(l))) ids.add(m.id);
          }
        }
        if (res.data.historyId) next = String(res.data.historyId);
        pageToken = res.data.nextPageToken ?? undefined;
      } while (pageToken);
    } catch (err) {
      if (!(err instanceof ProviderError && err.status === 404)) throw err;
      // The historyId expired (Gmail keeps about a week): resync by date, bounded; stored mail is deduplicated.
      resynced = true;
      ids.clear();
      const profile = await this.call(cost, quotaUnits.getProfile, () => gmail.users.getProfile({ userId: 'me' }));
      next = String(profile.data.historyId);
      const after = seconds(this.deps.clock.now() - (this.deps.resyncWindowMs ?? 7 * 86_400_000));
      for (const m of await this.listAll(gmail, cost, `after:${after}`)) ids.add(m);
    }
    const messages = await this.fetchAll(gmail, cost, [...ids]);
    return { messages, cursor: next, resynced, cost };
  }

  async newMailSince(account: MailAccount, query: PreSendQuery): Promise<InboundMessage[]> {
    const { gmail, cost } = await this.api(account);
    const hits = new Set<string>();
    const from = query.from.map((a) => a.trim().toLowerCase()).filter((a) => /^[^\s()"]+@[^\s()"]+$/.test(a));
    if (from.length) {
      const q = `from:(${from.join(' OR ')}) after:${seconds(query.since)}`;
      const res = await this.call(cost, quotaUnits.messagesList, () => gmail.users.messages.list({ userId: 'me', q, maxResults: 20 }));
      for (const m of res.data.messages ?? []) if (m.id) hits.add(m.id);
    }
    for (const threadId of query.threadIds) {
      const res = await this.call(cost, quotaUnits.threadsGet, () => gmail.users.threads.get({ userId: 'me', id: threadId, format: 'minimal' })).catch((err: unknown) => {
        if (err instanceof ProviderError && err.status === 404) return null; // thread deleted: nothing new in it
        throw err;
      });
      for (const m of res?.data.messages ?? []) {
        const labels = m.labelIds ?? [];
        if (m.id && Number(m.internalDate ?? 0) > query.since && !labels.includes('SENT') && !labels.some((l) => skipLabels.has(l))) hits.add(m.id);
      }
    }
    const messages = await this.fetchAll(gmail, cost, [...hits]);
    return messages.filter((m) => m.folder === 'inbox' && m.receivedAt > query.since);
  }

  async calendarEvents(account: MailAccount, since: number): Promise<CalendarEvent[]> {
    const { calendar, cost } = await this.api(account);
    const out: CalendarEvent[] = [];
    let pageToken: string | undefined;
    do {
      const res = await this.call(cost, quotaUnits.eventsList, () =>
        calendar.events.list({ calendarId: 'primary', timeMin: new Date(since).toISOString(), singleEvents: true, maxResults: 250, ...(pageToken ? { pageToken } : {}) }),
      );
      for (const e of res.data.items ?? []) out.push(toCalendarEvent(e));
      pageToken = res.data.nextPageToken ?? undefined;
    } while (pageToken);
    return out.filter((e) => e.id);
  }

  /** Profile and send-as identity of a freshly signed-in client (used by the connect flow). */
  async describe(client: OAuth2Client): Promise<GmailProfile> {
    const cost = { calls: 0, units: 0 };
    const gmail = this.gmailFor(client);
    const profile = await this.call(cost, quotaUnits.getProfile, () => gmail.users.getProfile({ userId: 'me' }));
    const email = (profile.data.emailAddress ?? '').toLowerCase();
    const sendAs = await this.call(cost, quotaUnits.sendAsList, () => gmail.users.settings.sendAs.list({ userId: 'me' }));
    const primary = (sendAs.data.sendAs ?? []).find((s) => s.isPrimary) ?? (sendAs.data.sendAs ?? []).find((s) => s.sendAsEmail?.toLowerCase() === email);
    return {
      email,
      historyId: String(profile.data.historyId ?? ''),
      displayName: primary?.displayName || null,
      signatureHtml: primary?.signature || null,
    };
  }

  private async api(account: MailAccount) {
    const auth = await this.deps.auth.clientFor(account.id).catch((err: unknown) => {
      throw toProviderError(err, this.deps.clock.now());
    });
    return { gmail: this.gmailFor(auth), calendar: this.calendarFor(auth), cost: { calls: 0, units: 0 } };
  }

  private gmailFor(auth: OAuth2Client): gmail_v1.Gmail {
    // Retries are ours (they honour Retry-After and the outbox protocol), never the SDK's.
    return gmailApi({ version: 'v1', auth, rootUrl: this.deps.auth.endpoints.gmailRoot, retry: false, timeout: this.deps.timeoutMs ?? 30_000 });
  }

  private calendarFor(auth: OAuth2Client): calendar_v3.Calendar {
    return calendarApi({ version: 'v3', auth, rootUrl: this.deps.auth.endpoints.calendarRoot, retry: false, timeout: this.deps.timeoutMs ?? 30_000 });
  }

  private async call<T>(cost: Cost, units: number, fn: () => Promise<T>): Promise<T> {
    cost.calls += 1;
    cost.units += units;
    this.usage.calls += 1;
    this.usage.units += units;
    try {
      return await fn();
    } catch (err) {
      throw toProviderError(err, this.deps.clock.now());
    }
  }

  private async listAll(gmail: gmail_v1.Gmail, cost: Cost, q: string): Promise<string[]> {
    const ids: string[] = [];
    let pageToken: string | undefined;
    do {
      const res = await this.call(cost, quotaUnits.messagesList, () => gmail.users.messages.list({ userId: 'me', q, maxResults: 500, ...(pageToken ? { pageToken } : {}) }));
      for (const m of res.data.messages ?? []) if (m.id) ids.push(m.id);
      pageToken = res.data.nextPageToken ?? undefined;
    } while (pageToken);
    return ids;
  }

  private async fetchAll(gmail: gmail_v1.Gmail, cost: Cost, ids: string[]): Promise<InboundMessage[]> {
    const out: (InboundMessage | null)[] = new Array<InboundMessage | null>(ids.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const i = next++;
        const res = await this.call(cost, quotaUnits.messagesGet, () => gmail.users.messages.get({ userId: 'me', id: ids[i]!, format: 'raw' })).catch((err: unknown) => {
          if (err instanceof ProviderError && err.status === 404) return null; // deleted since the history entry
          throw err;
        });
        if (res && !(res.data.labelIds ?? []).some((l) => skipLabels.has(l))) out[i] = await parseGmailMessage(res.data);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.deps.fetchConcurrency ?? 8, ids.length) }, worker));
    return out.filter((m): m is InboundMessage => m !== null).sort((a, b) => a.receivedAt - b.receivedAt);
  }
}

function toCalendarEvent(e: calendar_v3.Schema$Event): CalendarEvent {
  const when = (t: calendar_v3.Schema$EventDateTime | undefined) => (t?.dateTime ? Date.parse(t.dateTime) : t?.date ? Date.parse(t.date) : 0);
  return {
    id: e.id ?? '',
    summary: e.summary ?? '',
    start: when(e.start),
    end: when(e.end),
    attendees: (e.attendees ?? []).flatMap((a) => (a.email && a.responseStatus !== 'declined' ? [a.email.toLowerCase()] : [])),
    organizer: e.organizer?.email?.toLowerCase() ?? null,
    createdAt: e.created ? Date.parse(e.created) : null,
  };
}
