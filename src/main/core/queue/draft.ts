// The email a queue item shows: the rep's editable draft with merge fields filled, and its sanitised preview.
import type { Variant } from '../../../shared/domain/sequence';
import type { QueueRow } from '../db/queries/queue';
import { prospectContext } from '../engine/composer';
import { replySubject } from '../mail/mime';
import type { EngineContext } from '../engine/context';
import { bodyAsHtml, htmlToText, renderDraft, sanitizeEmailHtml } from '../templates/render';

export interface EmailDraft {
  subject: string;
  body: string;
  html: string;
  missingFields: string[];
  threadReply: boolean;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The preview HTML: sanitised here, in core, so the window never receives markup that runs or loads
 * anything (no scripts, no images, no styles); an unresolved field is marked so the rep spots it.
 */
export function previewHtml(body: string): string {
  // bodyAsHtml escapes a plain-text body itself (and links its URLs), exactly as the email will be sent.
  const html = sanitizeEmailHtml(bodyAsHtml(body));
  return html.replace(/\{\{ ([a-z0-9_.]+) \}\}/gi, '<mark>{{ $1 }}</mark>');
}

export function draftFor(ctx: EngineContext, row: QueueRow): EmailDraft {
  // A failed send keeps the text that was attempted; show and resend exactly that.
  if (row.state === 'failed' && row.subject !== null && row.body !== null) {
    const text = htmlToText(row.body);
    return { subject: row.subject, body: text, html: previewHtml(text), missingFields: [], threadReply: false };
  }
  const variants = JSON.parse(row.step_variants) as Variant[];
  const variant = variants[(row.variant ?? 0) % Math.max(1, variants.length)] ?? { subject: '', body: '' };
  const prospect = ctx.q.enrollments.prospect(row.prospect_id)!;
  const d = renderDraft(variant.subject, variant.body, prospectContext(ctx, prospect));
  if (d.error) return { subject: variant.subject, body: variant.body, html: `<p>${escapeHtml(d.error)}</p>`, missingFields: ['(template error)'], threadReply: false };
  // A follow-up in the same thread keeps the first email's subject, as the engine sends it.
  const earlier = ctx.q.runs.sentBefore(row.enrollment_id);
  const first = earlier.length ? earlier[earlier.length - 1]! : null;
  const threadReply = row.step_thread_mode === 'reply' && first !== null;
  const subject = threadReply ? replySubject(first.subject ?? d.subject) : d.subject;
  const missing = subject ? d.missingFields : [...d.missingFields, 'subject'];
  return { subject, body: d.body, html: previewHtml(d.body), missingFields: missing, threadReply };
}
