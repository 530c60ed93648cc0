// The outbox protocol: claim with a stored Message-ID, pre-send check, send, record; reconcile on start.
import { randomUUID } from 'node:crypto';
import type { AccountRow } from '../db/queries/pacing';
import { ProviderError } from '../mail/errors';
import { nextRetryDelay, sendRetryPolicy } from '../mail/retry';
import type { MailAccount, MailProvider, SentEmail } from '../mail/provider';
import type { StepRunRow } from '../db/queries/stepRuns';
import { localText } from '../schedule/calendar';
import { compose } from './composer';
import type { EngineContext } from './context';
import type { EnrollmentService } from './enrollmentService';
import { describeStep, nextWindowFor, planNext } from './planner';
import { prospectName } from '../db/queries/enrollments';
import { messageQueries, type MessageQueries } from '../db/queries/messages';

export type SendOutcome = 'sent' | 'held' | 'cancelled' | 'retry' | 'failed' | 'paused';


export class Outbox {
  private readonly messages: MessageQueries;

  constructor(
    private readonly ctx: EngineContext,
    private readonly enrollments: EnrollmentService,
  ) {
    this.messages = messageQueries(ctx.db);
  }

  private event(run: StepRunRow, type: string, reason: string, data: Record<string, unknown> = {}): void {
    this.ctx.recorder.event({ prospectId: run.prospect_id, enrollmentId: run.enrollment_id, stepRunId: run.id, type, reason, data, at: this.ctx.clock.now() });
  }

  /** Sends one due run. Never throws for a provider failure: every outcome is recorded on the run. */
  async send(run: StepRunRow, account: MailAccount, provider: MailProvider, domain: string | null): Promise<SendOutcome> {
    const { q, clock } = this.ctx;
    const prospect = q.enrollments.prospect(run.prospect_id)!;
    const email = compose(this.ctx, run);
    const label = describeStep({ type: run.step_type, position: run.step_position });

    // An email whose merge fields resolved to nothing never goes out by itself: it waits for the rep.
    if (email.error || email.missingFields.length > 0) {
      const warning = email.error ?? `Missing ${email.missingFields.join(', ')} for ${prospect.email}: check the text before sending.`;
      this.ctx.db.transaction(() => {
        q.runs.update(run.id, clock.now(), { state: 'awaiting_approval', auto: false, warning, subject: email.subject, body: email.html }, 'scheduled');
        this.event(run, 'awaiting_approval', `${label} held for review. ${warning}`, { missingFields: email.missingFields });
      })();
      this.ctx.recorder.flush();
      return 'held';
    }

    // 1. Claim: the Message-ID is stored before anything leaves the machine.
    const messageId = run.message_id ?? newMessageId(account.email);
    const claimed = this.ctx.db.transaction(() => {
      const ok = q.runs.update(run.id, clock.now(), { state: 'sending', messageId, subject: email.subject, body: email.html, attempts: run.attempts + 1 }, 'scheduled');
      if (ok) this.event(run, 'sending', `${label} is being sent from ${account.email}`, { messageId }, );
      return ok;
    })();
    this.ctx.recorder.flush();
    if (!claimed) return 'cancelled';

    try {
      // An earlier attempt with this Message-ID may have reached Gmail before it failed (a timeout after Gmail
      // accepted, an error while recording): look in the Sent folder before sending it again.
      if (run.message_id !== null && run.attempts > 0) {
        const found = await provider.findByMessageId(account, messageId);
        if (found) {
          this.recordSent(run, account, found, messageId, domain);
          return 'sent';
        }
      }
      // 2. Pre-send check: anything new from this prospect or in this thread means we must not send.
      const held = await this.preSendCheck(run, account, provider, prospect.email, email.thread?.threadId ?? null, label);
      if (held) return 'cancelled';
      // 3. Send.
      const sent = await provider.send(account, {
        messageId,
        from: { email: account.email, ...(account.displayName ? { name: account.displayName } : {}) },
        to: { email: prospect.email, ...(prospectName(prospect) !== prospect.email ? { name: prospectName(prospect) } : {}) },
        subject: email.subject,
        html: email.html,
        text: email.text,
        ...(email.thread ? { threadId: email.thread.threadId, inReplyTo: email.thread.inReplyTo, references: email.thread.references } : {}),
        ...(email.attachments.length ? { attachments: email.attachments } : {}),
      });
      // 4. Record.
      this.recordSent(run, account, sent, messageId, domain);
      return 'sent';
    } catch (err) {
      return this.failure(run, account, err);
    }
  }

