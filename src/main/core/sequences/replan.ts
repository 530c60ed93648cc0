// After a live edit: planned steps not yet due move to where the new delays and schedule put them.
import { parseSchedule } from '../db/queries/sequences';
import { calendarFor, type EngineContext } from '../engine/context';
import { localText, planDue } from '../schedule/calendar';

/**
 * Re-plans scheduled runs not yet due in the sequence (all of them when the schedule changed,
 * else only those of the given steps), from the moment the enrollment's previous step completed.
 * Runs inside the caller's transaction; returns how many moved.
 */
export function replanNotYetDue(ctx: EngineContext, sequenceId: number, stepIds: Set<number> | 'all', now: number): number {
  const { q } = ctx;
  const seq = q.sequences.get.get(sequenceId)!;
  const schedule = parseSchedule(seq.schedule);
  const rows = q.runs.notYetDueOfSequence(sequenceId, now);
  let moved = 0;
  for (const row of rows) {
    if (stepIds !== 'all' && !stepIds.has(row.step_id)) continue;
    const step = q.sequences.step.get(row.step_id)!;
    const prospect = q.enrollments.prospect(row.prospect_id)!;
    const cal = calendarFor(ctx, prospect, schedule);
    const base = q.runs.lastDoneAt(row.enrollment_id) ?? row.created_at;
    const dueAt = Math.max(planDue(cal, base, step.delay_amount, step.delay_unit), planDue(cal, now, 0, 'hours'));
    if (dueAt === row.due_at) continue;
    q.runs.update(row.id, now, { dueAt, reason: 'The sequence was edited' }, 'scheduled');
    ctx.recorder.event({ prospectId: row.prospect_id, enrollmentId: row.enrollment_id, stepRunId: row.id, type: 'rescheduled', reason: `The sequence was edited; moved to ${localText(dueAt, cal.zone)}`, data: { dueAt }, at: now });
    moved++;
  }
  return moved;
}
