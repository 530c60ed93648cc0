// Push events from the main process to the window.
import { z } from 'zod';
import { SettingsSchema } from '../domain/settings';
import { NavCountsSchema } from './app';
import { ImportProgressSchema } from './imports';

export const NotificationSchema = z.object({
  title: z.string(),
  body: z.string(),
  target: z.object({ kind: z.string(), id: z.number().int().optional() }).optional(),
});

export const events = {
  'settings.changed': SettingsSchema,
  'counts.changed': NavCountsSchema,
  /** In the harness, notifications reach the window as in-app toasts through this event. */
  notification: NotificationSchema,
  /** A running import's counts, then its end (done, cancelled or failed). */
  'import.progress': ImportProgressSchema,
  /** Prospects were created, changed or deleted (an import finished, an edit, a delete). */
  'prospects.changed': z.object({ reason: z.string() }),
};
