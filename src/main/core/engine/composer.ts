// Composes a step run's email for one prospect: variant, merge fields, thread (reply or new), attachments.
import { join } from 'node:path';
import type { Variant } from '../../../shared/domain/sequence';
import type { ProspectRow } from '../db/queries/prospects';
import type { StepRunRow } from '../db/queries/stepRuns';
import { mergeContext } from '../templates/mergeFields';
import { bodyAsHtml, htmlToText, renderEmail, type RenderResult } from '../templates/render';
import type { OutgoingAttachment } from '../mail/provider';
import type { EngineContext } from './context';
import { replySubject } from '../mail/mime';

export interface ComposedEmail extends RenderResult {
  thread: { threadId: string; inReplyTo: string; references: string[] } | null;
  attachments: OutgoingAttachment[];
}

export function prospectContext(ctx: EngineContext, p: ProspectRow): Record<string, unknown> {
  const s = ctx.settings.get();
  let custom: Record<string, unknown> = {};
  try {
    custom = JSON.parse(p.custom_fields) as Record<string, unknown>;
  } catch {
    // A damaged custom-fields value is treated as none: the missing-field check then holds the email.
  }
  return mergeContext({ ...p, custom }, { rep_name: s.repName, rep_email: s.repEmail });
}

export function compose(ctx: EngineContext, run: StepRunRow): ComposedEmail {
  const { q } = ctx;
  const step = q.sequences.step.get(run.step_id)!;
  const prospect = q.enrollments.prospect(run.prospect_id)!;
  const variants = JSON.parse(step.variants) as Variant[];
  const variant = variants[(run.variant ?? 0) % Math.max(1, variants.length)] ?? { subject: '', body: '' };
  const enrollment = q.enrollments.get(run.enrollment_id)!;
  // A retry of this same step (after a soft bounce) is a fresh copy of it, not a reply to the copy that bounced.
  const earlier = q.runs.sentBefore(run.enrollment_id).filter((r) => r.step_id !== run.step_id);
  const first = earlier.length ? earlier[earlier.length - 1]! : null;
  const latest = earlier[0] ?? null;
  const reply = step.thread_mode === 'reply' && latest !== null && enrollment.thread_id !== null;
  // An approved email carries the rep's final text, already merged.
  const rendered: RenderResult =
    run.approved_at !== null && run.subject !== null && run.body !== null
      ? { subject: run.subject, html: bodyAsHtml(run.body), text: htmlToText(bodyAsHtml(run.body)), missingFields: [], error: null }
      : renderEmail(variant.subject, variant.body, prospectContext(ctx, prospect));
  // A reply keeps the first email's subject, which is what makes every mail client thread it.
  const subject = reply && run.approved_at === null ? replySubject(first?.subject ?? rendered.subject) : rendered.subject;
  if (!subject) rendered.missingFields = [...rendered.missingFields, 'subject'];
  const attachments = (JSON.parse(step.attachments) as number[])
    .map((id) => q.sequences.attachmentRow(id))
    .filter((a) => a !== null)
    .map((a) => ({ filename: a.filename, contentType: a.content_type, path: join(ctx.dataDir, 'attachments', a.stored_name) }));
  return {
    ...rendered,
    subject,
    // The thread of the message it answers (after a soft-bounce retry that is the copy that arrived).
    thread: reply ? { threadId: latest.provider_thread_id ?? enrollment.thread_id!, inReplyTo: latest.message_id, references: earlier.map((r) => r.message_id).reverse() } : null,
    attachments,
  };
}
