// Read-only SQL that matches inbound mail to our sends, prospects and their enrollments.
import type { Db } from '../open';

export interface RunHit {
  stepRunId: number;
  enrollmentId: number;
  prospectId: number;
}

export interface ProspectHit {
  id: number;
  email: string;
  name: string | null;
  domain: string | null;
  status: string;
}

export interface DomainEnrollmentHit {
  enrollmentId: number;
  prospectId: number;
  /** The sequence's stop rule: stop everyone at the company when a colleague replies. */
  colleagueStop: boolean;
}

export function inboxLookups(db: Db) {
  const runsByMessageIds = db.prepare<[string], RunHit>(`
    SELECT r.id AS stepRunId, r.enrollment_id AS enrollmentId, e.prospect_id AS prospectId
    FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id
    WHERE r.message_id IN (SELECT value FROM json_each(?))`);
  const outByMessageIds = db.prepare<[string], { prospectId: number; stepRunId: number | null }>(`
    SELECT prospect_id AS prospectId, step_run_id AS stepRunId FROM messages
    WHERE direction = 'out' AND prospect_id IS NOT NULL AND message_id_header IN (SELECT value FROM json_each(?))`);
  const prospectsByThread = db.prepare<{ threadId: string }, { prospectId: number }>(`
    SELECT e.prospect_id AS prospectId FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id WHERE r.provider_thread_id = @threadId
    UNION SELECT prospect_id FROM enrollments WHERE thread_id = @threadId
    UNION SELECT prospect_id FROM messages WHERE provider_thread_id = @threadId AND direction = 'out' AND prospect_id IS NOT NULL`);
  const prospectsByEmails = db.prepare<[string], ProspectHit>(`
    SELECT id, email, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) AS name, domain, status
    FROM prospects WHERE email_normalized IN (SELECT value FROM json_each(?))`);
  const prospectById = db.prepare<[number], ProspectHit>(`
    SELECT id, email, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) AS name, domain, status FROM prospects WHERE id = ?`);
  // prospects.domain (indexed) is the company domain import derives from the address or website.
  const enrollmentsAtDomain = db.prepare<{ domain: string }, { enrollmentId: number; prospectId: number; colleagueStop: number | null }>(`
    SELECT e.id AS enrollmentId, e.prospect_id AS prospectId, json_extract(s.options, '$.stopOnColleagueReply') AS colleagueStop
    FROM prospects p
    JOIN enrollments e ON e.prospect_id = p.id AND e.status <> 'finished'
    JOIN sequences s ON s.id = e.sequence_id
    WHERE p.domain = @domain`);
  const ours = db.prepare<{ ids: string }, { n: number }>(`
    SELECT (SELECT count(*) FROM step_runs WHERE message_id IN (SELECT value FROM json_each(@ids)))
         + (SELECT count(*) FROM messages WHERE direction = 'out' AND message_id_header IN (SELECT value FROM json_each(@ids))) AS n`);

  const json = (values: string[]) => JSON.stringify(values);
  return {
    runsByMessageIds: (ids: string[]): RunHit[] => (ids.length ? runsByMessageIds.all(json(ids)) : []),
    outByMessageIds: (ids: string[]) => (ids.length ? outByMessageIds.all(json(ids)) : []),
    prospectsByThread: (threadId: string): number[] => prospectsByThread.all({ threadId }).map((r) => r.prospectId),
    prospectsByEmails: (emails: string[]): ProspectHit[] => (emails.length ? prospectsByEmails.all(json(emails)) : []),
    prospect: (id: number): ProspectHit | null => prospectById.get(id) ?? null,
    enrollmentsAtDomain: (domain: string): DomainEnrollmentHit[] =>
      enrollmentsAtDomain
        .all({ domain })
        .map((r) => ({ enrollmentId: r.enrollmentId, prospectId: r.prospectId, colleagueStop: r.colleagueStop === 1 })),
    /** True when one of these Message-IDs is one Repdesk sent (so a copy in Sent is not the rep writing by hand). */
    isOurs: (ids: string[]): boolean => ids.length > 0 && ours.get({ ids: json(ids) })!.n > 0,
  };
}
export type InboxLookups = ReturnType<typeof inboxLookups>;
