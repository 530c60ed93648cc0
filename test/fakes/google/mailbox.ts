// The fake Gmail mailbox: messages with labels and threads, a history log with expiry, and Gmail-style search.
import MailComposer from 'nodemailer/lib/mail-composer';
import { simpleParser } from 'mailparser';

export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: number;
  historyId: number;
  raw: Buffer;
  from: string;
  to: string[];
  subject: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  snippet: string;
}

export interface HistoryRecord {
  id: number;
  message: { id: string; threadId: string; labelIds: string[] };
}

export interface InboundSpec {
  from: string;
  fromName?: string;
  to?: string;
  subject: string;
  text: string;
  html?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  messageId?: string;
  at?: number;
}

let idCounter = 0x18c0000000;
const newId = () => (idCounter++).toString(16);

const ids = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(' ') : (v ?? '')).match(/<[^<>\s]+>/g) ?? [];
const baseSubject = (s: string) => s.replace(/^\s*((re|aw|fwd?|wg)\s*:\s*)+/i, '').trim().toLowerCase();

export class FakeMailbox {
  readonly messages = new Map<string, StoredMessage>();
  readonly history: HistoryRecord[] = [];
  historyId = 1000;
  /** History older than this is gone (Gmail keeps about a week); a start below it answers 404. */
  oldestHistoryId = 1000;

  constructor(
    readonly email: string,
    private readonly now: () => number,
  ) {}

  async add(raw: Buffer, labelIds: string[], options: { threadId?: string; at?: number } = {}): Promise<StoredMessage> {
    const parsed = await simpleParser(raw);
    const messageId = parsed.messageId ? (parsed.messageId.startsWith('<') ? parsed.messageId : `<${parsed.messageId}>`) : null;
    const inReplyTo = ids(parsed.inReplyTo)[0] ?? null;
    const references = ids(parsed.references);
    const subject = parsed.subject ?? '';
    const threadId = options.threadId ?? this.threadFor([inReplyTo, ...references].filter((x): x is string => Boolean(x)), subject) ?? newId();
    this.historyId += 1;
    const id = newId();
    const fromAddr = parsed.from?.value[0]?.address?.toLowerCase() ?? '';
    const toList = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
    const message: StoredMessage = {
      id,
      threadId,
      labelIds,
      internalDate: options.at ?? this.now(),
      historyId: this.historyId,
      raw,
      from: fromAddr,
      to: toList,
      subject,
      messageId,
      inReplyTo,
      references,
      snippet: (parsed.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
    };
    this.messages.set(id, message);
    this.history.push({ id: this.historyId, message: { id, threadId, labelIds } });
    return message;
  }

  /** Gmail's own threading of received mail: a reference to a message of the thread and a matching subject. */
  threadFor(refs: string[], subject: string): string | null {
    for (const m of this.messages.values()) {
      if (m.messageId && refs.includes(m.messageId) && baseSubject(m.subject) === baseSubject(subject)) return m.threadId;
    }
    return null;
  }

  thread(threadId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.threadId === threadId).sort((a, b) => a.internalDate - b.internalDate);
  }

  async deliver(spec: InboundSpec): Promise<StoredMessage> {
    const raw = await new MailComposer({
      from: spec.fromName ? { name: spec.fromName, address: spec.from } : spec.from,
      to: spec.to ?? this.email,
      subject: spec.subject,
      text: spec.text,
      ...(spec.html ? { html: spec.html } : {}),
      ...(spec.inReplyTo ? { inReplyTo: spec.inReplyTo } : {}),
      ...(spec.references ? { references: spec.references } : {}),
      ...(spec.messageId ? { messageId: spec.messageId } : {}),
      headers: spec.headers ?? {},
      date: new Date(spec.at ?? this.now()),
    })
      .compile()
      .build();
    return this.add(raw, ['INBOX', 'UNREAD', 'CATEGORY_PERSONAL'], { ...(spec.at ? { at: spec.at } : {}) });
  }

  /** Gmail search, the subset Repdesk uses: rfc822msgid:, from:, from:(a OR b), after:, before:, in:sent / in:inbox. */
  search(q: string, includeSpamTrash: boolean): StoredMessage[] {
    const terms = tokenize(q);
    const filters: ((m: StoredMessage) => boolean)[] = [];
    for (const term of terms) {
      const [key, ...rest] = term.split(':');
      const value = rest.join(':');
      switch (key?.toLowerCase()) {
        case 'rfc822msgid': {
          const want = `<${value.replace(/^<|>$/g, '')}>`;
          filters.push((m) => m.messageId === want);
          break;
        }
        case 'from': {
          const list = value.replace(/^\(|\)$/g, '').split(/\s+OR\s+/i).map((s) => s.trim().toLowerCase()).filter(Boolean);
          filters.push((m) => list.includes(m.from));
          break;
        }
        case 'after':
          filters.push((m) => m.internalDate >= toMillis(value));
          break;
        case 'before':
          filters.push((m) => m.internalDate < toMillis(value));
          break;
        case 'in':
          filters.push((m) => m.labelIds.includes(value.toUpperCase()));
          break;
        default:
          throw new Error(`Unsupported search term "${term}"`);
      }
    }
    return [...this.messages.values()]
      .filter((m) => includeSpamTrash || !m.labelIds.some((l) => l === 'SPAM' || l === 'TRASH'))
      .filter((m) => !m.labelIds.includes('DRAFT'))
      .filter((m) => filters.every((f) => f(m)))
      .sort((a, b) => b.internalDate - a.internalDate);
  }
}

function tokenize(q: string): string[] {
  const out: string[] = [];
  const re = /(\S+:\([^)]*\)|\S+)/g;
  for (const m of q.trim().matchAll(re)) out.push(m[1]!);
  return out;
}

function toMillis(value: string): number {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const d = Date.parse(value.replace(/\//g, '-'));
  if (Number.isNaN(d)) throw new Error(`Bad date in search: ${value}`);
  return d;
}
