// Renders a (saved or draft) sequence for one prospect: every email variant and when each step would land.
import type { SequencePreview } from '../../../shared/contract/sequences';
import { isEmailStep, type SequenceInput } from '../../../shared/domain/sequence';
import { notFound } from '../errors';
import { prospectName } from '../db/queries/enrollments';
import { calendarFor, zoneFor, type EngineContext } from '../engine/context';
import { prospectContext } from '../engine/composer';
import { replySubject } from '../mail/mime';
import { localText, planDue } from '../schedule/calendar';
import { renderEmail, sanitizeEmailHtml } from '../templates/render';

export function previewSequence(ctx: EngineContext, prospectId: number, sequence: SequenceInput, startAt?: number): SequencePreview {
  const prospect = ctx.q.enrollments.prospect(prospectId);
  if (!prospect) throw notFound('The prospect');
  const zone = zoneFor(ctx, prospect, sequence.schedule);
  const cal = calendarFor(ctx, prospect, sequence.schedule);
  const context = prospectContext(ctx, prospect);
  let at = startAt ?? ctx.clock.now();
  let firstSubject = '';
  const steps = sequence.steps.map((step, index) => {
    // Assumes each step is done the moment it lands, as an automatic email is.
    at = planDue(cal, at, step.delayAmount, step.delayUnit);
    const reply = index > 0 && step.threadMode === 'reply' && firstSubject !== '';
    const emails = isEmailStep(step.type)
      ? step.variants.map((v, variant) => {
          const r = renderEmail(v.subject, v.body, context);
          if (index === 0 || (!reply && !firstSubject)) firstSubject ||= r.subject;
          return {
            variant,
            subject: reply ? replySubject(firstSubject) : r.subject,
            html: r.error ? `<p>${r.error}</p>` : sanitizeEmailHtml(r.html),
            missingFields: r.error ? ['(template error)'] : r.missingFields.concat(!reply && !r.subject ? ['subject'] : []),
          };
        })
      : [];
    const note = renderEmail(step.note, '', context).subject;
    return { index, type: step.type, dueAt: at, localDueAt: localText(at, cal.zone), emails, note };
  });
  return { prospectId, prospectName: prospectName(prospect), timeZone: zone.zone, timeZoneSource: zone.source, country: zone.country, steps };
}