  /**
   * Asks the inbox (which classifies and acts on what it finds: a reply stops, an out-of-office pauses)
   * or, without one, the provider directly. Returns true when the send must not go now.
   */
  private async preSendCheck(run: StepRunRow, account: MailAccount, provider: MailProvider, prospectEmail: string, threadId: string | null, label: string): Promise<boolean> {
    const { q, clock } = this.ctx;
    const threadIds = threadId ? [threadId] : [];
    const since = q.runs.sentBefore(run.enrollment_id)[0]?.completed_at ?? q.enrollments.get(run.enrollment_id)!.created_at;
    let reason: string | null;
    if (this.ctx.preSendCheck) {
      const check = await this.ctx.preSendCheck(account.id, { prospectEmails: [prospectEmail], threadIds, since });
      reason = check.clear ? null : (check.reason ?? 'new mail from the prospect arrived just before sending');
    } else {
      const news = await provider.newMailSince(account, { from: [prospectEmail], threadIds, since });
      reason = news.length > 0 ? `${prospectName(q.enrollments.prospect(run.prospect_id)!)} wrote meanwhile ("${news[0]!.subject}")` : null;
    }
    const enrollment = q.enrollments.get(run.enrollment_id)!;
    if (reason === null) {
      // Inbox sync may have stopped or paused the enrollment while the check ran (a poll that found the reply
      // first): a stop leaves a run in `sending` to the outbox, so the outbox must look before sending.
      if (enrollment.status === 'active') return false;
      reason = enrollment.status === 'paused' ? 'the enrollment was paused meanwhile' : `the sequence stopped meanwhile (${(enrollment.finish_reason ?? 'finished').replace(/_/g, ' ')})`;
    }
    this.ctx.db.transaction(() => {
      if (enrollment.status === 'paused') {
        // An out-of-office paused the enrollment: the step waits and is re-planned when the pause ends.
        q.runs.update(run.id, clock.now(), { state: 'scheduled', reason: `Held: ${reason}` }, 'sending');
        this.event(run, 'rescheduled', `${label} held back: ${reason}`);
      } else {
        q.runs.update(run.id, clock.now(), { state: 'cancelled', auto: false, reason: `Not sent: ${reason}` }, 'sending');
        this.event(run, 'cancelled', `${label} not sent: ${reason}`);
      }
    })();
    this.ctx.recorder.flush();
    if (enrollment.status === 'active') {
      this.enrollments.stop({ prospectId: run.prospect_id, enrollmentId: run.enrollment_id, reason: 'replied', detail: `${reason} (found by the pre-send check)` });
    }
    return true;
  }

  recordSent(run: StepRunRow, account: MailAccount, sent: SentEmail, messageId: string, domain: string | null): void {
    const { q, clock } = this.ctx;
    const now = clock.now();
    const prospect = q.enrollments.prospect(run.prospect_id)!;
    this.ctx.db.transaction(() => {
      q.runs.update(run.id, now, { state: 'sent', auto: false, providerMessageId: sent.providerMessageId, providerThreadId: sent.threadId, completedAt: sent.sentAt, reason: null, warning: null });
      q.enrollments.setThread(run.enrollment_id, sent.threadId, now);
      this.messages.recordSent({
        accountId: account.id,
        prospectId: run.prospect_id,
        stepRunId: run.id,
        providerMessageId: sent.providerMessageId,
        providerThreadId: sent.threadId,
        messageIdHeader: messageId,
        fromAddress: account.email,
        toAddresses: [prospect.email],
        subject: q.runs.get(run.id)!.subject,
        at: sent.sentAt,
      });
      q.pacing.record(account.id, run.id, domain, now);
      const variantNote = run.variant !== null ? ` (variant ${String.fromCharCode(65 + run.variant)})` : '';
      this.event(run, 'sent', `${describeStep({ type: run.step_type, position: run.step_position })} sent to ${prospect.email} from ${account.email}${variantNote}`, {
        messageId,
        providerMessageId: sent.providerMessageId,
        threadId: sent.threadId,
        variant: run.variant,
        lateByMs: Math.max(0, now - run.due_at),
      });
      const e = q.enrollments.get(run.enrollment_id)!;
      if (e.status !== 'finished') planNext(this.ctx, e, run.step_position, now);
    })();
    this.ctx.recorder.flush();
  }

