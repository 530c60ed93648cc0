// A connected mailbox as the UI sees it, and the options of inbox sync.
import { z } from 'zod';
import { inboundKinds, mailProviderKinds } from './mail';

export const mailboxStatuses = ['connected', 'needs_reconnect', 'disconnected'] as const;
export type MailboxStatus = (typeof mailboxStatuses)[number];

export const MailboxSchema = z.object({
  id: z.number().int(),
  provider: z.enum(mailProviderKinds),
  email: z.string(),
  displayName: z.string().nullable(),
  status: z.enum(mailboxStatuses),
  /** What went wrong, in words the rep can act on (null when all is well). */
  statusReason: z.string().nullable(),
  lastSyncedAt: z.number().nullable(),
  workspace: z.boolean(),
  dailyCap: z.number().int(),
  sentLastDay: z.number().int(),
  syncing: z.boolean(),
});
export type Mailbox = z.infer<typeof MailboxSchema>;

export const InboxOptionsSchema = z.object({
  /** Minutes between inbox polls. */
  pollMinutes: z.number().int().min(1, 'Check at least every minute').max(60, 'Check at least once an hour'),
  /** Days to pause after an out-of-office reply that names no return date. */
  outOfOfficeDays: z.number().int().min(1).max(60),
  /** Soft bounces tolerated before the address is treated as invalid. */
  softBounceLimit: z.number().int().min(1).max(10),
});
export type InboxOptions = z.infer<typeof InboxOptionsSchema>;
export const defaultInboxOptions: InboxOptions = { pollMinutes: 2, outOfOfficeDays: 7, softBounceLimit: 3 };

export const GoogleClientSchema = z.object({
  clientId: z
    .string()
    .trim()
    .regex(/^[\w.-]+\.apps\.googleusercontent\.com$/, 'A Google OAuth client id ends in .apps.googleusercontent.com'),
  /** Google does not treat an installed app's secret as confidential, but it is still never sent back to the window. */
  clientSecret: z.string().trim().max(200),
});
export type GoogleClient = z.infer<typeof GoogleClientSchema>;

export const InboundMessageViewSchema = z.object({
  id: z.number().int(),
  accountId: z.number().int().nullable(),
  prospectId: z.number().int().nullable(),
  prospectName: z.string().nullable(),
  from: z.string(),
  subject: z.string(),
  snippet: z.string(),
  /** Sanitised HTML: no scripts, no remote images. */
  html: z.string().nullable(),
  text: z.string(),
  kind: z.enum(inboundKinds),
  at: z.number(),
});
export type InboundMessageView = z.infer<typeof InboundMessageViewSchema>;
