// Helpers for Gmail tests: a started fake Google, a recording EnrollmentControl, the OAuth flow followed like a browser, seed rows.
import type { Core } from '../../src/main/core/createCore';
import type { EnrollmentControl, PauseRequest, StopRequest } from '../../src/main/core/engine/enrollmentControl';
import { fakeGoogleEndpoints } from '../../src/main/core/mail/gmail/endpoints';
import type { MailAccount } from '../../src/main/core/mail/provider';
import { FakeGoogle, fakeClient, type FakeGoogleOptions } from '../fakes/google/fakeGoogle';

export { FakeGoogle, fakeClient };

export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  return new FakeGoogle(options).start();
}

export const googleDepsFor = (fake: FakeGoogle) => ({ endpoints: fakeGoogleEndpoints(fake.origin) });

/** The engine's side as a test double: records every stop and pause it is asked for. */
export function recordingControl(): EnrollmentControl & { stops: StopRequest[]; pauses: PauseRequest[] } {
  const stops: StopRequest[] = [];
  const pauses: PauseRequest[] = [];
  return {
    stops,
    pauses,
    stop: (r) => (stops.push(r), 1),
    pause: (r) => (pauses.push(r), 1),
  };
}

/** What a person does in the browser: open the authorize URL, consent, land on the loopback page. */
export async function followAuthorize(authorizeUrl: string): Promise<{ status: number; page: string }> {
  const consent = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = consent.headers.get('location');
  if (consent.status !== 302 || !location) throw new Error(`authorize answered ${consent.status}: ${await consent.text()}`);
  const landing = await fetch(location);
  return { status: landing.status, page: await landing.text() };
}

export async function connectGmail(core: Core, options: { acceptWeakStorage?: boolean } = {}): Promise<{ account: MailAccount; page: string }> {
  core.mail.mailboxes.setGoogleClient({ ...fakeClient });
  const flow = await core.mail.mailboxes.connectGmail(options.acceptWeakStorage ?? false);
  const [mailbox, landing] = await Promise.all([core.mail.mailboxes.awaitConnect(flow.flowId), followAuthorize(flow.authorizeUrl)]);
  return { account: { id: mailbox.id, provider: 'gmail', email: mailbox.email, displayName: mailbox.displayName }, page: landing.page };
}

/** Rows the engine would write: a prospect enrolled in a sequence with one sent step run. */
export function seedEnrollment(
  core: Core,
  p: { email: string; firstName?: string; domain?: string; messageId?: string; threadId?: string; colleagueStop?: boolean; accountId?: number | null },
): { prospectId: number; enrollmentId: number; stepRunId: number } {
  const db = core.deps.db;
  const now = core.deps.clock.now();
  const domain = p.domain ?? p.email.split('@')[1]!;
  const prospectId = Number(
    db
      .prepare('INSERT INTO prospects (email, email_normalized, first_name, domain, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(p.email, p.email.toLowerCase(), p.firstName ?? null, domain, now, now).lastInsertRowid,
  );
  const sequenceId = Number(
    db.prepare('INSERT INTO sequences (name, options, created_at, updated_at) VALUES (?, ?, ?, ?)').run('Outbound', JSON.stringify({ stopOnColleagueReply: p.colleagueStop ?? false }), now, now).lastInsertRowid,
  );
  const stepId = Number(db.prepare("INSERT INTO steps (sequence_id, position, type, created_at, updated_at) VALUES (?, 1, 'auto_email', ?, ?)").run(sequenceId, now, now).lastInsertRowid);
  const enrollmentId = Number(
    db
      .prepare('INSERT INTO enrollments (prospect_id, sequence_id, account_id, thread_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(prospectId, sequenceId, p.accountId ?? null, p.threadId ?? null, now, now).lastInsertRowid,
  );
  const stepRunId = Number(
    db
      .prepare("INSERT INTO step_runs (enrollment_id, step_id, state, due_at, message_id, provider_thread_id, created_at, updated_at) VALUES (?, ?, 'sent', ?, ?, ?, ?, ?)")
      .run(enrollmentId, stepId, now, p.messageId ?? null, p.threadId ?? null, now, now).lastInsertRowid,
  );
  return { prospectId, enrollmentId, stepRunId };
}
