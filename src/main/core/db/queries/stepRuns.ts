// SQL for step runs (the outbox): planning, claiming due work, state moves, and the queue query.
import type { StepRun } from '../../../../shared/contract/enrollments';
import type { StepType } from '../../../../shared/domain/sequence';
import { allowedActions, type StepRunState } from '../../../../shared/domain/stepRun';
import type { Db } from '../open';

export interface StepRunRow {
  id: number;
  enrollment_id: number;
  step_id: number;
  variant: number | null;
  state: StepRunState;
  due_at: number;
  message_id: string | null;
  provider_message_id: string | null;
  provider_thread_id: string | null;
  subject: string | null;
  body: string | null;
  reason: string | null;
  warning: string | null;
  attempts: number;
  auto: number;
  approved_at: number | null;
  completed_at: number | null;
  created_at: number;
  // joined
  prospect_id: number;
  account_id: number | null;
  step_type: StepType;
  step_position: number;
}

const selected = 'r.*, e.prospect_id, e.account_id, st.type AS step_type, st.position AS step_position';
const joins = 'JOIN enrollments e ON e.id = r.enrollment_id JOIN steps st ON st.id = r.step_id';
const select = `SELECT ${selected} FROM step_runs r ${joins}`;
/** Pinned to a partial index so the cost follows the work it holds, whatever the planner guesses. */
const selectIndexed = (index: string) => `SELECT ${selected} FROM step_runs r INDEXED BY ${index} ${joins}`;

export function toStepRun(r: StepRunRow): StepRun {
  return {
    id: r.id,
    enrollmentId: r.enrollment_id,
    prospectId: r.prospect_id,
    stepId: r.step_id,
    stepPosition: r.step_position,
    stepType: r.step_type,
    state: r.state,
    dueAt: r.due_at,
    automatic: r.auto === 1,
    variant: r.variant,
    subject: r.subject,
    body: r.body,
    reason: r.reason,
    warning: r.warning,
    attempts: r.attempts,
    completedAt: r.completed_at,
    actions: allowedActions(r.step_type, r.state),
  };
}

export interface RunUpdate {
  state?: StepRunState;
  dueAt?: number;
  auto?: boolean;
  reason?: string | null;
  warning?: string | null;
  subject?: string | null;
  body?: string | null;
  variant?: number | null;
  messageId?: string | null;
  providerMessageId?: string | null;
  providerThreadId?: string | null;
  attempts?: number;
  approvedAt?: number | null;
  completedAt?: number | null;
}

const columns: Record<keyof RunUpdate, string> = {
  state: 'state',
  dueAt: 'due_at',
  auto: 'auto',
  reason: 'reason',
  warning: 'warning',
  subject: 'subject',
  body: 'body',
  variant: 'variant',
  messageId: 'message_id',
  providerMessageId: 'provider_message_id',
  providerThreadId: 'provider_thread_id',
  attempts: 'attempts',
  approvedAt: 'approved_at',
  completedAt: 'completed_at',
};

/** A planned run a live sequence edit may move, with what re-planning needs. */
export interface NotYetDueRow {
  id: number;
  enrollment_id: number;
  prospect_id: number;
  step_id: number;
  due_at: number;
  created_at: number;
}

