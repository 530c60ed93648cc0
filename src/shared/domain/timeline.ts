// The prospect's timeline: every decision the engine and the rep made, with its reason.
import { z } from 'zod';

export const timelineEventTypes = [
  'enrolled',
  'scheduled', // a step run was planned (data: dueAt)
  'rescheduled', // moved (reason says why: outside hours, cap, catch-up, by the rep)
  'awaiting_approval', // an email waits in the queue (manual step, or a missing merge field)
  'approved',
  'sending',
  'sent',
  'send_retry', // a provider error that will be retried (data: retryAt)
  'failed',
  'skipped',
  'completed', // a task done
  'call_logged',
  'paused',
  'resumed',
  'finished', // the enrollment ended (reason: stop reason)
  'moved',
  'cancelled', // a pending run cancelled by a stop
] as const;
export type TimelineEventType = (typeof timelineEventTypes)[number];

export const TimelineEventSchema = z.object({
  id: z.number().int(),
  prospectId: z.number().int().nullable(),
  enrollmentId: z.number().int().nullable(),
  stepRunId: z.number().int().nullable(),
  /** Kept as text: other parts of Repdesk (inbox sync, imports) add their own kinds. */
  type: z.string(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.number(),
  sequenceName: z.string().nullable(),
  stepPosition: z.number().int().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
