// Sequences, steps and schedules as the rep edits them: shapes, limits and defaults, validated once here.
import { z } from 'zod';
import { isTimeZone } from './timeZones';

export const stepTypes = ['auto_email', 'manual_email', 'call', 'task'] as const;
export type StepType = (typeof stepTypes)[number];
export const delayUnits = ['business_days', 'days', 'hours'] as const;
export type DelayUnit = (typeof delayUnits)[number];
export const threadModes = ['reply', 'new'] as const;
export type ThreadMode = (typeof threadModes)[number];
export const sequenceStatuses = ['active', 'paused', 'archived'] as const;
export type SequenceStatus = (typeof sequenceStatuses)[number];

export const isEmailStep = (type: StepType) => type === 'auto_email' || type === 'manual_email';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 08:00');

/** When a sequence may send: ISO weekdays (1 = Monday) and local hours, in the prospect's time zone. */
export const ScheduleSchema = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1, 'Choose at least one day').max(7),
    start: hhmm,
    end: hhmm,
    skipHolidays: z.boolean(),
    /** A zone that overrides the prospect's (rarely wanted); null: the prospect's, else the rep's. */
    timeZone: z.string().refine(isTimeZone, 'Choose a time zone from the list').nullable(),
  })
  .refine((s) => s.start < s.end, { message: 'The sending hours must end after they start', path: ['end'] });
export type Schedule = z.infer<typeof ScheduleSchema>;

export const defaultSchedule = (): Schedule => ({ days: [1, 2, 3, 4, 5], start: '08:00', end: '17:30', skipHolidays: true, timeZone: null });

export const callOutcomes = ['connected', 'voicemail', 'no_answer', 'wrong_number', 'meeting_booked'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export const SequenceOptionsSchema = z.object({
  /** Call outcomes that finish the enrollment (connected and meeting booked by default). */
  stopOnCallOutcomes: z.array(z.enum(callOutcomes)),
  /** Prospects already active in another sequence may be enrolled only when allowed per enrollment. */
  description: z.string().max(500),
});
export type SequenceOptions = z.infer<typeof SequenceOptionsSchema>;
export const defaultSequenceOptions = (): SequenceOptions => ({ stopOnCallOutcomes: ['connected', 'meeting_booked'], description: '' });

export const VariantSchema = z.object({
  subject: z.string().max(300),
  body: z.string().max(100_000),
});
export type Variant = z.infer<typeof VariantSchema>;

export const AttachmentSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const StepInputSchema = z
  .object({
    /** Present for a step that already exists; absent for a new one. */
    id: z.number().int().positive().optional(),
    type: z.enum(stepTypes),
    delayAmount: z.number().int().min(0).max(365),
    delayUnit: z.enum(delayUnits),
    threadMode: z.enum(threadModes),
    /** Email steps: one to four A/B variants; other steps: none. */
    variants: z.array(VariantSchema).max(4),
    /** Call script or task instructions; optional note on email steps. */
    note: z.string().max(5000),
    attachmentIds: z.array(z.number().int().positive()).max(10),
  })
  .superRefine((s, ctx) => {
    if (isEmailStep(s.type) && s.variants.length === 0) ctx.addIssue({ code: 'custom', message: 'An email step needs a subject and a body', path: ['variants'] });
    if (isEmailStep(s.type))
      s.variants.forEach((v, i) => {
        if (!v.body.trim()) ctx.addIssue({ code: 'custom', message: 'The email body is empty', path: ['variants', i, 'body'] });
      });
    if (!isEmailStep(s.type) && !s.note.trim()) ctx.addIssue({ code: 'custom', message: 'Say what to do in this step', path: ['note'] });
  });
export type StepInput = z.infer<typeof StepInputSchema>;

export const SequenceInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the sequence a name').max(120),
  schedule: ScheduleSchema,
  options: SequenceOptionsSchema,
  steps: z.array(StepInputSchema).max(30),
});
export type SequenceInput = z.infer<typeof SequenceInputSchema>;

export const StepSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  type: z.enum(stepTypes),
  delayAmount: z.number().int(),
  delayUnit: z.enum(delayUnits),
  threadMode: z.enum(threadModes),
  variants: z.array(VariantSchema),
  note: z.string(),
  attachments: z.array(AttachmentSchema),
});
export type Step = z.infer<typeof StepSchema>;

export const EnrollmentCountsSchema = z.object({
  active: z.number().int(),
  paused: z.number().int(),
  finished: z.number().int(),
});

export const SequenceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.enum(sequenceStatuses),
  schedule: ScheduleSchema,
  options: SequenceOptionsSchema,
  steps: z.array(StepSchema),
  counts: EnrollmentCountsSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Sequence = z.infer<typeof SequenceSchema>;

export const SequenceSummarySchema = SequenceSchema.omit({ steps: true, schedule: true, options: true }).extend({
  stepCount: z.number().int(),
  stepTypes: z.array(z.enum(stepTypes)),
});
export type SequenceSummary = z.infer<typeof SequenceSummarySchema>;
