// Who an inbound message concerns: matched by thread, In-Reply-To/References against our Message-IDs, sender, or company domain.
import type { InboxLookups, ProspectHit } from '../db/queries/inboxLookups';
import type { InboundMessage } from '../mail/provider';
import type { Classification } from './classify';
import { normalizeEmail } from '../../../shared/import/email';
import { domainOf, isFreeMailDomain } from './freeMail';

export type MatchVia = 'in_reply_to' | 'thread' | 'sender' | 'bounce_message_id' | 'bounce_recipient' | 'recipient';

export interface ProspectMatch {
  prospect: ProspectHit;
  via: MatchVia;
  stepRunId: number | null;
}

export interface Match {
  /** Prospects the message is from (reply, OOO, unsubscribe), about (bounce), or to (the rep's own mail in Sent). */
  prospects: ProspectMatch[];
  /** Open enrollments at the sender's company whose sequence stops when a colleague replies. */
  colleagues: { enrollmentId: number; prospectId: number }[];
  /** A copy of an email Repdesk itself sent (seen in Sent): nothing to do. */
  ours: boolean;
}

export function matchInbound(m: InboundMessage, c: Classification, lookups: InboxLookups, mailboxEmail: string): Match {
  const out: Match = { prospects: [], colleagues: [], ours: false };
  const seen = new Set<number>();
  const add = (ids: { id: number; stepRunId: number | null }[], via: MatchVia) => {
    for (const { id, stepRunId } of ids) {
      if (seen.has(id)) continue;
      const prospect = lookups.prospect(id);
      if (!prospect) continue;
      seen.add(id);
      out.prospects.push({ prospect, via, stepRunId });
    }
  };
  const byMessageIds = (ids: string[]) => [
    ...lookups.runsByMessageIds(ids).map((r) => ({ id: r.prospectId, stepRunId: r.stepRunId })),
    ...lookups.outByMessageIds(ids).map((r) => ({ id: r.prospectId, stepRunId: r.stepRunId })),
  ];
  const byEmails = (emails: string[]) => lookups.prospectsByEmails(emails.map(normalizeEmail)).map((p) => ({ id: p.id, stepRunId: null }));

  if (m.folder === 'sent') {
    if (m.messageIdHeader && lookups.isOurs([m.messageIdHeader])) return { ...out, ours: true };
    // The rep wrote to a prospect from Gmail directly: they made contact.
    add(byEmails([...m.to, ...m.cc].map((a) => a.email)), 'recipient');
    return out;
  }

  if (c.kind === 'hard_bounce' || c.kind === 'soft_bounce') {
    if (c.bounce?.originalMessageId) add(byMessageIds([c.bounce.originalMessageId]), 'bounce_message_id');
    if (!out.prospects.length) add(byEmails(c.bounce?.recipients ?? []), 'bounce_recipient');
    return out;
  }

  add(byMessageIds([m.inReplyTo, ...m.references].filter((x): x is string => Boolean(x))), 'in_reply_to');
  add(lookups.prospectsByThread(m.threadId).map((id) => ({ id, stepRunId: null })), 'thread');
  add(byEmails([m.from.email]), 'sender');

  // Someone else at a prospect's company answered: a candidate for the per-sequence colleague rule.
  const domain = domainOf(m.from.email);
  if (c.kind === 'reply' && domain && !isFreeMailDomain(domain) && domain !== domainOf(mailboxEmail)) {
    out.colleagues = lookups
      .enrollmentsAtDomain(domain)
      .filter((e) => e.colleagueStop && !seen.has(e.prospectId))
      .map((e) => ({ enrollmentId: e.enrollmentId, prospectId: e.prospectId }));
  }
  return out;
}
