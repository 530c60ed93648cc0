// The rep's actions on a step run (from the Today queue or a timeline): the engine rules behind each.
import type { StepRun } from '../../../shared/contract/enrollments';
import type { CallOutcome } from '../../../shared/domain/sequence';

/**
 * Every method checks the run's state and step type against the state machine
 * (src/shared/domain/stepRun.ts) and throws a UserError ('conflict') when the move is not allowed,
 * writes a timeline event with its reason, emits queue.changed / timeline.changed, and returns the
 * run as it is afterwards.
 */
export interface StepRunActions {
  /**
   * An email step (manual, or automatic held for review) in `scheduled` or `awaiting_approval`:
   * stores the rep's final subject and body, marks it automatic and due now. The engine then sends
   * it through the outbox at its next tick (daily cap counts; no window or spacing wait, since the
   * rep chose to send now). Refused while the text still contains an unfilled merge field.
   */
  approve(id: number, email: { subject: string; body: string }): StepRun;
  /** `scheduled`, `awaiting_approval` or `failed` -> `skipped`; the next step is planned from now. */
  skip(id: number, reason?: string): StepRun;
  /**
   * Moves a pending run to `dueAt` (state kept; a failed run goes back to `scheduled`). An automatic
   * email is moved into the next sending window at or after `dueAt`; manual work lands exactly there.
   */
  reschedule(id: number, dueAt: number): StepRun;
  /** A task step -> `done` with the rep's note; the next step is planned from now. */
  complete(id: number, note?: string): StepRun;
  /**
   * A call step -> `done`, a row in calls. When the outcome is in the sequence's stopOnCallOutcomes
   * (connected, meeting_booked by default) the enrollment finishes (call_connected / meeting_booked);
   * otherwise the next step is planned from now.
   */
  logCall(id: number, call: { outcome: CallOutcome; notes?: string }): StepRun;
  /** A failed send -> `scheduled` again, automatic, due at the next sending window. */
  retry(id: number): StepRun;
}
