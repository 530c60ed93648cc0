// SQL for inbound mail in the messages table, the timeline events inbox sync writes, and the suppression list.
import type { InboundKind } from '../../../../shared/domain/mail';
import type { Db } from '../open';

export interface NewInbound {
  accountId: number;
  /** 'out' for the rep's own mail seen in Sent (written outside Repdesk). */
  direction: 'in' | 'out';
  prospectId: number | null;
  stepRunId: number | null;
  providerMessageId: string;
  providerThreadId: string;
  messageIdHeader: string | null;
  inReplyTo: string | null;
  from: string;
  to: string;
  subject: string;
  snippet: string;
  html: string | null;
  text: string;
  kind: InboundKind;
  at: number;
}

export interface InboundRow {
  id: number;
  accountId: number | null;
  prospectId: number | null;
  prospectName: string | null;
  from: string;
  subject: string;
  snippet: string;
  html: string | null;
  text: string;
  kind: InboundKind;
  at: number;
}

export interface TimelineEvent {
  prospectId: number | null;
  enrollmentId?: number | null;
  stepRunId?: number | null;
  type: string;
  reason?: string | null;
  data: Record<string, unknown>;
  at: number;
}

const select = `
  SELECT m.id, m.account_id AS accountId, m.prospect_id AS prospectId,
    nullif(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), '') AS prospectName,
    coalesce(m.from_address, '') AS "from", coalesce(m.subject, '') AS subject, coalesce(m.snippet, '') AS snippet,
    m.body_html AS html, coalesce(m.body_text, '') AS text, coalesce(m.classification, 'other') AS kind, m.at
  FROM messages m LEFT JOIN prospects p ON p.id = m.prospect_id`;

export function inboxMessageQueries(db: Db) {
  const insert = db.prepare<NewInbound, { id: number }>(`
    INSERT INTO messages (account_id, prospect_id, step_run_id, direction, provider_message_id, provider_thread_id, message_id_header,
      in_reply_to, from_address, to_addresses, subject, snippet, body_html, body_text, classification, at)
    VALUES (@accountId, @prospectId, @stepRunId, @direction, @providerMessageId, @providerThreadId, @messageIdHeader,
      @inReplyTo, @from, @to, @subject, @snippet, @html, @text, @kind, @at)
    ON CONFLICT (account_id, provider_message_id) DO NOTHING
    RETURNING id`);
  const exists = db.prepare<{ accountId: number; providerMessageId: string }, { id: number }>(
    'SELECT id FROM messages WHERE account_id = @accountId AND provider_message_id = @providerMessageId',
  );
  const recent = db.prepare<{ limit: number }, InboundRow>(`${select} WHERE m.direction = 'in' ORDER BY m.at DESC, m.id DESC LIMIT @limit`);
  const forProspect = db.prepare<{ prospectId: number }, InboundRow>(`${select} WHERE m.prospect_id = @prospectId AND m.direction = 'in' ORDER BY m.at DESC, m.id DESC`);
  const byId = db.prepare<{ id: number }, InboundRow>(`${select} WHERE m.id = @id`);
  const softBounces = db.prepare<{ prospectId: number }, { n: number }>(
    "SELECT count(*) AS n FROM messages WHERE prospect_id = @prospectId AND classification = 'soft_bounce'",
  );
  const event = db.prepare<{ prospectId: number | null; enrollmentId: number | null; stepRunId: number | null; type: string; reason: string | null; data: string; at: number }>(
    'INSERT INTO events (prospect_id, enrollment_id, step_run_id, type, reason, data, at) VALUES (@prospectId, @enrollmentId, @stepRunId, @type, @reason, @data, @at)',
  );
  const prospectStatus = db.prepare<{ id: number; status: string; now: number }>(
    "UPDATE prospects SET status = @status, updated_at = @now WHERE id = @id AND status NOT IN ('unsubscribed')",
  );
  // The one do-not-contact list (0002-import.sql), shared with the rep's own entries in Settings.
  const suppress = db.prepare<{ email: string; reason: string; at: number }>(
    "INSERT INTO suppressions (kind, value, reason, created_at) VALUES ('email', @email, @reason, @at) ON CONFLICT (kind, value) DO NOTHING",
  );

  return {
    /** Stores a message once; returns null when it was already stored (a resync sees the same mail again). */
    insert: (m: NewInbound): number | null => insert.get(m)?.id ?? null,
    exists: (accountId: number, providerMessageId: string) => exists.get({ accountId, providerMessageId }) !== undefined,
    recent: (limit: number) => recent.all({ limit }),
    forProspect: (prospectId: number) => forProspect.all({ prospectId }),
    get: (id: number) => byId.get({ id }) ?? null,
    softBounceCount: (prospectId: number) => softBounces.get({ prospectId })!.n,
    addEvent: (e: TimelineEvent) =>
      void event.run({
        prospectId: e.prospectId,
        enrollmentId: e.enrollmentId ?? null,
        stepRunId: e.stepRunId ?? null,
        type: e.type,
        reason: e.reason ?? null,
        data: JSON.stringify(e.data),
        at: e.at,
      }),
    setProspectStatus: (id: number, status: 'bounced' | 'unsubscribed', now: number) => void prospectStatus.run({ id, status, now }),
    suppress: (email: string, reason: 'unsubscribed' | 'bounced', messageId: number | null, at: number) =>
      void suppress.run({ email, reason: suppressionReasons[reason] + (messageId !== null ? ` (message ${messageId})` : ''), at }),
  };
}
const suppressionReasons = {
  unsubscribed: 'Asked to stop receiving email',
  bounced: 'The address bounced permanently',
};

export type InboxMessageQueries = ReturnType<typeof inboxMessageQueries>;
