// Plans an enrollment's next step run from the previous one: delay, schedule, holidays, time off, zone.
import { isEmailStep, type Step } from '../../../shared/domain/sequence';
import { parseSchedule, toStep } from '../db/queries/sequences';
import type { EnrollmentRow } from '../db/queries/enrollments';
import { localText, planDue, nextSendable } from '../schedule/calendar';
import { calendarFor, type EngineContext } from './context';

/**
 * Creates the run of the step after `afterPosition` (or the first step), due `delay` after `base`.
 * After the last step the enrollment finishes as completed. Runs inside the caller's transaction.
 */
export function planNext(ctx: EngineContext, enrollment: EnrollmentRow, afterPosition: number, base: number): number | null {
  const { q } = ctx;
  const seq = q.sequences.get.get(enrollment.sequence_id)!;
  const steps = q.sequences.steps.all(enrollment.sequence_id);
  const next = steps.find((s) => s.position > afterPosition);
  const now = ctx.clock.now();
  if (!next) {
    q.enrollments.setStatus(enrollment.id, now, 'finished', 'completed');
    ctx.recorder.event({ prospectId: enrollment.prospect_id, enrollmentId: enrollment.id, stepRunId: null, type: 'finished', reason: 'completed: every step is done', at: now });
    ctx.recorder.sequenceChanged(enrollment.sequence_id);
    return null;
  }
  const prospect = q.enrollments.prospect(enrollment.prospect_id)!;
  const cal = calendarFor(ctx, prospect, parseSchedule(seq.schedule));
  const step = toStep(next, new Map());
  const dueAt = planDue(cal, base, step.delayAmount, step.delayUnit);
  const variant = isEmailStep(step.type) && step.variants.length > 0 ? q.sequences.takeVariant.get(step.id)!.v % step.variants.length : null;
  const auto = step.type === 'auto_email';
  const needsMailbox = auto && enrollment.account_id === null && !q.pacing.defaultAccount();
  const reason = needsMailbox ? 'Waiting for a connected mailbox: connect Gmail or Outlook in Settings. Nothing is sent until then.' : null;
  const id = q.runs.insert({ enrollmentId: enrollment.id, stepId: step.id, variant, state: 'scheduled', dueAt, auto, reason, now });
  ctx.recorder.event({
    prospectId: enrollment.prospect_id,
    enrollmentId: enrollment.id,
    stepRunId: id,
    type: 'scheduled',
    reason: `${describeStep(step)} planned for ${localText(dueAt, cal.zone)}${delayText(step)}`,
    data: { dueAt, zone: cal.zone, variant },
    at: now,
  });
  return id;
}

export function describeStep(step: Pick<Step, 'type' | 'position'>): string {
  const kind = { auto_email: 'Automatic email', manual_email: 'Manual email', call: 'Call', task: 'Task' }[step.type];
  return `Step ${step.position + 1} (${kind})`;
}

function delayText(step: Step): string {
  if (step.delayAmount === 0) return '';
  const unit = { business_days: 'business day', days: 'day', hours: 'hour' }[step.delayUnit];
  return `, ${step.delayAmount} ${unit}${step.delayAmount === 1 ? '' : 's'} after the previous step`;
}

/** Moves a pending automatic run into the next sending window at or after `from`. */
export function nextWindowFor(ctx: EngineContext, enrollment: EnrollmentRow, from: number): { at: number; zone: string } {
  const seq = ctx.q.sequences.get.get(enrollment.sequence_id)!;
  const prospect = ctx.q.enrollments.prospect(enrollment.prospect_id)!;
  const cal = calendarFor(ctx, prospect, parseSchedule(seq.schedule));
  return { at: nextSendable(cal, from), zone: cal.zone };
}
