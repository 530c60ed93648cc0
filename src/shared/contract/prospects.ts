// Methods for the prospects screen: the paged list, detail with timeline, edit, delete and export.
import { z } from 'zod';
import { ProspectSchema, prospectStatuses } from '../domain/prospect';
import { method } from './define';

const id = z.number().int().positive();

export const ProspectFilterSchema = z.object({
  search: z.string().max(200).default(''),
  tagId: id.nullable().default(null),
  importId: id.nullable().default(null),
  status: z.enum(prospectStatuses).nullable().default(null),
  timeZone: z.string().max(64).nullable().default(null),
});
export type ProspectFilter = z.infer<typeof ProspectFilterSchema>;

export const prospectSorts = ['created', 'name', 'email', 'company', 'time_zone'] as const;

export const ProspectListQuerySchema = ProspectFilterSchema.extend({
  sort: z.enum(prospectSorts).default('created'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ProspectListQuery = z.infer<typeof ProspectListQuerySchema>;

export const TimelineEventSchema = z.object({
  id,
  type: z.string(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.number(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

const optionalText = z.string().trim().max(500).nullable().optional();

export const ProspectPatchSchema = z
  .object({
    email: z.string().trim().min(1, 'Enter an email address').max(254).optional(),
    firstName: optionalText,
    lastName: optionalText,
    company: optionalText,
    title: optionalText,
    phone: optionalText,
    linkedinUrl: optionalText,
    website: optionalText,
    city: optionalText,
    region: optionalText,
    country: optionalText,
    timeZone: optionalText,
    industry: optionalText,
    source: optionalText,
    customFields: z.record(z.string().trim().min(1).max(120), z.string().max(10_000)).optional(),
    tags: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  })
  .strict();
export type ProspectPatch = z.infer<typeof ProspectPatchSchema>;

export const FacetsSchema = z.object({
  tags: z.array(z.object({ id, name: z.string(), count: z.number().int() })),
  imports: z.array(z.object({ id, fileName: z.string(), createdAt: z.number() })),
  timeZones: z.array(z.string()),
});

export const prospectMethods = {
  'prospects.list': method(ProspectListQuerySchema, z.object({ total: z.number().int(), rows: z.array(ProspectSchema) })),
  'prospects.get': method(
    z.object({ id }).strict(),
    z.object({ prospect: ProspectSchema, timeline: z.array(TimelineEventSchema), importFileName: z.string().nullable() }),
  ),
  'prospects.update': method(z.object({ id, patch: ProspectPatchSchema }).strict(), ProspectSchema),
  'prospects.delete': method(z.object({ ids: z.array(id).min(1).max(200_000) }).strict(), z.object({ deleted: z.number().int() })),
  'prospects.ids': method(ProspectFilterSchema, z.object({ ids: z.array(id) })),
  'prospects.facets': method(z.object({}).strict(), FacetsSchema),
  'prospects.exportCsv': method(ProspectListQuerySchema.omit({ offset: true, limit: true }), z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() })),
};
