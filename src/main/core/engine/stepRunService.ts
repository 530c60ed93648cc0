// The engine rules behind the rep's actions on a step run (see StepRunActions).
import type { StepRun } from '../../../shared/contract/enrollments';
import type { CallOutcome } from '../../../shared/domain/sequence';
import { allowedActions, type StepRunAction } from '../../../shared/domain/stepRun';
import { callQueries, type CallQueries } from '../db/queries/calls';
import { parseOptions } from '../db/queries/sequences';
import { toStepRun, type StepRunRow } from '../db/queries/stepRuns';
import { UserError, notFound } from '../errors';
import { localText } from '../schedule/calendar';
import type { EngineContext } from './context';
import type { EnrollmentService } from './enrollmentService';
import { describeStep, nextWindowFor, planNext } from './planner';
import type { StepRunActions } from './stepRunActions';

const unfilled = /\{\{|\{%/;

const outcomeText: Record<CallOutcome, string> = {
  connected: 'Connected',
  voicemail: 'Left a voicemail',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  meeting_booked: 'Meeting booked',
};

export class StepRunService implements StepRunActions {
  private readonly calls: CallQueries;

  constructor(
    private readonly ctx: EngineContext,
    private readonly enrollments: EnrollmentService,
    /** Wakes the scheduler when automatic work became due now (an approval). */
    private readonly wake: () => void,
  ) {
    this.calls = callQueries(ctx.db);
  }

  list(enrollmentId: number): StepRun[] {
    return this.ctx.q.runs.ofEnrollment(enrollmentId).map(toStepRun);
  }

  get(id: number): StepRun {
    const row = this.ctx.q.runs.get(id);
    if (!row) throw notFound('The step');
    return toStepRun(row);
  }

  /** Loads the run, checks the enrollment is open and the action allowed, then runs `fn` in one transaction. */
  private act(id: number, action: StepRunAction, fn: (run: StepRunRow, now: number) => void): StepRun {
    try {
      this.ctx.db.transaction(() => {
        const run = this.ctx.q.runs.get(id);
        if (!run) throw notFound('The step');
        const e = this.ctx.q.enrollments.get(run.enrollment_id)!;
        if (e.status === 'finished') throw new UserError('conflict', `This enrollment has finished (${e.finish_reason ?? 'finished'}); nothing was changed.`);
        if (!allowedActions(run.step_type, run.state).includes(action))
          throw new UserError('conflict', `A ${run.step_type.replace('_', ' ')} step that is ${run.state.replace('_', ' ')} cannot be handled that way; nothing was changed.`);
        fn(run, this.ctx.clock.now());
      })();
    } finally {
      this.ctx.recorder.flush();
    }
    return this.get(id);
  }

  private event(run: StepRunRow, type: string, reason: string, now: number, data: Record<string, unknown> = {}): void {
    this.ctx.recorder.event({ prospectId: run.prospect_id, enrollmentId: run.enrollment_id, stepRunId: run.id, type, reason, data, at: now });
  }

  /** Completed: plan the step after this one from now. */
  private advance(run: StepRunRow, now: number): void {
    const e = this.ctx.q.enrollments.get(run.enrollment_id)!;
    if (e.status !== 'finished') planNext(this.ctx, e, run.step_position, now);
  }

  approve(id: number, email: { subject: string; body: string }): StepRun {
    if (unfilled.test(email.subject) || unfilled.test(email.body))
      throw new UserError('invalid_request', 'The email still contains a merge field ({{ … }}). Replace it with the words you want to send; nothing was sent.');
    const out = this.act(id, 'approve', (run, now) => {
      this.ctx.q.runs.update(run.id, now, { state: 'scheduled', auto: true, subject: email.subject, body: email.body, dueAt: now, approvedAt: now, warning: null, reason: 'Approved by the rep' });
      this.event(run, 'approved', `${describeStep({ type: run.step_type, position: run.step_position })} approved; it goes out at the next send slot`, now);
    });
    this.wake();
    return out;
  }

  skip(id: number, reason?: string): StepRun {
    return this.act(id, 'skip', (run, now) => {
      const why = reason?.trim() ? `Skipped by the rep: ${reason.trim()}` : 'Skipped by the rep';
      this.ctx.q.runs.update(run.id, now, { state: 'skipped', auto: false, reason: why, completedAt: now });
      this.event(run, 'skipped', why, now);
      this.advance(run, now);
    });
  }

  reschedule(id: number, dueAt: number): StepRun {
    return this.act(id, 'reschedule', (run, now) => {
      const e = this.ctx.q.enrollments.get(run.enrollment_id)!;
      const automatic = run.step_type === 'auto_email' && run.state !== 'awaiting_approval';
      // An automatic email must still land inside the prospect's sending window.
      const w = automatic ? nextWindowFor(this.ctx, e, Math.max(dueAt, now)) : { at: dueAt, zone: this.ctx.settings.get().timeZone };
      this.ctx.q.runs.update(run.id, now, {
        state: run.state === 'failed' ? 'scheduled' : run.state,
        auto: automatic,
        dueAt: w.at,
        reason: 'Rescheduled by the rep',
      });
      this.event(run, 'rescheduled', `Rescheduled by the rep to ${localText(w.at, w.zone)}`, now, { dueAt: w.at });
    });
  }

  complete(id: number, note?: string): StepRun {
    return this.act(id, 'complete', (run, now) => {
      this.ctx.q.runs.update(run.id, now, { state: 'done', auto: false, reason: note?.trim() || null, completedAt: now });
      this.event(run, 'completed', note?.trim() ? `Task done: ${note.trim()}` : 'Task done', now);
      this.advance(run, now);
    });
  }

  logCall(id: number, call: { outcome: CallOutcome; notes?: string }): StepRun {
    let stop: { prospectId: number; enrollmentId: number; callId: number } | null = null;
    const out = this.act(id, 'logCall', (run, now) => {
      const prospect = this.ctx.q.enrollments.prospect(run.prospect_id)!;
      const callId = this.calls.insert({ prospectId: run.prospect_id, stepRunId: run.id, phone: prospect.phone, outcome: call.outcome, notes: call.notes?.trim() || null, placedAt: now });
      this.ctx.q.runs.update(run.id, now, { state: 'done', auto: false, reason: outcomeText[call.outcome], completedAt: now });
      this.event(run, 'call_logged', `${outcomeText[call.outcome]}${call.notes?.trim() ? `: ${call.notes.trim()}` : ''}`, now, { outcome: call.outcome, callId });
      const e = this.ctx.q.enrollments.get(run.enrollment_id)!;
      const options = parseOptions(this.ctx.q.sequences.get.get(e.sequence_id)!.options);
      if (options.stopOnCallOutcomes.includes(call.outcome)) stop = { prospectId: run.prospect_id, enrollmentId: e.id, callId };
      else this.advance(run, now);
    });
    if (stop) {
      const s = stop as { prospectId: number; enrollmentId: number; callId: number };
      this.enrollments.stop({
        prospectId: s.prospectId,
        enrollmentId: s.enrollmentId,
        reason: call.outcome === 'meeting_booked' ? 'meeting_booked' : 'call_connected',
        detail: `call logged as "${outcomeText[call.outcome]}"`,
        callId: s.callId,
      });
    }
    return out;
  }

  retry(id: number): StepRun {
    const out = this.act(id, 'retry', (run, now) => {
      const e = this.ctx.q.enrollments.get(run.enrollment_id)!;
      const w = nextWindowFor(this.ctx, e, now);
      this.ctx.q.runs.update(run.id, now, { state: 'scheduled', auto: true, dueAt: w.at, reason: 'Retry requested by the rep', attempts: 0 });
      this.event(run, 'rescheduled', `Retry requested by the rep; sends at ${localText(w.at, w.zone)}`, now, { dueAt: w.at });
    });
    this.wake();
    return out;
  }
}
