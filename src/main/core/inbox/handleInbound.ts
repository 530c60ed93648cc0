// Acts on one inbound message: classify, match, store, write the timeline, and stop or pause enrollments.
import type { InboxOptions, InboundMessageView } from '../../../shared/domain/mailbox';
import type { Clock } from '../clock';
import type { AccountRow } from '../db/queries/accounts';
import type { InboxLookups } from '../db/queries/inboxLookups';
import type { InboxMessageQueries, InboundRow } from '../db/queries/inboxMessages';
import type { Db } from '../db/open';
import type { EnrollmentControl } from '../engine/enrollmentControl';
import type { Log } from '../log';
import type { InboundMessage } from '../mail/provider';
import type { Notifier } from '../ports';
import { classify, type Classification } from './classify';
import { normalizeEmail } from '../../../shared/import/email';
import { matchInbound, type Match } from './match';
import { sanitizeEmailHtml, snippetOf } from './sanitize';

const day = 86_400_000;

export interface InboundHandlerDeps {
  db: Db;
  clock: Clock;
  log: Log;
  notifier: Notifier;
  messages: InboxMessageQueries;
  lookups: InboxLookups;
  /** The engine's stop/pause; null until the engine is connected (then decisions are only recorded). */
  control: () => EnrollmentControl | null;
  options: () => InboxOptions;
  timeZone: () => string;
  onReceived: (view: InboundMessageView) => void;
}

export interface Handled {
  messageId: number | null;
  classification: Classification;
  match: Match;
  /** What was done, one line per prospect, for tests and the log. */
  actions: string[];
}

export function toView(row: InboundRow): InboundMessageView {
  return { ...row };
}

