// What inbox sync, calls and the rep may do to a prospect's enrollments; the engine implements it.
import type { StopReason } from '../../../shared/domain/mail';

export interface StopRequest {
  prospectId: number;
  reason: StopReason;
  /** A sentence for the timeline, e.g. "Replied: 'Thanks, let's talk Tuesday'". */
  detail: string;
  /** The message or call that caused it, when there is one. */
  messageId?: number;
  callId?: number;
  /** Only this enrollment; otherwise every open enrollment of the prospect. */
  enrollmentId?: number;
}

export interface PauseRequest {
  prospectId: number;
  /** Instant the enrollment resumes by itself. */
  until: number;
  reason: 'out_of_office' | 'soft_bounce' | 'rep';
  detail: string;
  messageId?: number;
}

export interface EnrollmentControl {
  /** Finishes open enrollments and cancels their pending step runs, recording why. Returns how many finished. */
  stop(request: StopRequest): number;
  /** Pauses open enrollments until an instant, re-planning their pending step runs after it. */
  pause(request: PauseRequest): number;
}