export function stepRunQueries(db: Db) {
  const byId = db.prepare<[number], StepRunRow>(`${select} WHERE r.id = ?`);
  const pendingOf = db.prepare<[number], StepRunRow>(
    `${select} WHERE r.enrollment_id = ? AND r.state IN ('scheduled', 'awaiting_approval', 'sending', 'failed') ORDER BY r.id DESC LIMIT 1`,
  );
  const ofEnrollment = db.prepare<[number], StepRunRow>(`${select} WHERE r.enrollment_id = ? ORDER BY r.id`);
  const insert = db.prepare<{ enrollmentId: number; stepId: number; variant: number | null; state: string; dueAt: number; auto: number; reason: string | null; now: number }>(
    `INSERT INTO step_runs (enrollment_id, step_id, variant, state, due_at, auto, reason, created_at, updated_at)
     VALUES (@enrollmentId, @stepId, @variant, @state, @dueAt, @auto, @reason, @now, @now)`,
  );
  // The tick: due automatic runs of active enrollments, oldest first; walks the partial index by due_at.
  // Only mailboxes that may send now: one waiting for its slot or for a reconnect never hides another's work.
  const due = db.prepare<{ now: number; limit: number }, StepRunRow>(
    `${selectIndexed('step_runs_auto_due')} JOIN sequences sq ON sq.id = e.sequence_id
     JOIN accounts a ON a.id = e.account_id AND a.status = 'connected'
     LEFT JOIN account_pacing ap ON ap.account_id = a.id
     WHERE r.state = 'scheduled' AND r.auto = 1 AND r.due_at <= @now AND e.status = 'active' AND sq.status = 'active'
       AND (ap.next_send_at IS NULL OR ap.next_send_at <= @now)
     ORDER BY r.due_at, r.id LIMIT @limit`,
  );
  const overdue = db.prepare<[number, number], StepRunRow>(
    `${selectIndexed('step_runs_auto_due')} JOIN sequences sq ON sq.id = e.sequence_id
     WHERE r.state = 'scheduled' AND r.auto = 1 AND r.approved_at IS NULL AND r.due_at < ? AND e.status = 'active' AND sq.status = 'active'
     ORDER BY r.due_at, r.id LIMIT ?`,
  );
  const dueApproved = db.prepare<[number, number], StepRunRow>(
    `${selectIndexed('step_runs_approved_due')} JOIN sequences sq ON sq.id = e.sequence_id
     WHERE r.state = 'scheduled' AND r.auto = 1 AND r.approved_at IS NOT NULL AND r.due_at <= ? AND e.status = 'active' AND sq.status = 'active' ORDER BY r.due_at, r.id LIMIT ?`,
  );
  const dueForAccount = db.prepare<[number, number], StepRunRow>(
    `${selectIndexed('step_runs_auto_due')} JOIN sequences sq ON sq.id = e.sequence_id
     WHERE r.state = 'scheduled' AND r.auto = 1 AND r.due_at <= ? AND r.approved_at IS NULL AND e.account_id = ? AND e.status = 'active' AND sq.status = 'active'
     ORDER BY r.due_at, r.id`,
  );
  const nextDue = db.prepare<[number], { due_at: number }>(
    `SELECT r.due_at FROM step_runs r INDEXED BY step_runs_auto_due JOIN enrollments e ON e.id = r.enrollment_id JOIN sequences sq ON sq.id = e.sequence_id
     WHERE r.state = 'scheduled' AND r.auto = 1 AND r.due_at > ? AND e.status = 'active' AND sq.status = 'active' ORDER BY r.due_at LIMIT 1`,
  );
  const sending = db.prepare<[], StepRunRow>(`${select} WHERE r.state = 'sending'`);
  // The Today queue: work waiting for the rep, due by the end of the rep's day, of active enrollments.
  const queue = db.prepare<[number, number], StepRunRow>(
    `${selectIndexed('step_runs_queue_due')} JOIN sequences sq ON sq.id = e.sequence_id
     WHERE r.auto = 0 AND r.state IN ('scheduled', 'awaiting_approval', 'failed') AND r.due_at <= ? AND e.status = 'active' AND sq.status = 'active'
     ORDER BY r.due_at, r.id LIMIT ?`,
  );
  const lastSent = db.prepare<[number], { step_id: number; message_id: string; subject: string | null; provider_thread_id: string | null; completed_at: number }>(
    "SELECT step_id, message_id, subject, provider_thread_id, completed_at FROM step_runs WHERE enrollment_id = ? AND state = 'sent' ORDER BY completed_at DESC, id DESC",
  );
  // The send an inbound message (a bounce) is about: inbox sync links it by the returned Message-ID.
  const ofMessage = db.prepare<[number], StepRunRow>(`${select} JOIN messages m ON m.step_run_id = r.id WHERE m.id = ?`);
  const pendingOfStep = db.prepare<[number], { id: number }>("SELECT id FROM step_runs WHERE step_id = ? AND state IN ('scheduled', 'awaiting_approval')");
  const setAutoForStep = db.prepare<[number, number]>("UPDATE step_runs SET auto = ? WHERE step_id = ? AND state = 'scheduled' AND approved_at IS NULL");
  const notYetDueOfSequence = db.prepare<[number, number], NotYetDueRow>(
    `SELECT r.id, r.enrollment_id, e.prospect_id, r.step_id, r.due_at, e.created_at FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id
     WHERE e.sequence_id = ? AND e.status <> 'finished' AND r.state = 'scheduled' AND r.approved_at IS NULL AND r.due_at > ?`,
  );
  const scheduledBetween = db.prepare<[number, number], { id: number; enrollment_id: number; prospect_id: number; sequence_id: number }>(
    `SELECT r.id, r.enrollment_id, e.prospect_id, e.sequence_id FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id
     WHERE r.state = 'scheduled' AND r.approved_at IS NULL AND r.due_at >= ? AND r.due_at < ? AND e.status <> 'finished'`,
  );
  const lastDoneAt = db.prepare<[number], { at: number | null }>("SELECT max(completed_at) AS at FROM step_runs WHERE enrollment_id = ? AND state IN ('sent', 'done', 'skipped')");
  const reachedPosition = db.prepare<[number], { p: number | null }>(
    'SELECT max(st.position) AS p FROM step_runs r JOIN steps st ON st.id = r.step_id WHERE r.enrollment_id = ? AND st.deleted_at IS NULL',
  );

  const updates = new Map<string, ReturnType<Db['prepare']>>();
  function update(id: number, now: number, change: RunUpdate, expectState?: StepRunState | readonly StepRunState[]): boolean {
    const keys = (Object.keys(change) as (keyof RunUpdate)[]).filter((k) => change[k] !== undefined);
    const expect = expectState === undefined ? [] : Array.isArray(expectState) ? expectState : [expectState as StepRunState];
    const sig = `${keys.join(',')}|${expect.length}`;
    let stmt = updates.get(sig);
    if (!stmt) {
      const sets = keys.map((k) => `${columns[k]} = @${k}`).concat('updated_at = @now');
      const where = expect.length ? ` AND state IN (${expect.map((_, i) => `@s${i}`).join(', ')})` : '';
      stmt = db.prepare(`UPDATE step_runs SET ${sets.join(', ')} WHERE id = @id${where}`);
      updates.set(sig, stmt);
    }
    const params: Record<string, unknown> = { id, now };
    for (const k of keys) params[k] = k === 'auto' ? (change.auto ? 1 : 0) : change[k];
    expect.forEach((s, i) => (params[`s${i}`] = s));
    return stmt.run(params).changes === 1;
  }

  return {
    get: (id: number) => byId.get(id) ?? null,
    pending: (enrollmentId: number) => pendingOf.get(enrollmentId) ?? null,
    ofEnrollment: (enrollmentId: number) => ofEnrollment.all(enrollmentId),
    insert: (p: { enrollmentId: number; stepId: number; variant: number | null; state: StepRunState; dueAt: number; auto: boolean; reason: string | null; now: number }) =>
      Number(insert.run({ ...p, auto: p.auto ? 1 : 0 }).lastInsertRowid),
    due: (now: number, limit: number) => due.all({ now, limit }),
    dueApproved: (now: number, limit: number) => dueApproved.all(now, limit),
    /** Automatic runs (not rep-approved) that fell due before `before`, whatever their mailbox: the catch-up's work. */
    overdue: (before: number, limit: number) => overdue.all(before, limit),
    /** Every due automatic run of one mailbox (not rep-approved ones), oldest first: the backlog when its daily cap is reached. */
    dueForAccount: (now: number, accountId: number) => dueForAccount.all(now, accountId),
    nextDueAfter: (now: number) => nextDue.get(now)?.due_at ?? null,
    sending: () => sending.all(),
    queue: (endOfToday: number, limit: number) => queue.all(endOfToday, limit),
    sentBefore: (enrollmentId: number) => lastSent.all(enrollmentId),
    ofMessage: (messageRowId: number) => ofMessage.get(messageRowId) ?? null,
    pendingOfStep: (stepId: number) => pendingOfStep.all(stepId).map((r) => r.id),
    setAutoForStep: (stepId: number, auto: boolean) => setAutoForStep.run(auto ? 1 : 0, stepId).changes,
    /** Scheduled, unapproved runs due after `now` in unfinished enrollments of the sequence: what a live edit may move. */
    notYetDueOfSequence: (sequenceId: number, now: number) => notYetDueOfSequence.all(sequenceId, now),
    /** Scheduled, unapproved runs (automatic or for the rep) of unfinished enrollments due in [from, to). */
    scheduledBetween: (from: number, to: number) => scheduledBetween.all(from, to),
    /** When the enrollment last completed a step (sent, done or skipped), or null. */
    lastDoneAt: (enrollmentId: number) => lastDoneAt.get(enrollmentId)?.at ?? null,
    /** The furthest position among the enrollment's runs of steps still in the sequence, or null. */
    reachedPosition: (enrollmentId: number) => reachedPosition.get(enrollmentId)?.p ?? null,
    update,
  };
}
export type StepRunQueries = ReturnType<typeof stepRunQueries>;
