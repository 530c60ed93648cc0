// A prospect as the rep sees it: the standard fields, custom fields from spreadsheets, and status.
import { z } from 'zod';

/** Standard fields an import column can map to, in the order the mapping step lists them. */
export const prospectFields = [
  'email',
  'first_name',
  'last_name',
  'full_name',
  'company',
  'title',
  'phone',
  'linkedin_url',
  'website',
  'city',
  'region',
  'country',
  'time_zone',
  'industry',
  'source',
] as const;
export type ProspectField = (typeof prospectFields)[number];

export const prospectFieldLabels: Record<ProspectField, string> = {
  email: 'Email',
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name (split)',
  company: 'Company',
  title: 'Title',
  phone: 'Phone',
  linkedin_url: 'LinkedIn URL',
  website: 'Website / domain',
  city: 'City',
  region: 'State / region',
  country: 'Country',
  time_zone: 'Time zone',
  industry: 'Industry',
  source: 'Source',
};

export const prospectStatuses = ['active', 'suppressed', 'bounced', 'unsubscribed'] as const;
export type ProspectStatus = (typeof prospectStatuses)[number];

export const timeZoneSources = ['column', 'location', 'phone', 'rep', 'manual'] as const;
export type TimeZoneSource = (typeof timeZoneSources)[number];

const sourceTexts: Record<TimeZoneSource, string> = {
  column: 'from the imported file',
  location: 'guessed from their location',
  phone: 'guessed from their phone number',
  rep: 'unknown, so yours is used',
  manual: 'set by you',
};

/** Where a prospect's time zone came from, as the rep reads it after "Time zone". */
export const zoneSourceText = (source: string | null): string | null => (source ? (sourceTexts[source as TimeZoneSource] ?? source) : null);

export const ProspectSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  phoneRaw: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  website: z.string().nullable(),
  domain: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  timeZone: z.string().nullable(),
  timeZoneSource: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  customFields: z.record(z.string(), z.string()),
  status: z.enum(prospectStatuses),
  importId: z.number().int().nullable(),
  tags: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Prospect = z.infer<typeof ProspectSchema>;
