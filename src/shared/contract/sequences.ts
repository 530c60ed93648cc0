// Methods for sequences: list, edit, schedule, starter library, attachments and the per-prospect preview.
import { z } from 'zod';
import { AttachmentSchema, SequenceInputSchema, SequenceSchema, SequenceSummarySchema, sequenceStatuses, stepTypes } from '../domain/sequence';
import { empty, method } from './define';

const id = z.number().int().positive();

export const RenderedEmailSchema = z.object({
  variant: z.number().int(),
  subject: z.string(),
  /** Sanitised HTML, safe to show. */
  html: z.string(),
  /** Merge fields that resolved to nothing: such an email is never sent automatically. */
  missingFields: z.array(z.string()),
});
export type RenderedEmail = z.infer<typeof RenderedEmailSchema>;

export const PreviewStepSchema = z.object({
  index: z.number().int(),
  type: z.enum(stepTypes),
  /** When this step would land for the prospect (UTC ms), and the same as a local wall-clock text. */
  dueAt: z.number(),
  localDueAt: z.string(),
  emails: z.array(RenderedEmailSchema),
  note: z.string(),
});

export const SequencePreviewSchema = z.object({
  prospectId: z.number().int(),
  prospectName: z.string(),
  timeZone: z.string(),
  /** Where the zone came from: the prospect, the rep's setting, or the sequence. */
  timeZoneSource: z.enum(['prospect', 'rep', 'sequence']),
  country: z.string(),
  steps: z.array(PreviewStepSchema),
});
export type SequencePreview = z.infer<typeof SequencePreviewSchema>;

export const StarterSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  stepCount: z.number().int(),
  stepTypes: z.array(z.enum(stepTypes)),
});
export type Starter = z.infer<typeof StarterSchema>;

export const MergeFieldSchema = z.object({ name: z.string(), label: z.string(), source: z.enum(['prospect', 'custom', 'rep']) });

export const sequenceMethods = {
  'sequences.list': method(z.object({ includeArchived: z.boolean().optional() }).strict(), z.array(SequenceSummarySchema)),
  'sequences.get': method(z.object({ id }).strict(), SequenceSchema),
  'sequences.create': method(SequenceInputSchema, SequenceSchema),
  /** Saves the whole sequence; steps without an id are added, missing ones removed. */
  'sequences.update': method(
    z.object({ id, sequence: SequenceInputSchema }).strict(),
    z.object({
      sequence: SequenceSchema,
      /** Set when the sequence has open enrollments: what the change does to them. */
      liveNotice: z.string().nullable(),
    }),
  ),
  'sequences.setStatus': method(z.object({ id, status: z.enum(sequenceStatuses) }).strict(), SequenceSchema),
  'sequences.duplicate': method(z.object({ id }).strict(), SequenceSchema),
  'sequences.starters': method(empty, z.array(StarterSchema)),
  'sequences.createFromStarter': method(z.object({ key: z.string(), name: z.string().trim().max(120).optional() }).strict(), SequenceSchema),
  /** Renders every email and plans every step for one prospect, for a saved or a draft sequence. */
  'sequences.preview': method(
    z.object({ prospectId: id, sequence: SequenceInputSchema, startAt: z.number().optional() }).strict(),
    SequencePreviewSchema,
  ),
  'sequences.mergeFields': method(empty, z.array(MergeFieldSchema)),
  /** Prospects to preview with or to pick for enrollment, by name, email or company (at most 50). */
  'sequences.findProspects': method(
    z.object({ search: z.string().max(200) }).strict(),
    z.array(z.object({ id: z.number().int(), name: z.string(), email: z.string(), company: z.string().nullable(), status: z.string() })),
  ),
  /** Stores a file (a guide, a case study) in the data folder for the sequence's email steps. */
  'sequences.addAttachment': method(
    z.object({ sequenceId: id, filename: z.string().trim().min(1).max(200), contentType: z.string().max(120), dataBase64: z.string().max(34_000_000) }).strict(),
    AttachmentSchema,
  ),
};
