// Push events from the main process to the window.
import { z } from 'zod';
import { SettingsSchema } from '../domain/settings';
import { InboundMessageViewSchema, MailboxSchema } from '../domain/mailbox';
import { NavCountsSchema } from './app';
import { ImportProgressSchema } from './imports';

export const NotificationSchema = z.object({
  title: z.string(),
  body: z.string(),
  target: z.object({ kind: z.string(), id: z.number().int().optional() }).optional(),
  /** Set when the rep already clicked the OS notification (desktop app): the window opens the target at once. */
  clicked: z.boolean().optional(),
});

export const events = {
  /** Something the Today queue shows changed (a run fell due, was approved, skipped, sent...). */
  'queue.changed': z.object({ prospectIds: z.array(z.number().int()) }),
  /** New events in these prospects' timelines. */
  'timeline.changed': z.object({ prospectIds: z.array(z.number().int()) }),
  'sequences.changed': z.object({ sequenceIds: z.array(z.number().int()) }),
  'enrollments.changed': z.object({ sequenceIds: z.array(z.number().int()), prospectIds: z.array(z.number().int()) }),
  'settings.changed': SettingsSchema,
  'counts.changed': NavCountsSchema,
  /** In the harness, notifications reach the window as in-app toasts through this event. */
  notification: NotificationSchema,
  /** A mailbox connected, synced, failed or needs reconnecting. */
  'mailboxes.changed': z.array(MailboxSchema),
  /** Inbox sync stored a new inbound message (reply, out-of-office, bounce, unsubscribe). */
  'inbox.received': InboundMessageViewSchema,
  /** How far the whole parse of a very big workbook sheet has got (it runs while the rep maps the columns). */
  'import.sheetRead': z.object({ importId: z.number().int(), fraction: z.number().min(0).max(1) }),
  /** A running import's counts, then its end (done, cancelled or failed). */
  'import.progress': ImportProgressSchema,
  /** Prospects were created, changed or deleted (an import finished, an edit, a delete). */
  'prospects.changed': z.object({ reason: z.string() }),
  /** In the harness (outside test mode), asks the browser window to open a call link the app built. */
  'launcher.open': z.object({ uri: z.string() }),
};
