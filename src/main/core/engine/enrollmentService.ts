// Enrolling prospects and the enrollment's life: pause, resume, finish, move, and the stop rules (EnrollmentControl).
import type { Enrollment } from '../../../shared/contract/enrollments';
import type { StopReason } from '../../../shared/domain/mail';
import { UserError, notFound } from '../errors';
import { toEnrollment, type EnrollmentRow } from '../db/queries/enrollments';
import { prospectListQueries, type ProspectQueryFilter } from '../db/queries/prospectList';
import { toStepRun } from '../db/queries/stepRuns';
import { localText } from '../schedule/calendar';
import type { EngineContext } from './context';
import type { EnrollmentControl, PauseRequest, StopRequest } from './enrollmentControl';
import { nextWindowFor, planNext } from './planner';

export type RefusalCode = 'suppressed' | 'already_in_sequence' | 'active_elsewhere' | 'not_found' | 'sequence_not_active';
export interface EnrollResult {
  prospectId: number;
  enrollmentId: number | null;
  refusal: { code: RefusalCode; message: string } | null;
}
export type EnrollFilter = ProspectQueryFilter;

const stopText: Record<StopReason, string> = {
  replied: 'The prospect replied',
  bounced: 'The email bounced',
  unsubscribed: 'The prospect asked not to be contacted',
  meeting_booked: 'A meeting was booked',
  call_connected: 'A call connected',
  contacted_outside: 'The rep wrote to the prospect outside Repdesk',
  colleague_replied: 'A colleague at the same company replied',
  finished_by_rep: 'Finished by the rep',
  moved: 'Moved to another sequence',
  completed: 'Every step is done',
};

export class EnrollmentService implements EnrollmentControl {
  constructor(private readonly ctx: EngineContext) {}

  private tx<T>(fn: () => T): T {
    try {
      return this.ctx.db.transaction(fn)();
    } finally {
      this.ctx.recorder.flush();
    }
  }

  /** The same query as the prospects screen, so "everyone matching" enrolls exactly the prospects the rep sees listed. */
  prospectIdsFor(filter: EnrollFilter): number[] {
    return prospectListQueries(this.ctx.db).ids(filter).sort((a, b) => a - b);
  }

  /** Enrolls each prospect, or says why not; one active enrollment per prospect per sequence. */
  create(sequenceId: number, prospectIds: number[], options: { allowActiveElsewhere?: boolean } = {}): EnrollResult[] {
    const { q, clock } = this.ctx;
    const seq = q.sequences.get.get(sequenceId);
    if (!seq) throw notFound('The sequence');
    if (seq.status === 'archived') throw new UserError('conflict', `"${seq.name}" is archived. Restore it before enrolling prospects.`);
    if (q.sequences.steps.all(sequenceId).length === 0) throw new UserError('conflict', `"${seq.name}" has no steps yet. Add a step, then enroll.`);
    const account = q.pacing.defaultAccount();
    return this.tx(() => {
      const now = clock.now();
      const results: EnrollResult[] = [];
      for (const prospectId of [...new Set(prospectIds)]) {
        const refusal = this.refusal(prospectId, sequenceId, options.allowActiveElsewhere ?? false);
        if (refusal) {
          results.push({ prospectId, enrollmentId: null, refusal });
          continue;
        }
        const id = q.enrollments.insert({ prospectId, sequenceId, accountId: account?.id ?? null, now });
        this.ctx.recorder.event({ prospectId, enrollmentId: id, stepRunId: null, type: 'enrolled', reason: `Enrolled in "${seq.name}"`, at: now });
        planNext(this.ctx, q.enrollments.get(id)!, -1, now);
        results.push({ prospectId, enrollmentId: id, refusal: null });
      }
      this.ctx.recorder.sequenceChanged(sequenceId);
      return results;
    });
  }

  private refusal(prospectId: number, sequenceId: number, allowElsewhere: boolean): EnrollResult['refusal'] {
    const p = this.ctx.q.enrollments.prospect(prospectId);
    if (!p) return { code: 'not_found', message: 'This prospect no longer exists.' };
    if (p.status !== 'active') {
      const why = { suppressed: 'is on the do-not-contact list', bounced: 'has an address that bounced', unsubscribed: 'asked not to be contacted' }[p.status];
      return { code: 'suppressed', message: `${p.email} ${why}; Repdesk will not write to them.` };
    }
    const open = this.ctx.q.enrollments.openOf(prospectId);
    if (open.some((e) => e.sequence_id === sequenceId)) return { code: 'already_in_sequence', message: `${p.email} is already in this sequence.` };
    const elsewhere = open.find((e) => e.status === 'active');
    if (elsewhere && !allowElsewhere) {
      const name = this.ctx.q.sequences.get.get(elsewhere.sequence_id)?.name ?? 'another sequence';
      return { code: 'active_elsewhere', message: `${p.email} is active in "${name}". Allow it for this enrollment to enroll anyway.` };
    }
    return null;
  }

