// Methods for enrollments, step runs (the rep's actions on them) and the prospect's timeline.
import { z } from 'zod';
import { prospectStatuses } from '../domain/prospect';
import { callOutcomes, stepTypes } from '../domain/sequence';
import { stepRunActions, stepRunStates } from '../domain/stepRun';
import { TimelineEventSchema } from '../domain/timeline';
import { method } from './define';

const id = z.number().int().positive();

/** Which prospects to enroll when the rep enrolls "everything matching" rather than a selection: the prospects screen's
 * filter (word-prefix search, tag, import, status, time zone), plus country and source. */
export const EnrollFilterSchema = z
  .object({
    search: z.string().max(200).optional(),
    tagId: id.nullable().optional(),
    importId: id.nullable().optional(),
    status: z.enum(prospectStatuses).nullable().optional(),
    timeZone: z.string().max(64).nullable().optional(),
    country: z.string().max(2).optional(),
    source: z.string().max(200).optional(),
  })
  .strict();

export const enrollmentRefusalCodes = ['suppressed', 'already_in_sequence', 'active_elsewhere', 'not_found', 'sequence_not_active'] as const;

export const EnrollResultSchema = z.object({
  prospectId: z.number().int(),
  enrollmentId: z.number().int().nullable(),
  refusal: z.object({ code: z.enum(enrollmentRefusalCodes), message: z.string() }).nullable(),
});

export const StepRunSchema = z.object({
  id: z.number().int(),
  enrollmentId: z.number().int(),
  prospectId: z.number().int(),
  stepId: z.number().int(),
  stepPosition: z.number().int(),
  stepType: z.enum(stepTypes),
  state: z.enum(stepRunStates),
  dueAt: z.number(),
  /** True when the engine acts on it by itself (automatic or approved email); false when it waits for the rep. */
  automatic: z.boolean(),
  variant: z.number().int().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  reason: z.string().nullable(),
  warning: z.string().nullable(),
  attempts: z.number().int(),
  completedAt: z.number().nullable(),
  actions: z.array(z.enum(stepRunActions)),
});
export type StepRun = z.infer<typeof StepRunSchema>;

export const EnrollmentSchema = z.object({
  id: z.number().int(),
  prospectId: z.number().int(),
  prospectName: z.string(),
  prospectEmail: z.string(),
  sequenceId: z.number().int(),
  sequenceName: z.string(),
  status: z.enum(['active', 'paused', 'finished']),
  finishReason: z.string().nullable(),
  pausedUntil: z.number().nullable(),
  accountId: z.number().int().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The run that waits now (null once finished), so a list can say what is next and when. */
  next: StepRunSchema.nullable(),
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;

export const enrollmentMethods = {
  'enrollments.create': method(
    z
      .object({
        sequenceId: id,
        prospectIds: z.array(id).max(100_000).optional(),
        filter: EnrollFilterSchema.optional(),
        /** Enroll even prospects that are active in another sequence. */
        allowActiveElsewhere: z.boolean().optional(),
      })
      .strict()
      .refine((r) => (r.prospectIds ? 1 : 0) + (r.filter ? 1 : 0) === 1, 'Give either prospectIds or a filter'),
    z.object({ enrolled: z.number().int(), refused: z.number().int(), results: z.array(EnrollResultSchema) }),
  ),
  'enrollments.list': method(
    z
      .object({
        sequenceId: id.optional(),
        prospectId: id.optional(),
        status: z.enum(['active', 'paused', 'finished']).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    z.object({ items: z.array(EnrollmentSchema), total: z.number().int() }),
  ),
  'enrollments.pause': method(z.object({ id, until: z.number().optional() }).strict(), EnrollmentSchema),
  'enrollments.resume': method(z.object({ id }).strict(), EnrollmentSchema),
  'enrollments.finish': method(z.object({ id, reason: z.string().trim().min(1, 'Say why').max(300) }).strict(), EnrollmentSchema),
  'enrollments.move': method(z.object({ id, toSequenceId: id }).strict(), EnrollmentSchema),
  'stepRuns.list': method(z.object({ enrollmentId: id }).strict(), z.array(StepRunSchema)),
  /** Sends a manual email (or an automatic one held for review) with the rep's final text. */
  'stepRuns.approve': method(z.object({ id, subject: z.string().trim().min(1).max(300), body: z.string().min(1).max(100_000) }).strict(), StepRunSchema),
  'stepRuns.skip': method(z.object({ id, reason: z.string().max(300).optional() }).strict(), StepRunSchema),
  'stepRuns.reschedule': method(z.object({ id, dueAt: z.number() }).strict(), StepRunSchema),
  'stepRuns.complete': method(z.object({ id, note: z.string().max(5000).optional() }).strict(), StepRunSchema),
  'stepRuns.logCall': method(z.object({ id, outcome: z.enum(callOutcomes), notes: z.string().max(5000).optional() }).strict(), StepRunSchema),
  'stepRuns.retry': method(z.object({ id }).strict(), StepRunSchema),
  'timeline.list': method(
    z.object({ prospectId: id, limit: z.number().int().min(1).max(500).optional(), beforeId: id.optional() }).strict(),
    z.array(TimelineEventSchema),
  ),
};
