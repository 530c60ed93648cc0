// Methods for the suppression list: do-not-contact emails and whole domains.
import { z } from 'zod';
import { method } from './define';

export const SuppressionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['email', 'domain']),
  value: z.string(),
  reason: z.string().nullable(),
  createdAt: z.number(),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

const AddResultSchema = z.object({
  added: z.number().int(),
  alreadyListed: z.number().int(),
  invalid: z.array(z.string()),
  prospectsSuppressed: z.number().int(),
  /** From a file: domains (a Website column) found beside its emails, not added, since a domain blocks a whole company. */
  domainsIgnored: z.number().int(),
});
export type SuppressionAddResult = z.infer<typeof AddResultSchema>;

export const suppressionMethods = {
  'suppressions.list': method(z.object({}).strict(), z.array(SuppressionSchema)),
  'suppressions.add': method(z.object({ entries: z.string().max(5_000_000), reason: z.string().trim().max(200).nullable().optional() }).strict(), AddResultSchema),
  'suppressions.remove': method(z.object({ id: z.number().int().positive() }).strict(), z.object({ removed: z.boolean(), prospectsReleased: z.number().int() })),
  'suppressions.importFile': method(
    z.object({ fileName: z.string().trim().min(1).max(255), bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 32 * 1024 * 1024, 'A suppression file is at most 32 MB') }).strict(),
    AddResultSchema,
  ),
};
