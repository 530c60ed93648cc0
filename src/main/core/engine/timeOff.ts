// When the rep adds days off, planned work on those days moves to the first working moment after them.
import type { TimeOff } from '../../../shared/domain/sendingSettings';
import { localText, nextSendable, timeOffIntervals } from '../schedule/calendar';
import { calendarForEnrollment, type EngineContext } from './context';

/** Re-plans scheduled runs (automatic or for the rep) that fall inside the given days off. Returns how many moved. */
export function replanForTimeOff(ctx: EngineContext, added: readonly TimeOff[]): number {
  if (added.length === 0) return 0;
  const { db, q, clock } = ctx;
  const now = clock.now();
  const intervals = timeOffIntervals(added, ctx.settings.get().timeZone);
  let moved = 0;
  db.transaction(() => {
    intervals.forEach((interval, i) => {
      const label = added[i]?.label ? ` (${added[i]!.label})` : '';
      for (const row of q.runs.scheduledBetween(Math.max(interval.start, now), interval.end)) {
        const cal = calendarForEnrollment(ctx, row);
        const dueAt = nextSendable(cal, interval.end);
        q.runs.update(row.id, now, { dueAt, reason: `You are off that day${label}` }, 'scheduled');
        ctx.recorder.event({
          prospectId: row.prospect_id,
          enrollmentId: row.enrollment_id,
          stepRunId: row.id,
          type: 'rescheduled',
          reason: `You are off that day${label}; moved to ${localText(dueAt, cal.zone)}`,
          data: { dueAt },
          at: now,
        });
        moved++;
      }
    });
  })();
  ctx.recorder.flush();
  return moved;
}
