// Push events from the main process to the window.
import { z } from 'zod';
import { SettingsSchema } from '../domain/settings';
import { NavCountsSchema } from './app';

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
};
