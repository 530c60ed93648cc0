// Methods for mailboxes (connect Gmail, disconnect, sync) and the mail they received.
import { z } from 'zod';
import { GoogleClientSchema, InboundMessageViewSchema, InboxOptionsSchema, MailboxSchema } from '../domain/mailbox';
import { empty, method } from './define';

export const MailboxesOverviewSchema = z.object({
  mailboxes: z.array(MailboxSchema),
  /** 'weak' when this computer cannot really encrypt the sign-in (the rep must agree first). */
  storage: z.enum(['os', 'weak']),
  google: z.object({
    configured: z.boolean(),
    source: z.enum(['settings', 'environment', 'none']),
    clientId: z.string().nullable(),
  }),
  options: InboxOptionsSchema,
});
export type MailboxesOverview = z.infer<typeof MailboxesOverviewSchema>;

export const ConnectFlowSchema = z.object({
  flowId: z.string(),
  /** The Google sign-in page, already opened in the system browser; shown so the rep can open it again. */
  authorizeUrl: z.string().url(),
});

const accountId = z.object({ accountId: z.number().int().positive() }).strict();

export const mailboxMethods = {
  'mailboxes.list': method(empty, MailboxesOverviewSchema),
  'mailboxes.setGoogleClient': method(GoogleClientSchema.strict(), MailboxesOverviewSchema),
  'mailboxes.setOptions': method(InboxOptionsSchema.partial().strict(), MailboxesOverviewSchema),
  'mailboxes.connectGmail': method(z.object({ acceptWeakStorage: z.boolean().default(false) }).strict(), ConnectFlowSchema),
  /** Resolves when the browser comes back to Repdesk (or the flow fails, is cancelled or times out). */
  'mailboxes.awaitConnect': method(z.object({ flowId: z.string().min(1) }).strict(), MailboxSchema),
  'mailboxes.cancelConnect': method(z.object({ flowId: z.string().min(1) }).strict(), z.object({ cancelled: z.boolean() })),
  'mailboxes.disconnect': method(accountId, MailboxesOverviewSchema),
  'mailboxes.setDailyCap': method(
    z.object({ accountId: z.number().int().positive(), dailyCap: z.number().int().min(1, 'The daily cap must be at least 1').max(100_000) }).strict(),
    MailboxesOverviewSchema,
  ),
  'mailboxes.syncNow': method(z.object({ accountId: z.number().int().positive().optional() }).strict(), MailboxesOverviewSchema),
  'inbox.recent': method(z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(), z.array(InboundMessageViewSchema)),
  'inbox.forProspect': method(z.object({ prospectId: z.number().int().positive() }).strict(), z.array(InboundMessageViewSchema)),
};