export function createInboundHandler(deps: InboundHandlerDeps) {
  const { messages, lookups } = deps;

  const stop = (prospectId: number, reason: Parameters<EnrollmentControl['stop']>[0]['reason'], detail: string, messageId: number | null, enrollmentId?: number) => {
    const control = deps.control();
    const finished = control ? control.stop({ prospectId, reason, detail, ...(messageId ? { messageId } : {}), ...(enrollmentId ? { enrollmentId } : {}) }) : 0;
    return `stop ${reason} (${finished} enrollment${finished === 1 ? '' : 's'})`;
  };
  const pause = (prospectId: number, until: number, reason: 'out_of_office' | 'soft_bounce', detail: string, messageId: number | null) => {
    const control = deps.control();
    const paused = control ? control.pause({ prospectId, until, reason, detail, ...(messageId ? { messageId } : {}) }) : 0;
    return `pause ${reason} until ${new Date(until).toISOString()} (${paused})`;
  };

  return function handle(account: AccountRow, received: InboundMessage): Handled | null {
    if (messages.exists(account.id, received.providerMessageId)) return null;
    // Mail from the rep's own address (a copy to self, a BCC) is the rep writing, wherever Gmail filed it.
    const m: InboundMessage = received.from.email.toLowerCase() === account.email.toLowerCase() ? { ...received, folder: 'sent' } : received;
    const now = deps.clock.now();
    const classification: Classification = m.folder === 'sent' ? { kind: 'other', why: 'sent by the rep outside Repdesk' } : classify(m, { timeZone: deps.timeZone() });
    const match = matchInbound(m, classification, lookups, account.email);
    // Mail unrelated to any prospect is none of Repdesk's business: it is not stored.
    if (match.ours || (!match.prospects.length && !match.colleagues.length)) return { messageId: null, classification, match, actions: [] };

    // A bare "reply" from someone who is not a prospect (a colleague) is stored as other.
    const kind = classification.kind === 'reply' && !match.prospects.length ? 'other' : classification.kind;
    const primary = match.prospects[0] ?? null;
    const actions: string[] = [];
    const run = deps.db.transaction(() => {
      const messageId = messages.insert({
        accountId: account.id,
        direction: m.folder === 'sent' ? 'out' : 'in',
        prospectId: primary?.prospect.id ?? match.colleagues[0]?.prospectId ?? null,
        stepRunId: primary?.stepRunId ?? null,
        providerMessageId: m.providerMessageId,
        providerThreadId: m.threadId,
        messageIdHeader: m.messageIdHeader,
        inReplyTo: m.inReplyTo,
        from: m.from.name ? `${m.from.name} <${m.from.email}>` : m.from.email,
        to: m.to.map((a) => a.email).join(', '),
        subject: m.subject,
        snippet: snippetOf(m.text),
        html: m.html ? sanitizeEmailHtml(m.html) : null,
        text: m.text,
        kind,
        at: m.receivedAt || now,
      });
      if (messageId === null) return null;
      const options = deps.options();
      for (const { prospect, via, stepRunId } of match.prospects) {
        const detail = `${describe(kind, m)}${via === 'sender' ? '' : ` (matched by ${via.replace(/_/g, ' ')})`}`;
        messages.addEvent({
          prospectId: prospect.id,
          stepRunId,
          type: m.folder === 'sent' ? 'email_sent_outside' : 'email_received',
          reason: kind,
          data: { messageId, subject: m.subject, from: m.from.email, snippet: snippetOf(m.text), via, why: classification.why, returnDate: classification.returnDate ?? null },
          at: now,
        });
        if (m.folder === 'sent') {
          actions.push(stop(prospect.id, 'contacted_outside', `You emailed ${prospect.email} from Gmail: "${m.subject}"`, messageId));
          continue;
        }
        switch (kind) {
          case 'reply':
            actions.push(stop(prospect.id, 'replied', detail, messageId));
            break;
          case 'out_of_office': {
            const until = classification.returnDate && classification.returnDate > now ? classification.returnDate : now + options.outOfOfficeDays * day;
            actions.push(pause(prospect.id, until, 'out_of_office', detail, messageId));
            break;
          }
          case 'soft_bounce': {
            const count = messages.softBounceCount(prospect.id);
            if (count < options.softBounceLimit) {
              actions.push(pause(prospect.id, now + count * day, 'soft_bounce', `${detail}; retrying later (${count} of ${options.softBounceLimit})`, messageId));
              break;
            }
            actions.push(...hardBounce(prospect.id, prospect.email, `${detail}; ${count} temporary failures in a row`, messageId, now));
            break;
          }
          case 'hard_bounce':
            actions.push(...hardBounce(prospect.id, prospect.email, detail, messageId, now));
            break;
          case 'unsubscribe':
            messages.setProspectStatus(prospect.id, 'unsubscribed', now);
            messages.suppress(normalizeEmail(prospect.email), 'unsubscribed', messageId, now);
            actions.push(stop(prospect.id, 'unsubscribed', detail, messageId));
            break;
          case 'other':
            break;
        }
      }
      if (kind === 'reply' || kind === 'other') {
        for (const colleague of match.colleagues) {
          messages.addEvent({ prospectId: colleague.prospectId, enrollmentId: colleague.enrollmentId, type: 'colleague_replied', reason: 'colleague_replied', data: { messageId, from: m.from.email, subject: m.subject }, at: now });
          actions.push(stop(colleague.prospectId, 'colleague_replied', `${m.from.email} at the same company replied: "${m.subject}"`, messageId, colleague.enrollmentId));
        }
      }
      return messageId;
    });

    function hardBounce(prospectId: number, email: string, detail: string, messageId: number, now: number): string[] {
      messages.setProspectStatus(prospectId, 'bounced', now);
      messages.suppress(normalizeEmail(email), 'bounced', messageId, now);
      return [`address ${email} marked invalid`, stop(prospectId, 'bounced', detail, messageId)];
    }

    const messageId = run();
    if (messageId === null) return null;
    if (!deps.control() && actions.length) deps.log.warn('Inbox sync decided without an engine connected; recorded in the timeline only', { actions });
    const row = messages.get(messageId);
    if (row && m.folder === 'inbox') {
      deps.onReceived(toView(row));
      if (kind === 'reply' && primary) {
        deps.notifier.notify({ title: `${primary.prospect.name || primary.prospect.email} replied`, body: snippetOf(m.text, 120) || m.subject, target: { kind: 'prospect', id: primary.prospect.id } });
      }
    }
    return { messageId, classification: { ...classification, kind }, match, actions };
  };
}
export type InboundHandler = ReturnType<typeof createInboundHandler>;

function describe(kind: string, m: InboundMessage): string {
  const subject = m.subject ? `"${m.subject.slice(0, 80)}"` : '(no subject)';
  switch (kind) {
    case 'reply':
      return `Replied: ${subject}`;
    case 'out_of_office':
      return `Out of office: ${subject}`;
    case 'hard_bounce':
      return `Email bounced (address invalid): ${subject}`;
    case 'soft_bounce':
      return `Email bounced temporarily: ${subject}`;
    case 'unsubscribe':
      return `Asked to unsubscribe: ${subject}`;
    default:
      return `Email received: ${subject}`;
  }
}
