// The queue's own actions on top of the engine's step-run rules: bulk approve, hold back a planned send, click-to-call.
import type { z } from 'zod';
import type { BulkApproveResultSchema } from '../../../shared/contract/queue';
import { buildCallUri } from '../../../shared/domain/calling';
import { phoneExtension, phoneForReading } from '../import/phone';
import type { CallLauncher } from '../ports';
import type { EngineContext } from '../engine/context';
import type { StepRunService } from '../engine/stepRunService';
import { describeStep } from '../engine/planner';
import { UserError, notFound } from '../errors';
import type { QueueService } from './queueService';

type BulkResult = z.infer<typeof BulkApproveResultSchema>;

export class QueueActions {
  constructor(
    private readonly ctx: EngineContext,
    private readonly queue: QueueService,
    private readonly stepRuns: StepRunService,
    private readonly launcher: CallLauncher | null,
  ) {}

  /**
   * Approves each email exactly as the queue previews it. An email with a merge field that resolved to
   * nothing is refused (the rep must write those words), as is anything the engine refuses; the rest go.
   */
  approveMany(ids: number[]): BulkResult {
    const out: BulkResult = { approved: [], refused: [] };
    for (const id of new Set(ids)) {
      const item = this.queue.itemById(id);
      if (!item || !item.email || !item.actions.includes('approve')) {
        out.refused.push({ id, prospectName: item?.prospect.name ?? 'Unknown', message: 'This is no longer an email waiting for approval.' });
        continue;
      }
      if (item.email.missingFields.length > 0) {
        out.refused.push({
          id,
          prospectName: item.prospect.name,
          message: `Has no value for ${item.email.missingFields.join(', ')}. Open it (e) and write the words in; it was not sent.`,
        });
        continue;
      }
      try {
        this.stepRuns.approve(id, { subject: item.email.subject, body: item.email.body });
        out.approved.push(id);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        out.refused.push({ id, prospectName: item.prospect.name, message: err.message });
      }
    }
    return out;
  }

  /** An automatic email planned for today goes to the rep's approval instead of out by itself. */
  holdBack(id: number): { id: number } {
    const { q, clock, recorder } = this.ctx;
    try {
      this.ctx.db.transaction(() => {
        const run = q.runs.get(id);
        if (!run) throw notFound('The email');
        if (run.step_type !== 'auto_email' || run.state !== 'scheduled' || run.auto !== 1)
          throw new UserError('conflict', 'This email is no longer planned to go out by itself (it was sent, stopped or is already waiting for you); nothing was changed.');
        const now = clock.now();
        // Expecting `scheduled` guards against the scheduler claiming it at the same moment.
        if (!q.runs.update(id, now, { state: 'awaiting_approval', auto: false, approvedAt: null, reason: 'Held back by the rep for review' }, 'scheduled'))
          throw new UserError('conflict', 'This email is being sent right now; nothing was changed.');
        recorder.event({
          prospectId: run.prospect_id,
          enrollmentId: run.enrollment_id,
          stepRunId: id,
          type: 'awaiting_approval',
          reason: `${describeStep({ type: run.step_type, position: run.step_position })} held back by the rep: it waits for approval in Today`,
          at: now,
        });
      })();
    } finally {
      recorder.flush();
    }
    return { id };
  }

  /** Opens the call link for a call in the queue through the OS, and notes it in the timeline. */
  async call(id: number): Promise<{ uri: string }> {
    const row = this.queue.q.get(id);
    if (!row || row.step_type !== 'call') throw notFound('The call');
    if (row.state !== 'scheduled' && row.state !== 'awaiting_approval')
      throw new UserError('conflict', 'This call was already logged, skipped or stopped; nothing was dialled.');
    if (!this.launcher) throw new UserError('unavailable', 'Calling is not available in this window. Dial the number yourself, then log the outcome.');
    const ext = phoneExtension(row.phone_raw, row.phone);
    const built = buildCallUri(this.ctx.settings.get().callUriTemplate, row.phone, ext);
    if (!built.ok) throw new UserError('invalid_request', built.message);
    await this.launcher.openExternal(built.uri);
    const now = this.ctx.clock.now();
    this.ctx.recorder.event(
      { prospectId: row.prospect_id, enrollmentId: row.enrollment_id, stepRunId: id, type: 'call_started', reason: `Call to ${phoneForReading(row.phone!, ext)} started from Today`, data: { uri: built.uri }, at: now },
      false,
    );
    this.ctx.recorder.flush();
    return { uri: built.uri };
  }
}
