// The step-run state machine: which states a step run moves through and which rep actions each allows.
import type { StepType } from './sequence';

export const stepRunStates = ['scheduled', 'awaiting_approval', 'sending', 'sent', 'done', 'skipped', 'failed', 'cancelled'] as const;
export type StepRunState = (typeof stepRunStates)[number];

/** States in which a run still waits for something to happen; an open enrollment has at most one such run. */
export const pendingStates: readonly StepRunState[] = ['scheduled', 'awaiting_approval', 'sending', 'failed'];
/** States after which the enrollment moves on to its next step. */
export const completedStates: readonly StepRunState[] = ['sent', 'done', 'skipped'];

/**
 * Every allowed move. `sending` is entered only by the engine's claim (outbox protocol);
 * `cancelled` only by a stop; `scheduled -> scheduled` is a re-plan (rescheduled).
 */
export const transitions: Record<StepRunState, readonly StepRunState[]> = {
  scheduled: ['scheduled', 'awaiting_approval', 'sending', 'done', 'skipped', 'cancelled', 'failed'],
  awaiting_approval: ['awaiting_approval', 'scheduled', 'skipped', 'cancelled'],
  sending: ['sent', 'scheduled', 'failed', 'cancelled'],
  failed: ['scheduled', 'skipped', 'cancelled'],
  sent: [],
  done: [],
  skipped: [],
  cancelled: [],
};

export function canMove(from: StepRunState, to: StepRunState): boolean {
  return transitions[from].includes(to);
}

/** What the rep can do to a run from the queue or the timeline. */
export const stepRunActions = ['approve', 'skip', 'reschedule', 'logCall', 'complete', 'retry'] as const;
export type StepRunAction = (typeof stepRunActions)[number];

/** The rep actions a run allows, given its step type and state. The engine enforces the same table. */
export function allowedActions(type: StepType, state: StepRunState): StepRunAction[] {
  const open = state === 'scheduled' || state === 'awaiting_approval';
  const out: StepRunAction[] = [];
  if (open && (type === 'manual_email' || type === 'auto_email')) out.push('approve');
  if (open && type === 'call') out.push('logCall');
  if (open && type === 'task') out.push('complete');
  if (open || state === 'failed') out.push('skip', 'reschedule');
  if (state === 'failed') out.push('retry');
  return out;
}