  get(id: number): Enrollment {
    const row = this.ctx.q.enrollments.listRow(id);
    if (!row) throw notFound('The enrollment');
    const pending = row.status === 'finished' ? null : this.ctx.q.runs.pending(id);
    return toEnrollment(row, pending ? toStepRun(pending) : null);
  }

  list(filter: { sequenceId?: number; prospectId?: number; status?: string; limit?: number; offset?: number }) {
    const { rows, total } = this.ctx.q.enrollments.list({ ...filter, limit: filter.limit ?? 100, offset: filter.offset ?? 0 });
    return {
      total,
      items: rows.map((r) => {
        const pending = r.status === 'finished' ? null : this.ctx.q.runs.pending(r.id);
        return toEnrollment(r, pending ? toStepRun(pending) : null);
      }),
    };
  }

  private open(id: number): EnrollmentRow {
    const e = this.ctx.q.enrollments.get(id);
    if (!e) throw notFound('The enrollment');
    if (e.status === 'finished') throw new UserError('conflict', 'This enrollment has already finished.');
    return e;
  }

  pauseOne(id: number, until: number | null, reason: string): Enrollment {
    this.tx(() => {
      const e = this.open(id);
      this.pauseRow(e, until, reason);
    });
    return this.get(id);
  }

  private pauseRow(e: EnrollmentRow, until: number | null, reason: string): void {
    const now = this.ctx.clock.now();
    this.ctx.q.enrollments.setStatus(e.id, now, 'paused', null, until);
    const untilText = until ? ` until ${localText(until, this.ctx.settings.get().timeZone)}` : '';
    this.ctx.recorder.event({ prospectId: e.prospect_id, enrollmentId: e.id, stepRunId: null, type: 'paused', reason: `${reason}${untilText}`, data: { until }, at: now });
    this.ctx.recorder.sequenceChanged(e.sequence_id);
  }

  resume(id: number, reason = 'Resumed by the rep'): Enrollment {
    this.tx(() => this.resumeRow(this.open(id), reason));
    return this.get(id);
  }

  /** Back to active; an automatic send that fell due meanwhile moves to the next window rather than going out late in a burst. */
  resumeRow(e: EnrollmentRow, reason: string): void {
    const { q, clock } = this.ctx;
    const now = clock.now();
    if (e.status !== 'paused') return;
    q.enrollments.setStatus(e.id, now, 'active');
    this.ctx.recorder.event({ prospectId: e.prospect_id, enrollmentId: e.id, stepRunId: null, type: 'resumed', reason, at: now });
    const run = q.runs.pending(e.id);
    if (run && run.state === 'scheduled' && run.auto === 1 && run.due_at < now) {
      const w = nextWindowFor(this.ctx, e, now);
      q.runs.update(run.id, now, { dueAt: w.at, reason: 'Fell due while the enrollment was paused' });
      this.ctx.recorder.event({
        prospectId: e.prospect_id,
        enrollmentId: e.id,
        stepRunId: run.id,
        type: 'rescheduled',
        reason: `Fell due while paused; moved to ${localText(w.at, w.zone)}`,
        data: { dueAt: w.at },
        at: now,
      });
    }
    this.ctx.recorder.sequenceChanged(e.sequence_id);
  }

  finish(id: number, reason: string): Enrollment {
    this.tx(() => this.finishRow(this.open(id), 'finished_by_rep', `Finished by the rep: ${reason}`));
    return this.get(id);
  }

  private finishRow(e: EnrollmentRow, reason: StopReason, detail: string, data: Record<string, unknown> = {}): void {
    const { q, clock } = this.ctx;
    const now = clock.now();
    q.enrollments.setStatus(e.id, now, 'finished', reason);
    for (const run of q.runs.ofEnrollment(e.id)) {
      // A run in `sending` is mid-flight: the outbox records what really happened to it.
      if (run.state === 'scheduled' || run.state === 'awaiting_approval' || run.state === 'failed') {
        q.runs.update(run.id, now, { state: 'cancelled', auto: false, reason: detail });
        this.ctx.recorder.event({ prospectId: e.prospect_id, enrollmentId: e.id, stepRunId: run.id, type: 'cancelled', reason: detail, at: now });
      }
    }
    this.ctx.recorder.event({ prospectId: e.prospect_id, enrollmentId: e.id, stepRunId: null, type: 'finished', reason: detail, data: { reason, ...data }, at: now });
    this.ctx.recorder.sequenceChanged(e.sequence_id);
  }