  private failure(run: StepRunRow, account: MailAccount, err: unknown): SendOutcome {
    const { q, clock } = this.ctx;
    const now = clock.now();
    const e = q.enrollments.get(run.enrollment_id)!;
    const pe = err instanceof ProviderError ? err : new ProviderError('transient', err instanceof Error ? err.message : String(err));
    let outcome: SendOutcome;
    this.ctx.db.transaction(() => {
      if (pe.kind === 'auth') {
        q.runs.update(run.id, now, { state: 'scheduled', reason: `Not sent: ${account.email} needs reconnecting` }, 'sending');
        // The mailbox itself is marked and the rep notified by the guarded provider (mail/guardedProvider.ts).
        this.event(run, 'send_retry', `Not sent: the sign-in for ${account.email} expired. Reconnect it in Settings; sending resumes then.`);
        outcome = 'paused';
        return;
      }
      // One backoff rule for every Gmail/Outlook call (mail/retry.ts): exponential with jitter, Retry-After as a floor.
      const attempt = run.attempts + 1;
      const wait = nextRetryDelay(pe, attempt, { ...sendRetryPolicy, random: this.ctx.random });
      if (wait === null) {
        const why = pe.kind === 'permanent' ? pe.message : `Gave up after ${attempt} attempts: ${pe.message}`;
        q.runs.update(run.id, now, { state: 'failed', auto: false, reason: why }, 'sending');
        this.event(run, 'failed', `Not sent: ${why}. It waits in the queue: retry or skip it.`);
        outcome = 'failed';
      } else {
        const w = nextWindowFor(this.ctx, e, now + wait);
        q.runs.update(run.id, now, { state: 'scheduled', dueAt: w.at, reason: `Retrying: ${pe.message}` }, 'sending');
        if (pe.kind === 'rate_limited') q.pacing.setNextSendAt(account.id, now + wait, 'rate_limited');
        this.event(run, 'send_retry', `Not sent yet (${pe.kind === 'rate_limited' ? 'the provider asked us to slow down' : pe.message}); retrying at ${localText(w.at, w.zone)}`, { retryAt: w.at });
        outcome = 'retry';
      }
    })();
    this.ctx.recorder.flush();
    return outcome!;
  }

  /** On start: a run left in `sending` is looked up in the Sent folder by its Message-ID before any retry. */
  async reconcile(): Promise<number> {
    const { q, clock } = this.ctx;
    let fixed = 0;
    for (const run of q.runs.sending()) {
      const e = q.enrollments.get(run.enrollment_id)!;
      const account = e.account_id !== null ? q.pacing.account(e.account_id) : null;
      const provider = account ? this.ctx.providers[account.provider] : undefined;
      if (!account || !provider || !run.message_id) continue;
      try {
        const found = await provider.findByMessageId(toMailAccount(account), run.message_id);
        if (found) this.recordSent(run, toMailAccount(account), found, run.message_id, q.enrollments.prospect(run.prospect_id)?.domain ?? null);
        else {
          this.ctx.db.transaction(() => {
            q.runs.update(run.id, clock.now(), { state: 'scheduled', reason: 'Repdesk stopped while sending; it was not in the Sent folder, so it will be sent again' }, 'sending');
            this.event(run, 'send_retry', 'Repdesk stopped while sending this; the Sent folder does not have it, so it goes out at the next slot');
          })();
          this.ctx.recorder.flush();
        }
        fixed++;
      } catch (err) {
        this.ctx.log.warn('Could not reconcile a send left in progress', { stepRunId: run.id, error: String(err) });
      }
    }
    return fixed;
  }
}

export function toMailAccount(a: AccountRow): MailAccount {
  return { id: a.id, provider: a.provider, email: a.email, displayName: a.display_name };
}

/** Our RFC 5322 Message-ID, on the sending mailbox's domain. */
export const newMessageId = (email: string) => `<${randomUUID()}@${email.split('@')[1] ?? 'repdesk.local'}>`;
