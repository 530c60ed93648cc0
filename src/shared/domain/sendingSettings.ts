// The rep's sending settings: pacing like a person (daily cap, spacing, per-company cap) and days off.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-12-24');

/** Days the rep is away (inclusive, in the rep's time zone): every sequence's work moves past them. */
export const TimeOffSchema = z
  .object({ start: isoDate, end: isoDate, label: z.string().max(80) })
  .refine((t) => t.start <= t.end, { message: 'The last day off must not be before the first', path: ['end'] });
export type TimeOff = z.infer<typeof TimeOffSchema>;

/** Gmail allows about 2,000 a day for Workspace, 500 for free accounts; Outlook about 10,000. We stay far below. */
export const providerDailyLimit = 500;

export const sendingSettingsShape = {
  /** Automatic emails per mailbox per day (the rep's day). */
  dailySendCap: z.number().int().min(1).max(providerDailyLimit, `At most ${providerDailyLimit} a day: more looks like bulk mail to Gmail and Outlook`),
  /** Random spacing between two automatic sends, in seconds. */
  sendSpacingMinSeconds: z.number().int().min(10).max(3600),
  sendSpacingMaxSeconds: z.number().int().min(10).max(7200),
  /** At most this many automatic emails a day to one company's domain; null: no limit. */
  perDomainDailyCap: z.number().int().min(1).max(500).nullable(),
  timeOff: z.array(TimeOffSchema).max(100),
};

export function defaultSendingSettings() {
  return { dailySendCap: 80, sendSpacingMinSeconds: 60, sendSpacingMaxSeconds: 180, perDomainDailyCap: 3 as number | null, timeOff: [] as TimeOff[] };
}