  move(id: number, toSequenceId: number): Enrollment {
    const e = this.open(id);
    if (e.sequence_id === toSequenceId) throw new UserError('conflict', 'The prospect is already in that sequence.');
    const target = this.ctx.q.sequences.get.get(toSequenceId);
    if (!target) throw notFound('The target sequence');
    let newId = 0;
    this.ctx.db.transaction(() => {
      this.finishRow(e, 'moved', `Moved to "${target.name}"`, { toSequenceId });
      const [result] = this.create(toSequenceId, [e.prospect_id], { allowActiveElsewhere: true });
      if (!result?.enrollmentId) throw new UserError('conflict', result?.refusal?.message ?? 'The prospect could not be moved.');
      newId = result.enrollmentId;
    })();
    this.ctx.recorder.flush();
    return this.get(newId);
  }

  /** EnrollmentControl: a stop rule fired (reply, bounce, unsubscribe, meeting, call, manual). */
  stop(request: StopRequest): number {
    return this.tx(() => {
      const open = this.ctx.q.enrollments.openOf(request.prospectId).filter((e) => !request.enrollmentId || e.id === request.enrollmentId);
      for (const e of open)
        this.finishRow(e, request.reason, `${stopText[request.reason]}: ${request.detail}`, { messageId: request.messageId ?? null, callId: request.callId ?? null });
      return open.length;
    });
  }

  /** EnrollmentControl: pause until an instant (out of office, soft bounce); the tick resumes it then. */
  pause(request: PauseRequest): number {
    return this.tx(() => {
      const open = this.ctx.q.enrollments.openOf(request.prospectId).filter((e) => e.status === 'active');
      const label = { out_of_office: 'Out of office', soft_bounce: 'Temporary delivery problem', rep: 'Paused by the rep' }[request.reason];
      for (const e of open) this.pauseRow(e, request.until, `${label}: ${request.detail}`);
      if (request.reason === 'soft_bounce' && request.messageId !== undefined) this.retryBounced(request.messageId, request.until, request.detail);
      return open.length;
    });
  }

  /**
   * A temporary delivery failure: the prospect never got that email, so the same step goes out again (a fresh
   * copy, new Message-ID) when the pause ends, and the steps after it are planned from that send instead.
   * Inbox sync turns repeated soft bounces into a hard bounce, which bounds the retries.
   */
  private retryBounced(messageRowId: number, until: number, detail: string): void {
    const { q, clock } = this.ctx;
    const bounced = q.runs.ofMessage(messageRowId);
    if (!bounced || bounced.state !== 'sent' || bounced.step_type !== 'auto_email') return;
    const e = q.enrollments.get(bounced.enrollment_id);
    if (!e || e.status === 'finished') return;
    const now = clock.now();
    const label = `Step ${bounced.step_position + 1}`;
    for (const run of q.runs.ofEnrollment(e.id)) {
      if (run.state === 'scheduled' || run.state === 'awaiting_approval' || run.state === 'failed') {
        const why = `Re-planned: ${label} is sent again after a temporary delivery problem`;
        q.runs.update(run.id, now, { state: 'cancelled', auto: false, reason: why });
        this.ctx.recorder.event({ prospectId: e.prospect_id, enrollmentId: e.id, stepRunId: run.id, type: 'cancelled', reason: why, at: now });
      }
    }
    const reason = `Sending again after a temporary delivery problem (${detail})`;
    const id = q.runs.insert({ enrollmentId: e.id, stepId: bounced.step_id, variant: bounced.variant, state: 'scheduled', dueAt: until, auto: true, reason, now });
    const zone = this.ctx.settings.get().timeZone;
    this.ctx.recorder.event({ prospectId: e.prospect_id, enrollmentId: e.id, stepRunId: id, type: 'rescheduled', reason: `${label} did not arrive; it is sent again from ${localText(until, zone)}`, data: { dueAt: until, bouncedStepRunId: bounced.id }, at: now });
  }

  /** Called by the tick: enrollments whose pause ran out become active again. */
  resumeDue(now: number): number {
    const due = this.ctx.q.enrollments.resumable(now);
    if (due.length === 0) return 0;
    this.tx(() => due.forEach((e) => this.resumeRow(e, 'The pause ended')));
    return due.length;
  }
}
